/** The one table of scoring methods: a new method is one file and one line here. */
import { FORMULA } from './formula';
import { GRADE } from './grade';
import { LADDER } from './ladder';
import { LINEAR } from './linear';
import { LINKED } from './linked';
import { RANK } from './rank';
import { SCORE } from './score';
import { SURVEY } from './survey';
import { TARGET } from './target';
import type { AnyMethodDef } from './types';

export const METHODS: Readonly<Record<string, AnyMethodDef>> = {
  TARGET,
  LADDER,
  RANK,
  LINEAR,
  GRADE,
  SCORE,
  SURVEY,
  FORMULA,
  LINKED,
};

export function methodOf(type: unknown): AnyMethodDef | undefined {
  return typeof type === 'string' && Object.prototype.hasOwnProperty.call(METHODS, type) ? METHODS[type] : undefined;
}
