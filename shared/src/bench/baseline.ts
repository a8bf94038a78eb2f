// The engine benchmark's floors: the same numbers in plain arithmetic, and result-node allocation alone.
import type { Dataset, Scheme } from '../scheme/types';
import { ms, stats, time } from './timing';

/**
 * The same numbers in plain arithmetic: the inputs pre-flattened into typed arrays (weight, value,
 * target), then one pass of weight × min(1, actual / target) summed per subject with naive rounding.
 * No tree, no methods, no result objects: the floor any engine is measured against.
 */
export function prepareBaseline(scheme: Scheme, dataset: Dataset): { run: () => Float64Array; inputs: number } {
  const weights = new Map<string, number>();
  for (const g of scheme.groups) {
    for (const c of (g.root as { children: { children: { code: string; weight: number }[] }[] }).children) {
      for (const l of c.children) weights.set(`${g.code}:${l.code}`, l.weight);
    }
  }
  const groupOf = new Map(dataset.subjects.map((s) => [s.code, s.group]));
  const subjectIndex = new Map(dataset.subjects.map((s, i) => [s.code, i]));
  const n = dataset.inputs.length;
  const w = new Float64Array(n);
  const v = new Float64Array(n);
  const t = new Float64Array(n);
  const subj = new Int32Array(n);
  dataset.inputs.forEach((r, i) => {
    w[i] = weights.get(`${groupOf.get(r.subject)}:${r.indicator}`) ?? 0;
    v[i] = r.actual ?? r.score ?? 50;
    t[i] = r.target ?? 100;
    subj[i] = subjectIndex.get(r.subject)!;
  });
  const totals = new Float64Array(dataset.subjects.length);
  const run = () => {
    totals.fill(0);
    for (let i = 0; i < n; i++) {
      const r = v[i] / t[i];
      totals[subj[i]] += Math.round(w[i] * (r > 1 ? 1 : r) * 100) / 100;
    }
    return totals;
  };
  for (let i = 0; i < 5; i++) run();
  return { run, inputs: n };
}

export function baseline(b: { run: () => Float64Array; inputs: number }): number {
  const s = stats(time(40, b.run));
  console.log(
    `plain-arithmetic baseline (same ${b.inputs} inputs pre-flattened to typed arrays, weighted sum): median ${ms(s.median)}`,
  );
  return s.median;
}

/**
 * The allocation floor: only building 1,000 × ~106 result nodes (with and without an explanation
 * string of the usual shape), no scoring at all. Whatever evaluate costs beyond this is engine work.
 */
export function allocationFloor(nodes: number, subjects: number): void {
  const per = Math.round(nodes / subjects);
  const build = (withText: boolean) => () => {
    const all: object[] = [];
    for (let s = 0; s < subjects; s++) {
      const list = new Array<object>(per);
      for (let i = 0; i < per; i++) {
        const p = ((s * 31 + i * 17) % 1000) / 100;
        const m = (i + 1) / 7;
        list[i] = withText
          ? {
              code: `I${i}`,
              maxPoints: m,
              points: p,
              rate: p / 10,
              explain: `实际 ${s * 3 + 0.5} / 目标 ${i * 7} = ${p}%，得 ${p} 分（满分 ${m} 分）`,
            }
          : { code: `I${i}`, maxPoints: m, points: p, rate: p / 10 };
      }
      all.push({ subject: s, nodes: list });
    }
    return all;
  };
  for (const withText of [true, false]) {
    const f = build(withText);
    for (let i = 0; i < 3; i++) f();
    const st = stats(time(20, f));
    console.log(
      `allocation floor (${(per * subjects).toLocaleString('en-US')} result nodes ${withText ? 'with' : 'without'} explanation strings, no scoring): median ${ms(st.median)}`,
    );
  }
}
