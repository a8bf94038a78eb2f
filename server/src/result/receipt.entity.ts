import { GraphQLJSON } from 'graphql-scalars';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';

/** The language of explanations and receipts: the `lang` argument, else Accept-Language, else Chinese. */
export enum Language {
  zh = 'zh',
  en = 'en',
}
registerEnumType(Language, { name: 'Language', description: 'zh (default) or en' });

@ObjectType({ description: 'One reason on a receipt or one step of an explanation: a stable code, its params, and the text in the asked language.' })
export class CodedText {
  @Field()
  code!: string;

  @Field(() => GraphQLJSON)
  params!: Record<string, unknown>;

  @Field()
  text!: string;
}

@ObjectType()
export class ReceiptRank {
  @Field(() => Int)
  rank!: number;

  @Field(() => Int, { description: 'Subjects in the group, the subject included.' })
  peers!: number;

  @Field(() => Int, { description: 'Other subjects of the group with the same final.' })
  tied!: number;
}

@ObjectType()
export class ReceiptAdjustment {
  @Field()
  rule!: string;

  @Field()
  name!: string;

  @Field()
  kind!: string;

  @Field(() => Float, { description: 'Points of the events, before the rule\'s cap per subject.' })
  claimed!: number;

  @Field(() => Float, { description: 'Points counted for the rule (after its cap per subject; the group cap applies to the total).' })
  counted!: number;

  @Field(() => Float, { nullable: true })
  maxPerSubject!: number | null;

  @Field({ description: 'Whether the rule\'s cap per subject cut it.' })
  cutByRuleCap!: boolean;
}

@ObjectType()
export class ReceiptTotal {
  @Field(() => Float, { description: 'The counted rule subtotals, before the group cap.' })
  claimed!: number;

  @Field(() => Float)
  counted!: number;

  @Field(() => Float, { nullable: true, description: 'The group\'s cap (null: none).' })
  cap!: number | null;

  @Field({ description: 'Whether the group cap cut it.' })
  cutByGroupCap!: boolean;
}

@ObjectType()
export class ReceiptVeto {
  @Field()
  rule!: string;

  @Field()
  name!: string;

  @Field()
  maxGrade!: string;

  @Field({ description: 'The veto that capped the grade (the strictest one).' })
  binding!: boolean;
}

@ObjectType()
export class SourceValue {
  @Field()
  source!: string;

  @Field(() => GraphQLJSON)
  value!: Record<string, unknown>;
}

@ObjectType()
export class ReceiptIndicator {
  @Field()
  indicator!: string;

  @Field()
  name!: string;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The input the run read (null: none).' })
  value!: Record<string, unknown> | null;

  @Field(() => String, { nullable: true, description: 'SELF, MONITOR or REVIEW: whose value was used.' })
  source!: string | null;

  @Field(() => [SourceValue], { description: 'The other sources\' values for the same indicator.' })
  others!: SourceValue[];

  @Field(() => CodedText, { nullable: true, description: 'Why that value: agreement, priority, or the discrepancy decision.' })
  decision!: CodedText | null;
}

@ObjectType({ description: 'Why a subject has its rank, grade, adjustments and values, in one run.' })
export class Receipt {
  @Field({ description: 'sha256 of the scheme definition the run read (canonical JSON).' })
  schemeHash!: string;

  @Field({ description: 'sha256 of the effective dataset the run read (canonical JSON).' })
  inputsHash!: string;

  @Field(() => ReceiptRank)
  rank!: ReceiptRank;

  @Field()
  grade!: string;

  @Field(() => [CodedText], { description: 'The grade\'s reasons: each better grade missed, then the grade itself.' })
  gradeReasons!: CodedText[];

  @Field(() => [ReceiptAdjustment])
  adjustments!: ReceiptAdjustment[];

  @Field(() => ReceiptTotal)
  bonus!: ReceiptTotal;

  @Field(() => ReceiptTotal)
  deduction!: ReceiptTotal;

  @Field(() => [ReceiptVeto])
  vetoes!: ReceiptVeto[];

  @Field(() => [ReceiptIndicator])
  indicators!: ReceiptIndicator[];

  @Field(() => [CodedText], { description: 'Every reason in reading order: rank, adjustments, caps, vetoes, grade.' })
  lines!: CodedText[];
}
