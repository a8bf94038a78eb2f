import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ResultSubjectRef } from '../result/result.entity';
import { ResultGroup } from '../result/result-run';

export enum NextGradeBlock {
  BEST_GRADE = 'BEST_GRADE',
  VETO = 'VETO',
  QUOTA = 'QUOTA',
}
registerEnumType(NextGradeBlock, {
  name: 'NextGradeBlock',
  description:
    "Why a subject has no toNextGrade: it has the best grade; a veto caps it below the next grade; the next grade's quota decides, not a score.",
  valuesConfig: {
    BEST_GRADE: { description: 'It already has the best grade.' },
    VETO: { description: 'A veto caps it below the next grade.' },
    QUOTA: { description: "The next grade's quota decides, not a score." },
  },
});

@ObjectType({ description: "Where a subject stood in the newest run of the data's scheme." })
export class SimulationStanding {
  @Field(() => Float, { description: 'Its final score in that run (points, two decimals).' })
  final!: number;

  @Field(() => Int, { description: 'Its rank in its group in that run (1 = best; ties share a rank).' })
  rank!: number;

  @Field({ description: 'Its grade code in that run.' })
  grade!: string;
}

@ObjectType({ description: "One subject's outcome under the simulated definition." })
export class SimulatedSubject {
  @Field(() => ResultSubjectRef, { description: 'The subject.' })
  subject!: ResultSubjectRef;

  @Field({ description: "Its group's code." })
  group!: string;

  @Field(() => Float, { description: 'Its final score under the definition (points, two decimals).' })
  final!: number;

  @Field(() => Int, { description: 'Its rank in its group under the definition (1 = best; ties share a rank).' })
  rank!: number;

  @Field({ description: 'Its grade code under the definition.' })
  grade!: string;

  @Field(() => SimulationStanding, {
    nullable: true,
    description: "Its standing in the newest run of the data's scheme; null when there is no run or it was not in it.",
  })
  before!: SimulationStanding | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "Points the final must rise by to reach the next better grade under this definition's bands; null: see nextGradeBlock.",
  })
  toNextGrade!: number | null;

  @Field(() => NextGradeBlock, {
    nullable: true,
    description: 'Why toNextGrade is null; null when toNextGrade is given.',
  })
  nextGradeBlock!: NextGradeBlock | null;
}

@ObjectType({
  description: 'Codes in the data that the definition does not know: left out of the simulation, not errors.',
})
export class SimulationUnmatched {
  @Field(() => [String], {
    description: 'Subjects whose group the definition lacks (or members whose unit was left out).',
  })
  subjects!: string[];

  @Field(() => [String], { description: "Indicators with inputs that the subject's group tree does not hold." })
  indicators!: string[];

  @Field(() => [String], {
    description: "Rules with adjustments that the definition lacks or no longer applies to the subject's group.",
  })
  rules!: string[];
}

@ObjectType({ description: "A definition evaluated over a scheme's current effective data; nothing is stored." })
export class Simulation {
  @Field(() => [ResultGroup], { description: 'Per group: subjects counted and grade counts under the definition.' })
  groups!: ResultGroup[];

  @Field(() => [SimulatedSubject], { description: 'In the order of the dataset.' })
  subjects!: SimulatedSubject[];

  @Field(() => SimulationUnmatched, {
    description: 'Codes in the data that the definition does not know (left out, not errors).',
  })
  unmatched!: SimulationUnmatched;

  @Field(() => ID, { nullable: true, description: "The run `before` comes from: the newest of the data's scheme." })
  beforeRunId!: string | null;
}
