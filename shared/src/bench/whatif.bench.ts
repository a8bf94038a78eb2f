/**
 * What-if benchmark (`npm run bench:whatif`): what the console's what-if page does on every change
 * of a weight or quota, on the engine bench's tenant of 1,000 subjects × 100 indicators with 5,000
 * adjustments. Each run takes a NEW definition object (the page builds one per change, so the
 * scheme is compiled every time, as it is there) and evaluates it without explanations:
 * - `evaluate`: validateScheme + evaluate (what the issue's ≤ 20 ms target is about);
 * - the whole page step: that, plus matching the data by code and checking it against the
 *   changed definition (matchDataset), the distance to the next grade and the moved subjects.
 */
import { evaluateValidated } from '../engine/evaluate';
import type { Scheme } from '../scheme/types';
import { validateScheme } from '../scheme/validate-scheme';
import { matchDataset } from '../whatif/match';
import { movedSubjects, standingsOf, whatIfSubjects } from '../whatif/moves';
import { generateTenant } from './generate';

const now = () => performance.now();
const ms = (x: number) => `${x.toFixed(2)} ms`;

function stats(times: number[]): { median: number; p95: number; min: number } {
  const s = [...times].sort((a, b) => a - b);
  return {
    median: s[Math.floor(s.length / 2)],
    p95: s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)],
    min: s[0],
  };
}

/** The k-th variant: the EXCELLENT quota and one category weight moved, as a slider would. */
function variant(base: Scheme, k: number): Scheme {
  const root = base.groups[0].root as Extract<Scheme['groups'][number]['root'], { children: unknown }>;
  return {
    ...base,
    grades: base.grades.map((g, i) => (i === 0 ? { ...g, maxShare: 0.1 + (k % 20) / 100 } : g)),
    groups: base.groups.map((g, i) =>
      i === 0
        ? {
            ...g,
            root: { ...root, children: root.children.map((c, j) => (j === 0 ? { ...c, weight: 10 + (k % 30) } : c)) },
          }
        : g,
    ),
  };
}

function main(): void {
  const { scheme, dataset } = generateTenant(1000, 100, 5000);
  const before = standingsOf(evaluateValidated(scheme, dataset, { explain: false }));
  let sink = 0;
  const evaluateOnly = (k: number) => {
    const def = variant(scheme, k);
    if (validateScheme(def).length) throw new Error('variant invalid');
    sink += evaluateValidated(def, dataset, { explain: false }).subjects.length;
  };
  const pageStep = (k: number) => {
    const def = variant(scheme, k);
    if (validateScheme(def).length) throw new Error('variant invalid');
    const m = matchDataset(def, dataset);
    if (m.problems.length) throw new Error(m.problems[0].message);
    const result = evaluateValidated(def, m.dataset, { explain: false });
    sink += movedSubjects(def.grades, whatIfSubjects(def, result, before)).length;
  };
  const warm = (runs: number, f: (k: number) => void) => {
    for (let i = 0; i < runs; i++) f(i);
  };
  // warm-up: V8 needs some 20-40 evaluations of this size before its optimizing tier has compiled the hot loops
  warm(60, evaluateOnly);
  warm(20, pageStep);
  // Right after each run (outside its time), the plain evaluate of the unchanged, already compiled
  // scheme: the same stretch of the shared VM, so a slow stretch shows as such.
  const plain = () => evaluateValidated(scheme, dataset, { explain: false });
  const withRef = (offset: number, f: (k: number) => void) => {
    const t: number[] = [];
    const r: number[] = [];
    for (let i = 0; i < 40; i++) {
      const t0 = now();
      f(offset + i);
      const t1 = now();
      plain();
      r.push(now() - t1);
      t.push(t1 - t0);
    }
    return { t: stats(t), r: stats(r) };
  };
  const e = withRef(100, evaluateOnly);
  console.log(
    `what-if re-evaluation of 1,000 × 100 (a new definition each run: validate + compile + evaluate, no explanations), 40 runs: median ${ms(e.t.median)}, p95 ${ms(e.t.p95)}, min ${ms(e.t.min)} (target ≤ 20 ms)`,
  );
  console.log(
    `  same stretch, evaluate of the unchanged compiled scheme right after each run: median ${ms(e.r.median)}, p95 ${ms(e.r.p95)}`,
  );
  const p = withRef(200, pageStep);
  console.log(
    `the whole what-if page step (+ match and check the data by code, distance to the next grade, moved subjects), 40 runs: median ${ms(p.t.median)}, p95 ${ms(p.t.p95)}, min ${ms(p.t.min)}`,
  );
  console.log(
    `  same stretch, evaluate of the unchanged compiled scheme right after each run: median ${ms(p.r.median)}, p95 ${ms(p.r.p95)}`,
  );
  if (sink === 0) console.log('(nothing evaluated)');
}

main();
