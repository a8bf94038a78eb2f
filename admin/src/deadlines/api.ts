// Deadlines (截止时间) and the not-submitted list over the fetch helper. Times are the tenant's
// local wall time (YYYY-MM-DDTHH:mm), as the server reads and shows them.
import { gqlFetch, type FetchOptions } from '../dataProvider/fetch';

export const PERIODS = ['Q1', 'Q2', 'Q3', 'Q4', 'H1', 'H2', 'ANNUAL'] as const;
export const DEADLINE_SOURCES = ['SELF', 'MONITOR'] as const;

export interface DeadlineExtension {
  targetKind: 'UNIT' | 'DEPARTMENT';
  code: string;
  until: string;
  untilLocal: string;
}
export interface Deadline {
  id: string;
  period: string;
  source: string;
  dueAt: string;
  dueLocal: string;
  timeZone: string;
  closed: boolean;
  extensions: DeadlineExtension[];
}
export interface Submission {
  unit?: string;
  code?: string;
  name: string;
  expected: number;
  entered: number;
  reopenedUntil: string | null;
}
export interface NotSubmitted {
  deadline: Deadline | null;
  units: number;
  missing: Submission[];
  departments: number;
  missingDepartments: Submission[];
}

const FIELDS = 'id period source dueAt dueLocal timeZone closed extensions { targetKind code until untilLocal }';

export const deadlines = async (schemeId: string, opts?: FetchOptions): Promise<Deadline[]> =>
  (
    await gqlFetch<{ deadlines: Deadline[] }>(
      `query deadlines($s: ID!) { deadlines(schemeId: $s) { ${FIELDS} } }`,
      { s: schemeId },
      opts,
    )
  ).deadlines;

export const setDeadline = (schemeId: string, period: string, source: string, dueLocal: string) =>
  gqlFetch(`mutation setDeadline($i: DeadlineInput!) { setDeadline(input: $i) { id } }`, {
    i: { schemeId, period, source, dueLocal },
  });

export const clearDeadline = (schemeId: string, period: string, source: string) =>
  gqlFetch(
    `mutation clearDeadline($s: ID!, $p: Period!, $src: InputSource!) { clearDeadline(schemeId: $s, period: $p, source: $src) }`,
    { s: schemeId, p: period, src: source },
  );

export const reopenDeadline = (deadlineId: string, targetKind: string, code: string, untilLocal: string) =>
  gqlFetch(`mutation reopenDeadline($i: ReopenDeadlineInput!) { reopenDeadline(input: $i) { id } }`, {
    i: { deadlineId, targetKind, code, untilLocal },
  });

export const notSubmitted = async (
  schemeId: string,
  period: string,
  source: string,
  opts?: FetchOptions,
): Promise<NotSubmitted> =>
  (
    await gqlFetch<{ notSubmitted: NotSubmitted }>(
      `query notSubmitted($s: ID!, $p: Period, $src: InputSource) { notSubmitted(schemeId: $s, period: $p, source: $src) {
       deadline { ${FIELDS} } units missing { unit name expected entered reopenedUntil } departments missingDepartments { code name expected entered reopenedUntil } } }`,
      { s: schemeId, p: period, src: source },
      opts,
    )
  ).notSubmitted;
