/**
 * Peers of an indicator within a group: the `actual` of every row that has one. Callers leave out
 * the not-applicable rows (pass undefined for them).
 */
import type { Input } from '../scheme/types';
import type { Peers } from './methods/types';

/** min, max and avg at once; the sorted list (RANK only) on first use. */
class GroupPeers implements Peers {
  #values: Float64Array;
  #desc: number[] | undefined = undefined;

  constructor(values: Float64Array, readonly min: number, readonly max: number, readonly avg: number) {
    this.#values = values;
  }

  get desc(): readonly number[] {
    if (this.#desc === undefined) {
      const asc = this.#values.sort(); // typed arrays sort numerically
      const n = asc.length;
      const desc = new Array<number>(n);
      for (let i = 0; i < n; i++) desc[i] = asc[n - 1 - i];
      this.#desc = desc;
    }
    return this.#desc;
  }
}

/** Peers from column `column` of a subject × columns table of actuals (NaN: none), in subject order. */
export function peersOfColumn(actuals: Float64Array, column: number, columns: number, subjects: number): Peers | null {
  const buf = new Float64Array(subjects);
  let n = 0;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let k = 0, at = column; k < subjects; k++, at += columns) {
    const a = actuals[at];
    if (a !== a) continue;
    buf[n++] = a;
    sum += a;
    if (a < min) min = a;
    if (a > max) max = a;
  }
  if (n === 0) return null;
  return new GroupPeers(buf.subarray(0, n), min, max, sum / n);
}

export function peersOf(rows: readonly (Input | undefined)[]): Peers | null {
  const buf = new Float64Array(rows.length);
  let n = 0;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r === undefined) continue;
    const a = r.actual;
    if (a === undefined) continue;
    buf[n++] = a;
    sum += a;
    if (a < min) min = a;
    if (a > max) max = a;
  }
  if (n === 0) return null;
  return new GroupPeers(buf.subarray(0, n), min, max, sum / n);
}
