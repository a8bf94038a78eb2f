/** Peers of an indicator within a group: the `actual` of every subject that has one and is not out. */
import type { Input } from '../scheme/types';
import type { Peers } from './methods/types';

export function peersOf(rows: readonly (Input | undefined)[]): Peers | null {
  const buf = new Float64Array(rows.length);
  let n = 0;
  let sum = 0;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r === undefined || r.notApplicable === true || r.actual === undefined) continue;
    buf[n++] = r.actual;
    sum += r.actual;
  }
  if (n === 0) return null;
  const asc = buf.subarray(0, n).sort(); // typed arrays sort numerically
  const desc = new Array<number>(n);
  for (let i = 0; i < n; i++) desc[i] = asc[n - 1 - i];
  return { desc, max: desc[0], min: desc[n - 1], avg: sum / n };
}
