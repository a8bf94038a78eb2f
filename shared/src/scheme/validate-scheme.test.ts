import { validateScheme } from './validate-scheme';
import { mutatedScheme, TAX, tax, type Mut } from '../test-support/problem-case-helpers';
import { exampleScheme } from '../test-support/example';

const problems = (mutate: Mut) => validateScheme(mutatedScheme(mutate));

describe('validateScheme', () => {
  it('accepts the example', () => {
    expect(validateScheme(exampleScheme())).toEqual([]);
  });

  it('rejects a non-object', () => {
    expect(validateScheme(null)).toEqual([
      { path: '', code: 'NOT_AN_OBJECT', params: { what: 'scheme' }, message: 'scheme must be an object' },
    ]);
  });

  it.each<[string, Mut, string]>([
    [
      'formatVersion 1',
      (s) => {
        s.formatVersion = 2;
      },
      '/formatVersion',
    ],
    [
      'scheme code well-formed',
      (s) => {
        s.code = 'bad code!';
      },
      '/code',
    ],
    [
      'precision 0..4',
      (s) => {
        s.precision = 5;
      },
      '/precision',
    ],
    [
      'group code unique',
      (s) => {
        s.groups[1].code = 'TOWNSHIP';
      },
      '/groups/1/code',
    ],
    [
      'group kind',
      (s) => {
        s.groups[0].kind = 'TEAM';
      },
      '/groups/0/kind',
    ],
    [
      'node code unique within the tree',
      (s) => {
        tax(s).code = 'FAI';
      },
      '/groups/0/root/children/0/children/0/children/2/code',
    ],
    [
      'weight > 0',
      (s) => {
        tax(s).weight = 0;
      },
      `${TAX}/weight`,
    ],
    [
      'every group non-empty',
      (s) => {
        s.groups[0].root = { code: 'R', name: 'R', weight: 1, method: { type: 'SCORE' } };
      },
      '/groups/0/root/children',
    ],
    [
      'every category has children',
      (s) => {
        s.groups[0].root.children[1].children = [];
      },
      '/groups/0/root/children/1/children',
    ],
    [
      'method type known',
      (s) => {
        tax(s).method = { type: 'MAGIC' };
      },
      `${TAX}/method/type`,
    ],
    [
      'TARGET cap >= floor',
      (s) => {
        tax(s).method = { type: 'TARGET', floor: 0.8, cap: 0.5 };
      },
      `${TAX}/method/cap`,
    ],
    [
      'direction',
      (s) => {
        tax(s).method = { type: 'TARGET', direction: 'UP' };
      },
      `${TAX}/method/direction`,
    ],
    [
      'ladder steps ordered',
      (s) => {
        tax(s).method = {
          type: 'LADDER',
          steps: [
            { max: 2, score: 1 },
            { max: 1, score: 0.5 },
          ],
        };
      },
      `${TAX}/method/steps/1/max`,
    ],
    [
      'ladder steps all min or all max',
      (s) => {
        tax(s).method = {
          type: 'LADDER',
          steps: [
            { max: 2, score: 1 },
            { min: 3, score: 0.5 },
          ],
        };
      },
      `${TAX}/method/steps/1/max`,
    ],
    [
      'RANK step required',
      (s) => {
        tax(s).method = { type: 'RANK' };
      },
      `${TAX}/method/step`,
    ],
    [
      'levels in [0, 1]',
      (s) => {
        tax(s).method = { type: 'GRADE', levels: { A: 1.5 } };
      },
      `${TAX}/method/levels/A`,
    ],
    [
      'options in [0, 1]',
      (s) => {
        tax(s).method = { type: 'SURVEY', voterGroups: { X: 1 }, options: { Y: -1 } };
      },
      `${TAX}/method/options/Y`,
    ],
    [
      'voter group names name existing voter groups',
      (s) => {
        tax(s).method = { type: 'SURVEY', voterGroups: { X: 1 }, options: { Y: 1 }, voterGroupNames: { Z: '群众' } };
      },
      `${TAX}/method/voterGroupNames/Z`,
    ],
    [
      'voter group names are non-empty strings',
      (s) => {
        tax(s).method = { type: 'SURVEY', voterGroups: { X: 1 }, options: { Y: 1 }, voterGroupNames: { X: ' ' } };
      },
      `${TAX}/method/voterGroupNames/X`,
    ],
    [
      'option names an object',
      (s) => {
        tax(s).method = { type: 'SURVEY', voterGroups: { X: 1 }, options: { Y: 1 }, optionNames: ['优秀'] };
      },
      `${TAX}/method/optionNames`,
    ],
    [
      'option names name existing options',
      (s) => {
        tax(s).method = { type: 'SURVEY', voterGroups: { X: 1 }, options: { Y: 1 }, optionNames: { Y: 3 } };
      },
      `${TAX}/method/optionNames/Y`,
    ],
    [
      'SCORE max > 0',
      (s) => {
        tax(s).method = { type: 'SCORE', max: 0 };
      },
      `${TAX}/method/max`,
    ],
    [
      'FORMULA parses',
      (s) => {
        tax(s).method = { type: 'FORMULA', expression: '1 +' };
      },
      `${TAX}/method/expression`,
    ],
    [
      'FORMULA names only allowed variables',
      (s) => {
        tax(s).method = { type: 'FORMULA', expression: 'x + 1' };
      },
      `${TAX}/method/expression`,
    ],
    [
      'LINKED only in MEMBER groups',
      (s) => {
        tax(s).method = { type: 'LINKED' };
      },
      `${TAX}/method/type`,
    ],
    [
      'rules name existing groups',
      (s) => {
        s.rules[0].groups.push('NOPE');
      },
      '/rules/0/groups/6',
    ],
    [
      'rules name existing grades',
      (s) => {
        s.rules[6].maxGrade = 'NOPE';
      },
      '/rules/6/maxGrade',
    ],
    [
      'rule code unique',
      (s) => {
        s.rules[1].code = 'AWARD_DISTRICT';
      },
      '/rules/1/code',
    ],
    [
      'rule points required',
      (s) => {
        delete s.rules[0].points;
      },
      '/rules/0/points',
    ],
    [
      'rule range ordered',
      (s) => {
        s.rules[3].minPoints = 3;
      },
      '/rules/3/maxPoints',
    ],
    [
      'VETO has no points',
      (s) => {
        s.rules[6].points = 1;
      },
      '/rules/6/points',
    ],
    [
      'the last grade unconditional',
      (s) => {
        s.grades[3].minScore = 0;
      },
      '/grades/3',
    ],
    [
      'minScore not increasing',
      (s) => {
        s.grades[2].minScore = 85;
      },
      '/grades/2/minScore',
    ],
    [
      'maxShare in (0, 1]',
      (s) => {
        s.grades[0].maxShare = 1.5;
      },
      '/grades/0/maxShare',
    ],
    [
      'grade code unique',
      (s) => {
        s.grades[1].code = 'EXCELLENT';
      },
      '/grades/1/code',
    ],
    [
      'caps null or >= 0',
      (s) => {
        s.groups[0].bonusCap = -1;
      },
      '/groups/0/bonusCap',
    ],
  ])('%s', (_what, mutate, path) => {
    const ps = problems(mutate);
    expect(ps.map((p) => p.path)).toContain(path);
    for (const p of ps) expect(p.message.length).toBeGreaterThan(0);
  });

  it('lists every problem at once', () => {
    const ps = problems((s) => {
      s.formatVersion = 0;
      tax(s).weight = -1;
      s.rules[0].groups = [];
    });
    expect(ps.map((p) => p.path)).toEqual(['/formatVersion', `${TAX}/weight`, '/rules/0/groups']);
  });
});
