import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ResultStatus, ResultSubjectRef } from './result.entity';

@ObjectType()
export class GradeCount {
  @Field()
  grade!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType()
export class ResultGroup {
  @Field()
  group!: string;

  @Field(() => Int)
  count!: number;

  @Field(() => [GradeCount])
  gradeCounts!: GradeCount[];
}

@ObjectType({ description: 'The person who took a step of a run (a tenant user or a platform administrator).' })
export class RunActor {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;
}

@ObjectType({ description: 'An indicator a subject had no input for (a MISSING_INPUT warning of the run).' })
export class MissingInput {
  @Field(() => ResultSubjectRef)
  subject!: ResultSubjectRef;

  @Field()
  group!: string;

  @Field()
  indicator!: string;

  @Field()
  indicatorName!: string;
}

@ObjectType('ResultRun')
export class ResultRun {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  schemeId!: string;

  @Field(() => ResultStatus)
  status!: ResultStatus;

  @Field()
  createdAt!: Date;

  @Field(() => Int)
  schemeVersion!: number;

  @Field(() => [ResultGroup])
  groups!: ResultGroup[];

  @Field(() => Date, { nullable: true })
  reviewedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  approvedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  publishedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  rejectedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the run was sent back (REJECTED runs only).' })
  rejectReason!: string | null;

  @Field(() => Date, { nullable: true })
  supersededAt!: Date | null;

  @Field(() => ID, { nullable: true, description: 'The run whose publication superseded this one.' })
  supersededBy!: string | null;

  @Field(() => RunActor, { nullable: true, description: 'Who computed the run (null: the system; never shown to API keys and UNIT users).' })
  createdBy!: RunActor | null;

  @Field(() => RunActor, { nullable: true })
  reviewedBy!: RunActor | null;

  @Field(() => RunActor, { nullable: true })
  approvedBy!: RunActor | null;

  @Field(() => RunActor, { nullable: true })
  publishedBy!: RunActor | null;

  @Field(() => RunActor, { nullable: true })
  rejectedBy!: RunActor | null;

  @Field(() => Int, { description: 'Inputs the run found missing (MISSING_INPUT warnings); publishing needs acknowledgeMissing when > 0.' })
  missingInputs!: number;

  @Field({ description: 'Whether this is its scheme\'s newest run (only the newest run moves forward).' })
  newest!: boolean;
}
