// Timing helpers of the engine benchmark: medians and percentiles of repeated runs, with a reference.
export const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
export const now = () => performance.now();
export const ms = (x: number) => `${x.toFixed(2)} ms`;

export function stats(times: number[]): { median: number; p95: number; min: number } {
  const s = [...times].sort((a, b) => a - b);
  return {
    median: s[Math.floor(s.length / 2)],
    p95: s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)],
    min: s[0],
  };
}

export function time(runs: number, f: () => unknown): number[] {
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = now();
    f();
    t.push(now() - t0);
  }
  return t;
}

/**
 * Times `runs` calls of f and, right after each (outside f's time), one call of the reference
 * workload `ref`: the machine's own speed over the same stretch. On the shared 2-core VM the same
 * fixed arithmetic sometimes runs at half speed for seconds while the VM itself is idle (the
 * host's load); an evaluate median from such a stretch shows it here instead of looking like a
 * slower engine.
 */
export function timeWithReference(
  runs: number,
  f: () => unknown,
  ref: () => unknown,
): { t: number[]; ref: number[]; ratio: number[] } {
  const t: number[] = [];
  const r: number[] = [];
  const ratio: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = now();
    f();
    const t1 = now();
    ref();
    const t2 = now();
    t.push(t1 - t0);
    r.push(t2 - t1);
    ratio.push((t1 - t0) / (t2 - t1));
  }
  return { t, ref: r, ratio };
}

/** The reference line printed under an evaluate figure. */
export function referenceLine(m: { ref: number[]; ratio: number[] }): string {
  const r = stats(m.ref);
  return (
    `  same stretch, plain-arithmetic baseline right after each run: median ${ms(r.median)}, p95 ${ms(r.p95)}; ` +
    `evaluate / baseline per run: median ${stats(m.ratio).median.toFixed(1)}×`
  );
}
