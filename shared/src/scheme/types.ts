/** Scheme, dataset and result types: the engine's input and output, shared by server, console and CLI. */
import type { PackedPart } from '../i18n/explain-texts';

export type Direction = 'HIGHER' | 'LOWER';

export interface TargetMethod {
  type: 'TARGET';
  direction?: Direction;
  floor?: number;
  cap?: number;
}
export interface LadderStep {
  min?: number;
  max?: number;
  score: number;
}
export interface LadderMethod {
  type: 'LADDER';
  basis?: 'VALUE' | 'RATIO';
  steps: LadderStep[];
}
export interface RankMethod {
  type: 'RANK';
  direction?: Direction;
  step: number;
  floor?: number;
}
export interface LinearMethod {
  type: 'LINEAR';
  direction?: Direction;
  floor?: number;
}
export interface GradeMethod {
  type: 'GRADE';
  levels: Record<string, number>;
}
export interface ScoreMethod {
  type: 'SCORE';
  max?: number;
}
export interface SurveyMethod {
  type: 'SURVEY';
  voterGroups: Record<string, number>;
  /** Display names (e.g. 领导班子成员) by voter group code; optional, not used in scoring. */
  voterGroupNames?: Record<string, string>;
  options: Record<string, number>;
  /** Display names (e.g. 优秀) by option code; optional, not used in scoring. */
  optionNames?: Record<string, string>;
}
export interface FormulaMethod {
  type: 'FORMULA';
  expression: string;
  cap?: number;
}
export interface LinkedMethod {
  type: 'LINKED';
  cap?: number;
}

export type Method =
  | TargetMethod
  | LadderMethod
  | RankMethod
  | LinearMethod
  | GradeMethod
  | ScoreMethod
  | SurveyMethod
  | FormulaMethod
  | LinkedMethod;
export type MethodType = Method['type'];

export interface CategoryNode {
  code: string;
  name: string;
  weight: number;
  children: SchemeNode[];
}
export interface IndicatorNode {
  code: string;
  name: string;
  weight: number;
  unit?: string;
  method: Method;
  /** Codes of the departments that report this indicator; optional, not used in scoring. */
  owners?: string[];
}
export type SchemeNode = CategoryNode | IndicatorNode;

export interface Group {
  code: string;
  name: string;
  kind: 'UNIT' | 'MEMBER';
  bonusCap?: number | null;
  deductionCap?: number | null;
  root: SchemeNode;
}

export interface Grade {
  code: string;
  name: string;
  minScore?: number;
  maxShare?: number;
}

export interface Rule {
  code: string;
  name: string;
  kind: 'BONUS' | 'DEDUCTION' | 'VETO';
  groups: string[];
  points?: number;
  minPoints?: number;
  maxPoints?: number;
  maxPerSubject?: number;
  maxGrade?: string;
}

export interface Scheme {
  formatVersion: 1;
  code: string;
  name: string;
  year: number;
  precision?: number;
  reviewThreshold?: number;
  /** Progress warnings (督查): points behind schedule from which an item is BEHIND / FAR_BEHIND; optional, not used in scoring. */
  progress?: { behind?: number; farBehind?: number };
  grades: Grade[];
  groups: Group[];
  rules: Rule[];
}

export interface Subject {
  code: string;
  name: string;
  group: string;
  unit?: string;
}

export type Ballots = Record<string, Record<string, number>>;

export interface Input {
  subject: string;
  indicator: string;
  actual?: number;
  target?: number;
  previous?: number;
  score?: number;
  grade?: string;
  ballots?: Ballots;
  notApplicable?: boolean;
}

export interface Adjustment {
  subject: string;
  rule: string;
  count?: number;
  points?: number;
  note?: string;
}

export interface Dataset {
  formatVersion: 1;
  subjects: Subject[];
  inputs: Input[];
  adjustments?: Adjustment[];
}

export type WarningCode = 'MISSING_INPUT' | 'DIVISION_BY_ZERO';
export interface Warning {
  code: WarningCode;
  indicator: string;
}

export type ResultNode =
  | { code: string; out: true }
  | {
      code: string;
      maxPoints: number;
      points: number;
      rate?: number;
      explain?: string;
      /** The explanation as data (evaluate with explainAs 'parts'): packed parts, see i18n/explain-texts.ts. */
      parts?: PackedPart[];
    };

export interface SubjectResult {
  subject: string;
  group: string;
  base: number;
  bonus: number;
  deduction: number;
  final: number;
  rank: number;
  grade: string;
  vetoes: string[];
  nodes: ResultNode[];
  adjustments: { rule: string; points: number }[];
  warnings: Warning[];
}

export interface GroupResult {
  group: string;
  count: number;
  gradeCounts: Record<string, number>;
}

export interface Result {
  scheme: string;
  groups: GroupResult[];
  subjects: SubjectResult[];
}

export function isCategory(n: SchemeNode): n is CategoryNode {
  return Array.isArray((n as CategoryNode).children);
}
