import { IsEnum, IsInt, IsOptional, Length, Max, Min } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { SchemeStatus } from './scheme.entity';

@InputType({ description: 'Which schemes to list.' })
export class SchemeFilter {
  @Field({ nullable: true, description: 'Text in the code or name.' })
  @IsOptional()
  @Length(0, 200)
  q?: string;

  @Field(() => [ID], { nullable: true, description: 'Only these ids.' })
  @IsOptional()
  ids?: string[];

  @Field(() => Int, { nullable: true, description: "Only this year's." })
  @IsOptional()
  @IsInt()
  @Min(1900)
  @Max(9999)
  year?: number;

  @Field(() => SchemeStatus, { nullable: true, description: 'Only in this state.' })
  @IsOptional()
  @IsEnum(SchemeStatus)
  status?: SchemeStatus;
}

@ArgsType()
export class CloneSchemeArgs {
  @Field(() => ID, { description: 'The scheme to copy (any status).' })
  id!: string;

  @Field(() => Int, { description: "The new scheme's year (1900–9999)." })
  @IsInt()
  @Min(1900)
  @Max(9999)
  year!: number;

  @Field({ description: "The new scheme's code (1–64 characters), not yet taken in the tenant (else CONFLICT)." })
  @Length(1, 64)
  code!: string;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description:
      "Also copy last year's targets (the effective ANNUAL value: REVIEW over MONITOR over SELF) as this year's SELF starting values.",
  })
  @IsOptional()
  copyTargets?: boolean;

  @Field({ nullable: true, description: "The new scheme's name; absent: the source's name" })
  @IsOptional()
  @Length(1, 200)
  name?: string;
}
