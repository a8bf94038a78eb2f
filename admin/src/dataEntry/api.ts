// Data entry's GraphQL calls (not react-admin CRUD), over the fetch helper like schemes/api.ts:
// same headers as the data provider, failures as translated HttpErrors (body.code, body.problems).
import { gqlFetch, type FetchOptions } from '../dataProvider/fetch';
import type { InputSource, Period, Scheme, Subject } from '../generated/graphql';

export type Source = InputSource;
export const SOURCES: Source[] = ['SELF', 'MONITOR', 'REVIEW'];
export type { Period };
export const PERIODS: Period[] = ['ANNUAL', 'H1', 'H2', 'Q1', 'Q2', 'Q3', 'Q4'];

export type SchemeSummary = Pick<Scheme, 'id' | 'code' | 'name' | 'year' | 'status'>;
export type SubjectRecord = Pick<Subject, 'id' | 'code' | 'name' | 'group' | 'unit'>;
export interface InputRecord {
  id: string;
  subject: string;
  indicator: string;
  source: Source;
  period: Period;
  value: Record<string, unknown>;
  version: number;
}
export interface DiscrepancyRecord {
  subject: string;
  indicator: string;
  self: Record<string, unknown>;
  monitor: Record<string, unknown>;
  review: Record<string, unknown> | null;
  ratio: number | null;
}
/** setInputs takes at most this many rows per call (the server's cap). */
export const MAX_ROWS = 2000;

/** `version`: the stored version the edit was based on (0: none), so a value changed meanwhile is refused. */
export interface RowInput {
  subject: string;
  indicator: string;
  value: Record<string, unknown>;
  version?: number;
}

/** A setInputs problem, named by the row sent. */
export interface RowProblem {
  path: string;
  row: number;
  subject: string;
  indicator: string;
  code?: string;
  params?: Record<string, string | number>;
  message: string;
}

export const listSchemes = async (opts?: FetchOptions): Promise<SchemeSummary[]> =>
  (await gqlFetch<{ schemes: SchemeSummary[] }>('query schemes { schemes { id code name year status } }', {}, opts))
    .schemes;

export const listSubjects = async (schemeId: string, group?: string, opts?: FetchOptions): Promise<SubjectRecord[]> =>
  (
    await gqlFetch<{ subjects: SubjectRecord[] }>(
      'query subjects($schemeId: ID!, $group: String) { subjects(schemeId: $schemeId, group: $group) { id code name group unit } }',
      { schemeId, group },
      opts,
    )
  ).subjects;

export const listInputs = async (
  schemeId: string,
  source?: Source,
  period?: Period,
  indicator?: string,
  opts?: FetchOptions,
): Promise<InputRecord[]> =>
  (
    await gqlFetch<{ inputs: InputRecord[] }>(
      'query inputs($schemeId: ID!, $source: InputSource, $period: Period, $indicator: String) { inputs(schemeId: $schemeId, source: $source, period: $period, indicator: $indicator) { id subject indicator source period value version } }',
      { schemeId, source, period, indicator },
      opts,
    )
  ).inputs;

export const setInputs = async (
  schemeId: string,
  source: Source,
  period: Period,
  rows: RowInput[],
): Promise<InputRecord[]> =>
  (
    await gqlFetch<{ setInputs: InputRecord[] }>(
      'mutation setInputs($schemeId: ID!, $source: InputSource!, $period: Period, $rows: [InputRowInput!]!) { setInputs(schemeId: $schemeId, source: $source, period: $period, rows: $rows) { id subject indicator source period value version } }',
      { schemeId, source, period, rows },
    )
  ).setInputs;

/** One subject's ballots for one SURVEY indicator, a row of setBallotsBatch. */
export interface BallotRow {
  subject: string;
  indicator: string;
  ballots: Record<string, Record<string, number>>;
}

/** Several subjects' ballots in one call, all or nothing (a bad row is named in body.problems). */
export const setBallotsBatch = async (schemeId: string, rows: BallotRow[]): Promise<InputRecord[]> =>
  (
    await gqlFetch<{ setBallotsBatch: InputRecord[] }>(
      'mutation setBallotsBatch($schemeId: ID!, $rows: [BallotRowInput!]!) { setBallotsBatch(schemeId: $schemeId, rows: $rows) { id subject indicator source period value version } }',
      { schemeId, rows },
    )
  ).setBallotsBatch;

export const listDiscrepancies = async (schemeId: string, opts?: FetchOptions): Promise<DiscrepancyRecord[]> =>
  (
    await gqlFetch<{ discrepancies: DiscrepancyRecord[] }>(
      'query discrepancies($schemeId: ID!) { discrepancies(schemeId: $schemeId) { subject indicator self monitor review ratio } }',
      { schemeId },
      opts,
    )
  ).discrepancies;

/** A UNIT user's unit code (the grid shows only its own unit and members). */
/** The signed-in MONITOR user's department code ('' when it has none). */
export const myDepartment = async (opts?: FetchOptions): Promise<string> =>
  (
    await gqlFetch<{ me: { department: { code: string } | null } | null }>(
      'query me { me { department { code } } }',
      {},
      opts,
    )
  ).me?.department?.code ?? '';

export const myUnit = async (opts?: FetchOptions): Promise<string | null> =>
  (await gqlFetch<{ me: { unit: string | null } | null }>('query me { me { unit } }', {}, opts)).me?.unit ?? null;

export const rowProblemsOf = (error: unknown): RowProblem[] => {
  const problems = (error as { body?: { problems?: unknown[] } })?.body?.problems;
  return Array.isArray(problems) ? (problems as RowProblem[]).filter(p => typeof p?.row === 'number') : [];
};
