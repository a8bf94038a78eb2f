/**
 * One case per validation problem code: a mutation of the example that must give that code at
 * that path; every code has an English and a Chinese text.
 */
import { PROBLEM_CODES, PROBLEM_TEXTS, type ProblemCode } from '../i18n/problem-texts';
import { exampleDataset, exampleScheme } from '../test-support/example';
import { problemText, type Problem } from './problems';
import { validateDataset } from './validate-dataset';
import { validateScheme } from './validate-scheme';

type Mut = (x: any) => void; // eslint-disable-line @typescript-eslint/no-explicit-any
const TAX = '/groups/0/root/children/0/children/0/children/0';
const tax = (s: any) => s.groups[0].root.children[0].children[0].children[0]; // eslint-disable-line @typescript-eslint/no-explicit-any
const m =
  (method: unknown): Mut =>
  (s) => {
    tax(s).method = method;
  };
const f = (expression: string) => m({ type: 'FORMULA', expression });

const d0 = exampleDataset();
const at = (subject: string, indicator: string) =>
  d0.inputs.findIndex((i) => i.subject === subject && i.indicator === indicator);
const I = at('T01', 'TAX');
const SURV = at('T01', 'PUBLIC_EVAL');

const SCHEME_CASES: [ProblemCode, Mut, string][] = [
  [
    'UNKNOWN_KEY',
    (s) => {
      tax(s).method.cpa = 1.2;
    },
    `${TAX}/method/cpa`,
  ],
  [
    'NOT_AN_OBJECT',
    (s) => {
      s.grades[0] = 1;
    },
    '/grades/0',
  ],
  [
    'NOT_AN_ARRAY',
    (s) => {
      s.rules = {};
    },
    '/rules',
  ],
  [
    'ARRAY_EMPTY',
    (s) => {
      s.grades = [];
    },
    '/grades',
  ],
  ['MAP_EMPTY', m({ type: 'GRADE', levels: {} }), `${TAX}/method/levels`],
  [
    'NOT_A_NUMBER',
    (s) => {
      s.grades[0].minScore = 'x';
    },
    '/grades/0/minScore',
  ],
  [
    'NOT_A_STRING',
    (s) => {
      tax(s).unit = 5;
    },
    `${TAX}/unit`,
  ],
  ['REQUIRED', m({ type: 'RANK' }), `${TAX}/method/step`],
  [
    'NUMBER_TOO_SMALL',
    (s) => {
      s.rules[0].points = 0;
    },
    '/rules/0/points',
  ],
  ['NUMBER_TOO_LARGE', m({ type: 'RANK', step: 2 }), `${TAX}/method/step`],
  ['NUMBER_NOT_IN_RANGE', m({ type: 'GRADE', levels: { A: 1.5 } }), `${TAX}/method/levels/A`],
  [
    'FORMAT_VERSION',
    (s) => {
      s.formatVersion = 2;
    },
    '/formatVersion',
  ],
  [
    'CODE_FORMAT',
    (s) => {
      s.code = 'bad code!';
    },
    '/code',
  ],
  [
    'NAME_REQUIRED',
    (s) => {
      s.name = ' ';
    },
    '/name',
  ],
  [
    'DUPLICATE_CODE',
    (s) => {
      s.grades[1].code = 'EXCELLENT';
    },
    '/grades/1/code',
  ],
  [
    'YEAR_NOT_INTEGER',
    (s) => {
      s.year = 2023.5;
    },
    '/year',
  ],
  [
    'PRECISION_RANGE',
    (s) => {
      s.precision = 5;
    },
    '/precision',
  ],
  [
    'MIN_SCORE_ORDER',
    (s) => {
      s.grades[2].minScore = 85;
    },
    '/grades/2/minScore',
  ],
  [
    'MAX_SHARE_RANGE',
    (s) => {
      s.grades[0].maxShare = 1.5;
    },
    '/grades/0/maxShare',
  ],
  [
    'LAST_GRADE_LIMITED',
    (s) => {
      s.grades[3].minScore = 0;
    },
    '/grades/3',
  ],
  [
    'GROUP_KIND',
    (s) => {
      s.groups[0].kind = 'TEAM';
    },
    '/groups/0/kind',
  ],
  [
    'CAP_INVALID',
    (s) => {
      s.groups[0].bonusCap = -1;
    },
    '/groups/0/bonusCap',
  ],
  [
    'ROOT_NOT_CATEGORY',
    (s) => {
      s.groups[0].root = { code: 'R', name: 'R', weight: 1, method: { type: 'SCORE' } };
    },
    '/groups/0/root/children',
  ],
  [
    'WEIGHT_NOT_POSITIVE',
    (s) => {
      tax(s).weight = 0;
    },
    `${TAX}/weight`,
  ],
  [
    'CHILDREN_AND_METHOD',
    (s) => {
      s.groups[0].root.children[0].method = { type: 'SCORE' };
    },
    '/groups/0/root/children/0',
  ],
  [
    'CATEGORY_EMPTY',
    (s) => {
      s.groups[0].root.children[1].children = [];
    },
    '/groups/0/root/children/1/children',
  ],
  [
    'OWNERS_NOT_INDICATOR',
    (s) => {
      s.groups[0].root.children[0].owners = ['STATS'];
    },
    '/groups/0/root/children/0/owners',
  ],
  [
    'METHOD_REQUIRED',
    (s) => {
      delete tax(s).method;
    },
    `${TAX}/method`,
  ],
  ['METHOD_UNKNOWN', m({ type: 'MAGIC' }), `${TAX}/method/type`],
  ['METHOD_MEMBER_ONLY', m({ type: 'LINKED' }), `${TAX}/method/type`],
  [
    'RULE_KIND',
    (s) => {
      s.rules[0].kind = 'X';
    },
    '/rules/0/kind',
  ],
  [
    'RULE_GROUPS_REQUIRED',
    (s) => {
      s.rules[0].groups = [];
    },
    '/rules/0/groups',
  ],
  [
    'GROUP_UNKNOWN',
    (s) => {
      s.rules[0].groups.push('NOPE');
    },
    '/rules/0/groups/6',
  ],
  [
    'VETO_HAS_POINTS',
    (s) => {
      s.rules[6].points = 1;
    },
    '/rules/6/points',
  ],
  [
    'VETO_MAX_GRADE',
    (s) => {
      s.rules[6].maxGrade = 'NOPE';
    },
    '/rules/6/maxGrade',
  ],
  [
    'MAX_GRADE_NOT_VETO',
    (s) => {
      s.rules[0].maxGrade = 'GOOD';
    },
    '/rules/0/maxGrade',
  ],
  [
    'POINTS_AND_RANGE',
    (s) => {
      s.rules[3].points = 1;
    },
    '/rules/3/points',
  ],
  [
    'RANGE_INCOMPLETE',
    (s) => {
      delete s.rules[3].maxPoints;
    },
    '/rules/3/maxPoints',
  ],
  [
    'POINTS_REQUIRED',
    (s) => {
      delete s.rules[0].points;
    },
    '/rules/0/points',
  ],
  [
    'RANGE_ORDER',
    (s) => {
      s.rules[3].minPoints = 3;
    },
    '/rules/3/maxPoints',
  ],
  [
    'PROGRESS_THRESHOLD_ORDER',
    (s) => {
      s.progress = { behind: 30 };
    },
    '/progress/behind',
  ],
  ['DIRECTION', m({ type: 'TARGET', direction: 'UP' }), `${TAX}/method/direction`],
  ['CAP_BELOW_FLOOR', m({ type: 'TARGET', floor: 0.8, cap: 0.5 }), `${TAX}/method/cap`],
  ['LADDER_BASIS', m({ type: 'LADDER', basis: 'X', steps: [{ min: 1, score: 1 }] }), `${TAX}/method/basis`],
  ['STEP_MIN_AND_MAX', m({ type: 'LADDER', steps: [{ min: 1, max: 2, score: 1 }] }), `${TAX}/method/steps/0`],
  [
    'STEP_BOUND_MISSING',
    m({
      type: 'LADDER',
      steps: [
        { max: 2, score: 1 },
        { min: 3, score: 0.5 },
      ],
    }),
    `${TAX}/method/steps/1/max`,
  ],
  [
    'STEPS_ORDER',
    m({
      type: 'LADDER',
      steps: [
        { max: 2, score: 1 },
        { max: 1, score: 0.5 },
      ],
    }),
    `${TAX}/method/steps/1/max`,
  ],
  ['FORMULA_EMPTY', f(' '), `${TAX}/method/expression`],
  ['FORMULA_PARSE', f('1 +'), `${TAX}/method/expression`],
  ['FORMULA_LITERAL', f('"x"'), `${TAX}/method/expression`],
  ['FORMULA_UNKNOWN_NAME', f('x + 1'), `${TAX}/method/expression`],
  ['FORMULA_UNKNOWN_FUNCTION', f('foo(1)'), `${TAX}/method/expression`],
  ['FORMULA_OPERATOR', f('actual % 2'), `${TAX}/method/expression`],
  ['FORMULA_CALL', f('Math.max(1, 2)'), `${TAX}/method/expression`],
  ['FORMULA_ARITY', f('abs(1, 2)'), `${TAX}/method/expression`],
  ['FORMULA_MEMBER', f('a.b'), `${TAX}/method/expression`],
  ['FORMULA_THIS', f('this'), `${TAX}/method/expression`],
  ['FORMULA_SYNTAX', f('[1, 2]'), `${TAX}/method/expression`],
];

