import { formatLine, RECEIPT_CODES, RECEIPT_TEXTS } from '../i18n/receipt-texts';
import { exampleDataset, exampleScheme } from '../test-support/example';
import { dataset, flatScheme, group, ind, rule, scheme, subj } from '../test-support/factories';
import type { Input } from '../scheme/types';
import { evaluate } from './evaluate';
import { buildReceipts } from './receipt';

const CJK = /[\u3400-\u9fff]/;

// Ten subjects scored 95, 94, 93, 93, 85, … on one SCORE indicator; grade A has a quota of 3 (0.3 × 10).
const finals = [95, 94, 93, 93, 85, 84, 70, 65, 50, 40];
const sch = scheme([group('G', [ind('S', { type: 'SCORE' })], { bonusCap: 5 })], {
  rules: [
    rule('X', 'BONUS', ['G'], { points: 3, maxPerSubject: 4 }),
    rule('Y', 'BONUS', ['G'], { points: 3 }),
    rule('V', 'VETO', ['G'], { maxGrade: 'C' }),
  ],
});
const subjects = finals.map((_, i) => subj(`S${i}`, 'G'));
const inputs: Input[] = finals.map((f, i) => ({
  subject: `S${i}`,
  indicator: 'S',
  score: i === 6 ? 60 : i === 4 ? 95 : f,
}));
const data = dataset(subjects, inputs, [
  { subject: 'S6', rule: 'X', count: 2 },
  { subject: 'S6', rule: 'Y' }, // 6 → 4 by X's cap, + 3 = 7 → 5 by the group cap: 65
  { subject: 'S4', rule: 'V' }, // 95, vetoed to C at best
]);

