import { GraphQLJSON } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum InputSource {
  SELF = 'SELF',
  MONITOR = 'MONITOR',
  REVIEW = 'REVIEW',
}
registerEnumType(InputSource, {
  name: 'InputSource',
  description: 'Who reported a value; the effective one is REVIEW over MONITOR over SELF.',
  valuesConfig: {
    SELF: { description: 'The unit itself.' },
    MONITOR: { description: 'The monitoring department.' },
    REVIEW: { description: 'The assessment team (final).' },
  },
});

export enum Period {
  Q1 = 'Q1',
  Q2 = 'Q2',
  Q3 = 'Q3',
  Q4 = 'Q4',
  H1 = 'H1',
  H2 = 'H2',
  ANNUAL = 'ANNUAL',
}
registerEnumType(Period, {
  name: 'Period',
  description: 'Only ANNUAL inputs are scored; the others are monitoring history.',
  valuesConfig: {
    Q1: { description: 'First quarter.' },
    Q2: { description: 'Second quarter.' },
    Q3: { description: 'Third quarter.' },
    Q4: { description: 'Fourth quarter.' },
    H1: { description: 'First half-year.' },
    H2: { description: 'Second half-year.' },
    ANNUAL: { description: 'The whole year (scored).' },
  },
});

@ObjectType('Input', {
  description:
    'One value entered for a subject and an indicator, by source (SELF, MONITOR, REVIEW) and period. The engine scores the effective ANNUAL value: REVIEW over MONITOR over SELF.',
})
export class DataInput {
  @Field(() => ID, { description: 'The input id.' })
  id!: string;

  @Field(() => ID, { description: 'The scheme it belongs to.' })
  schemeId!: string;

  @Field({ description: 'Subject code.' })
  subject!: string;

  @Field({ description: 'Indicator code.' })
  indicator!: string;

  @Field(() => InputSource, {
    description:
      'Who entered it: the unit itself (SELF), the monitoring department (MONITOR) or the assessment team (REVIEW).',
  })
  source!: InputSource;

  @Field(() => Period, { description: 'The period it covers; only ANNUAL values are scored.' })
  period!: Period;

  @Field(() => GraphQLJSON, {
    description: 'The dataset input fields: actual, target, previous, score, grade, ballots, notApplicable.',
  })
  value!: Record<string, unknown>;

  @Field(() => ID, {
    nullable: true,
    description: 'Who last wrote it (a user id); null when no user did (written by the system).',
  })
  enteredBy!: string | null;

  @Field({ description: 'When it was last written.' })
  updatedAt!: Date;

  @Field(() => Int, {
    description:
      "Starts at 1 and grows with each change; send it back (setInputs rows' version) to refuse overwriting a newer value (CONFLICT).",
  })
  version!: number;
}

@ObjectType({ description: 'What an importDataset wrote (all or nothing).' })
export class ImportReport {
  @Field(() => Int, { description: 'Subjects in the dataset (created or updated by code).' })
  subjects!: number;

  @Field(() => Int, { description: 'Input values written.' })
  inputs!: number;

  @Field(() => Int, { description: 'Adjustments recorded.' })
  adjustments!: number;
}

@ObjectType({
  description:
    "A subject's indicator whose SELF and MONITOR ANNUAL values differ by more than the scheme's review threshold; a REVIEW value settles it.",
})
export class Discrepancy {
  @Field({ description: 'Subject code.' })
  subject!: string;

  @Field({ description: 'Indicator code.' })
  indicator!: string;

  @Field(() => GraphQLJSON, { description: "The SELF input's value (ANNUAL)." })
  self!: Record<string, unknown>;

  @Field(() => GraphQLJSON, { description: "The MONITOR input's value (ANNUAL)." })
  monitor!: Record<string, unknown>;

  @Field(() => GraphQLJSON, {
    nullable: true,
    description:
      "The REVIEW input's value (ANNUAL) when entered after both SELF and MONITOR (it settles the difference); null while unsettled.",
  })
  review!: Record<string, unknown> | null;

  @Field(() => Float, {
    nullable: true,
    description: '|SELF − MONITOR| / |MONITOR| of the first differing field (null when MONITOR is 0).',
  })
  ratio!: number | null;
}
