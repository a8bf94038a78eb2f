import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export enum AdjustmentStatus {
  CLAIMED = 'CLAIMED',
  VERIFIED = 'VERIFIED',
  REJECTED = 'REJECTED',
}
registerEnumType(AdjustmentStatus, {
  name: 'AdjustmentStatus',
  description: 'Only VERIFIED adjustments are scored.',
  valuesConfig: { CLAIMED: { description: 'Claimed, waiting for the assessment team.' }, VERIFIED: { description: 'Verified: scored.' }, REJECTED: { description: 'Rejected: not scored.' } },
});

export enum RuleKind {
  BONUS = 'BONUS',
  DEDUCTION = 'DEDUCTION',
  VETO = 'VETO',
}
registerEnumType(RuleKind, {
  name: 'RuleKind',
  description: 'A bonus, deduction or veto rule of the scheme.',
  valuesConfig: { BONUS: { description: 'Adds points.' }, DEDUCTION: { description: 'Takes points off.' }, VETO: { description: 'Caps the grade.' } },
});

/** One bonus, deduction or veto event. Tenant-owned (RLS). (`seq`, the entry order, is database-generated and not mapped.) */
@Entity('adjustments')
export class AdjustmentEntity {
  @PrimaryColumn({ type: 'uuid', name: 'tenant_id' })
  tenantId!: string;

  @PrimaryColumn({ type: 'uuid', default: () => 'gen_random_uuid()' })
  id!: string;

  @Column('uuid', { name: 'scheme_id' })
  schemeId!: string;

  @Column('uuid', { name: 'subject_id' })
  subjectId!: string;

  @Column('text', { name: 'rule_code' })
  ruleCode!: string;

  @Column('integer', { default: 1 })
  count!: number;

  @Column('numeric', { nullable: true })
  points!: string | null;

  @Column('text', { nullable: true })
  note!: string | null;

  @Column('text', { default: AdjustmentStatus.CLAIMED })
  status!: AdjustmentStatus;

  @Column('text', { nullable: true })
  reason!: string | null;

  @Column('uuid', { name: 'claimed_by', nullable: true })
  claimedBy!: string | null;

  @Column('uuid', { name: 'decided_by', nullable: true })
  decidedBy!: string | null;

  @Column('timestamptz', { name: 'decided_at', nullable: true })
  decidedAt!: Date | null;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt!: Date;

  @Column('integer', { default: 1 })
  version!: number;
}

@ObjectType('Adjustment', { description: 'A claimed bonus, deduction or veto for a subject, verified or rejected by the assessment team.' })
export class Adjustment {
  @Field(() => ID, { description: 'The adjustment id.' })
  id!: string;

  @Field(() => ID, { description: 'Its scheme.' })
  schemeId!: string;

  @Field({ description: 'Subject code.' })
  subject!: string;

  @Field({ description: 'Subject name.' })
  subjectName!: string;

  @Field({ description: 'The subject\'s group code.' })
  group!: string;

  @Field({ description: 'The rule code.' })
  rule!: string;

  @Field(() => String, { nullable: true, description: 'The rule\'s name in the scheme definition.' })
  ruleName!: string | null;

  @Field(() => RuleKind, { nullable: true, description: 'The rule\'s kind in the scheme definition.' })
  kind!: RuleKind | null;

  @Field(() => Int, { description: 'How many times the rule applies.' })
  count!: number;

  @Field(() => Float, { nullable: true, description: 'Points claimed (rules with free points).' })
  points!: number | null;

  @Field(() => String, { nullable: true, description: 'The claimant\'s note.' })
  note!: string | null;

  @Field(() => AdjustmentStatus, { description: 'CLAIMED, VERIFIED or REJECTED.' })
  status!: AdjustmentStatus;

  @Field(() => String, { nullable: true, description: 'Why it was rejected.' })
  reason!: string | null;

  @Field(() => ID, { nullable: true, description: 'Who claimed it (null: imported by the system).' })
  claimedBy!: string | null;

  @Field(() => String, { nullable: true, description: 'Name of the user who claimed it (null: imported by the system).' })
  claimedByName!: string | null;

  @Field(() => ID, { nullable: true, description: 'Who verified or rejected it.' })
  decidedBy!: string | null;

  @Field(() => String, { nullable: true, description: 'Their name.' })
  decidedByName!: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was decided.' })
  decidedAt!: Date | null;

  @Field({ description: 'When it was claimed.' })
  createdAt!: Date;

  @Field(() => Int, { description: 'Bumped by every change (optimistic locking).' })
  version!: number;
}
