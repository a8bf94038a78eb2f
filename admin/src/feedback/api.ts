import { gqlFetch } from '../dataProvider/fetch';
import type { RunRecord } from '../results/api';

const RUN = 'id schemeId status createdAt schemeVersion reviewedAt approvedAt publishedAt groups { group count gradeCounts { grade count } }';

export const getRun = async (id: string): Promise<RunRecord> => {
  const run = (await gqlFetch<{ ResultRun: RunRecord | null }>(`query ResultRun($id: ID!) { ResultRun(id: $id) { ${RUN} } }`, { id })).ResultRun;
  if (!run) throw new Error('NOT_FOUND');
  return run;
};
