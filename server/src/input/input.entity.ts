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
  valuesConfig: { SELF: { description: 'The unit itself.' }, MONITOR: { description: 'The monitoring department.' }, REVIEW: { description: 'The assessment team (final).' } },
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
    Q1: { description: 'First quarter.' }, Q2: { description: 'Second quarter.' }, Q3: { description: 'Third quarter.' }, Q4: { description: 'Fourth quarter.' },
    H1: { description: 'First half-year.' }, H2: { description: 'Second half-year.' }, ANNUAL: { description: 'The whole year (scored).' },
  },
});

@ObjectType('Input')
export class DataInput {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  schemeId!: string;

  @Field({ description: 'Subject code.' })
  subject!: string;

  @Field()
  indicator!: string;

  @Field(() => InputSource)
  source!: InputSource;

  @Field(() => Period)
  period!: Period;

  @Field(() => GraphQLJSON, { description: 'The dataset input fields: actual, target, previous, score, grade, ballots, notApplicable.' })
  value!: Record<string, unknown>;

  @Field(() => ID, { nullable: true })
  enteredBy!: string | null;

  @Field()
  updatedAt!: Date;

  @Field(() => Int)
  version!: number;
}

@ObjectType()
export class ImportReport {
  @Field(() => Int)
  subjects!: number;

  @Field(() => Int)
  inputs!: number;

  @Field(() => Int)
  adjustments!: number;
}

@ObjectType()
export class Discrepancy {
  @Field({ description: 'Subject code.' })
  subject!: string;

  @Field()
  indicator!: string;

  @Field(() => GraphQLJSON, { description: 'The SELF input\'s value (ANNUAL).' })
  self!: Record<string, unknown>;

  @Field(() => GraphQLJSON, { description: 'The MONITOR input\'s value (ANNUAL).' })
  monitor!: Record<string, unknown>;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The REVIEW input\'s value (ANNUAL) when entered after both SELF and MONITOR (it settles the difference); null while unsettled.' })
  review!: Record<string, unknown> | null;

  @Field(() => Float, { nullable: true, description: '|SELF − MONITOR| / |MONITOR| of the first differing field (null when MONITOR is 0).' })
  ratio!: number | null;
}
