// Helpers of the problem-code cases: mutations of the example scheme and dataset.
import type { ProblemCode } from '../i18n/problem-texts';
import { exampleDataset, exampleScheme } from './example';

export type Mut = (x: any) => void; // eslint-disable-line @typescript-eslint/no-explicit-any
export const TAX = '/groups/0/root/children/0/children/0/children/0';
export const tax = (s: any) => s.groups[0].root.children[0].children[0].children[0]; // eslint-disable-line @typescript-eslint/no-explicit-any
export const m =
  (method: unknown): Mut =>
  (s) => {
    tax(s).method = method;
  };
export const f = (expression: string) => m({ type: 'FORMULA', expression });

export const d0 = exampleDataset();
export const at = (subject: string, indicator: string) =>
  d0.inputs.findIndex((i) => i.subject === subject && i.indicator === indicator);
export const I = at('T01', 'TAX');
export const SURV = at('T01', 'PUBLIC_EVAL');

export type ProblemCase = [ProblemCode, Mut, string];

/** The example scheme after one mutation. */
export const mutatedScheme = (mutate: Mut) => {
  const s = exampleScheme();
  mutate(s);
  return s;
};
