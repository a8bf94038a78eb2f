import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum AdjustmentStatus {
  CLAIMED = 'CLAIMED',
  VERIFIED = 'VERIFIED',
  REJECTED = 'REJECTED',
}
registerEnumType(AdjustmentStatus, {
  name: 'AdjustmentStatus',
  description: 'Only VERIFIED adjustments are scored.',
  valuesConfig: {
    CLAIMED: { description: 'Claimed, waiting for the assessment team.' },
    VERIFIED: { description: 'Verified: scored.' },
    REJECTED: { description: 'Rejected: not scored.' },
  },
});

export enum RuleKind {
  BONUS = 'BONUS',
  DEDUCTION = 'DEDUCTION',
  VETO = 'VETO',
}
registerEnumType(RuleKind, {
  name: 'RuleKind',
  description: 'A bonus, deduction or veto rule of the scheme.',
  valuesConfig: {
    BONUS: { description: 'Adds points.' },
    DEDUCTION: { description: 'Takes points off.' },
    VETO: { description: 'Caps the grade.' },
  },
});

@ObjectType('Adjustment', {
  description: 'A claimed bonus, deduction or veto for a subject, verified or rejected by the assessment team.',
})
export class Adjustment {
  @Field(() => ID, { description: 'The adjustment id.' })
  id!: string;

  @Field(() => ID, { description: 'Its scheme.' })
  schemeId!: string;

  @Field({ description: 'Subject code.' })
  subject!: string;

  @Field({ description: 'Subject name.' })
  subjectName!: string;

  @Field({ description: "The subject's group code." })
  group!: string;

  @Field({ description: 'The rule code.' })
  rule!: string;

  @Field(() => String, { nullable: true, description: "The rule's name in the scheme definition." })
  ruleName!: string | null;

  @Field(() => RuleKind, { nullable: true, description: "The rule's kind in the scheme definition." })
  kind!: RuleKind | null;

  @Field(() => Int, { description: 'How many times the rule applies.' })
  count!: number;

  @Field(() => Float, { nullable: true, description: 'Points claimed (rules with free points).' })
  points!: number | null;

  @Field(() => String, { nullable: true, description: "The claimant's note." })
  note!: string | null;

  @Field(() => AdjustmentStatus, { description: 'CLAIMED, VERIFIED or REJECTED.' })
  status!: AdjustmentStatus;

  @Field(() => String, { nullable: true, description: 'Why it was rejected.' })
  reason!: string | null;

  @Field(() => ID, { nullable: true, description: 'Who claimed it (null: imported by the system).' })
  claimedBy!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Name of the user who claimed it (null: imported by the system).',
  })
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
