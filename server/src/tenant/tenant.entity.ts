import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A district or city. Platform-level table (not tenant-owned). */
@ObjectType()
@Entity('tenants')
export class Tenant {
  @Field(() => ID)
  @PrimaryColumn({ type: 'uuid', default: () => 'gen_random_uuid()' })
  id!: string;

  @Field()
  @Column('text')
  code!: string;

  @Field()
  @Column('text')
  name!: string;

  @Field()
  @Column('boolean', { default: false })
  disabled!: boolean;

  @Field()
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' })
  updatedAt!: Date;
}
