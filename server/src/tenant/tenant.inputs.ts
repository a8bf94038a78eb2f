import { IsBoolean, IsEmail, IsOptional, Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

export const TENANT_CODE = /^[a-z0-9][a-z0-9-]{1,62}$/;

@InputType()
export class CreateTenantInput {
  @Field()
  @Matches(TENANT_CODE, { message: 'code: 2-63 lower-case letters, digits or dashes' })
  code!: string;

  @Field()
  @Length(1, 200)
  name!: string;

  @Field()
  @IsEmail()
  @Length(3, 254)
  adminEmail!: string;

  @Field()
  @Length(6, 200)
  adminPassword!: string;
}

@InputType()
export class TenantFilter {
  @Field({ nullable: true })
  @IsOptional()
  @Length(0, 200)
  q?: string;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  ids?: string[];

  @Field({ nullable: true })
  @IsOptional()
  @Length(0, 63)
  code?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;
}
