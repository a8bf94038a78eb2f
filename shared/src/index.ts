/**
 * @kaoping/shared — the scheme model and the scoring engine. Pure: no I/O, no clock, no Node
 * built-ins; bundles for the browser.
 */
export * from './scheme/types';
export { ValidationError, problem, problemText, type Problem } from './scheme/problems';
export { PROBLEM_CODES, PROBLEM_TEXTS, type ProblemCode, type Params } from './i18n/problem-texts';
export { suggestKey } from './scheme/known-keys';
export { validateScheme } from './scheme/validate-scheme';
export { validateDataset, validateDatasetFor } from './scheme/validate-dataset';
export { evaluate, evaluateValidated, type EvaluateOptions } from './engine/evaluate';
export { previewIndicator, type Preview, type PreviewOptions } from './engine/preview';
export { buildReceipts, subjectReceipt, type SubjectReceipt, type IndicatorReceipt } from './engine/receipt';
export { nodesBasis, nodesOnce, type NodesBasis } from './engine/subject-result';
export {
  EXPLAIN_CODES,
  EXPLAIN_TEXTS,
  formatParts,
  langFor,
  packParts,
  pct,
  unpackParts,
  type ExplainCode,
  type ExplainPart,
  type Lang,
  type PackedPart,
} from './i18n/explain-texts';
export {
  formatLine,
  RECEIPT_CODES,
  RECEIPT_TEXTS,
  sourceName,
  type LineParams,
  type ReceiptCode,
  type ReceiptLine,
} from './i18n/receipt-texts';
export { canonicalJson } from './scheme/canonical-json';
export { esc as pointerToken, ptr as pointerTo } from './scheme/problems';
export { walkTree, indicatorsOf, findIndicator, type TreeNodeLike } from './scheme/tree';
export { roundHalfUp, roundScaled } from './engine/rounding';
export { METHODS } from './engine/methods/registry';
export type { MethodDef, RateContext, RateOutcome, Peers } from './engine/methods/types';
export { shareQuota } from './engine/grading';
export { competitionRanks } from './engine/ranking';
export { applyAdjustments, type AdjustmentOutcome } from './engine/adjustments';
export {
  parseNumberValue,
  parseCountValue,
  parseGradeValue,
  parseFlagValue,
  parseTextValue,
  toHalfWidth,
  describeValueProblem,
  MAX_TEXT,
  type ParsedValue,
  type ValueProblem,
  type ValueProblemCode,
  type CellInput,
  type NumberOptions,
} from './input/parse-value';
export { methodInputFields, type InputField } from './input/fields';
export { matchDataset, type MatchedDataset, type Unmatched } from './whatif/match';
export { nextGrades, type NextGrade, type NextGradeBlock } from './whatif/next-grade';
export {
  whatIfSubjects,
  movedSubjects,
  gradeSteps,
  standingsOf,
  type Standing,
  type WhatIfSubject,
} from './whatif/moves';
export {
  progressOf,
  progressThresholds,
  measure as measureProgress,
  levelOf as progressLevelOf,
  directionOf,
  PERIOD_SHARE,
  DEFAULT_THRESHOLDS,
  type ProgressItem,
  type ProgressLevel,
  type ProgressNote,
  type ProgressPeriod,
  type ProgressThresholds,
  type ProgressValue,
} from './progress/progress';
