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
