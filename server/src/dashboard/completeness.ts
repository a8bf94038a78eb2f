import { indicatorsOf, type Scheme as SchemeDefinition, type SchemeNode } from '@kaoping/shared';

/** A group's indicators that take an input: every leaf of its tree except LINKED ones (computed from the unit's score). */
export function inputIndicators(root: SchemeNode): string[] {
  return indicatorsOf(root)
    .filter((n) => (n as { method?: { type?: string } }).method?.type !== 'LINKED')
    .map((n) => n.code);
}

/** (group, indicator) pairs of a scheme, as the completeness statement's parameter. */
export function expectedCells(definition: SchemeDefinition): { grp: string; indicator: string }[] {
  return (definition.groups ?? []).flatMap((g) =>
    inputIndicators(g.root).map((indicator) => ({ grp: g.code, indicator })),
  );
}
