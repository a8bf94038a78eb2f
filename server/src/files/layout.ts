import {
  isCategory,
  methodInputFields,
  walkTree,
  type Group,
  type IndicatorNode,
  type Scheme as SchemeDefinition,
  type SchemeNode,
} from '@kaoping/shared';

/** The fields a workbook column may carry after `<indicatorCode>.` in the machine row. */
export const SHEET_FIELDS = ['actual', 'target', 'previous', 'score', 'grade', 'notApplicable'] as const;
export type SheetField = (typeof SHEET_FIELDS)[number];

/** An indicator of a group as the workbook shows it. */
export interface IndicatorColumn {
  code: string;
  name: string;
  /** Category names above it, the root left out. */
  path: string[];
  unit?: string;
  node: IndicatorNode;
  /** The fields typed into the main sheet (SURVEY's ballots go on the ballots sheet; LINKED takes none). */
  fields: SheetField[];
}

/** A group's indicators, depth first. */
export function indicatorColumns(group: Group): IndicatorColumn[] {
  const out: IndicatorColumn[] = [];
  walkTree<SchemeNode>(group.root, (n, path) => {
    if (isCategory(n)) return;
    const fields = methodInputFields(n.method).filter((f) => f !== 'ballots') as SheetField[];
    out.push({ code: n.code, name: n.name || n.code, path, unit: n.unit, node: n, fields });
  });
  return out;
}

/** GRADE levels, best first. */
export function gradeLevels(levels: Record<string, number>): string[] {
  return Object.keys(levels).sort((a, b) => levels[b] - levels[a] || a.localeCompare(b));
}

/** Every indicator of every group by group code, then by indicator code. */
export function indicatorIndex(definition: SchemeDefinition): Map<string, Map<string, IndicatorColumn>> {
  return new Map(definition.groups.map((g) => [g.code, new Map(indicatorColumns(g).map((c) => [c.code, c]))]));
}

/**
 * An Excel sheet name from a group's name: at most 31 characters, none of `[]:*?/\`, unique in
 * the workbook (the group code is added on a clash), never one of the reserved sheet names.
 */
export function sheetName(wanted: string, taken: Set<string>, fallback: string): string {
  const clean = (s: string) =>
    s
      .replace(/[[\]:*?/\\]/g, ' ')
      .replace(/^'+|'+$/g, '')
      .trim()
      .slice(0, 31);
  let name = clean(wanted) || clean(fallback) || 'Sheet';
  const clash = (n: string) =>
    taken.has(n.toLowerCase()) || n.toLowerCase() === 'ballots' || n.toLowerCase() === 'adjustments';
  if (clash(name)) name = clean(`${name.slice(0, 20)} ${fallback}`);
  for (let i = 2; clash(name); i++) name = clean(`${name.slice(0, 27)} ${i}`);
  taken.add(name.toLowerCase());
  return name;
}
