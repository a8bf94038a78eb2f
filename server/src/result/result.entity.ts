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
registerEnumType(ResultStatus, { name: 'ResultStatus' });

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
  result!: Record<string, any>;

  /** The result's groups (count and grade counts), apart from the bulk so that a run summary never reads it. */
  @Column('jsonb', { name: 'group_counts', nullable: true })
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
  data!: Record<string, any>;
}

@ObjectType()
export class ResultSubjectRef {
  @Field()
  code!: string;

  @Field()
  name!: string;
}

@ObjectType()
export class ResultAdjustment {
  @Field()
  rule!: string;

  @Field(() => Float)
  points!: number;
}

@ObjectType()
export class ResultWarning {
  @Field()
  code!: string;

  @Field()
  indicator!: string;
}

@ObjectType()
export class ResultNode {
  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field(() => Float, { nullable: true })
  maxPoints!: number | null;

  @Field(() => Float, { nullable: true })
  points!: number | null;

  @Field(() => Float, { nullable: true })
  rate!: number | null;

  @Field()
  out!: boolean;

  /** The node as stored (packed explanation parts, or an older run's text): `explain` and `explainParts` are resolved from it (receipt.resolver.ts). */
  raw!: { explain?: string | null; parts?: unknown[]; points?: number | null; maxPoints?: number | null };
}

@ObjectType('SubjectResult')
export class SubjectResult {
  @Field(() => ResultSubjectRef)
  subject!: ResultSubjectRef;

  @Field()
  group!: string;

  @Field(() => Float)
  base!: number;

  @Field(() => Float)
  bonus!: number;

  @Field(() => Float)
  deduction!: number;

  @Field(() => Float)
  final!: number;

  @Field(() => Int)
  rank!: number;

  @Field()
  grade!: string;

  @Field(() => [String])
  vetoes!: string[];

  @Field(() => [ResultAdjustment])
  adjustments!: ResultAdjustment[];

  @Field(() => [ResultWarning])
  warnings!: ResultWarning[];

  @Field(() => [ResultNode])
  nodes!: ResultNode[];

  /** What the receipt is read from (receipt.resolver.ts): the stored receipt, the run's hashes, indicator names. */
  stored?: { receipt?: StoredReceipt; hashes: { schemeHash: string; inputsHash: string }; names?: Map<string, string> };
}

@ObjectType('RunDiff', { description: 'A subject whose final, rank or grade differs between two runs (null on the side it is missing from).' })
export class RunDiff {
  @Field(() => ResultSubjectRef)
  subject!: ResultSubjectRef;

  @Field()
  group!: string;

  @Field(() => Float, { nullable: true })
  finalBefore!: number | null;

  @Field(() => Float, { nullable: true })
  finalAfter!: number | null;

  @Field(() => Float, { nullable: true, description: 'finalAfter − finalBefore' })
  finalDelta!: number | null;

  @Field(() => Int, { nullable: true })
  rankBefore!: number | null;

  @Field(() => Int, { nullable: true })
  rankAfter!: number | null;

  @Field(() => Int, { nullable: true, description: 'rankAfter − rankBefore' })
  rankDelta!: number | null;

  @Field(() => String, { nullable: true })
  gradeBefore!: string | null;

  @Field(() => String, { nullable: true })
  gradeAfter!: string | null;
}
