/**
 * Benchmark parts for explanations: evaluate leaves every subject's nodes (and their explain
 * strings) to be built when first read, so the bench also times building all of them, the whole
 * JSON, and checks a sample of them against text formatted eagerly on a separate path.
 */
import { compileScheme } from '../engine/compile';
import { evaluateValidated } from '../engine/evaluate';
import { EXPLAIN_TEXTS, langFor } from '../i18n/explain-texts';
import { previewIndicator } from '../engine/preview';
import { indicatorsOf } from '../scheme/tree';
import { isCategory, type Dataset, type Input, type Result, type Scheme, type SchemeNode } from '../scheme/types';

export type Stats = { median: number; p95: number; min: number };

/** Times `measure(fresh)` where each run gets a result evaluated just before, outside the timed region. */
export function timeOnFresh(
  scheme: Scheme,
  dataset: Dataset,
  runs: number,
  measure: (r: Result) => number,
  stats: (t: number[]) => Stats,
): Stats {
  const t: number[] = [];
  let sink = 0;
  for (let i = 0; i < runs + 2; i++) {
    const r = evaluateValidated(scheme, dataset);
    const t0 = performance.now();
    sink += measure(r);
    if (i >= 2) t.push(performance.now() - t0); // two warm-up runs
  }
  if (sink === 0) throw new Error('nothing measured');
  return stats(t);
}

/** Reads every node's explain (building every subject's nodes); returns the total text length. */
export function readAllExplanations(r: Result): number {
  let chars = 0;
  for (const s of r.subjects)
    for (const n of s.nodes) if ('explain' in n && n.explain !== undefined) chars += n.explain.length;
  return chars;
}

/** Leaf indicators of a tree by code. */
function leaves(root: SchemeNode): Map<string, SchemeNode> {
  return new Map(indicatorsOf(root).map((n) => [n.code, n]));
}

/**
 * Every `every`-th subject's indicators: its explain read from the result must equal the text
 * previewIndicator formats eagerly for the same input, peers and unit final, plus the tail from
 * the node's own numbers. Throws on the first difference; returns how many were compared.
 */
export function checkExplanationSample(scheme: Scheme, dataset: Dataset, every: number): number {
  const result = evaluateValidated(scheme, dataset);
  const lang = langFor(scheme.name);
  const row = new Map<string, Input>(dataset.inputs.map((r) => [`${r.subject}\u0000${r.indicator}`, r]));
  const byCode = new Map(result.subjects.map((s) => [s.subject, s]));
  const subjects = dataset.subjects;
  let compared = 0;
  for (let i = 0; i < subjects.length; i += every) {
    const subj = subjects[i];
    const group = scheme.groups.find((g) => g.code === subj.group)!;
    const indicators = leaves(group.root);
    const peers = subjects.filter((o) => o.group === subj.group && o.code !== subj.code);
    for (const node of byCode.get(subj.code)!.nodes) {
      const ind = indicators.get(node.code);
      if (!ind || 'out' in node || isCategory(ind)) continue;
      const peerActuals: number[] = [];
      for (const o of peers) {
        const r = row.get(`${o.code}\u0000${ind.code}`);
        if (r && r.notApplicable !== true && r.actual !== undefined) peerActuals.push(r.actual);
      }
      const unitFinal = subj.unit === undefined ? undefined : byCode.get(subj.unit)!.final;
      const p = previewIndicator(ind, row.get(`${subj.code}\u0000${ind.code}`), {
        peerActuals,
        unitFinal,
        lang: { schemeName: scheme.name },
      });
      const eager =
        p.explain + EXPLAIN_TEXTS.POINTS[lang]({ points: String(node.points), maxPoints: String(node.maxPoints) });
      if (node.explain !== eager)
        throw new Error(
          `explanation differs for ${subj.code}/${ind.code}:\n  lazy:  ${node.explain}\n  eager: ${eager}`,
        );
      compared++;
    }
  }
  return compared;
}

/** Compiling a scheme (done once per scheme object; the evaluate figures reuse it): fresh copies, median ms. */
export function timeCompile(scheme: Scheme, runs: number, stats: (t: number[]) => Stats): Stats {
  const copies = Array.from({ length: runs + 2 }, () => JSON.parse(JSON.stringify(scheme)) as Scheme);
  const t: number[] = [];
  copies.forEach((c, i) => {
    const t0 = performance.now();
    compileScheme(c);
    if (i >= 2) t.push(performance.now() - t0);
  });
  return stats(t);
}
