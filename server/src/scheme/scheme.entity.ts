import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export enum SchemeStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  CLOSED = 'CLOSED',
}
registerEnumType(SchemeStatus, {
  name: 'SchemeStatus',
  description: "A scheme's state.",
  valuesConfig: {
    DRAFT: { description: 'Being edited; invisible to API keys.' },
    PUBLISHED: { description: 'In force for its year; frozen.' },
    CLOSED: { description: 'The year is over; frozen.' },
  },
});

/** One tenant's assessment scheme for one year. Tenant-owned (RLS); frozen once published (DB trigger). */
@Entity('schemes')
export class SchemeEntity {
  @PrimaryColumn({ type: 'uuid', name: 'tenant_id' })
  tenantId!: string;

  @PrimaryColumn({ type: 'uuid', default: () => 'gen_random_uuid()' })
  id!: string;

  @Column('text')
  code!: string;

  @Column('text')
  name!: string;

  @Column('integer')
  year!: number;

  @Column('text', { default: SchemeStatus.DRAFT })
  status!: SchemeStatus;

  @Column('integer', { default: 1 })
  version!: number;

  /** The queryable copy (jsonb: keys reordered). Evaluation and hashing read this one. */
  @Column('jsonb')
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- jsonb as stored; validated by the engine on every write
  definition!: Record<string, any>;

  /**
   * The definition's exact JSON text as given, key order included (what export returns); a CHECK
   * keeps it equal to `definition`. Not selected by default: only export and clone need it.
   */
  @Column('text', { name: 'definition_text', select: false })
  definitionText!: string;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' })
  updatedAt!: Date;

  @Column('timestamptz', { name: 'published_at', nullable: true })
  publishedAt!: Date | null;

  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt!: Date | null;
}

/** The GraphQL view of a scheme (the definition itself comes from exportScheme). */
@ObjectType('Scheme', {
  description:
    "One year's assessment scheme of the tenant: groups, indicators, rules and grading as data. DRAFT until published; CLOSED at the end of the year.",
})
export class Scheme {
  @Field(() => ID, { description: 'The scheme id.' })
  id!: string;

  @Field({ description: 'The scheme code (unique in the tenant).' })
  code!: string;

  @Field({ description: 'The scheme name.' })
  name!: string;

  @Field(() => Int, { description: 'The assessment year.' })
  year!: number;

  @Field(() => SchemeStatus, { description: 'DRAFT, PUBLISHED or CLOSED.' })
  status!: SchemeStatus;

  @Field(() => Int, { description: 'Bumped by every change (optimistic locking).' })
  version!: number;

  @Field({ description: 'When it was imported.' })
  createdAt!: Date;

  @Field({ description: 'When it last changed.' })
  updatedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it was published.' })
  publishedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When its year was closed.' })
  closedAt!: Date | null;
}
