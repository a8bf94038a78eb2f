import type { Scheme as SchemeDefinition } from '@kaoping/shared';
import ExcelJS from 'exceljs';
import type { SubjectResult } from '../result/result.entity';
import { explainText } from '../result/receipt';
import { indicatorColumns, sheetName } from './layout';
import { TEXT, type Lang } from './messages';

/**
 * results.xlsx of one run: a ranking sheet per group (by rank), one breakdown sheet (subject ×
 * indicator points) and the explanations (one row per subject and indicator, then its
 * adjustments). Every sheet has the machine row (row 1, hidden) and a header row, as the
 * templates do, so programs can read it back by key.
 */
export function buildResults(definition: SchemeDefinition, subjects: SubjectResult[], lang: Lang): ExcelJS.Workbook {
  const t = TEXT[lang];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Kaoping';
  wb.title = definition.name;
  const places = definition.precision ?? 2;
  const fmt = places > 0 ? `0.${'0'.repeat(places)}` : '0';
  const gradeName = new Map(definition.grades.map((g) => [g.code, g.name]));
  const ruleName = new Map((definition.rules ?? []).map((r) => [r.code, r.name]));
  const taken = new Set<string>();
  const sheet = (name: string, machine: string[], header: string[], widths: number[]) => {
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }] });
    ws.addRow(machine).hidden = true;
    ws.addRow(header).font = { bold: true };
    widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
    return ws;
  };

  for (const g of definition.groups) {
    const rows = subjects.filter((s) => s.group === g.code).sort((a, b) => a.rank - b.rank);
    if (!rows.length) continue;
    const ws = sheet(
      sheetName(g.name, taken, g.code),
      ['rank', 'subject', 'name', 'base', 'bonus', 'deduction', 'final', 'grade', 'gradeName', 'vetoes'],
      [t.rank, t.subject, t.name, t.base, t.bonus, t.deduction, t.final, t.gradeCol, t.gradeCol, t.vetoes],
      [6, 14, 20, 10, 8, 8, 10, 8, 10, 24],
    );
    for (const s of rows) {
      ws.addRow([
        s.rank,
        s.subject.code,
        s.subject.name,
        s.base,
        s.bonus,
        s.deduction,
        s.final,
        s.grade,
        gradeName.get(s.grade) ?? s.grade,
        s.vetoes.map((v) => ruleName.get(v) ?? v).join('、'),
      ]);
    }
    for (const c of [4, 5, 6, 7]) ws.getColumn(c).numFmt = fmt;
  }

  // one column per indicator code, in scheme order (groups share codes such as INVEST)
  const indicators = new Map<string, string>();
  const leavesOf = new Map(definition.groups.map((g) => [g.code, new Set(indicatorColumns(g).map((c) => c.code))]));
  for (const g of definition.groups)
    for (const c of indicatorColumns(g)) if (!indicators.has(c.code)) indicators.set(c.code, c.name);
  const codes = [...indicators.keys()];
  const breakdown = sheet(
    sheetName(t.breakdown, taken, 'breakdown'),
    ['subject', 'name', 'group', ...codes],
    [t.subject, t.name, t.group, ...codes.map((c) => indicators.get(c)!)],
    [14, 20, 14, ...codes.map(() => 10)],
  );
  const explanations = sheet(
    sheetName(t.explanations, taken, 'explanations'),
    ['subject', 'name', 'group', 'indicator', 'indicatorName', 'points', 'maxPoints', 'explain'],
    [t.subject, t.name, t.group, t.indicatorCode, t.indicatorName, t.points, t.maxPoints, t.explain],
    [14, 20, 14, 16, 20, 8, 8, 60],
  );
  const groupName = new Map(definition.groups.map((g) => [g.code, g.name]));
  for (const s of subjects) {
    const leaves = leavesOf.get(s.group) ?? new Set<string>();
    const byCode = new Map(s.nodes.filter((n) => leaves.has(n.code)).map((n) => [n.code, n]));
    const group = groupName.get(s.group) ?? s.group;
    breakdown.addRow([
      s.subject.code,
      s.subject.name,
      group,
      ...codes.map((c) => {
        const n = byCode.get(c);
        return !n ? null : n.out ? t.out : n.points;
      }),
    ]);
    for (const n of byCode.values()) {
      explanations.addRow([
        s.subject.code,
        s.subject.name,
        group,
        n.code,
        n.name,
        n.out ? null : n.points,
        n.out ? null : n.maxPoints,
        n.out ? t.out : explainText(n.raw, lang),
      ]);
    }
    for (const a of s.adjustments)
      explanations.addRow([
        s.subject.code,
        s.subject.name,
        group,
        a.rule,
        ruleName.get(a.rule) ?? a.rule,
        a.points,
        null,
        null,
      ]);
  }
  return wb;
}
