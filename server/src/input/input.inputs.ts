import { GraphQLJSON } from 'graphql-scalars';
import { IsOptional, Length } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { InputSource, Period } from './input.entity';

@InputType({ description: 'Which inputs to list.' })
export class InputFilter {
  @Field(() => ID, { nullable: true, description: "Only this scheme's." })
  @IsOptional()
  schemeId?: string;

  @Field({ nullable: true, description: "Only this subject's (its code)." })
  @IsOptional()
  @Length(0, 64)
  subject?: string;

  @Field({ nullable: true, description: "Only this indicator's (its code)." })
  @IsOptional()
  @Length(0, 64)
  indicator?: string;

  @Field(() => InputSource, { nullable: true, description: 'Only from this source.' })
  @IsOptional()
  source?: InputSource;

  @Field(() => Period, { nullable: true, description: 'Only for this period.' })
  @IsOptional()
  period?: Period;

  @Field(() => [ID], { nullable: true, description: 'Only these ids.' })
  @IsOptional()
  ids?: string[];
}

/** One row of setInputs: a subject's value for one indicator (checked by the service, row by row). */
@InputType('InputRowInput', { description: "One row of setInputs: a subject's value for one indicator." })
export class InputRowInput {
  @Field({ description: 'Subject code.' })
  subject!: string;

  @Field({ description: 'Indicator code.' })
  indicator!: string;

  @Field(() => GraphQLJSON, {
    description: 'The dataset input fields: actual, target, previous, score, grade, ballots, notApplicable.',
  })
  value!: unknown;

  @Field(() => Int, {
    nullable: true,
    description:
      'The version the client saw (0: it saw no value); another one stored meanwhile → CONFLICT. Omitted: no check.',
  })
  version?: number | null;
}

/** One row of setBallotsBatch: a subject's ballot counts for one SURVEY indicator. */
@InputType('BallotRowInput', {
  description: "One row of setBallotsBatch: a subject's ballot counts for one SURVEY indicator.",
})
export class BallotRowInput {
  @Field({ description: 'Subject code.' })
  subject!: string;

  @Field({ description: 'SURVEY indicator code.' })
  indicator!: string;

  @Field(() => GraphQLJSON, { description: 'Ballot counts `{ voterGroup: { option: count } }`.' })
  ballots!: unknown;
}
