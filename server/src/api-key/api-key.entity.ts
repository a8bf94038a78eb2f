import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An app's key, bound to one tenant. Only a hash of the secret is stored. Tenant-owned (RLS). */
@ObjectType('ApiKey', { description: "A key a third-party application reads the tenant's published data with." })
@Entity('api_keys')
export class ApiKey {
  @PrimaryColumn({ type: 'uuid', name: 'tenant_id' })
  tenantId!: string;

  @Field(() => ID, { description: 'The key id.' })
  @PrimaryColumn({ type: 'uuid', default: () => 'gen_random_uuid()' })
  id!: string;

  @Field({ description: 'A name for the people managing it.' })
  @Column('text')
  name!: string;

  /** Public part of the key (`kp_<lookupId>_…`), safe to show. */
  @Field({ description: 'The public part of the key (kp_<lookupId>_…).' })
  @Column('text', { name: 'lookup_id' })
  lookupId!: string;

  @Column('text', { name: 'secret_hash' })
  secretHash!: string;

  @Field(() => [String], { description: 'What the key may read: results:read, schemes:read.' })
  @Column('text', { array: true })
  scopes!: string[];

  @Column('uuid', { name: 'created_by', nullable: true })
  createdBy!: string | null;

  @Field({ description: 'When it was created.' })
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it stops working (null: never).' })
  @Column('timestamptz', { name: 'expires_at', nullable: true })
  expiresAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was revoked (null: active).' })
  @Column('timestamptz', { name: 'revoked_at', nullable: true })
  revokedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was last used.' })
  @Column('timestamptz', { name: 'last_used_at', nullable: true })
  lastUsedAt!: Date | null;
}
