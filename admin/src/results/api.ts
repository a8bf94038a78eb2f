// The result operations that are not react-admin CRUD (compute, the lifecycle steps, rankings,
// comparison), over the small fetch helper like src/schemes/api.ts: same headers as the data
// provider, errors as translated HttpErrors (body.code).
import { gqlFetch, type FetchOptions } from '../dataProvider/fetch';
import type {
  GradeCount as ApiGradeCount,
  ResultGroup,
  ResultStatus,
  RunActor as ApiRunActor,
} from '../generated/graphql';

export type RunStatus = ResultStatus;
export const RUN_STATUSES: RunStatus[] = ['DRAFT', 'REVIEWED', 'APPROVED', 'PUBLISHED', 'REJECTED', 'SUPERSEDED'];

export type RunActor = Pick<ApiRunActor, 'id' | 'name'>;

export type GradeCount = Pick<ApiGradeCount, 'grade' | 'count'>;
export type RunGroup = Pick<ResultGroup, 'group' | 'count'> & { gradeCounts: GradeCount[] };

export interface RunRecord {
  id: string;
  schemeId: string;
  status: RunStatus;
  createdAt: string;
  schemeVersion: number;
  reviewedAt?: string | null;
  approvedAt?: string | null;
  publishedAt?: string | null;
  rejectedAt?: string | null;
  rejectReason?: string | null;
  supersededAt?: string | null;
  supersededBy?: string | null;
  createdBy?: RunActor | null;
  reviewedBy?: RunActor | null;
  approvedBy?: RunActor | null;
  publishedBy?: RunActor | null;
  rejectedBy?: RunActor | null;
  missingInputs?: number;
  newest?: boolean;
  groups: RunGroup[];
}

export interface MissingInput {
  subject: { code: string; name: string };
  group: string;
  indicator: string;
  indicatorName: string;
}

export interface ResultNode {
  code: string;
  name: string;
  maxPoints: number | null;
  points: number | null;
  rate: number | null;
  out: boolean;
  explain: string | null;
}

export interface SubjectResult {
  subject: { code: string; name: string };
  group: string;
  base: number;
  bonus: number;
  deduction: number;
  final: number;
  rank: number;
  grade: string;
  vetoes: string[];
  adjustments: { rule: string; points: number }[];
  warnings: { code: string; indicator: string }[];
  nodes: ResultNode[];
}

export interface RunDiff {
  subject: { code: string; name: string };
  group: string;
  finalBefore: number | null;
  finalAfter: number | null;
  finalDelta: number | null;
  rankBefore: number | null;
  rankAfter: number | null;
  rankDelta: number | null;
  gradeBefore: string | null;
  gradeAfter: string | null;
}

const ACTOR = '{ id name }';
const RUN =
  'id schemeId status createdAt schemeVersion reviewedAt approvedAt publishedAt rejectedAt rejectReason supersededAt supersededBy missingInputs newest ' +
  `createdBy ${ACTOR} reviewedBy ${ACTOR} approvedBy ${ACTOR} publishedBy ${ACTOR} rejectedBy ${ACTOR} groups { group count gradeCounts { grade count } }`;
const SUBJECT =
  'subject { code name } group base bonus deduction final rank grade vetoes adjustments { rule points } warnings { code indicator } nodes { code name maxPoints points rate out explain }';

export const computeResults = async (schemeId: string): Promise<RunRecord> =>
  (
    await gqlFetch<{ computeResults: RunRecord }>(
      `mutation computeResults($schemeId: ID!) { computeResults(schemeId: $schemeId) { ${RUN} } }`,
      { schemeId },
    )
  ).computeResults;

/** The lifecycle: DRAFT → 审核 REVIEWED → 批准 APPROVED → 发布 PUBLISHED. */
export type Step = 'review' | 'approve' | 'publish';
export const NEXT_STEP: Partial<Record<RunStatus, Step>> = {
  DRAFT: 'review',
  REVIEWED: 'approve',
  APPROVED: 'publish',
};
const STEP_MUTATION: Record<Step, string> = {
  review: 'reviewResults',
  approve: 'approveResults',
  publish: 'publishResults',
};

/** One step; publishing a run with missing inputs needs `acknowledgeMissing` (the server refuses it otherwise). */
export const stepRun = async (step: Step, runId: string, acknowledgeMissing = false): Promise<RunRecord> => {
  const name = STEP_MUTATION[step];
  if (step === 'publish') {
    return (
      await gqlFetch<Record<string, RunRecord>>(
        `mutation ${name}($runId: ID!, $ack: Boolean) { ${name}(runId: $runId, acknowledgeMissing: $ack) { ${RUN} } }`,
        { runId, ack: acknowledgeMissing },
      )
    )[name];
  }
  return (
    await gqlFetch<Record<string, RunRecord>>(`mutation ${name}($runId: ID!) { ${name}(runId: $runId) { ${RUN} } }`, {
      runId,
    })
  )[name];
};

/** Sends a run back (退回) with a reason: REJECTED, final. */
export const rejectRun = async (runId: string, reason: string): Promise<RunRecord> =>
  (
    await gqlFetch<{ rejectResults: RunRecord }>(
      `mutation rejectResults($runId: ID!, $reason: String!) { rejectResults(runId: $runId, reason: $reason) { ${RUN} } }`,
      { runId, reason },
    )
  ).rejectResults;

export const runMissing = async (runId: string, opts?: FetchOptions): Promise<MissingInput[]> =>
  (
    await gqlFetch<{ ResultRun: { missing: MissingInput[] } }>(
      `query runMissing($id: ID!) { ResultRun(id: $id) { missing { subject { code name } group indicator indicatorName } } }`,
      { id: runId },
      opts,
    )
  ).ResultRun.missing;

export const resultRuns = async (schemeId: string, opts?: FetchOptions): Promise<RunRecord[]> =>
  (
    await gqlFetch<{ resultRuns: RunRecord[] }>(
      `query resultRuns($schemeId: ID!) { resultRuns(schemeId: $schemeId) { ${RUN} } }`,
      { schemeId },
      opts,
    )
  ).resultRuns;

/** A group's finals per score band (from/to null: unbounded), over the whole group for every reader. */
export interface ScoreBand {
  from: number | null;
  to: number | null;
  count: number;
}
export const scoreBands = async (runId: string, group: string, opts?: FetchOptions): Promise<ScoreBand[]> =>
  (
    await gqlFetch<{ scoreBands: ScoreBand[] }>(
      `query scoreBands($runId: ID!, $group: String!) { scoreBands(runId: $runId, group: $group) { from to count } }`,
      { runId, group },
      opts,
    )
  ).scoreBands;

export const rankings = async (
  schemeId: string,
  group: string,
  runId: string,
  opts?: FetchOptions,
): Promise<SubjectResult[]> =>
  (
    await gqlFetch<{ rankings: SubjectResult[] }>(
      `query rankings($schemeId: ID!, $group: String!, $runId: ID) { rankings(schemeId: $schemeId, group: $group, runId: $runId) { ${SUBJECT} } }`,
      { schemeId, group, runId },
      opts,
    )
  ).rankings;

export const compareRuns = async (runA: string, runB: string, opts?: FetchOptions): Promise<RunDiff[]> =>
  (
    await gqlFetch<{ compareRuns: RunDiff[] }>(
      `query compareRuns($runA: ID!, $runB: ID!) { compareRuns(runA: $runA, runB: $runB) { subject { code name } group finalBefore finalAfter finalDelta rankBefore rankAfter rankDelta gradeBefore gradeAfter } }`,
      { runA, runB },
      opts,
    )
  ).compareRuns;
