// One mutation of the example dataset per dataset problem code, and the path it must be reported at.
import { at, d0, I, SURV, type ProblemCase } from './problem-case-helpers';

export const DATASET_CASES: ProblemCase[] = [
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
