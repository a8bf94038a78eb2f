import { validateDataset } from './validate-dataset';
import { exampleDataset, exampleScheme } from '../test-support/example';
import type { Dataset } from './types';

type Mut = (d: any) => void; // eslint-disable-line @typescript-eslint/no-explicit-any
const scheme = exampleScheme();
const problems = (mutate: Mut) => {
  const d = exampleDataset();
  mutate(d);
  return validateDataset(scheme, d);
};
const inputAt = (d: Dataset, subject: string, indicator: string) =>
  d.inputs.findIndex((i) => i.subject === subject && i.indicator === indicator);

describe('validateDataset', () => {
  it('accepts the example', () => {
    expect(validateDataset(scheme, exampleDataset())).toEqual([]);
  });

  const d0 = exampleDataset();
  const TAX = inputAt(d0, 'T01', 'TAX');
  const CIV = inputAt(d0, 'T01', 'CIVILITY');
  const NEWC = inputAt(d0, 'T01', 'NEW_COUNTRYSIDE');
  const SURV = inputAt(d0, 'T01', 'PUBLIC_EVAL');

  it.each<[string, Mut, string]>([
    [
      'unknown subject (input)',
      (d) => {
        d.inputs[0].subject = 'NOPE';
      },
      '/inputs/0/subject',
    ],
    [
      'unknown subject (adjustment)',
      (d) => {
        d.adjustments[0].subject = 'NOPE';
      },
      '/adjustments/0/subject',
    ],
    [
      'unknown group',
      (d) => {
        d.subjects[0].group = 'NOPE';
      },
      '/subjects/0/group',
    ],
    [
      'unknown indicator',
      (d) => {
        d.inputs[TAX].indicator = 'NOPE';
      },
      `/inputs/${TAX}/indicator`,
    ],
    [
      'unknown rule',
      (d) => {
        d.adjustments[0].rule = 'NOPE';
      },
      '/adjustments/0/rule',
    ],
    [
      "indicator not in the subject's group tree",
      (d) => {
        d.inputs[TAX].indicator = 'DUTIES';
      },
      `/inputs/${TAX}/indicator`,
    ],
    [
      'rule does not list the group',
      (d) => {
        d.adjustments[0].rule = 'VIOLATION';
      },
      '/adjustments/0/rule',
    ],
    [
      'two inputs for the same subject and indicator',
      (d) => {
        d.inputs.push({ ...d.inputs[TAX] });
      },
      `/inputs/${d0.inputs.length}`,
    ],
    [
      'wrong kind of value',
      (d) => {
        d.inputs[TAX].actual = '7367';
      },
      `/inputs/${TAX}/actual`,
    ],
    [
      'wrong kind: notApplicable',
      (d) => {
        d.inputs[TAX].notApplicable = 'yes';
      },
      `/inputs/${TAX}/notApplicable`,
    ],
    [
      'HIGHER TARGET with target <= 0',
      (d) => {
        d.inputs[TAX].target = 0;
      },
      `/inputs/${TAX}/target`,
    ],
    [
      'unknown grade',
      (d) => {
        d.inputs[CIV].grade = 'E';
      },
      `/inputs/${CIV}/grade`,
    ],
    [
      'score outside [0, max]',
      (d) => {
        d.inputs[NEWC].score = 101;
      },
      `/inputs/${NEWC}/score`,
    ],
    [
      'unknown voter group',
      (d) => {
        d.inputs[SURV].ballots.NOBODY = { EXCELLENT: 1 };
      },
      `/inputs/${SURV}/ballots/NOBODY`,
    ],
    [
      'unknown option',
      (d) => {
        d.inputs[SURV].ballots.LEADERS.MEH = 1;
      },
      `/inputs/${SURV}/ballots/LEADERS/MEH`,
    ],
    [
      'negative ballot count',
      (d) => {
        d.inputs[SURV].ballots.LEADERS.EXCELLENT = -1;
      },
      `/inputs/${SURV}/ballots/LEADERS/EXCELLENT`,
    ],
    [
      'fractional ballot count',
      (d) => {
        d.inputs[SURV].ballots.LEADERS.EXCELLENT = 1.5;
      },
      `/inputs/${SURV}/ballots/LEADERS/EXCELLENT`,
    ],
    [
      'points missing (ranged rule)',
      (d) => {
        delete d.adjustments[4].points;
      },
      '/adjustments/4/points',
    ],
    [
      'points out of range',
      (d) => {
        d.adjustments[4].points = 3;
      },
      '/adjustments/4/points',
    ],
    [
      'points where not allowed',
      (d) => {
        d.adjustments[0].points = 1;
      },
      '/adjustments/0/points',
    ],
    [
      'count a whole number >= 1',
      (d) => {
        d.adjustments[0].count = 0.5;
      },
      '/adjustments/0/count',
    ],
    [
      'member without a unit',
      (d) => {
        delete d.subjects[15].unit;
      },
      '/subjects/15/unit',
    ],
    [
      'member whose unit is not a UNIT subject',
      (d) => {
        d.subjects[15].unit = 'T02-P';
      },
      '/subjects/15/unit',
    ],
    [
      'duplicate subject',
      (d) => {
        d.subjects[1].code = 'T01';
      },
      '/subjects/1/code',
    ],
    [
      'formatVersion 1',
      (d) => {
        d.formatVersion = 3;
      },
      '/formatVersion',
    ],
  ])('%s', (_what, mutate, path) => {
    const ps = problems(mutate);
    expect(ps.map((p) => p.path)).toContain(path);
  });

  it('escapes JSON Pointer tokens', () => {
    const ps = problems((d) => {
      d.inputs[SURV].ballots['a/b~c'] = {};
    });
    expect(ps.map((p) => p.path)).toContain(`/inputs/${SURV}/ballots/a~1b~0c`);
  });

  it('lists every problem at once', () => {
    const ps = problems((d) => {
      d.inputs[TAX].target = -1;
      d.inputs[NEWC].score = -5;
      d.adjustments[0].rule = 'X';
    });
    expect(ps.map((p) => p.path)).toEqual(
      [`/inputs/${NEWC}/score`, `/inputs/${TAX}/target`, '/adjustments/0/rule'].sort((a, b) =>
        a.startsWith('/adj') ? 1 : b.startsWith('/adj') ? -1 : Number(a.split('/')[2]) - Number(b.split('/')[2]),
      ),
    );
  });

  it('refuses to check against an invalid scheme', () => {
    expect(validateDataset({ ...scheme, formatVersion: 2 as 1 }, exampleDataset())[0].message).toMatch(
      /scheme is invalid/,
    );
  });
});
