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
  return { median: s[Math.floor(s.length / 2)], p95: s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)], min: s[0] };
}

/** The k-th variant: the EXCELLENT quota and one category weight moved, as a slider would. */
function variant(base: Scheme, k: number): Scheme {
  const root = base.groups[0].root as Extract<Scheme['groups'][number]['root'], { children: unknown }>;
  return {
    ...base,
    grades: base.grades.map((g, i) => (i === 0 ? { ...g, maxShare: 0.1 + (k % 20) / 100 } : g)),
    groups: base.groups.map((g, i) => (i === 0 ? { ...g, root: { ...root, children: root.children.map((c, j) => (j === 0 ? { ...c, weight: 10 + (k % 30) } : c)) } } : g)),
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
  const time = (runs: number, offset: number, f: (k: number) => void) => {
    const t: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = now();
      f(offset + i);
      t.push(now() - t0);
    }
    return t;
  };
  // warm-up: V8 needs some 20-40 evaluations of this size before its optimizing tier has compiled the hot loops
  time(60, 0, evaluateOnly);
  time(20, 0, pageStep);
  const e = stats(time(40, 100, evaluateOnly));
  console.log(`what-if re-evaluation of 1,000 × 100 (a new definition each run: validate + compile + evaluate, no explanations), 40 runs: median ${ms(e.median)}, p95 ${ms(e.p95)}, min ${ms(e.min)} (target ≤ 20 ms)`);
  const p = stats(time(40, 200, pageStep));
  console.log(`  the whole what-if page step (+ match and check the data by code, distance to the next grade, moved subjects), 40 runs: median ${ms(p.median)}, p95 ${ms(p.p95)}, min ${ms(p.min)}`);
  if (sink === 0) console.log('(nothing evaluated)');
}

main();
