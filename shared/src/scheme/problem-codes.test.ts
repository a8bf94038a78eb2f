/**
 * One case per validation problem code: a mutation of the example that must give that code at
 * that path; every code has an English and a Chinese text.
 */
import { PROBLEM_CODES, PROBLEM_TEXTS, type ProblemCode } from '../i18n/problem-texts';
import { exampleDataset, exampleScheme } from '../test-support/example';
import { problemText, type Problem } from './problems';
import { validateDataset } from './validate-dataset';
import { validateScheme } from './validate-scheme';

import { DATASET_CASES } from '../test-support/dataset-problem-cases';
import { TAX, tax } from '../test-support/problem-case-helpers';
import { SCHEME_CASES } from '../test-support/scheme-problem-cases';

/** Codes raised by the server's own checks around the engine (tested end to end there). */
const SERVER_CODES: ProblemCode[] = [
  'UNIT_NOT_ALLOWED',
  'INDICATOR_NOT_SURVEY',
  'SCHEME_INVALID',
  'SUBJECT_GROUP_LOCKED',
  'SUBJECT_HAS_MEMBERS',
  'OWN_UNIT_ONLY',
  'VERSION_INVALID',
  'CHANGED_MEANWHILE',
  'OWNER_UNKNOWN',
  'INDICATOR_NOT_OWNED',
];

const CJK = /[\u3400-\u9fff]/;

function expectCode(ps: Problem[], code: ProblemCode, path: string): void {
  const hit = ps.find((p) => p.code === code && p.path === path);
  expect({ code, path, found: hit !== undefined ? true : ps.map((p) => `${p.path} ${p.code}`) }).toEqual({
    code,
    path,
    found: true,
  });
  expect(hit!.message).toBe(PROBLEM_TEXTS[code].en(hit!.params));
}

describe('problem codes', () => {
  it.each(SCHEME_CASES)('scheme: %s', (code, mutate, path) => {
    const s = exampleScheme();
    mutate(s);
    expectCode(validateScheme(s), code, path);
  });

  it.each(DATASET_CASES)('dataset: %s', (code, mutate, path) => {
    const d = exampleDataset();
    mutate(d);
    expectCode(validateDataset(exampleScheme(), d), code, path);
  });

  it('SCHEME_INVALID: a dataset is not checked against an invalid scheme', () => {
    expect(validateDataset({ ...exampleScheme(), year: 0.5 }, exampleDataset())).toEqual([
      {
        path: '',
        code: 'SCHEME_INVALID',
        params: { count: 1 },
        message: 'the scheme is invalid (1 problem(s)); validate it first',
      },
    ]);
  });

  it('UNKNOWN_KEY suggests the near miss ("cpa" → "cap", "reviewThreshhold" → "reviewThreshold"), not a far one', () => {
    const s = exampleScheme() as any; // eslint-disable-line @typescript-eslint/no-explicit-any
    tax(s).method.cpa = 1.2;
    s.reviewThreshhold = 0.1;
    tax(s).colour = 'red';
    const ps = validateScheme(s).filter((p) => p.code === 'UNKNOWN_KEY');
    expect(ps.map((p) => [p.path, p.params.suggestion])).toEqual(
      expect.arrayContaining([
        [`${TAX}/method/cpa`, 'cap'],
        ['/reviewThreshhold', 'reviewThreshold'],
        [`${TAX}/colour`, undefined],
      ]),
    );
    expect(ps.find((p) => p.params.key === 'cpa')!.message).toBe('unknown key "cpa" (did you mean "cap"?)');
    expect(
      problemText(
        ps.find((p) => p.params.key === 'cpa')!,
        'zh',
      ),
    ).toBe('未知的键“cpa”（是否应为“cap”？）');
  });

  it('accepts the keys decided for later: SURVEY voterGroupNames/optionNames, indicator owners', () => {
    const s = exampleScheme() as any; // eslint-disable-line @typescript-eslint/no-explicit-any
    tax(s).owners = ['FIN'];
    tax(s).method = {
      type: 'SURVEY',
      voterGroups: { A: 1 },
      options: { Y: 1 },
      voterGroupNames: { A: '领导' },
      optionNames: { Y: '满意' },
    };
    expect(validateScheme(s).filter((p) => p.code === 'UNKNOWN_KEY')).toEqual([]);
  });

  it('owners: a non-empty list of distinct department codes on an indicator', () => {
    const at = (owners: unknown) => {
      const s = exampleScheme() as any; // eslint-disable-line @typescript-eslint/no-explicit-any
      tax(s).owners = owners;
      return validateScheme(s).map((p) => [p.path, p.code, p.params]);
    };
    expect(at(['TAX_BUREAU', 'STATS'])).toEqual([]);
    expect(at('STATS')).toEqual([[`${TAX}/owners`, 'NOT_AN_ARRAY', { key: 'owners' }]]);
    expect(at([])).toEqual([[`${TAX}/owners`, 'ARRAY_EMPTY', { key: 'owners' }]]);
    expect(at(['STATS', 'bad code', 7, 'STATS'])).toEqual([
      [`${TAX}/owners/1`, 'CODE_FORMAT', {}],
      [`${TAX}/owners/2`, 'CODE_FORMAT', {}],
      [`${TAX}/owners/3`, 'DUPLICATE_CODE', { what: 'owner', code: 'STATS' }],
    ]);
    const dup = validateScheme(
      (() => {
        const s = exampleScheme();
        tax(s).owners = ['A', 'A'];
        return s;
      })(),
    ).find((p) => p.code === 'DUPLICATE_CODE')!;
    expect(problemText(dup, 'zh')).toBe('责任部门代码“A”重复');
  });

  it('the example names owners for the economic indicators (税务局 for tax revenue)', () => {
    expect(tax(exampleScheme()).owners).toEqual(expect.arrayContaining(['TAX_BUREAU']));
    expect(validateScheme(exampleScheme())).toEqual([]);
  });

  it('every code has a case here (or is raised by the server) and an English and a Chinese text', () => {
    const covered = new Set([...SCHEME_CASES, ...DATASET_CASES].map((c) => c[0]).concat(SERVER_CODES));
    expect(PROBLEM_CODES.filter((c) => !covered.has(c))).toEqual([]);
    for (const code of PROBLEM_CODES) {
      expect(code).toMatch(/^[A-Z]+(_[A-Z]+)*$/);
      const params = {
        key: 'cap',
        what: 'grade',
        code: 'X',
        type: 'LINKED',
        min: 0,
        max: 1,
        name: 'abs',
        rule: 'R',
        group: 'G',
        subject: 'S',
        indicator: 'I',
        count: 2,
        op: '>',
        bound: 0,
        detail: 'd',
        raw: '"x"',
      };
      const en = PROBLEM_TEXTS[code].en(params);
      const zh = PROBLEM_TEXTS[code].zh(params);
      expect({ code, en: CJK.test(en) }).toEqual({ code, en: false });
      expect({ code, zh: CJK.test(zh) }).toEqual({ code, zh: true });
    }
  });
});