describe('receipts', () => {
  const result = evaluate(sch, data);
  const receipts = buildReceipts(data, result);
  const of = (code: string) => receipts[subjects.findIndex((s) => s.code === code)];

  it('a quota tie: both subjects at the cut-off are left out of A, with the reason', () => {
    expect(result.subjects.map((s) => s.grade)).toEqual(['A', 'A', 'B', 'B', 'C', 'B', 'C', 'C', 'D', 'D']);
    const r = of('S2');
    expect(r.rank).toEqual({ rank: 4, peers: 10, tied: 1 });
    expect(r.grade.lines.map((l) => l.code)).toEqual(['GRADE_QUOTA_TIE', 'GRADE_MIN_MET']);
    expect(r.grade.lines[0].params).toMatchObject({ grade: 'A', quota: 3, final: 93, tied: 2 });
    expect(formatLine(r.grade.lines[0], 'zh')).toBe(
      '未评“A”：名额 3 名，最终得分 93 与名额线上的对象同分（共 2 个），同分者均不占名额',
    );
    expect(of('S1').grade.lines).toEqual([
      { code: 'GRADE_MIN_MET', params: { grade: 'A', gradeName: 'A', final: 94, minScore: 90 } },
      { code: 'GRADE_QUOTA_WITHIN', params: { grade: 'A', gradeName: 'A', quota: 3, position: 2, candidates: 4 } },
    ]);
  });

  it('a capped bonus: the rule cap and the group cap, claimed and counted points', () => {
    const r = of('S6');
    expect(r.adjustments).toEqual([
      { rule: 'X', name: 'X', kind: 'BONUS', claimed: 6, counted: 4, maxPerSubject: 4 },
      { rule: 'Y', name: 'Y', kind: 'BONUS', claimed: 3, counted: 3, maxPerSubject: null },
    ]);
    expect(r.bonus).toEqual({ claimed: 7, counted: 5, cap: 5 });
    expect(r.lines.map((l) => l.code)).toEqual([
      'RANK',
      'ADJUSTMENT_RULE_CAP',
      'ADJUSTMENT',
      'BONUS_GROUP_CAP',
      'GRADE_BELOW_MIN',
      'GRADE_BELOW_MIN',
      'GRADE_MIN_MET',
    ]);
    expect(formatLine(r.lines[3], 'en')).toBe("bonus total 7, cut by the group's bonus cap of 5: 5 counted");
    expect(formatLine(r.lines[3], 'zh')).toBe('加分合计 7 分，超过本组加分上限 5 分，计入 5 分');
  });

  it('a veto caps the grade: the binding veto and the grades it kept the subject out of', () => {
    const r = of('S4');
    expect(result.subjects[4]).toMatchObject({ final: 95, grade: 'C', vetoes: ['V'] });
    expect(r.vetoes).toEqual([{ rule: 'V', name: 'V', maxGrade: 'C', binding: true }]);
    expect(r.grade.lines.map((l) => [l.code, l.params.grade])).toEqual([
      ['GRADE_VETOED', 'A'],
      ['GRADE_VETOED', 'B'],
      ['GRADE_MIN_MET', 'C'],
    ]);
    expect(formatLine(r.grade.lines[0], 'en')).toBe('not "A": the veto "V" allows "C" at best');
  });

  it('an indicator that does not apply is named, its points shared out', () => {
    const s2 = flatScheme([ind('S', { type: 'SCORE' }), ind('N', { type: 'SCORE' })]);
    const d2 = dataset(
      [subj('Z', 'G')],
      [
        { subject: 'Z', indicator: 'S', score: 80 },
        { subject: 'Z', indicator: 'N', notApplicable: true },
      ],
    );
    const [r] = buildReceipts(d2, evaluate(s2, d2));
    expect(r.lines.filter((l) => l.code === 'NOT_APPLICABLE')).toEqual([
      { code: 'NOT_APPLICABLE', params: { indicator: 'N', name: 'N' } },
    ]);
    expect(formatLine(r.lines[1], 'zh')).toBe('指标“N”不适用，不计分；其满分按权重分给同一类别的其他项');
    expect(r.indicators[1]).toEqual({ indicator: 'N', value: { notApplicable: true } });
  });

  it('the last grade, and the values read per indicator', () => {
    const r = of('S9');
    expect(r.grade.lines.map((l) => l.code)).toEqual([
      'GRADE_BELOW_MIN',
      'GRADE_BELOW_MIN',
      'GRADE_BELOW_MIN',
      'GRADE_REST',
    ]);
    expect(r.indicators).toEqual([{ indicator: 'S', value: { score: 40 } }]);
    const none = buildReceipts(
      dataset([subj('Z', 'G')], []),
      evaluate(flatScheme([ind('S', { type: 'SCORE' })]), dataset([subj('Z', 'G')], [])),
    );
    expect(none[0].indicators).toEqual([{ indicator: 'S', value: null }]);
  });

  it("the example: T01's bonus is cut by the group cap, T04 is vetoed; English lines carry no Chinese but names", () => {
    const rs = buildReceipts(exampleDataset(), evaluate(exampleScheme(), exampleDataset()));
    const t01 = rs.find((r) => r.subject === 'T01')!;
    expect(t01.bonus).toEqual({ claimed: 6, counted: 5, cap: 5 });
    expect(t01.lines.map((l) => l.code)).toContain('ADJUSTMENT_RULE_CAP');
    expect(rs.find((r) => r.subject === 'T04')!.vetoes).toEqual([
      { rule: 'MAJOR_ACCIDENT', name: '重大安全责任事故', maxGrade: 'FAIR', binding: true },
    ]);
    for (const r of rs) {
      for (const l of r.lines) {
        const names = Object.entries(l.params)
          .filter(([k]) => /name|Name/.test(k))
          .map(([, v]) => String(v));
        let en = formatLine(l, 'en');
        for (const n of names) en = en.split(n).join('');
        expect(en).not.toMatch(CJK);
        expect(formatLine(l, 'zh')).toMatch(CJK);
      }
    }
  });

  it('every receipt code has a Chinese and an English text', () => {
    const p = {
      rank: 1,
      peers: 2,
      tied: 1,
      kind: 'BONUS',
      name: 'n',
      claimed: 1,
      counted: 1,
      cap: 1,
      maxGradeName: 'g',
      gradeName: 'g',
      final: 1,
      minScore: 1,
      quota: 1,
      position: 1,
      candidates: 1,
      source: 'SELF',
      difference: 1,
      threshold: 0.1,
    };
    for (const code of RECEIPT_CODES) {
      expect([code, CJK.test(RECEIPT_TEXTS[code].zh(p))]).toEqual([code, true]);
      expect([code, CJK.test(RECEIPT_TEXTS[code].en(p))]).toEqual([code, false]);
    }
  });
});