const DATASET_CASES: [ProblemCode, Mut, string][] = [
  [
    'UNKNOWN_KEY',
    (d) => {
      d.inputs[I].acutal = 1;
    },
    `/inputs/${I}/acutal`,
  ],
  [
    'STRING_EMPTY',
    (d) => {
      d.subjects[0].code = '';
    },
    '/subjects/0/code',
  ],
  [
    'NOT_A_BOOLEAN',
    (d) => {
      d.inputs[I].notApplicable = 'yes';
    },
    `/inputs/${I}/notApplicable`,
  ],
  [
    'SUBJECT_DUPLICATE',
    (d) => {
      d.subjects[1].code = 'T01';
    },
    '/subjects/1/code',
  ],
  [
    'SUBJECT_UNKNOWN',
    (d) => {
      d.inputs[0].subject = 'NOPE';
    },
    '/inputs/0/subject',
  ],
  [
    'MEMBER_UNIT_MISSING',
    (d) => {
      delete d.subjects[15].unit;
    },
    '/subjects/15/unit',
  ],
  [
    'MEMBER_UNIT_UNKNOWN',
    (d) => {
      d.subjects[15].unit = 'T02-P';
    },
    '/subjects/15/unit',
  ],
  [
    'INDICATOR_UNKNOWN',
    (d) => {
      d.inputs[I].indicator = 'NOPE';
    },
    `/inputs/${I}/indicator`,
  ],
  [
    'INDICATOR_NOT_IN_GROUP',
    (d) => {
      d.inputs[I].indicator = 'DUTIES';
    },
    `/inputs/${I}/indicator`,
  ],
  [
    'INPUT_DUPLICATE',
    (d) => {
      d.inputs.push({ ...d.inputs[I] });
    },
    `/inputs/${d0.inputs.length}`,
  ],
  [
    'TARGET_NOT_POSITIVE',
    (d) => {
      d.inputs[I].target = 0;
    },
    `/inputs/${I}/target`,
  ],
  [
    'GRADE_UNKNOWN',
    (d) => {
      d.inputs[at('T01', 'CIVILITY')].grade = 'E';
    },
    `/inputs/${at('T01', 'CIVILITY')}/grade`,
  ],
  [
    'SCORE_OUT_OF_RANGE',
    (d) => {
      d.inputs[at('T01', 'NEW_COUNTRYSIDE')].score = 101;
    },
    `/inputs/${at('T01', 'NEW_COUNTRYSIDE')}/score`,
  ],
  [
    'VOTER_GROUP_UNKNOWN',
    (d) => {
      d.inputs[SURV].ballots.NOBODY = {};
    },
    `/inputs/${SURV}/ballots/NOBODY`,
  ],
  [
    'OPTION_UNKNOWN',
    (d) => {
      d.inputs[SURV].ballots.LEADERS.MEH = 1;
    },
    `/inputs/${SURV}/ballots/LEADERS/MEH`,
  ],
  [
    'BALLOT_COUNT_INVALID',
    (d) => {
      d.inputs[SURV].ballots.LEADERS.EXCELLENT = 1.5;
    },
    `/inputs/${SURV}/ballots/LEADERS/EXCELLENT`,
  ],
  [
    'RULE_UNKNOWN',
    (d) => {
      d.adjustments[0].rule = 'NOPE';
    },
    '/adjustments/0/rule',
  ],
  [
    'RULE_NOT_FOR_GROUP',
    (d) => {
      d.adjustments[0].rule = 'VIOLATION';
    },
    '/adjustments/0/rule',
  ],
  [
    'COUNT_INVALID',
    (d) => {
      d.adjustments[0].count = 0.5;
    },
    '/adjustments/0/count',
  ],
  [
    'POINTS_NOT_ALLOWED',
    (d) => {
      d.adjustments[0].points = 1;
    },
    '/adjustments/0/points',
  ],
  [
    'POINTS_MISSING',
    (d) => {
      delete d.adjustments[4].points;
    },
    '/adjustments/4/points',
  ],
  [
    'POINTS_OUT_OF_RANGE',
    (d) => {
      d.adjustments[4].points = 3;
    },
    '/adjustments/4/points',
  ],
];

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
