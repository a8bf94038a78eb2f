/** Small builders for schemes and datasets in tests. */
import type {
  Adjustment,
  CategoryNode,
  Dataset,
  Grade,
  Group,
  IndicatorNode,
  Input,
  Method,
  Rule,
  Scheme,
  SchemeNode,
  Subject,
} from '../scheme/types';

export const ind = (code: string, method: Method, weight = 1): IndicatorNode => ({ code, name: code, weight, method });
export const cat = (code: string, children: SchemeNode[], weight = 1): CategoryNode => ({
  code,
  name: code,
  weight,
  children,
});

export const group = (code: string, children: SchemeNode[], extra: Partial<Group> = {}): Group => ({
  code,
  name: code,
  kind: 'UNIT',
  bonusCap: null,
  deductionCap: null,
  root: cat('ROOT', children),
  ...extra,
});

export const GRADES: Grade[] = [
  { code: 'A', name: 'A', minScore: 90, maxShare: 0.3 },
  { code: 'B', name: 'B', minScore: 80 },
  { code: 'C', name: 'C', minScore: 60 },
  { code: 'D', name: 'D' },
];

export function scheme(groups: Group[], extra: Partial<Scheme> = {}): Scheme {
  return {
    formatVersion: 1,
    code: 'test',
    name: 'Test scheme',
    year: 2023,
    precision: 2,
    grades: GRADES,
    groups,
    rules: [],
    ...extra,
  };
}

export const rule = (code: string, kind: Rule['kind'], groups: string[], extra: Partial<Rule> = {}): Rule => ({
  code,
  name: code,
  kind,
  groups,
  ...extra,
});

export const subj = (code: string, g: string, unit?: string): Subject =>
  unit ? { code, name: code, group: g, unit } : { code, name: code, group: g };

export function dataset(subjects: Subject[], inputs: Input[], adjustments: Adjustment[] = []): Dataset {
  return { formatVersion: 1, subjects, inputs, adjustments };
}

/** One UNIT group "G" with the given indicators under the root, and a scheme around it. */
export function flatScheme(indicators: IndicatorNode[], extra: Partial<Scheme> = {}): Scheme {
  return scheme([group('G', indicators)], extra);
}

/** Deep copy (JSON values only). */
export const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
