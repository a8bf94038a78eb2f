import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A district or city. Platform-level table (not tenant-owned). */
@ObjectType({ description: 'A district using Kaoping: its data is invisible to every other tenant.' })
@Entity('tenants')
export class Tenant {
  @Field(() => ID, { description: 'The tenant id.' })
  @PrimaryColumn({ type: 'uuid', default: () => 'gen_random_uuid()' })
  id!: string;

  @Field({ description: 'The tenant code (used to sign in).' })
  @Column('text')
  code!: string;

  @Field({ description: 'The tenant name.' })
  @Column('text')
  name!: string;

  @Field({ description: 'A disabled tenant cannot sign in or use keys.' })
  @Column('boolean', { default: false })
  disabled!: boolean;

  @Field({ description: 'When it was created.' })
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' })
  updatedAt!: Date;
}
