/**
 * An exact, slow reference for rounding (BigInt on the double's true binary value), used by the
 * tests and the benchmark to check roundHalfUp. Not used by the engine.
 */
export function exactRoundHalfUp(x: number, places: number): string {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const neg = bits >> 63n === 1n;
  const expBits = Number((bits >> 52n) & 0x7ffn);
  const frac = bits & ((1n << 52n) - 1n);
  const m = expBits === 0 ? frac : frac | (1n << 52n);
  const e = (expBits === 0 ? 1 : expBits) - 1075; // x = m * 2^e
  const roundDiv = (num: bigint, den: bigint): bigint => {
    const q = num / den;
    return (num % den) * 2n >= den ? q + 1n : q;
  };
  const ten10 = 10n ** 10n;
  const n10 = e >= 0 ? (m << BigInt(e)) * ten10 : roundDiv(m * ten10, 1n << BigInt(-e));
  const q = roundDiv(n10, 10n ** BigInt(10 - places));
  const s = q.toString().padStart(places + 1, '0');
  const int = s.slice(0, s.length - places);
  const dec = places ? s.slice(s.length - places).replace(/0+$/, '') : '';
  const body = dec ? `${int}.${dec}` : int;
  return neg && q !== 0n ? `-${body}` : body;
}
