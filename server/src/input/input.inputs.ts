import { IsOptional, Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { InputSource, Period } from './input.entity';

@InputType()
export class InputFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  schemeId?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(0, 64)
  subject?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(0, 64)
  indicator?: string;

  @Field(() => InputSource, { nullable: true })
  @IsOptional()
  source?: InputSource;

  @Field(() => Period, { nullable: true })
  @IsOptional()
  period?: Period;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  ids?: string[];
}
