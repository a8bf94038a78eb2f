import { evaluate } from '../index';
import { exampleDataset, exampleExpected, exampleScheme } from '../test-support/example';
import type { ResultNode, SubjectResult } from '../scheme/types';

const strip = (s: SubjectResult): SubjectResult => ({
  ...s,
  nodes: s.nodes.map((n) => {
    const { explain: _explain, ...rest } = n as ResultNode & { explain?: string };
    return rest;
  }),
});

describe('the district-2023 example', () => {
  const expected = exampleExpected();
  const result = evaluate(exampleScheme(), exampleDataset(), { explain: false });

  it('reproduces the whole expected result exactly', () => {
    expect(result).toEqual(expected);
    expect(JSON.stringify(result)).toBe(JSON.stringify(expected)); // key order too (the CLI output)
  });

  it('reproduces the groups', () => {
    expect(result.groups).toEqual(expected.groups);
  });

  describe.each(expected.subjects.map((s) => [s.subject, s] as const))('subject %s', (code, want) => {
    const got = result.subjects.find((s) => s.subject === code)!;
    it('has the expected totals, rank and grade', () => {
      const pick = (s: SubjectResult) => [
        s.base,
        s.bonus,
        s.deduction,
        s.final,
        s.rank,
        s.grade,
        s.vetoes,
        s.adjustments,
        s.warnings,
      ];
      expect(pick(got)).toEqual(pick(want));
    });
    it.each(want.nodes.map((n) => [n.code, n] as const))('node %s', (nodeCode, node) => {
      expect(got.nodes.find((n) => n.code === nodeCode)).toEqual(node);
    });
  });

  it('with explanations: the same numbers, and an explain on every indicator', () => {
    const withExplain = evaluate(exampleScheme(), exampleDataset());
    expect(withExplain.subjects.map(strip)).toEqual(expected.subjects);
    for (const s of withExplain.subjects) {
      for (const n of s.nodes) {
        if ('rate' in n) expect(typeof n.explain).toBe('string');
        else expect('explain' in n).toBe(false);
      }
    }
  });

  it('explains in Chinese, e.g. the rounding edge and the cap', () => {
    const r = evaluate(exampleScheme(), exampleDataset());
    const node = (s: string, c: string) =>
      r.subjects.find((x) => x.subject === s)!.nodes.find((n) => n.code === c) as { explain: string };
    expect(node('T04', 'TAX').explain).toBe('实际 5350 / 目标 16000 = 33.44%，得 2.68 分（满分 8 分）');
    expect(node('T01', 'FAI').explain).toBe('实际 11.3 / 目标 10 = 113%，封顶 100%，得 6.4 分（满分 6.4 分）');
    expect(node('T03', 'ROADS').explain).toBe('缺少数据，得 0 分（满分 2.4 分）');
    expect(node('T01-P', 'TEAM_RESULT').explain).toBe('所在单位最终得分 93.1 / 100 = 93.1%，得 37.24 分（满分 40 分）');
  });
});
