/**
 * When SELF and MONITOR disagree: their `actual` (or `score`) differ by more than the scheme's
 * reviewThreshold relative to MONITOR, or at all when MONITOR is 0. Used by the discrepancies
 * query and by the receipts of a run.
 */
export interface Difference {
  field: 'actual' | 'score';
  /** |self − monitor| / |monitor|; null when MONITOR is 0. */
  ratio: number | null;
  /** Whether it exceeds the threshold (a review is needed). */
  exceeds: boolean;
}

/** The first field (actual, then score) in which the two values differ; undefined when they agree or are not comparable. */
export function differenceOf(
  self: Record<string, unknown>,
  monitor: Record<string, unknown>,
  threshold: number,
): Difference | undefined {
  let within: Difference | undefined;
  for (const field of ['actual', 'score'] as const) {
    const x = self[field];
    const m = monitor[field];
    if (typeof x !== 'number' || typeof m !== 'number' || x === m) continue;
    const ratio = m === 0 ? null : Math.abs(x - m) / Math.abs(m);
    if (m === 0 || ratio! > threshold) return { field, ratio, exceeds: true };
    within ??= { field, ratio, exceeds: false };
  }
  return within;
}

/** The scheme's review threshold (default 0.1). */
export const reviewThreshold = (definition: unknown): number =>
  Number((definition as { reviewThreshold?: number }).reviewThreshold ?? 0.1);
