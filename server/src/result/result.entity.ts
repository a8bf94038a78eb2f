import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { StoredReceipt } from './receipt';

export enum ResultStatus {
  DRAFT = 'DRAFT',
  REVIEWED = 'REVIEWED',
  APPROVED = 'APPROVED',
  PUBLISHED = 'PUBLISHED',
}
registerEnumType(ResultStatus, { name: 'ResultStatus' });

/** One computation of a scheme (tenant-owned, RLS). Immutable but for its status steps (DB trigger). */
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
