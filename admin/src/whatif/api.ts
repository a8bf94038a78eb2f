// The what-if page's calls: the data it evaluates in the browser (fetched once per data source)
// and the schemes it may take the data from. Definitions are read and saved with schemes/api.ts.
import type { Dataset } from '@kaoping/shared';
import { gqlFetch, type FetchOptions } from '../dataProvider/fetch';
import type { SchemeRecord } from '../schemes/api';

export interface BeforeRun {
  runId: string;
  subjects: { subject: string; final: number; rank: number; grade: string }[];
}

export interface SimulationData {
  dataset: Dataset;
  before: BeforeRun | null;
}

export const simulationData = async (schemeId: string, opts?: FetchOptions): Promise<SimulationData> =>
  (
    await gqlFetch<{ simulationData: SimulationData }>(
      `query simulationData($schemeId: ID!) { simulationData(schemeId: $schemeId) }`,
      { schemeId },
      opts,
    )
  ).simulationData;

export const allSchemes = async (): Promise<SchemeRecord[]> =>
  (await gqlFetch<{ schemes: SchemeRecord[] }>(`query schemes { schemes { id code name year status version } }`))
    .schemes;

/** The scheme whose data a DRAFT is simulated over by default: the newest PUBLISHED one (else CLOSED), not itself. */
export const dataSchemeFor = (
  scheme: { id: string; status: string },
  schemes: SchemeRecord[],
): SchemeRecord | undefined => {
  if (scheme.status !== 'DRAFT') return undefined;
  const others = schemes.filter(s => s.id !== scheme.id).sort((a, b) => b.year - a.year);
  return others.find(s => s.status === 'PUBLISHED') ?? others.find(s => s.status === 'CLOSED');
};
