import type { Input, WarningCode } from '../../scheme/types';
import type { Problem } from '../../scheme/problems';
import type { ExplainPart } from '../explain';

/** The peers of one indicator in one group: the `actual` values of every subject that has one. */
export interface Peers {
  /** Sorted descending. */
  readonly desc: readonly number[];
  readonly min: number;
  readonly max: number;
  readonly avg: number;
}

export interface RateContext {
  /** Peers of this indicator (only computed for methods with `usesPeers`). */
  peers: Peers | null;
  /** The rounded final score of the member's unit (LINKED only). */
  unitFinal: number | undefined;
  /** Return the explanation parts (false: none, possibly in an outcome object that the next call reuses). */
  explain: boolean;
}

/** What a method yields: the rate s (unrounded), an optional warning, and the explanation's parts. */
export interface RateOutcome {
  rate: number;
  warning?: WarningCode;
  /**
   * What the method did, from the same numbers that gave the rate (when asked to explain), e.g.
   * RATIO { actual: 5350, target: 16000, ratio: 0.334375 } → "实际 5350 / 目标 16000 = 33.44%".
   */
  parts?: readonly ExplainPart[];
}

/**
 * One scoring method. `compile` turns the (validated) params into whatever `rate` wants, once per
 * scheme; `rate` must be pure and cheap: it runs once per subject and indicator.
 */
export interface MethodDef<C = unknown> {
  readonly type: string;
  /** Whether the method reads other subjects' `actual` (RANK, LINEAR, FORMULA with peer variables). */
  usesPeers?(compiled: C): boolean;
  /** Allowed only in MEMBER groups (LINKED). */
  readonly memberOnly?: boolean;
  /** Problems with the method's params; `path` points at the method object. */
  validateParams(params: Record<string, unknown>, path: string): Problem[];
  /** Method-specific problems with one input row (kinds already checked); `path` points at the row. */
  validateInput(input: Input, params: Record<string, unknown>, path: string): Problem[];
  compile(params: Record<string, unknown>): C;
  rate(this: void, input: Input | undefined, compiled: C, ctx: RateContext): RateOutcome;
}

/** Any method: the registry holds methods whose parameters differ, each reading only its own. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the parameter type varies per method (contravariant position)
export type AnyMethodDef = MethodDef<any>;
