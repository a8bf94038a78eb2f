/**
 * Helpers for the methods' explanation parts (the wording lives in i18n/explain-texts.ts).
 */
import { part, type ExplainPart } from '../i18n/explain-texts';

export { formatParts, langFor, pct, part, type ExplainPart, type Lang } from '../i18n/explain-texts';

/** The parts, plus CAPPED/FLOORED when the clamp changed the rate. */
export function withClamp(parts: ExplainPart[], raw: number, s: number): ExplainPart[] {
  if (s < raw) parts.push(part('CAPPED', { rate: s }));
  else if (s > raw) parts.push(part('FLOORED', { rate: s }));
  return parts;
}
