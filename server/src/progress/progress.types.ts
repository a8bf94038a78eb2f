import type { ProgressLevel as Level, ProgressNote as Note } from '@kaoping/shared';
import { Field, Float, ID, ObjectType, registerEnumType } from 'type-graphql';
import { InputSource, Period } from '../input/input.entity';

export enum ProgressLevel {
  ON_TRACK = 'ON_TRACK',
  BEHIND = 'BEHIND',
  FAR_BEHIND = 'FAR_BEHIND',
}
registerEnumType(ProgressLevel, {
  name: 'ProgressLevel',
  description:
    'A warning level by the percentage points an item is behind schedule (thresholds per scheme, default 10 and 25).',
  valuesConfig: {
    ON_TRACK: { description: 'Less than `behind` points behind schedule (or ahead).' },
    BEHIND: { description: 'At least `behind` points behind schedule.' },
    FAR_BEHIND: { description: 'At least `farBehind` points behind schedule.' },
  },
});

export enum ProgressNote {
  NO_VALUE = 'NO_VALUE',
  NOT_APPLICABLE = 'NOT_APPLICABLE',
  NO_TARGET = 'NO_TARGET',
  TARGET_NOT_POSITIVE = 'TARGET_NOT_POSITIVE',
}
registerEnumType(ProgressNote, {
  name: 'ProgressNote',
  description: 'Why an item has no level.',
  valuesConfig: {
    NO_VALUE: { description: 'No value to date was reported for the period.' },
    NOT_APPLICABLE: { description: 'Reported as not applicable.' },
    NO_TARGET: { description: "Neither the period's input nor the ANNUAL input gives a target." },
    TARGET_NOT_POSITIVE: { description: 'A higher-is-better target of 0 or less: no completion share.' },
  },
});

export enum ProgressDirection {
  HIGHER = 'HIGHER',
  LOWER = 'LOWER',
}
registerEnumType(ProgressDirection, {
  name: 'ProgressDirection',
  description: 'Whether more is better or the target is a ceiling.',
  valuesConfig: {
    HIGHER: { description: 'More is better: completion is value ÷ target.' },
    LOWER: { description: 'The target is a ceiling: completion is the share of it used.' },
  },
});

@ObjectType({ description: 'A department responsible for an indicator (its `owners` in the scheme).' })
export class ProgressDepartment {
  @Field({ description: 'Department code.' })
  code!: string;

  @Field({ description: 'Department name (the code when the tenant has no such department).' })
  name!: string;
}

@ObjectType({
  description: "One subject's progress on one indicator: value to date against the annual target and the schedule.",
})
export class ProgressItem {
  @Field({ description: 'Subject code.' })
  subject!: string;

  @Field({ description: 'Subject name.' })
  subjectName!: string;

  @Field({ description: "The unit the subject belongs to: its own code for a unit, its unit's code for a member." })
  unit!: string;

  @Field({ description: 'The name of that unit.' })
  unitName!: string;

  @Field({ description: 'Group code.' })
  group!: string;

  @Field({ description: 'Indicator code.' })
  indicator!: string;

  @Field({ description: 'Indicator name.' })
  indicatorName!: string;

  @Field(() => String, { nullable: true, description: "The indicator's unit of measure (e.g. 万元, %)." })
  measure!: string | null;

  @Field(() => [ProgressDepartment], {
    description: "The indicator's owner departments (empty when the scheme names none).",
  })
  owners!: ProgressDepartment[];

  @Field(() => ProgressDirection, { description: "HIGHER or LOWER (the method's direction)." })
  direction!: ProgressDirection;

  @Field(() => Float, {
    nullable: true,
    description: 'Value to date (cumulative); null when not reported or not applicable.',
  })
  actual!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "The annual target: the period input's target, else the ANNUAL input's.",
  })
  target!: number | null;

  @Field(() => Float, {
    description: 'Share of the year elapsed at the period, in % (Q1 25, Q2/H1 50, Q3 75, Q4/H2/ANNUAL 100).',
  })
  expected!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Completion in % (2 places): value ÷ target; for LOWER, the share of the ceiling used.',
  })
  completion!: number | null;

  @Field(() => Float, { nullable: true, description: 'Percentage points behind schedule (negative: ahead).' })
  gap!: number | null;

  @Field(() => ProgressLevel, {
    nullable: true,
    description: 'The warning level; null when it cannot be measured (see note).',
  })
  level!: Level | null;

  @Field(() => ProgressNote, { nullable: true, description: 'Why there is no level; null when there is one.' })
  note!: Note | null;

  @Field(() => InputSource, {
    nullable: true,
    description: 'Who reported the value to date (REVIEW over MONITOR over SELF).',
  })
  source!: InputSource | null;
}

@ObjectType({ description: "The thresholds of the scheme's progress warnings, in percentage points behind schedule." })
export class ProgressThresholds {
  @Field(() => Float, { description: 'From this many points behind: BEHIND.' })
  behind!: number;

  @Field(() => Float, { description: 'From this many points behind: FAR_BEHIND.' })
  farBehind!: number;
}

@ObjectType({
  description: 'Progress through the year at a period (督查): every subject × measurable indicator, filtered.',
})
export class Progress {
  @Field(() => ID, { description: 'The scheme.' })
  schemeId!: string;

  @Field(() => Period, { description: 'The period whose cumulative values are shown.' })
  period!: Period;

  @Field(() => Float, { description: 'Share of the year elapsed at the period, in %.' })
  expected!: number;

  @Field(() => ProgressThresholds, { description: "The scheme's thresholds (defaults 10 and 25)." })
  thresholds!: ProgressThresholds;

  @Field(() => [ProgressItem], { description: 'Subjects in import order, indicators in scheme order.' })
  items!: ProgressItem[];
}
