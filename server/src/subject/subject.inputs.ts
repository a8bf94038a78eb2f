import { IsInt, IsOptional, IsUUID, Length, Min } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';

@InputType({ description: 'Which subjects to list.' })
export class SubjectFilter {
  @Field(() => ID, { nullable: true, description: 'Only this scheme\'s.' })
  @IsOptional()
  schemeId?: string;

  @Field({ nullable: true, description: 'Only this group\'s.' })
  @IsOptional()
  @Length(0, 64)
  group?: string;

  @Field({ nullable: true, description: 'Text in the code or name.' })
  @IsOptional()
  @Length(0, 200)
  q?: string;

  @Field(() => [ID], { nullable: true, description: 'Only these ids.' })
  @IsOptional()
  ids?: string[];
}

@ArgsType()
export class CreateSubjectArgs {
  @Field(() => ID)
  @IsUUID()
  schemeId!: string;

  @Field()
  @Length(1, 64)
  code!: string;

  @Field()
  @Length(1, 200)
  name!: string;

  @Field()
  @Length(1, 64)
  group!: string;

  @Field(() => String, { nullable: true, description: 'A member\'s unit (a UNIT subject\'s code).' })
  @IsOptional()
  @Length(1, 64)
  unit?: string | null;
}

@ArgsType()
export class UpdateSubjectArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  version!: number;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 200)
  name?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 64)
  group?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 64)
  unit?: string | null;
}
