import { gqlFetch, type FetchOptions } from '../dataProvider/fetch';
import { t } from '../i18n';
import type { RunRecord } from '../results/api';

const RUN =
  'id schemeId status createdAt schemeVersion reviewedAt approvedAt publishedAt groups { group count gradeCounts { grade count } }';

export const getRun = async (id: string, opts?: FetchOptions): Promise<RunRecord> => {
  const run = (
    await gqlFetch<{ ResultRun: RunRecord | null }>(
      `query ResultRun($id: ID!) { ResultRun(id: $id) { ${RUN} } }`,
      { id },
      opts,
    )
  ).ResultRun;
  if (!run) throw new Error(t('kaoping.error.NOT_FOUND'));
  return run;
};
