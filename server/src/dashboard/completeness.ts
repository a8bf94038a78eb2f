import type { Scheme as SchemeDefinition, SchemeNode } from '@kaoping/shared';

/** A group's indicators that take an input: every leaf of its tree except LINKED ones (computed from the unit's score). */
export function inputIndicators(root: SchemeNode): string[] {
  const out: string[] = [];
  const walk = (n: SchemeNode) => {
    if ('children' in n && Array.isArray(n.children)) n.children.forEach(walk);
    else if ((n as { method?: { type?: string } }).method?.type !== 'LINKED') out.push(n.code);
  };
  walk(root);
  return out;
}

/** (group, indicator) pairs of a scheme, as the completeness statement's parameter. */
export function expectedCells(definition: SchemeDefinition): { grp: string; indicator: string }[] {
  return (definition.groups ?? []).flatMap((g) => inputIndicators(g.root).map((indicator) => ({ grp: g.code, indicator })));
}

/**
 * The discrepancy rule of `discrepancies(schemeId)` (api.md): SELF and MONITOR `actual` (or
 * `score`) differ by more than the threshold relative to MONITOR; any difference when MONITOR is 0.
 */
export function differs(self: Record<string, unknown>, monitor: Record<string, unknown>, threshold: number): boolean {
  for (const f of ['actual', 'score']) {
    const x = self[f];
    const m = monitor[f];
    if (typeof x !== 'number' || typeof m !== 'number') continue;
    if (m === 0 ? x !== m : Math.abs(x - m) / Math.abs(m) > threshold) return true;
  }
  return false;
}
