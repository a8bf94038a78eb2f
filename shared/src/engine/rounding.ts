/**
 * Decimal rounding, half up (away from zero), the way a district rounds by hand: a value is
 * first rounded half up to 10 decimal places (which removes binary floating-point noise), then
 * to the wanted number of places. Pure integer arithmetic on the fast path; the rare values
 * that sit within floating-point error of a tie at the 10th place, and huge values, take an
 * exact path through Number#toFixed (exact decimal expansion of the double) and BigInt.
 */

/** Powers of ten 10^0 .. 10^10, exact doubles. */
export const POW10: readonly number[] = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10];
const BIG_POW10: readonly bigint[] = POW10.map((p) => BigInt(p));
const TWO_52 = 4503599627370496;

/** Rounds |a| (a >= 0, finite) to 10 places the exact way, then to `places`; BigInt path. */
function exactScaled(a: number, places: number): number {
  // from 1e21 on toFixed answers in exponent form; such doubles are whole numbers already
  if (a >= 1e21) return Number(BigInt(a) * BIG_POW10[places]);
  const digits = a.toFixed(10).replace('.', ''); // exact: toFixed rounds the double's true value
  const n = BigInt(digits);
  const div = BIG_POW10[10 - places];
  let q = n / div;
  if ((n % div) * 2n >= div) q += 1n;
  return Number(q);
}

/**
 * The value rounded half up to `places` (0..10), as an integer count of 10^-places units.
 * roundScaled(2.675, 2) === 268; roundScaled(-0.125, 2) === -13.
 */
export function roundScaled(x: number, places: number): number {
  // Fast path (every leaf's points go through here): y = x × 10^places is within 1.2e-6 of the
  // exact product, and rounding to 10 places first moves the value by at most 0.5e-6 in these
  // units; so unless y lies within 1e-5 of a tie, y's own nearest-half-up integer is the answer.
  if (places <= 4 && x >= 0 && x < 1e6) {
    const y = x * POW10[places];
    const n = Math.floor(y);
    const d = y - n - 0.5;
    if (d > 1e-5) return n + 1;
    if (d < -1e-5) return n;
  }
  if (x !== x || x === Infinity || x === -Infinity) return NaN;
  const neg = x < 0;
  const a = neg ? -x : x;
  const y = a * 1e10;
  let n: number;
  if (y < TWO_52) {
    n = Math.floor(y);
    const f = y - n; // exact
    const d = f - 0.5;
    // y carries a relative error of at most 2^-53; only a near-tie could round the wrong way.
    if ((d < 0 ? -d : d) <= y * 2.3e-16 + 1e-12) return sign(neg, exactScaled(a, places));
    if (f > 0.5) n += 1;
  } else {
    return sign(neg, exactScaled(a, places));
  }
  if (places === 10) return sign(neg, n);
  const div = POW10[10 - places];
  let q = Math.floor(n / div);
  let r = n - q * div;
  if (r < 0) {
    q -= 1;
    r += div;
  } else if (r >= div) {
    q += 1;
    r -= div;
  }
  if (r * 2 >= div) q += 1;
  return sign(neg, q);
}

function sign(neg: boolean, q: number): number {
  return neg && q !== 0 ? -q : q;
}

/** Rounds half up in decimal: roundHalfUp(2.675, 2) === 2.68; roundHalfUp(0.1 + 0.2, 2) === 0.3. */
export function roundHalfUp(x: number, places: number): number {
  return roundScaled(x, places) / POW10[places];
}

/**
 * An integer count of 10^-places units as a short decimal string: formatScaled(268, 2) === '2.68',
 * formatScaled(260, 2) === '2.6', formatScaled(800, 2) === '8'. Integer-to-string is much cheaper
 * than double-to-string, which matters when 100,000 explanations are built.
 */
export function formatScaled(q: number, places: number): string {
  while (places > 0 && q % 10 === 0) {
    q /= 10;
    places--;
  }
  if (places === 0) return String(q);
  const neg = q < 0;
  let s = String(neg ? -q : q);
  if (s.length <= places) s = '0'.repeat(places - s.length + 1) + s;
  const r = `${s.slice(0, s.length - places)}.${s.slice(s.length - places)}`;
  return neg ? `-${r}` : r;
}

/** A number as a short decimal string, rounded to `places` (default 10, which removes binary noise). */
export function fmt(x: number, places = 10): string {
  if ((x | 0) === x) return String(x); // small integers: nothing to round
  if (places > 4) {
    const q4 = roundScaled(x, 4); // most inputs have few decimals: format them from an integer
    if (q4 / 1e4 === x) return formatScaled(q4, 4);
  }
  // never print more than 15 significant digits (a double holds no more)
  const a = x < 0 ? -x : x;
  const intDigits = a >= 1 ? Math.floor(Math.log10(a)) + 1 : 0;
  const p = Math.max(0, Math.min(places, 15 - intDigits));
  return formatScaled(roundScaled(x, p), p);
}
