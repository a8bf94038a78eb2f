import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { StoredReceipt } from './receipt';

export enum ResultStatus {
  DRAFT = 'DRAFT',
  REVIEWED = 'REVIEWED',
  APPROVED = 'APPROVED',
  PUBLISHED = 'PUBLISHED',
  /** Sent back with a reason (final); a corrected recompute makes a new run. */
  REJECTED = 'REJECTED',
  /** Was PUBLISHED until a newer run of its scheme was published (kept, staff only). */
  SUPERSEDED = 'SUPERSEDED',
}
registerEnumType(ResultStatus, {
  name: 'ResultStatus',
  description: 'Where a result run stands in its review.',
  valuesConfig: {
    DRAFT: { description: 'Computed, waiting for review.' },
    REVIEWED: { description: 'Reviewed, waiting for approval.' },
    APPROVED: { description: 'Approved, waiting for publication.' },
    PUBLISHED: { description: "The scheme's published results (one per scheme); visible to API keys." },
    REJECTED: { description: 'Sent back with a reason (final).' },
    SUPERSEDED: { description: 'Was published; replaced by a later publication.' },
  },
});

@ObjectType({ description: 'A subject named in results.' })
export class ResultSubjectRef {
  @Field({ description: 'The subject code.' })
  code!: string;

  @Field({ description: 'The subject name.' })
  name!: string;
}

@ObjectType({ description: 'A bonus or deduction rule counted for a subject.' })
export class ResultAdjustment {
  @Field({ description: 'The rule code.' })
  rule!: string;

  @Field(() => Float, { description: 'Points counted (positive: bonus, negative: deduction).' })
  points!: number;
}

@ObjectType({ description: 'A warning of the computation, as a code.' })
export class ResultWarning {
  @Field({ description: 'The warning code (e.g. MISSING_INPUT).' })
  code!: string;

  @Field({ description: 'The indicator it concerns.' })
  indicator!: string;
}

@ObjectType({ description: "A category or indicator of the scheme with the subject's points." })
export class ResultNode {
  @Field({ description: 'The node code.' })
  code!: string;

  @Field({ description: 'The node name.' })
  name!: string;

  @Field(() => Float, { nullable: true, description: 'Its maximum points (null when it does not apply).' })
  maxPoints!: number | null;

  @Field(() => Float, { nullable: true, description: 'Points earned (null when it does not apply).' })
  points!: number | null;

  @Field(() => Float, { nullable: true, description: 'Points ÷ maximum (null when not applicable).' })
  rate!: number | null;

  @Field({ description: 'True when the indicator does not apply to the subject (its weight goes to its siblings).' })
  out!: boolean;

  /** The node as stored (packed explanation parts, or an older run's text): `explain` and `explainParts` are resolved from it (receipt.resolver.ts). */
  raw!: { explain?: string | null; parts?: unknown[]; points?: number | null; maxPoints?: number | null };
}

@ObjectType('SubjectResult', {
  description:
    "One subject's score in a run: points, bonus, deduction, final score, rank and grade, with the per-indicator breakdown.",
})
export class SubjectResult {
  @Field(() => ResultSubjectRef, { description: 'The subject.' })
  subject!: ResultSubjectRef;

  @Field({ description: 'Its group code.' })
  group!: string;

  @Field(() => Float, { description: 'Points from the indicators.' })
  base!: number;

  @Field(() => Float, { description: 'Bonus points counted.' })
  bonus!: number;

  @Field(() => Float, { description: 'Deduction points counted.' })
  deduction!: number;

  @Field(() => Float, { description: 'The final score: base + bonus − deduction (vetoes applied).' })
  final!: number;

  @Field(() => Int, { description: 'Rank within the group (1 is best; ties share a rank).' })
  rank!: number;

  @Field({ description: "The grade from the scheme's grading." })
  grade!: string;

  @Field(() => [String], { description: 'Veto rules that applied.' })
  vetoes!: string[];

  @Field(() => [ResultAdjustment], { description: 'Bonus and deduction rules counted.' })
  adjustments!: ResultAdjustment[];

  @Field(() => [ResultWarning], { description: 'Warnings of the computation (e.g. MISSING_INPUT).' })
  warnings!: ResultWarning[];

  @Field(() => [ResultNode], { description: 'Every category and indicator with its points.' })
  nodes!: ResultNode[];

  /** What the receipt is read from (receipt.resolver.ts): the stored receipt, the run's hashes, indicator names. */
  stored?: { receipt?: StoredReceipt; hashes: { schemeHash: string; inputsHash: string }; names?: Map<string, string> };
}

@ObjectType('RunDiff', {
  description: 'A subject whose final, rank or grade differs between two runs (null on the side it is missing from).',
})
export class RunDiff {
  @Field(() => ResultSubjectRef, { description: 'The subject.' })
  subject!: ResultSubjectRef;

  @Field({ description: 'Its group code.' })
  group!: string;

  @Field(() => Float, { nullable: true, description: 'Final score in runA (null: not in runA).' })
  finalBefore!: number | null;

  @Field(() => Float, { nullable: true, description: 'Final score in runB (null: not in runB).' })
  finalAfter!: number | null;

  @Field(() => Float, { nullable: true, description: 'finalAfter − finalBefore' })
  finalDelta!: number | null;

  @Field(() => Int, { nullable: true, description: 'Rank in runA.' })
  rankBefore!: number | null;

  @Field(() => Int, { nullable: true, description: 'Rank in runB.' })
  rankAfter!: number | null;

  @Field(() => Int, { nullable: true, description: 'rankAfter − rankBefore' })
  rankDelta!: number | null;

  @Field(() => String, { nullable: true, description: 'Grade in runA.' })
  gradeBefore!: string | null;

  @Field(() => String, { nullable: true, description: 'Grade in runB.' })
  gradeAfter!: string | null;
}
