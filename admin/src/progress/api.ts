// The progress page's GraphQL call and report download (over the same fetch helpers as data entry).
import { gqlFetch, type FetchOptions } from '../dataProvider/fetch';

export type ProgressPeriod = 'Q1' | 'Q2' | 'Q3' | 'Q4' | 'H1' | 'H2';
export const PROGRESS_PERIODS: ProgressPeriod[] = ['Q1', 'Q2', 'H1', 'Q3', 'Q4', 'H2'];
export type Level = 'ON_TRACK' | 'BEHIND' | 'FAR_BEHIND';
export const LEVELS: Level[] = ['ON_TRACK', 'BEHIND', 'FAR_BEHIND'];
export type Note = 'NO_VALUE' | 'NOT_APPLICABLE' | 'NO_TARGET' | 'TARGET_NOT_POSITIVE';

export interface ProgressItem {
  subject: string;
  subjectName: string;
  unit: string;
  indicator: string;
  indicatorName: string;
  measure: string | null;
  owners: { code: string; name: string }[];
  direction: 'HIGHER' | 'LOWER';
  actual: number | null;
  target: number | null;
  completion: number | null;
  gap: number | null;
  level: Level | null;
  note: Note | null;
}
export interface Progress {
  expected: number;
  thresholds: { behind: number; farBehind: number };
  items: ProgressItem[];
}
export interface Filters {
  unit?: string;
  department?: string;
  level?: Level;
}

const QUERY = `query progress($schemeId: ID!, $period: Period!, $unit: String, $department: String, $level: ProgressLevel) {
  progress(schemeId: $schemeId, period: $period, unit: $unit, department: $department, level: $level) {
    expected thresholds { behind farBehind }
    items { subject subjectName unit indicator indicatorName measure owners { code name } direction actual target completion gap level note }
  } }`;

export const loadProgress = async (
  schemeId: string,
  period: ProgressPeriod,
  f: Filters,
  opts?: FetchOptions,
): Promise<Progress> =>
  (
    await gqlFetch<{ progress: Progress }>(
      QUERY,
      { schemeId, period, unit: f.unit || null, department: f.department || null, level: f.level || null },
      opts,
    )
  ).progress;

export const listDepartments = async (opts?: FetchOptions): Promise<{ code: string; name: string }[]> =>
  (
    await gqlFetch<{ departments: { code: string; name: string }[] }>(
      'query departments { departments { code name } }',
      {},
      opts,
    )
  ).departments;

export const supervisionUrl = (schemeId: string, period: ProgressPeriod): string =>
  `/files/schemes/${encodeURIComponent(schemeId)}/supervision.xlsx?period=${period}`;
