import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ResultStatus, ResultSubjectRef } from './result.entity';

@ObjectType({ description: 'How many subjects of a group got a grade.' })
export class GradeCount {
  @Field({ description: 'The grade.' })
  grade!: string;

  @Field(() => Int, { description: 'Subjects with it.' })
  count!: number;
}

@ObjectType({ description: 'A group of a run: its size and grade counts.' })
export class ResultGroup {
  @Field({ description: 'The group code.' })
  group!: string;

  @Field(() => Int, { description: 'Subjects in the group.' })
  count!: number;

  @Field(() => [GradeCount], { description: 'Subjects per grade.' })
  gradeCounts!: GradeCount[];
}

@ObjectType({ description: 'The person who took a step of a run (a tenant user or a platform administrator).' })
export class RunActor {
  @Field(() => ID, { description: 'The user id.' })
  id!: string;

  @Field({ description: 'The user name.' })
  name!: string;
}

@ObjectType({ description: 'An indicator a subject had no input for (a MISSING_INPUT warning of the run).' })
export class MissingInput {
  @Field(() => ResultSubjectRef, { description: 'The subject.' })
  subject!: ResultSubjectRef;

  @Field({ description: 'Its group code.' })
  group!: string;

  @Field({ description: 'The indicator code.' })
  indicator!: string;

  @Field({ description: 'The indicator name.' })
  indicatorName!: string;
}

@ObjectType('ResultRun', {
  description:
    "One computation of a scheme's results and its review: DRAFT → REVIEWED → APPROVED → PUBLISHED (or REJECTED, SUPERSEDED).",
})
export class ResultRun {
  @Field(() => ID, { description: 'The run id.' })
  id!: string;

  @Field(() => ID, { description: 'The scheme it scores.' })
  schemeId!: string;

  @Field(() => ResultStatus, { description: 'Where the run stands in its review.' })
  status!: ResultStatus;

  @Field({ description: 'When it was computed.' })
  createdAt!: Date;

  @Field(() => Int, { description: 'The scheme version it read.' })
  schemeVersion!: number;

  @Field(() => [ResultGroup], { description: 'Per group: size and grade counts.' })
  groups!: ResultGroup[];

  @Field(() => Date, { nullable: true, description: 'When it was reviewed.' })
  reviewedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was approved.' })
  approvedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was published.' })
  publishedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was sent back.' })
  rejectedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the run was sent back (REJECTED runs only).' })
  rejectReason!: string | null;

  @Field(() => Date, { nullable: true, description: 'When a newer publication replaced it.' })
  supersededAt!: Date | null;

  @Field(() => ID, { nullable: true, description: 'The run whose publication superseded this one.' })
  supersededBy!: string | null;

  @Field(() => RunActor, {
    nullable: true,
    description: 'Who computed the run (null: the system; never shown to API keys and UNIT users).',
  })
  createdBy!: RunActor | null;

  @Field(() => RunActor, { nullable: true, description: 'Who reviewed it (hidden from API keys and UNIT users).' })
  reviewedBy!: RunActor | null;

  @Field(() => RunActor, { nullable: true, description: 'Who approved it (hidden from API keys and UNIT users).' })
  approvedBy!: RunActor | null;

  @Field(() => RunActor, { nullable: true, description: 'Who published it (hidden from API keys and UNIT users).' })
  publishedBy!: RunActor | null;

  @Field(() => RunActor, { nullable: true, description: 'Who sent it back (hidden from API keys and UNIT users).' })
  rejectedBy!: RunActor | null;

  @Field(() => Int, {
    description: 'Inputs the run found missing (MISSING_INPUT warnings); publishing needs acknowledgeMissing when > 0.',
  })
  missingInputs!: number;

  @Field({ description: "Whether this is its scheme's newest run (only the newest run moves forward)." })
  newest!: boolean;
}
