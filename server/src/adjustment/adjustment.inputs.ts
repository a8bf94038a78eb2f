import { IsInt, IsOptional, IsUUID, Length, Min } from 'class-validator';
import { ArgsType, Field, Float, ID, InputType, Int } from 'type-graphql';
import { AdjustmentStatus, RuleKind } from './adjustment.entity';

@InputType({ description: 'Which adjustments to list.' })
export class AdjustmentFilter {
  @Field(() => ID, { nullable: true, description: "Only this scheme's." })
  @IsOptional()
  schemeId?: string;

  @Field(() => AdjustmentStatus, { nullable: true, description: 'Only in this state.' })
  @IsOptional()
  status?: AdjustmentStatus;

  @Field({ nullable: true, description: "Only this subject's (its code)." })
  @IsOptional()
  @Length(0, 64)
  subject?: string;

  @Field({ nullable: true, description: "The subject's group code." })
  @IsOptional()
  @Length(0, 64)
  group?: string;

  @Field(() => RuleKind, { nullable: true, description: "The rule's kind in the scheme definition." })
  @IsOptional()
  kind?: RuleKind;

  @Field(() => [ID], { nullable: true, description: 'Only these ids.' })
  @IsOptional()
  ids?: string[];
}

@ArgsType()
export class ClaimAdjustmentArgs {
  @Field(() => ID, { description: 'The scheme (must be PUBLISHED, else CONFLICT).' })
  @IsUUID()
  schemeId!: string;

  @Field({
    description: "The subject's code. UNIT users may name only their own unit or its members (else FORBIDDEN).",
  })
  @Length(1, 64)
  subject!: string;

  @Field({ description: 'Code of a bonus, deduction or veto rule of the scheme.' })
  @Length(1, 64)
  rule!: string;

  @Field(() => Int, {
    nullable: true,
    defaultValue: 1,
    description: "How many times the rule applies (default 1), within the rule's bounds.",
  })
  @IsOptional()
  count?: number;

  @Field(() => Float, {
    nullable: true,
    description:
      "Points claimed, for rules whose points are chosen per claim (within the rule's range); omit for fixed-point rules.",
  })
  @IsOptional()
  points?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Evidence or explanation for the assessment team (at most 2,000 characters).',
  })
  @IsOptional()
  @Length(0, 2000)
  note?: string | null;
}

@ArgsType()
export class DecideAdjustmentArgs {
  @Field(() => ID, { description: 'The adjustment.' })
  id!: string;

  @Field(() => Int, { description: 'The version you read (the change is refused with CONFLICT when it moved on).' })
  @IsInt()
  @Min(1)
  version!: number;
}

@ArgsType()
export class RejectAdjustmentArgs extends DecideAdjustmentArgs {
  @Field({ description: 'Why it is rejected, shown to the claimant (1–2,000 characters).' })
  @Length(1, 2000)
  reason!: string;
}
