/** A synthetic tenant for the benchmark: every method, UNIT and MEMBER groups, many adjustments. */
import type { Adjustment, Dataset, Input, Method, Scheme, SchemeNode, Subject } from '../scheme/types';

/** Deterministic pseudo-random numbers in [0, 1). */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

const METHODS: Method[] = [
  { type: 'TARGET' },
  { type: 'TARGET', direction: 'LOWER', cap: 1 },
  { type: 'TARGET', cap: 1.2, floor: 0.3 },
  {
    type: 'LADDER',
    steps: [
      { min: 90, score: 1 },
      { min: 70, score: 0.8 },
      { min: 40, score: 0.5 },
    ],
  },
  { type: 'RANK', step: 0.01, floor: 0.6 },
  { type: 'LINEAR', floor: 0.4 },
  { type: 'GRADE', levels: { A: 1, B: 0.85, C: 0.7, D: 0.5 } },
  { type: 'SCORE' },
  { type: 'SURVEY', voterGroups: { LEADERS: 3, STAFF: 2, PUBLIC: 1 }, options: { E: 1, G: 0.8, F: 0.6, P: 0.2 } },
  { type: 'FORMULA', expression: 'if(actual >= target, 1, max(0, actual / peerMax))' },
];

function tree(indicators: number, linked: boolean, rand: () => number): SchemeNode {
  const cats: SchemeNode[] = [];
  const perCat = 20;
  for (let c = 0; c < indicators / perCat; c++) {
    const children: SchemeNode[] = [];
    for (let i = 0; i < perCat; i++) {
      const k = c * perCat + i;
      const method: Method = linked && k === 0 ? { type: 'LINKED' } : METHODS[k % METHODS.length];
      children.push({ code: `I${k}`, name: `Indicator ${k}`, weight: 1 + Math.floor(rand() * 9), method });
    }
    cats.push({ code: `C${c}`, name: `Category ${c}`, weight: 10 + Math.floor(rand() * 30), children });
  }
  return { code: 'ROOT', name: 'Root', weight: 1, children: cats };
}

function input(subject: string, indicator: string, m: Method, rand: () => number): Input {
  const base = { subject, indicator };
  if (rand() < 0.01) return { ...base, notApplicable: true };
  switch (m.type) {
    case 'GRADE':
      return { ...base, grade: 'ABCD'[Math.floor(rand() * 4)] };
    case 'SCORE':
      return { ...base, score: Math.round(rand() * 1000) / 10 };
    case 'SURVEY':
      return {
        ...base,
        ballots: {
          LEADERS: { E: Math.floor(rand() * 10), G: Math.floor(rand() * 5) },
          STAFF: { G: Math.floor(rand() * 20), F: 2 },
          PUBLIC: { E: 3, P: Math.floor(rand() * 4) },
        },
      };
    case 'LADDER':
      return { ...base, actual: Math.round(rand() * 1000) / 10 };
    default:
      return { ...base, actual: Math.round(rand() * 120000) / 100, target: 100 + Math.round(rand() * 1000) };
  }
}

export function generateTenant(
  subjects = 1000,
  indicators = 100,
  adjustments = 5000,
  seed = 42,
): { scheme: Scheme; dataset: Dataset } {
  const rand = rng(seed);
  const units = Math.round(subjects * 0.8);
  const scheme: Scheme = {
    formatVersion: 1,
    code: 'bench',
    name: '基准测试方案',
    year: 2024,
    precision: 2,
    grades: [
      { code: 'EXCELLENT', name: '优秀', minScore: 90, maxShare: 0.2 },
      { code: 'GOOD', name: '良好', minScore: 75, maxShare: 0.6 },
      { code: 'FAIR', name: '一般', minScore: 50 },
      { code: 'POOR', name: '较差' },
    ],
    groups: [
      { code: 'UNIT', name: '单位', kind: 'UNIT', bonusCap: 5, deductionCap: 8, root: tree(indicators, false, rand) },
      {
        code: 'MEMBER',
        name: '成员',
        kind: 'MEMBER',
        bonusCap: 3,
        deductionCap: null,
        root: tree(indicators, true, rand),
      },
    ],
    rules: [
      { code: 'AWARD', name: '表彰', kind: 'BONUS', groups: ['UNIT', 'MEMBER'], points: 0.5, maxPerSubject: 2 },
      { code: 'INNOVATION', name: '创新', kind: 'BONUS', groups: ['UNIT', 'MEMBER'], minPoints: 0.1, maxPoints: 2 },
      {
        code: 'CRITICISM',
        name: '通报批评',
        kind: 'DEDUCTION',
        groups: ['UNIT', 'MEMBER'],
        points: 1,
        maxPerSubject: 3,
      },
      { code: 'LATE', name: '迟报', kind: 'DEDUCTION', groups: ['UNIT', 'MEMBER'], points: 0.25 },
      { code: 'ACCIDENT', name: '事故', kind: 'VETO', groups: ['UNIT', 'MEMBER'], maxGrade: 'FAIR' },
    ],
  };
  const subs: Subject[] = [];
  for (let i = 0; i < subjects; i++) {
    subs.push(
      i < units
        ? { code: `U${i}`, name: `Unit ${i}`, group: 'UNIT' }
        : { code: `M${i}`, name: `Member ${i}`, group: 'MEMBER', unit: `U${Math.floor(rand() * units)}` },
    );
  }
  const inputs: Input[] = [];
  for (const s of subs) {
    const g = scheme.groups[s.group === 'UNIT' ? 0 : 1];
    for (const c of (g.root as { children: { children: { code: string; method: Method }[] }[] }).children) {
      for (const leaf of c.children) {
        if (leaf.method.type === 'LINKED' || rand() < 0.005) continue; // LINKED needs no row; a few missing inputs
        inputs.push(input(s.code, leaf.code, leaf.method, rand));
      }
    }
  }
  const adj: Adjustment[] = [];
  for (let i = 0; i < adjustments; i++) {
    const s = subs[Math.floor(rand() * subs.length)].code;
    const r = rand();
    if (r < 0.35) adj.push({ subject: s, rule: 'AWARD', count: 1 + Math.floor(rand() * 3) });
    else if (r < 0.6)
      adj.push({ subject: s, rule: 'INNOVATION', points: Math.round((0.1 + rand() * 1.9) * 100) / 100 });
    else if (r < 0.8) adj.push({ subject: s, rule: 'CRITICISM' });
    else if (r < 0.998) adj.push({ subject: s, rule: 'LATE', count: 1 + Math.floor(rand() * 2) });
    else adj.push({ subject: s, rule: 'ACCIDENT' });
  }
  // Through JSON, as a server receives it (object spread above gives every row its own hidden class).
  const dataset: Dataset = JSON.parse(JSON.stringify({ formatVersion: 1, subjects: subs, inputs, adjustments: adj }));
  return { scheme: JSON.parse(JSON.stringify(scheme)) as Scheme, dataset };
}
