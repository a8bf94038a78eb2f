import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One append-only audit record: who changed what, kept for review, so it is never edited. Tenant-owned (RLS); UPDATE/DELETE refused by a trigger. */
@Entity('audit_log')
export class AuditLogEntity {
  @PrimaryColumn({ type: 'uuid', name: 'tenant_id' })
  tenantId!: string;

  @PrimaryColumn({ type: 'uuid', default: () => 'gen_random_uuid()' })
  id!: string;

  @Column('timestamptz', { default: () => 'clock_timestamp()' })
  at!: Date;

  @Column({ type: 'bigint', insert: false, update: false })
  seq!: string;

  @Column('text', { name: 'actor_kind' })
  actorKind!: string;

  @Column('uuid', { name: 'actor_id', nullable: true })
  actorId!: string | null;

  @Column('text')
  entity!: string;

  @Column('uuid', { name: 'entity_id' })
  entityId!: string;

  @Column('text')
  action!: string;

  @Column('jsonb', { nullable: true })
  before!: unknown;

  @Column('jsonb', { nullable: true })
  after!: unknown;
}

@ObjectType('AuditEntry', {
  description: 'One recorded change: who did what to which record, with the record before and after.',
})
export class AuditEntry {
  @Field(() => ID, { description: 'The entry id.' })
  id!: string;

  @Field({ description: 'When.' })
  at!: Date;

  @Field({ description: 'user, platform, apiKey or system' })
  actorKind!: string;

  @Field(() => ID, { nullable: true, description: 'Who (a user, platform administrator or API key id).' })
  actorId!: string | null;

  @Field({ description: 'The kind of record (scheme, result_run, webhook, …).' })
  entity!: string;

  @Field(() => ID, { description: 'The record id.' })
  entityId!: string;

  @Field({ description: 'What was done (CREATE, UPDATE, PUBLISH, …).' })
  action!: string;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The record before (null on create).' })
  before!: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The record after (null on delete).' })
  after!: unknown;
}
