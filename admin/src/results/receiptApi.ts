// One subject of a run with its explanations and receipt in a language (the breakdown dialog).
import { gqlFetch, type FetchOptions } from '../dataProvider/fetch';
import type { SubjectResult } from './api';

export interface CodedText {
  code: string;
  params: Record<string, unknown>;
  text: string;
}

export interface Receipt {
  schemeHash: string;
  inputsHash: string;
  rank: { rank: number; peers: number; tied: number };
  grade: string;
  gradeReasons: CodedText[];
  adjustments: {
    rule: string;
    name: string;
    kind: string;
    claimed: number;
    counted: number;
    maxPerSubject: number | null;
    cutByRuleCap: boolean;
  }[];
  bonus: { claimed: number; counted: number; cap: number | null; cutByGroupCap: boolean };
  deduction: { claimed: number; counted: number; cap: number | null; cutByGroupCap: boolean };
  vetoes: { rule: string; name: string; maxGrade: string; binding: boolean }[];
  indicators: {
    indicator: string;
    name: string;
    value: Record<string, unknown> | null;
    source: string | null;
    others: { source: string; value: Record<string, unknown> }[];
    decision: CodedText | null;
  }[];
  lines: CodedText[];
}

export type SubjectWithReceipt = SubjectResult & { receipt: Receipt | null };

const CODED = 'code params text';
const FIELDS = `subject { code name } group base bonus deduction final rank grade vetoes adjustments { rule points } warnings { code indicator }
  nodes { code name maxPoints points rate out explain(lang: $lang) }
  receipt(lang: $lang) { schemeHash inputsHash rank { rank peers tied } grade gradeReasons { ${CODED} }
    adjustments { rule name kind claimed counted maxPerSubject cutByRuleCap } bonus { claimed counted cap cutByGroupCap }
    deduction { claimed counted cap cutByGroupCap } vetoes { rule name maxGrade binding }
    indicators { indicator name value source others { source value } decision { ${CODED} } } lines { ${CODED} } }`;

export const subjectBreakdown = async (
  schemeId: string,
  runId: string,
  subject: string,
  lang: string,
  opts?: FetchOptions,
): Promise<SubjectWithReceipt | null> =>
  (
    await gqlFetch<{ results: SubjectWithReceipt[] }>(
      `query subjectBreakdown($schemeId: ID!, $runId: ID, $subject: String, $lang: Language) { results(schemeId: $schemeId, runId: $runId, subject: $subject) { ${FIELDS} } }`,
      { schemeId, runId, subject, lang: lang === 'en' ? 'en' : 'zh' },
      opts,
    )
  ).results[0] ?? null;
