import { IsInt, IsOptional, IsUUID, Length, Min } from 'class-validator';
import { ArgsType, Field, Float, ID, InputType, Int } from 'type-graphql';
import { AdjustmentStatus, RuleKind } from './adjustment.entity';

@InputType({ description: 'Which adjustments to list.' })
export class AdjustmentFilter {
  @Field(() => ID, { nullable: true, description: 'Only this scheme\'s.' })
  @IsOptional()
  schemeId?: string;

  @Field(() => AdjustmentStatus, { nullable: true, description: 'Only in this state.' })
  @IsOptional()
  status?: AdjustmentStatus;

  @Field({ nullable: true, description: 'Only this subject\'s (its code).' })
  @IsOptional()
  @Length(0, 64)
  subject?: string;

  @Field({ nullable: true, description: 'The subject\'s group code.' })
  @IsOptional()
  @Length(0, 64)
  group?: string;

  @Field(() => RuleKind, { nullable: true, description: 'The rule\'s kind in the scheme definition.' })
  @IsOptional()
  kind?: RuleKind;

  @Field(() => [ID], { nullable: true, description: 'Only these ids.' })
  @IsOptional()
  ids?: string[];
}

@ArgsType()
export class ClaimAdjustmentArgs {
  @Field(() => ID)
  @IsUUID()
  schemeId!: string;

  @Field()
  @Length(1, 64)
  subject!: string;

  @Field()
  @Length(1, 64)
  rule!: string;

  @Field(() => Int, { nullable: true, defaultValue: 1 })
  @IsOptional()
  count?: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  points?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 2000)
  note?: string | null;
}

@ArgsType()
export class DecideAdjustmentArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  version!: number;
}

@ArgsType()
export class RejectAdjustmentArgs extends DecideAdjustmentArgs {
  @Field()
  @Length(1, 2000)
  reason!: string;
}
