// One mutation of the example scheme per scheme problem code, and the path it must be reported at.
import { f, m, TAX, tax, type ProblemCase } from './problem-case-helpers';

export const SCHEME_CASES: ProblemCase[] = [
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
