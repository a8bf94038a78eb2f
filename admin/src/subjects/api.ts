// Subjects (考核对象) beyond react-admin CRUD: the scheme's groups (with their kind) for the forms,
// and a bulk import of pasted rows through importDataset (subjects only; upserted by code, all or
// nothing, nothing else touched).
import { useMemo } from 'react';
import { useRead } from '../dataProvider/useRead';
import { gqlFetch, type FetchOptions } from '../dataProvider/fetch';
import { parseClipboard } from '../dataEntry/model';
import type { SchemeRecord } from '../schemes/api';

export interface SubjectRecord {
  id: string;
  schemeId: string;
  code: string;
  name: string;
  group: string;
  kind: 'UNIT' | 'MEMBER';
  unit: string | null;
  position: number;
  version: number;
}
export interface GroupDef {
  code: string;
  name: string;
  kind: 'UNIT' | 'MEMBER';
}

export const groupsOf = (definition: Record<string, unknown> | undefined): GroupDef[] =>
  ((definition?.groups as { code: string; name?: string; kind?: string }[]) ?? []).map(g => ({
    code: g.code,
    name: g.name || g.code,
    kind: g.kind === 'MEMBER' ? 'MEMBER' : 'UNIT',
  }));

/** The groups of a scheme's definition (undefined while loading or without a scheme). */
export const useSchemeGroups = (schemeId: string | undefined): { groups?: GroupDef[]; error?: string } => {
  const { data, error } = useRead('schemeDefinition', schemeId ? { schemeId } : null);
  const groups = useMemo(() => (data ? groupsOf(data) : undefined), [data]);
  return error ? { error: error.message } : { groups };
};

export interface SubjectRow {
  code: string;
  name: string;
  group: string;
  unit?: string;
}
/** A pasted row that cannot be imported: its line (1-based) and a translation key with arguments. */
export interface RowIssue {
  line: number;
  key: string;
  params?: Record<string, string | number>;
}

/** Header cells people leave in a copied block (the template's machine row and its human headers). */
const HEADER = /^(subject|subject code|code|代码|编码|对象代码|考核对象|考核对象代码|单位代码)$/i;

/**
 * Rows copied from Excel/WPS (the template's subject columns: code, name, and for members their
 * unit's code) into `group`. Header rows and blank lines are skipped; every other problem is named
 * by its line: no code or name, a code twice, a member without a known unit, a unit given to a unit.
 */
export function parseSubjectBlock(
  text: string,
  group: GroupDef,
  knownUnits: Set<string>,
): { rows: SubjectRow[]; issues: RowIssue[] } {
  const rows: SubjectRow[] = [];
  const issues: RowIssue[] = [];
  const seen = new Set<string>();
  const pastedUnits = new Set<string>();
  parseClipboard(text).forEach((cells, i) => {
    const line = i + 1;
    const [code = '', name = '', unit = ''] = cells.map(c => c.trim());
    if (!code && !name && !unit) return;
    if (HEADER.test(code)) return;
    if (!code) return issues.push({ line, key: 'no_code' });
    if (code.length > 64 || /\s/.test(code)) return issues.push({ line, key: 'bad_code', params: { code } });
    if (!name) return issues.push({ line, key: 'no_name', params: { code } });
    if (seen.has(code)) return issues.push({ line, key: 'duplicate', params: { code } });
    seen.add(code);
    if (group.kind === 'UNIT') {
      if (unit) return issues.push({ line, key: 'unit_for_unit', params: { code } });
      pastedUnits.add(code);
      rows.push({ code, name, group: group.code });
      return;
    }
    if (!unit) return issues.push({ line, key: 'no_unit', params: { code } });
    if (!knownUnits.has(unit) && !pastedUnits.has(unit))
      return issues.push({ line, key: 'unknown_unit', params: { code, unit } });
    rows.push({ code, name, group: group.code, unit });
  });
  return { rows, issues };
}

export interface ImportReport {
  subjects: number;
  inputs: number;
  adjustments: number;
}

export interface UnitRef {
  code: string;
  name: string;
  group: string;
}

/**
 * Upserts the rows by code (new ones appended in order); the scheme must be PUBLISHED. A dataset
 * names the units its members belong to, so the stored units the rows refer to go along unchanged
 * (an upsert that changes nothing leaves them as they are).
 */
export const importSubjects = async (
  schemeId: string,
  rows: SubjectRow[],
  stored: UnitRef[],
): Promise<ImportReport> => {
  const pasted = new Set(rows.map(r => r.code));
  const referred = new Set(rows.flatMap(r => (r.unit ? [r.unit] : [])));
  const units = stored
    .filter(u => referred.has(u.code) && !pasted.has(u.code))
    .map(u => ({ code: u.code, name: u.name, group: u.group }));
  return (
    await gqlFetch<{ importDataset: ImportReport }>(
      'mutation importSubjects($schemeId: ID!, $dataset: JSON!) { importDataset(schemeId: $schemeId, dataset: $dataset) { subjects inputs adjustments } }',
      { schemeId, dataset: { formatVersion: 1, subjects: [...units, ...rows], inputs: [], adjustments: [] } },
    )
  ).importDataset;
};

export const listUnits = async (schemeId: string, opts?: FetchOptions): Promise<UnitRef[]> =>
  (
    await gqlFetch<{ subjects: { code: string; name: string; group: string; kind: string }[] }>(
      'query units($schemeId: ID!) { subjects(schemeId: $schemeId) { code name group kind } }',
      { schemeId },
      opts,
    )
  ).subjects.filter(s => s.kind === 'UNIT');

export type { SchemeRecord };
