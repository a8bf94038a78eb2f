import { IsBoolean, IsEmail, IsOptional, Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

export const TENANT_CODE = /^[a-z0-9][a-z0-9-]{1,62}$/;

@InputType({ description: 'A new tenant and its first ADMIN.' })
export class CreateTenantInput {
  @Field({ description: 'The tenant code (used to sign in; unique).' })
  @Matches(TENANT_CODE, { message: 'code: 2-63 lower-case letters, digits or dashes' })
  code!: string;

  @Field({ description: 'The tenant name.' })
  @Length(1, 200)
  name!: string;

  @Field({ description: "The first ADMIN's email." })
  @IsEmail()
  @Length(3, 254)
  adminEmail!: string;

  @Field({ description: "The first ADMIN's password." })
  @Length(6, 200)
  adminPassword!: string;
}

@InputType({ description: 'Which tenants to list.' })
export class TenantFilter {
  @Field({ nullable: true, description: 'Text in the code or name.' })
  @IsOptional()
  @Length(0, 200)
  q?: string;

  @Field(() => [ID], { nullable: true, description: 'Only these ids.' })
  @IsOptional()
  ids?: string[];

  @Field({ nullable: true, description: 'Only the tenant with this code.' })
  @IsOptional()
  @Length(0, 63)
  code?: string;

  @Field({ nullable: true, description: 'true: disabled tenants only; false: enabled ones only.' })
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;
}
