import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Department } from '../department/department.entity';
import { Role } from './role';

/** A person of one tenant. Tenant-owned (RLS). */
@Entity('users')
export class UserEntity {
  @PrimaryColumn({ type: 'uuid', name: 'tenant_id' })
  tenantId!: string;

  @PrimaryColumn({ type: 'uuid', default: () => 'gen_random_uuid()' })
  id!: string;

  @Column('text')
  email!: string;

  @Column('text')
  name!: string;

  @Column('text', { name: 'password_hash' })
  passwordHash!: string;

  @Column('text')
  role!: Role;

  @Column('text', { nullable: true })
  unit!: string | null;

  @Column('uuid', { name: 'department_id', nullable: true })
  departmentId!: string | null;

  @Column('boolean', { default: false })
  disabled!: boolean;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' })
  updatedAt!: Date;
}

@ObjectType({ description: 'A tenant named on a user.' })
export class TenantRef {
  @Field(() => ID, { description: 'The tenant id.' })
  id!: string;

  @Field({ description: 'The tenant code.' })
  code!: string;

  @Field({ description: 'The tenant name.' })
  name!: string;
}

/** The GraphQL view of a user (tenant user or platform administrator). */
@ObjectType('User', { description: 'A person of a tenant who signs in.' })
export class User {
  @Field(() => ID, { description: 'The user id.' })
  id!: string;

  @Field({ description: 'The sign-in email.' })
  email!: string;

  @Field({ description: 'The user name.' })
  name!: string;

  @Field(() => Role, { description: 'What the user may do.' })
  role!: Role;

  @Field(() => String, { nullable: true, description: "For UNIT users: their unit's subject code." })
  unit!: string | null;

  @Field(() => ID, { nullable: true, description: 'For MONITOR users: the id of their department.' })
  departmentId!: string | null;

  @Field(() => Department, {
    nullable: true,
    description: 'For MONITOR users: the department they report for (they write only the indicators it owns).',
  })
  department?: Department | null;

  @Field({ description: 'A disabled user cannot sign in.' })
  disabled!: boolean;

  @Field({ description: 'When it was created.' })
  createdAt!: Date;

  @Field(() => TenantRef, { nullable: true, description: "The user's tenant." })
  tenant!: TenantRef | null;
}
