/** Peers of an indicator within a group: the `actual` of every subject that has one and is not out. */
import type { Input } from '../scheme/types';
import type { Peers } from './methods/types';

export function peersOf(rows: readonly (Input | undefined)[]): Peers | null {
  const values: number[] = [];
  let sum = 0;
  for (const r of rows) {
    if (r === undefined || r.notApplicable === true || r.actual === undefined) continue;
    values.push(r.actual);
    sum += r.actual;
  }
  if (values.length === 0) return null;
  values.sort((a, b) => b - a);
  return { desc: values, max: values[0], min: values[values.length - 1], avg: sum / values.length };
}
