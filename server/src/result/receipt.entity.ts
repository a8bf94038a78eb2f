import { GraphQLJSON } from 'graphql-scalars';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';

/** The language of explanations and receipts: the `lang` argument, else Accept-Language, else Chinese. */
export enum Language {
  zh = 'zh',
  en = 'en',
}
registerEnumType(Language, {
  name: 'Language',
  description: 'zh (default) or en',
  valuesConfig: { zh: { description: 'Chinese.' }, en: { description: 'English.' } },
});

@ObjectType({
  description:
    'One reason on a receipt or one step of an explanation: a stable code, its params, and the text in the asked language.',
})
export class CodedText {
  @Field({ description: 'The code (stable; for programs).' })
  code!: string;

  @Field(() => GraphQLJSON, { description: "The code's parameters." })
  params!: Record<string, unknown>;

  @Field({ description: 'The words, in the asked language.' })
  text!: string;
}

@ObjectType({ description: "The subject's rank among its group." })
export class ReceiptRank {
  @Field(() => Int, { description: 'The rank (1 is best).' })
  rank!: number;

  @Field(() => Int, { description: 'Subjects in the group, the subject included.' })
  peers!: number;

  @Field(() => Int, { description: 'Other subjects of the group with the same final.' })
  tied!: number;
}

@ObjectType({ description: 'A bonus or deduction rule on a receipt.' })
export class ReceiptAdjustment {
  @Field({ description: 'The rule code.' })
  rule!: string;

  @Field({ description: 'The rule name.' })
  name!: string;

  @Field({ description: 'BONUS or DEDUCTION.' })
  kind!: string;

  @Field(() => Float, { description: "Points of the events, before the rule's cap per subject." })
  claimed!: number;

  @Field(() => Float, {
    description: 'Points counted for the rule (after its cap per subject; the group cap applies to the total).',
  })
  counted!: number;

  @Field(() => Float, { nullable: true, description: "The rule's cap per subject (null: none)." })
  maxPerSubject!: number | null;

  @Field({ description: "Whether the rule's cap per subject cut it." })
  cutByRuleCap!: boolean;
}

@ObjectType({ description: 'A bonus or deduction total against the group cap.' })
export class ReceiptTotal {
  @Field(() => Float, { description: 'The counted rule subtotals, before the group cap.' })
  claimed!: number;

  @Field(() => Float, { description: 'Points counted after the caps.' })
  counted!: number;

  @Field(() => Float, { nullable: true, description: "The group's cap (null: none)." })
  cap!: number | null;

  @Field({ description: 'Whether the group cap cut it.' })
  cutByGroupCap!: boolean;
}

@ObjectType({ description: 'A veto rule that applied.' })
export class ReceiptVeto {
  @Field({ description: 'The rule code.' })
  rule!: string;

  @Field({ description: 'The rule name.' })
  name!: string;

  @Field({ description: 'The best grade it allows.' })
  maxGrade!: string;

  @Field({ description: 'The veto that capped the grade (the strictest one).' })
  binding!: boolean;
}

@ObjectType({ description: 'A value as entered by one source.' })
export class SourceValue {
  @Field({ description: 'Who entered it (SELF, MONITOR or REVIEW).' })
  source!: string;

  @Field(() => GraphQLJSON, { description: 'The value.' })
  value!: Record<string, unknown>;
}

@ObjectType({ description: 'One indicator on a receipt.' })
export class ReceiptIndicator {
  @Field({ description: 'The indicator code.' })
  indicator!: string;

  @Field({ description: 'The indicator name.' })
  name!: string;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The input the run read (null: none).' })
  value!: Record<string, unknown> | null;

  @Field(() => String, { nullable: true, description: 'SELF, MONITOR or REVIEW: whose value was used.' })
  source!: string | null;

  @Field(() => [SourceValue], { description: "The other sources' values for the same indicator." })
  others!: SourceValue[];

  @Field(() => CodedText, {
    nullable: true,
    description: 'Why that value: agreement, priority, or the discrepancy decision.',
  })
  decision!: CodedText | null;
}

@ObjectType({ description: 'Why a subject has its rank, grade, adjustments and values, in one run.' })
export class Receipt {
  @Field({ description: 'sha256 of the scheme definition the run read (canonical JSON).' })
  schemeHash!: string;

  @Field({ description: 'sha256 of the effective dataset the run read (canonical JSON).' })
  inputsHash!: string;

  @Field(() => ReceiptRank, { description: 'How the rank came about.' })
  rank!: ReceiptRank;

  @Field({ description: 'The grade given.' })
  grade!: string;

  @Field(() => [CodedText], { description: "The grade's reasons: each better grade missed, then the grade itself." })
  gradeReasons!: CodedText[];

  @Field(() => [ReceiptAdjustment], { description: 'Each bonus or deduction rule, claimed and counted.' })
  adjustments!: ReceiptAdjustment[];

  @Field(() => ReceiptTotal, { description: 'The bonus total against its cap.' })
  bonus!: ReceiptTotal;

  @Field(() => ReceiptTotal, { description: 'The deduction total against its cap.' })
  deduction!: ReceiptTotal;

  @Field(() => [ReceiptVeto], { description: 'Veto rules that capped the grade.' })
  vetoes!: ReceiptVeto[];

  @Field(() => [ReceiptIndicator], { description: 'Each indicator with its value and points.' })
  indicators!: ReceiptIndicator[];

  @Field(() => [CodedText], { description: 'Every reason in reading order: rank, adjustments, caps, vetoes, grade.' })
  lines!: CodedText[];
}
