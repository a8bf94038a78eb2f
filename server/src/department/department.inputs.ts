import { IsInt, IsOptional, Length, Matches, Min } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';

// the scheme format's code rule: an indicator's `owners` names departments by these codes
const CODE = /^[A-Za-z0-9_-]{1,64}$/;
const CODE_MESSAGE = 'code must be 1–64 letters, digits, _ or -';

@InputType({ description: 'A new department of the tenant.' })
export class CreateDepartmentInput {
  @Field({
    description: 'The code (unique in the tenant; letters, digits, _ and -), as scheme indicators name it in `owners`.',
  })
  @Matches(CODE, { message: CODE_MESSAGE })
  code!: string;

  @Field({ description: 'The name (e.g. 税务局).' })
  @Length(1, 200)
  name!: string;
}

@ArgsType()
export class UpdateDepartmentArgs {
  @Field(() => ID, { description: 'The department.' })
  id!: string;

  @Field(() => String, {
    nullable: true,
    description: 'A new code (refused while a scheme names the old one as an owner).',
  })
  @IsOptional()
  @Matches(CODE, { message: CODE_MESSAGE })
  code?: string | null;

  @Field(() => String, { nullable: true, description: 'A new name.' })
  @IsOptional()
  @Length(1, 200)
  name?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The version you read (the change is refused with CONFLICT when it moved on).',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  version?: number | null;
}

@InputType({ description: 'Which departments to list.' })
export class DepartmentFilter {
  @Field({ nullable: true, description: 'Text in the code or name.' })
  @IsOptional()
  @Length(0, 200)
  q?: string;

  @Field(() => [ID], { nullable: true, description: 'Only these ids.' })
  @IsOptional()
  ids?: string[];
}
