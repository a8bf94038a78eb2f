/**
 * Peers of an indicator within a group: the `actual` of every row that has one. Callers leave out
 * the not-applicable rows (pass undefined for them).
 */
import type { Input } from '../scheme/types';
import type { Peers } from './methods/types';

export function peersOf(rows: readonly (Input | undefined)[]): Peers | null {
  const buf = new Float64Array(rows.length);
  let n = 0;
  let sum = 0;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r === undefined) continue;
    const a = r.actual;
    if (a === undefined) continue;
    buf[n++] = a;
    sum += a;
  }
  if (n === 0) return null;
  const asc = buf.subarray(0, n).sort(); // typed arrays sort numerically
  const desc = new Array<number>(n);
  for (let i = 0; i < n; i++) desc[i] = asc[n - 1 - i];
  return { desc, max: desc[0], min: desc[n - 1], avg: sum / n };
}
