import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
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
  description: "Where a result run stands in its review.",
  valuesConfig: {
    DRAFT: { description: 'Computed, waiting for review.' },
    REVIEWED: { description: 'Reviewed, waiting for approval.' },
    APPROVED: { description: 'Approved, waiting for publication.' },
    PUBLISHED: { description: "The scheme's published results (one per scheme); visible to API keys." },
    REJECTED: { description: 'Sent back with a reason (final).' },
    SUPERSEDED: { description: 'Was published; replaced by a later publication.' },
  },
});

/** One computation of a scheme (tenant-owned, RLS). Immutable but for its lifecycle steps (DB trigger). */
@Entity('result_runs')
export class ResultRunEntity {
  @PrimaryColumn({ type: 'uuid', name: 'tenant_id' })
  tenantId!: string;

  @PrimaryColumn({ type: 'uuid', default: () => 'gen_random_uuid()' })
  id!: string;

  @Column({ type: 'bigint', insert: false, update: false })
  seq!: string;

  @Column('uuid', { name: 'scheme_id' })
  schemeId!: string;

  @Column('text', { default: ResultStatus.DRAFT })
  status!: ResultStatus;

  @Column('integer', { name: 'scheme_version' })
  schemeVersion!: number;

  @Column('text', { name: 'scheme_hash' })
  schemeHash!: string;

  @Column('text', { name: 'inputs_hash' })
  inputsHash!: string;

  @Column('jsonb')
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- jsonb as stored: read field by field by code that knows its shape
  result!: Record<string, any>;

  /** The result's groups (count and grade counts), apart from the bulk so that a run summary never reads it. */
  @Column('jsonb', { name: 'group_counts', nullable: true })
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- jsonb as stored: read field by field by code that knows its shape
  groupCounts!: Record<string, any>[] | null;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt!: Date;

  @Column('uuid', { name: 'created_by', nullable: true })
  createdBy!: string | null;

  @Column('timestamptz', { name: 'reviewed_at', nullable: true })
  reviewedAt!: Date | null;

  @Column('uuid', { name: 'reviewed_by', nullable: true })
  reviewedBy!: string | null;

  @Column('timestamptz', { name: 'approved_at', nullable: true })
  approvedAt!: Date | null;

  @Column('uuid', { name: 'approved_by', nullable: true })
  approvedBy!: string | null;

  @Column('timestamptz', { name: 'published_at', nullable: true })
  publishedAt!: Date | null;

  @Column('uuid', { name: 'published_by', nullable: true })
  publishedBy!: string | null;

  @Column('timestamptz', { name: 'rejected_at', nullable: true })
  rejectedAt!: Date | null;

  @Column('uuid', { name: 'rejected_by', nullable: true })
  rejectedBy!: string | null;

  @Column('text', { name: 'reject_reason', nullable: true })
  rejectReason!: string | null;

  @Column('timestamptz', { name: 'superseded_at', nullable: true })
  supersededAt!: Date | null;

  @Column('uuid', { name: 'superseded_by', nullable: true })
  supersededBy!: string | null;

  @Column('integer', { name: 'missing_inputs', default: 0 })
  missingInputs!: number;

  @Column('integer', { default: 1 })
  version!: number;
}

/** One subject of a run, in dataset order (tenant-owned, RLS). Insert-only (DB trigger). */
@Entity('result_subjects')
export class ResultSubjectEntity {
  @PrimaryColumn({ type: 'uuid', name: 'tenant_id' })
  tenantId!: string;

  @PrimaryColumn({ type: 'uuid', name: 'run_id' })
  runId!: string;

  @PrimaryColumn('integer')
  position!: number;

  @Column('text', { name: 'subject_code' })
  subjectCode!: string;

  @Column('text', { name: 'subject_name' })
  subjectName!: string;

  @Column('text', { name: 'group_code' })
  groupCode!: string;

  @Column('text', { name: 'unit_code', nullable: true })
  unitCode!: string | null;

  @Column('numeric')
  base!: string;

  @Column('numeric')
  bonus!: string;

  @Column('numeric')
  deduction!: string;

  @Column('numeric')
  final!: string;

  @Column('integer')
  rank!: number;

  @Column('text')
  grade!: string;

  @Column('jsonb')
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- jsonb as stored: read field by field by code that knows its shape
  data!: Record<string, any>;
}

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

@ObjectType({ description: 'A category or indicator of the scheme with the subject\'s points.' })
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

@ObjectType('SubjectResult', { description: 'One subject\'s score in a run: points, bonus, deduction, final score, rank and grade, with the per-indicator breakdown.' })
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

  @Field({ description: 'The grade from the scheme\'s grading.' })
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

@ObjectType('RunDiff', { description: 'A subject whose final, rank or grade differs between two runs (null on the side it is missing from).' })
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
