import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export enum SubjectKind {
  UNIT = 'UNIT',
  MEMBER = 'MEMBER',
}
registerEnumType(SubjectKind, {
  name: 'SubjectKind',
  description: 'A unit or one of its members.',
  valuesConfig: {
    UNIT: { description: 'An assessed unit (a township, a department).' },
    MEMBER: { description: 'A member of a unit (e.g. its leading group).' },
  },
});

/** A unit or a member assessed under one scheme. Tenant-owned (RLS); code unique per scheme. */
@Entity('subjects')
export class SubjectEntity {
  @PrimaryColumn({ type: 'uuid', name: 'tenant_id' })
  tenantId!: string;

  @PrimaryColumn({ type: 'uuid', default: () => 'gen_random_uuid()' })
  id!: string;

  @Column('uuid', { name: 'scheme_id' })
  schemeId!: string;

  @Column('text')
  code!: string;

  @Column('text')
  name!: string;

  @Column('text', { name: 'group_code' })
  groupCode!: string;

  @Column('text')
  kind!: SubjectKind;

  @Column('text', { name: 'unit_code', nullable: true })
  unitCode!: string | null;

  @Column('integer')
  position!: number;

  @Column('integer', { default: 1 })
  version!: number;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' })
  updatedAt!: Date;
}

@ObjectType('Subject', { description: 'A unit or member being assessed in a scheme (a township, a department, …).' })
export class Subject {
  @Field(() => ID, { description: 'The subject id.' })
  id!: string;

  @Field(() => ID, { description: 'Its scheme.' })
  schemeId!: string;

  @Field({ description: 'The subject code (unique in the scheme).' })
  code!: string;

  @Field({ description: 'The subject name.' })
  name!: string;

  @Field({ description: 'Its group code.' })
  group!: string;

  @Field(() => SubjectKind, { description: 'UNIT or MEMBER (a member belongs to a unit).' })
  kind!: SubjectKind;

  @Field(() => String, { nullable: true, description: "A member's unit (subject code); null for units." })
  unit!: string | null;

  @Field(() => Int, { description: 'Import order.' })
  position!: number;

  @Field(() => Int, { description: 'Bumped by every change (optimistic locking).' })
  version!: number;
}
