import { IsIn, IsOptional, Matches, MaxLength } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { InputSource, Period } from '../input/input.entity';

export enum DeadlineTarget {
  UNIT = 'UNIT',
  DEPARTMENT = 'DEPARTMENT',
}
registerEnumType(DeadlineTarget, {
  name: 'DeadlineTarget',
  description: 'Whom a deadline is reopened for.',
  valuesConfig: {
    UNIT: { description: 'One assessed unit (its own SELF entry and the values about it).' },
    DEPARTMENT: { description: 'One functional department (its MONITOR entry).' },
  },
});

/** Local wall time in the tenant's time zone: `YYYY-MM-DDTHH:mm` (or a date alone: the end of that day). */
export const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$/;

@ObjectType('DeadlineExtension', { description: 'A deadline reopened for one unit or department until a new time.' })
export class DeadlineExtension {
  @Field(() => DeadlineTarget, { description: 'Unit or department.' })
  targetKind!: DeadlineTarget;

  @Field({ description: "The unit subject's or the department's code." })
  code!: string;

  @Field(() => Date, { description: 'Open for this target until then.' })
  until!: Date;

  @Field({ description: "The same time in the tenant's time zone (YYYY-MM-DDTHH:mm)." })
  untilLocal!: string;
}

@ObjectType('Deadline', {
  description: 'When entry of one period and source of a scheme closes for units (SELF) and departments (MONITOR).',
})
export class Deadline {
  @Field(() => ID, { description: 'The deadline.' })
  id!: string;

  @Field(() => ID, { description: 'Its scheme.' })
  schemeId!: string;

  @Field(() => Period, { description: 'The period whose entry it closes.' })
  period!: Period;

  @Field(() => InputSource, { description: 'SELF (units) or MONITOR (departments).' })
  source!: InputSource;

  @Field(() => Date, { description: 'The due time.' })
  dueAt!: Date;

  @Field({ description: "The due time in the tenant's time zone (YYYY-MM-DDTHH:mm)." })
  dueLocal!: string;

  @Field({ description: "The tenant's time zone, in which dueLocal is given." })
  timeZone!: string;

  @Field({ description: 'True once the due time has passed.' })
  closed!: boolean;

  @Field(() => [DeadlineExtension], { description: 'Reopenings still or once granted.' })
  extensions!: DeadlineExtension[];
}

@InputType({ description: 'A deadline to set (replacing the same scheme, period and source).' })
export class DeadlineInput {
  @Field(() => ID, { description: 'The scheme.' })
  schemeId!: string;

  @Field(() => Period, { description: 'The period.' })
  period!: Period;

  @Field(() => InputSource, { description: 'SELF or MONITOR (REVIEW entry has no deadline).' })
  @IsIn([InputSource.SELF, InputSource.MONITOR])
  source!: InputSource;

  @Field({
    description: "Due time in the tenant's time zone: YYYY-MM-DDTHH:mm, or YYYY-MM-DD for the end of that day.",
  })
  @Matches(LOCAL_TIME)
  dueLocal!: string;
}

@InputType({ description: 'Reopens a passed deadline for one unit or department.' })
export class ReopenDeadlineInput {
  @Field(() => ID, { description: 'The deadline.' })
  deadlineId!: string;

  @Field(() => DeadlineTarget, { description: 'Unit or department.' })
  targetKind!: DeadlineTarget;

  @Field({ description: "The unit subject's or department's code." })
  @MaxLength(100)
  code!: string;

  @Field({ description: "Open until then, in the tenant's time zone (YYYY-MM-DDTHH:mm or YYYY-MM-DD)." })
  @Matches(LOCAL_TIME)
  untilLocal!: string;
}

@ArgsType()
export class NotSubmittedArgs {
  @Field(() => ID, { description: 'The scheme.' })
  schemeId!: string;

  @Field(() => Period, { description: 'The period.', defaultValue: Period.ANNUAL })
  period!: Period;

  @Field(() => InputSource, { description: 'SELF (units) or MONITOR (departments).', defaultValue: InputSource.SELF })
  @IsOptional()
  @IsIn([InputSource.SELF, InputSource.MONITOR])
  source!: InputSource;
}

@ObjectType('UnitSubmission', {
  description: 'How much of its expected input a unit has entered for one period and source.',
})
export class UnitSubmission {
  @Field({ description: "The unit subject's code." })
  unit!: string;

  @Field({ description: 'Its name.' })
  name!: string;

  @Field(() => Int, { description: 'Inputs expected: its subjects × their indicators that take an input.' })
  expected!: number;

  @Field(() => Int, { description: 'Inputs entered.' })
  entered!: number;

  @Field(() => Date, { nullable: true, description: 'When the deadline was reopened for this unit: until when.' })
  reopenedUntil!: Date | null;
}

@ObjectType('DepartmentSubmission', {
  description:
    'How much of its expected MONITOR input a department has entered for one period: the subjects × the indicators it owns.',
})
export class DepartmentSubmission {
  @Field({ description: "The department's code (an owner named by the scheme)." })
  code!: string;

  @Field({ description: 'Its name (the code when no such department is recorded).' })
  name!: string;

  @Field(() => Int, { description: 'Inputs expected.' })
  expected!: number;

  @Field(() => Int, { description: 'Inputs entered.' })
  entered!: number;

  @Field(() => Date, { nullable: true, description: 'When the deadline was reopened for this department: until when.' })
  reopenedUntil!: Date | null;
}

@ObjectType('NotSubmitted', {
  description: "Who has not entered a period's expected inputs of one source, before or after its deadline.",
})
export class NotSubmitted {
  @Field(() => Deadline, { nullable: true, description: 'The deadline of this period and source, if any.' })
  deadline!: Deadline | null;

  @Field(() => Int, { description: 'Units with an expected input.' })
  units!: number;

  @Field(() => [UnitSubmission], {
    description: 'The units with fewer inputs entered than expected, in subject order.',
  })
  missing!: UnitSubmission[];

  @Field(() => Int, {
    description: 'MONITOR only: owner departments with an expected input (0 when the scheme names no owners).',
  })
  departments!: number;

  @Field(() => [DepartmentSubmission], {
    description: 'MONITOR only: the owner departments with fewer inputs entered than expected, by code.',
  })
  missingDepartments!: DepartmentSubmission[];
}
