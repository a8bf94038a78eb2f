import { IsBoolean, IsEmail, IsEnum, IsOptional, Length } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { Role } from './role';

@InputType({ description: 'A new user of the tenant.' })
export class CreateUserInput {
  @Field({ description: 'The sign-in email.' })
  @IsEmail()
  @Length(3, 254)
  email!: string;

  @Field({ description: 'The first password.' })
  @Length(6, 200)
  password!: string;

  @Field({ description: 'The user name.' })
  @Length(1, 200)
  name!: string;

  @Field(() => Role, { description: 'What the user may do.' })
  @IsEnum(Role)
  role!: Role;

  @Field(() => String, { nullable: true, description: "For UNIT users: their unit's subject code." })
  @IsOptional()
  @Length(1, 100)
  unit?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'For MONITOR users: their department (they write only the indicators it owns).',
  })
  @IsOptional()
  departmentId?: string | null;
}

@ArgsType()
export class UpdateUserArgs {
  @Field(() => ID, { description: 'The user.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'New display name (1–200 characters); unchanged when omitted.' })
  @IsOptional()
  @Length(1, 200)
  name?: string | null;

  @Field(() => Role, {
    nullable: true,
    description: 'New role; unchanged when omitted. You cannot change your own role (FORBIDDEN).',
  })
  @IsOptional()
  @IsEnum(Role)
  role?: Role | null;

  @Field(() => String, {
    nullable: true,
    description:
      'For a UNIT user: the code of its unit (a UNIT subject); required with role UNIT, cleared for other roles.',
  })
  @IsOptional()
  @Length(0, 100)
  unit?: string | null;

  @Field(() => ID, { nullable: true, description: 'For MONITOR users: their department (empty: none).' })
  @IsOptional()
  departmentId?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "true refuses the user's sign-in and tokens; you cannot disable yourself (FORBIDDEN).",
  })
  @IsOptional()
  @IsBoolean()
  disabled?: boolean | null;

  @Field(() => String, { nullable: true, description: 'A new password (6–200 characters); unchanged when omitted.' })
  @IsOptional()
  @Length(6, 200)
  password?: string | null;
}

@InputType({ description: 'Which users to list.' })
export class UserFilter {
  @Field({ nullable: true, description: 'Text in the email or name.' })
  @IsOptional()
  @Length(0, 200)
  q?: string;

  @Field(() => [ID], { nullable: true, description: 'Only these ids.' })
  @IsOptional()
  ids?: string[];

  @Field(() => Role, { nullable: true, description: 'Only with this role.' })
  @IsOptional()
  @IsEnum(Role)
  role?: Role;

  @Field({ nullable: true, description: 'true: disabled users only; false: active ones only.' })
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;

  @Field({ nullable: true, description: 'Only of this unit (subject code).' })
  @IsOptional()
  @Length(0, 100)
  unit?: string;
}
