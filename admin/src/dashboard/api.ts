// The dashboard query (server/src/dashboard): the scheme, completeness per group, open work and
// the newest run, computed on the server in a constant number of statements.
import type { Source } from '../dataEntry/api';
import { gqlFetch, type FetchOptions } from '../dataProvider/fetch';
import type { RunStatus } from '../results/api';
import type { SchemeRecord } from '../schemes/api';
import type { Permission } from '../permissions';

export interface GroupCompleteness {
  group: string;
  name: string;
  kind: 'UNIT' | 'MEMBER';
  subjects: number;
  indicators: number;
  expected: number;
  effective: number;
  notApplicable: number;
  sources: { source: Source; entered: number; effective: number }[];
}

/** One department's share: subjects × the indicators it owns, MONITOR values entered, any value. */
export interface DepartmentCompleteness {
  code: string;
  name: string;
  indicators: number;
  expected: number;
  entered: number;
  effective: number;
}

export interface DashboardData {
  scheme: SchemeRecord | null;
  schemes: SchemeRecord[];
  completeness: GroupCompleteness[];
  departments: DepartmentCompleteness[];
  discrepancies: number | null;
  openDiscrepancies: number | null;
  claimedAdjustments: number;
  latestRun: { id: string; status: RunStatus; createdAt: string } | null;
}

const SCHEME = 'id code name year status version createdAt';

export const fetchDashboard = async (schemeId?: string, opts?: FetchOptions): Promise<DashboardData> =>
  (
    await gqlFetch<{ dashboard: DashboardData }>(
      `query dashboard($schemeId: ID) { dashboard(schemeId: $schemeId) {
        scheme { ${SCHEME} } schemes { ${SCHEME} }
        completeness { group name kind subjects indicators expected effective notApplicable sources { source entered effective } }
        departments { code name indicators expected entered effective }
        discrepancies openDiscrepancies claimedAdjustments latestRun { id status createdAt } } }`,
      { schemeId },
      opts,
    )
  ).dashboard;

/** What happens next to a scheme's results: who does it (in words) and the permission it takes. */
export interface NextStep {
  step: 'publish_scheme' | 'compute' | 'review' | 'approve' | 'publish' | 'done' | 'closed';
  roles: string[];
  permission?: Permission;
}

export const nextStep = (d: Pick<DashboardData, 'scheme' | 'latestRun'>): NextStep => {
  if (d.scheme?.status === 'DRAFT') return { step: 'publish_scheme', roles: ['ADMIN'], permission: 'SCHEME_PUBLISH' };
  const run = d.latestRun;
  if (!run)
    return d.scheme?.status === 'PUBLISHED'
      ? { step: 'compute', roles: ['ASSESSOR', 'ADMIN'], permission: 'RESULT_COMPUTE' }
      : { step: 'closed', roles: [] };
  if (run.status === 'DRAFT') return { step: 'review', roles: ['LEADER'], permission: 'RESULT_REVIEW' };
  if (run.status === 'REVIEWED') return { step: 'approve', roles: ['LEADER'], permission: 'RESULT_APPROVE' };
  if (run.status === 'APPROVED') return { step: 'publish', roles: ['ADMIN'], permission: 'RESULT_PUBLISH' };
  return { step: 'done', roles: [] };
};

/** entered / expected as a percentage (one decimal), null when nothing is expected. */
export const percent = (n: number, of: number): number | null => (of > 0 ? Math.round((n / of) * 1000) / 10 : null);
