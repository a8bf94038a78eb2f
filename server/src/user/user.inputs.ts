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

  @Field(() => String, { nullable: true, description: 'For UNIT users: their unit\'s subject code.' })
  @IsOptional()
  @Length(1, 100)
  unit?: string | null;

  @Field(() => ID, { nullable: true, description: 'For MONITOR users: their department (they write only the indicators it owns).' })
  @IsOptional()
  departmentId?: string | null;
}

@ArgsType()
export class UpdateUserArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200)
  name?: string | null;

  @Field(() => Role, { nullable: true })
  @IsOptional()
  @IsEnum(Role)
  role?: Role | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 100)
  unit?: string | null;

  @Field(() => ID, { nullable: true, description: 'For MONITOR users: their department (empty: none).' })
  @IsOptional()
  departmentId?: string | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  disabled?: boolean | null;

  @Field(() => String, { nullable: true })
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
