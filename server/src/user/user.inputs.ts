import { IsBoolean, IsEmail, IsEnum, IsOptional, Length } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { Role } from './role';

@InputType()
export class CreateUserInput {
  @Field()
  @IsEmail()
  @Length(3, 254)
  email!: string;

  @Field()
  @Length(6, 200)
  password!: string;

  @Field()
  @Length(1, 200)
  name!: string;

  @Field(() => Role)
  @IsEnum(Role)
  role!: Role;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100)
  unit?: string | null;
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

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  disabled?: boolean | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(6, 200)
  password?: string | null;
}

@InputType()
export class UserFilter {
  @Field({ nullable: true })
  @IsOptional()
  @Length(0, 200)
  q?: string;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  ids?: string[];

  @Field(() => Role, { nullable: true })
  @IsOptional()
  @IsEnum(Role)
  role?: Role;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @Length(0, 100)
  unit?: string;
}
