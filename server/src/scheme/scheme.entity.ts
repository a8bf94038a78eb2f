import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export enum SchemeStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  CLOSED = 'CLOSED',
}
registerEnumType(SchemeStatus, { name: 'SchemeStatus' });

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
@ObjectType('Scheme')
export class Scheme {
  @Field(() => ID)
  id!: string;

  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field(() => Int)
  year!: number;

  @Field(() => SchemeStatus)
  status!: SchemeStatus;

  @Field(() => Int)
  version!: number;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;

  @Field(() => Date, { nullable: true })
  publishedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  closedAt!: Date | null;
}
