import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A functional department of a tenant (税务局, 统计局, …). Tenant-owned (RLS); code unique per tenant. */
@Entity('departments')
export class DepartmentEntity {
  @PrimaryColumn({ type: 'uuid', name: 'tenant_id' })
  tenantId!: string;

  @PrimaryColumn({ type: 'uuid', default: () => 'gen_random_uuid()' })
  id!: string;

  @Column('text')
  code!: string;

  @Column('text')
  name!: string;

  @Column('integer', { default: 1 })
  version!: number;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' })
  updatedAt!: Date;
}

@ObjectType('Department', {
  description: 'A functional department of the tenant: it reports the indicators a scheme names it owner of.',
})
export class Department {
  @Field(() => ID, { description: 'The department id.' })
  id!: string;

  @Field({ description: 'The department code (unique in the tenant), as scheme indicators name it in `owners`.' })
  code!: string;

  @Field({ description: 'The department name (e.g. 税务局).' })
  name!: string;

  @Field(() => Int, { description: 'Bumped by every change (optimistic locking).' })
  version!: number;

  @Field({ description: 'When it was created.' })
  createdAt!: Date;
}
