/**
 * @kaoping/shared — the scheme model and the scoring engine. Pure: no I/O, no clock, no Node
 * built-ins; bundles for the browser.
 */
export * from './scheme/types';
export { ValidationError, type Problem } from './scheme/problems';
export { validateScheme } from './scheme/validate-scheme';
export { validateDataset, validateDatasetFor } from './scheme/validate-dataset';
export { evaluate, evaluateValidated, type EvaluateOptions } from './engine/evaluate';
export { previewIndicator, type Preview, type PreviewOptions } from './engine/preview';
export { roundHalfUp, roundScaled } from './engine/rounding';
export { METHODS } from './engine/methods/registry';
export type { MethodDef, RateContext, RateOutcome, Peers } from './engine/methods/types';
export { shareQuota } from './engine/grading';
export { competitionRanks } from './engine/ranking';
export { applyAdjustments, type AdjustmentOutcome } from './engine/adjustments';
export {
  parseNumberValue, parseCountValue, parseGradeValue, parseFlagValue, parseTextValue, toHalfWidth,
  describeValueProblem, MAX_TEXT,
  type ParsedValue, type ValueProblem, type ValueProblemCode, type CellInput, type NumberOptions,
} from './input/parse-value';
export { methodInputFields, type InputField } from './input/fields';
export { matchDataset, type MatchedDataset, type Unmatched } from './whatif/match';
export { nextGrades, type NextGrade, type NextGradeBlock } from './whatif/next-grade';
export { whatIfSubjects, movedSubjects, gradeSteps, standingsOf, type Standing, type WhatIfSubject } from './whatif/moves';
