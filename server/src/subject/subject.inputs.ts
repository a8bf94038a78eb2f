import { IsInt, IsOptional, IsUUID, Length, Min } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';

@InputType({ description: 'Which subjects to list.' })
export class SubjectFilter {
  @Field(() => ID, { nullable: true, description: "Only this scheme's." })
  @IsOptional()
  schemeId?: string;

  @Field({ nullable: true, description: "Only this group's." })
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
  @Field(() => ID, { description: 'The scheme (must be PUBLISHED, else CONFLICT).' })
  @IsUUID()
  schemeId!: string;

  @Field({ description: "The subject's code, unique within the scheme (1–64 characters; a taken code is CONFLICT)." })
  @Length(1, 64)
  code!: string;

  @Field({ description: 'Display name (1–200 characters).' })
  @Length(1, 200)
  name!: string;

  @Field({
    description:
      "Code of a group of the scheme (an unknown group is BAD_USER_INPUT). A member group's subjects also need `unit`.",
  })
  @Length(1, 64)
  group!: string;

  @Field(() => String, { nullable: true, description: "A member's unit (a UNIT subject's code)." })
  @IsOptional()
  @Length(1, 64)
  unit?: string | null;
}

@ArgsType()
export class UpdateSubjectArgs {
  @Field(() => ID, { description: 'The subject.' })
  id!: string;

  @Field(() => Int, { description: 'The version you read (the change is refused with CONFLICT when it moved on).' })
  @IsInt()
  @Min(1)
  version!: number;

  @Field({ nullable: true, description: 'New display name (1–200 characters); unchanged when omitted.' })
  @IsOptional()
  @Length(1, 200)
  name?: string;

  @Field({
    nullable: true,
    description:
      'New group code; unchanged when omitted. A subject with inputs or adjustments cannot change group (CONFLICT); moving clears the unit unless `unit` is given.',
  })
  @IsOptional()
  @Length(1, 64)
  group?: string;

  @Field(() => String, {
    nullable: true,
    description: 'For a member: the code of its unit (a UNIT subject of the scheme); unchanged when omitted.',
  })
  @IsOptional()
  @Length(1, 64)
  unit?: string | null;
}
