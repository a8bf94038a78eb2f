import { Field, Int, ObjectType } from 'type-graphql';
import { InputSource } from '../input/input.entity';
import { ResultRun } from '../result/result-run';
import { Scheme } from '../scheme/scheme.entity';
import { SubjectKind } from '../subject/subject.entity';

@ObjectType({ description: "One input source's share of a group's expected values." })
export class SourceCompleteness {
  @Field(() => InputSource, { description: 'The input source.' })
  source!: InputSource;

  @Field(() => Int, { description: 'Expected cells (subject × indicator) with an ANNUAL value from this source.' })
  entered!: number;

  @Field(() => Int, {
    description: 'Cells whose effective value (REVIEW over MONITOR over SELF) comes from this source.',
  })
  effective!: number;
}

@ObjectType({ description: 'Data completeness of one group: its subjects × the indicators that need an input.' })
export class GroupCompleteness {
  @Field({ description: "The group's code." })
  group!: string;

  @Field({ description: "The group's name." })
  name!: string;

  @Field(() => SubjectKind, { description: 'Whether the group holds units or members.' })
  kind!: SubjectKind;

  @Field(() => Int, { description: 'Subjects of the group (a UNIT user: its own unit and members only).' })
  subjects!: number;

  @Field(() => Int, { description: "Indicators of the group's tree that take an input (LINKED ones take none)." })
  indicators!: number;

  @Field(() => Int, { description: 'subjects × indicators.' })
  expected!: number;

  @Field(() => Int, { description: 'Expected cells with an effective value from any source (notApplicable included).' })
  effective!: number;

  @Field(() => Int, { description: 'Effective values marked notApplicable.' })
  notApplicable!: number;

  @Field(() => [SourceCompleteness], { description: 'SELF, MONITOR, REVIEW in that order.' })
  sources!: SourceCompleteness[];
}

@ObjectType({ description: "Where the year stands for the caller's tenant (a UNIT user: its own unit's figures)." })
export class Dashboard {
  @Field(() => Scheme, {
    nullable: true,
    description:
      'The scheme the figures are about: the one asked for, else the current one (newest published, else newest draft, else newest closed).',
  })
  scheme!: Scheme | null;

  @Field(() => [Scheme], { description: "The tenant's schemes, newest year first, to choose from." })
  schemes!: Scheme[];

  @Field(() => [GroupCompleteness], {
    description: "Data completeness per group of the scheme, in the scheme's group order; empty without a scheme.",
  })
  completeness!: GroupCompleteness[];

  @Field(() => Int, {
    nullable: true,
    description: 'As many as `discrepancies(schemeId)` lists; null for roles that may not read them (UNIT).',
  })
  discrepancies!: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Discrepancies not yet settled by a REVIEW value entered after both SELF and MONITOR (`review` null in `discrepancies`); null for roles that may not read them (UNIT).',
  })
  openDiscrepancies!: number | null;

  @Field(() => Int, { description: "CLAIMED adjustments waiting for verification (a UNIT user: its own unit's)." })
  claimedAdjustments!: number;

  @Field(() => ResultRun, {
    nullable: true,
    description: 'The newest run the caller may see (UNIT: newest published).',
  })
  latestRun!: ResultRun | null;
}
