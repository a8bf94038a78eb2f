import ExcelJS from 'exceljs';
import type { Progress, ProgressItem } from '../progress/progress.types';
import type { Lang } from './messages';

const WORDS = {
  zh: {
    title: '季度督查报告',
    summary: '汇总',
    byDepartment: '按责任部门',
    byUnit: '按单位',
    scheme: '考核方案',
    period: '督查期间',
    expected: '时序进度（%）',
    behindAt: '滞后阈值（百分点）',
    farBehindAt: '严重滞后阈值（百分点）',
    department: '责任部门代码',
    departmentName: '责任部门',
    noDepartment: '未指定责任部门',
    unit: '单位代码',
    unitName: '单位',
    subject: '考核对象代码',
    subjectName: '考核对象',
    indicator: '指标代码',
    indicatorName: '指标',
    measure: '计量单位',
    actual: '至今完成值',
    target: '年度目标',
    completion: '完成率（%）',
    gap: '落后时序（百分点）',
    level: '预警等级',
    behindCount: '滞后项数',
    farBehindCount: '严重滞后项数',
    none: '本期无滞后项',
    levels: { ON_TRACK: '正常', BEHIND: '滞后', FAR_BEHIND: '严重滞后' },
    periods: {
      Q1: '第一季度',
      Q2: '第二季度',
      Q3: '第三季度',
      Q4: '第四季度',
      H1: '上半年',
      H2: '下半年',
      ANNUAL: '全年',
    },
  },
  en: {
    title: 'Quarterly supervision report',
    summary: 'Summary',
    byDepartment: 'By department',
    byUnit: 'By unit',
    scheme: 'Scheme',
    period: 'Period',
    expected: 'Schedule (%)',
    behindAt: 'Behind from (points)',
    farBehindAt: 'Far behind from (points)',
    department: 'Department code',
    departmentName: 'Department',
    noDepartment: 'No owner department',
    unit: 'Unit code',
    unitName: 'Unit',
    subject: 'Subject code',
    subjectName: 'Subject',
    indicator: 'Indicator code',
    indicatorName: 'Indicator',
    measure: 'Unit of measure',
    actual: 'Value to date',
    target: 'Annual target',
    completion: 'Completion (%)',
    gap: 'Behind schedule (points)',
    level: 'Level',
    behindCount: 'Behind',
    farBehindCount: 'Far behind',
    none: 'Nothing is behind this period',
    levels: { ON_TRACK: 'On track', BEHIND: 'Behind', FAR_BEHIND: 'Far behind' },
    periods: { Q1: 'Q1', Q2: 'Q2', Q3: 'Q3', Q4: 'Q4', H1: 'First half', H2: 'Second half', ANNUAL: 'Whole year' },
  },
} as const;

const FILL = { BEHIND: 'FFFFE08A', FAR_BEHIND: 'FFF4A6A6' } as const;

/**
 * supervision.xlsx (季度督查报告): what is behind (BEHIND, FAR_BEHIND) at a period, listed by owner
 * department (an indicator with several owners under each; none: 未指定责任部门) and by unit,
 * worst first, and a summary sheet with the counts. Each list sheet has the machine row (row 1,
 * hidden) and a header row, as the other workbooks, so programs can read it back by key.
 */
export function buildSupervision(schemeName: string, progress: Progress, lang: Lang): ExcelJS.Workbook {
  const t = WORDS[lang];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Kaoping';
  wb.title = `${schemeName} ${t.title}`;
  const behind = progress.items.filter((i) => i.level === 'BEHIND' || i.level === 'FAR_BEHIND');
  const worst = (a: ProgressItem, b: ProgressItem) => (b.gap ?? 0) - (a.gap ?? 0);

  const summary = wb.addWorksheet(t.summary);
  summary.addRow([t.title]).font = { bold: true, size: 14 };
  for (const [k, v] of [
    [t.scheme, schemeName],
    [t.period, t.periods[progress.period]],
    [t.expected, progress.expected],
    [t.behindAt, progress.thresholds.behind],
    [t.farBehindAt, progress.thresholds.farBehind],
  ] as const)
    summary.addRow([k, v]);
  summary.getColumn(1).width = 24;
  summary.getColumn(2).width = 30;

  const byDept = new Map<string, { name: string; items: ProgressItem[] }>();
  for (const i of behind) {
    const owners = i.owners.length ? i.owners : [{ code: '', name: t.noDepartment }];
    for (const o of owners) {
      if (!byDept.has(o.code)) byDept.set(o.code, { name: o.name, items: [] });
      byDept.get(o.code)!.items.push(i);
    }
  }
  const depts = [...byDept.entries()].sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)));
  const byUnit = new Map<string, { name: string; items: ProgressItem[] }>();
  for (const i of behind) {
    if (!byUnit.has(i.unit)) byUnit.set(i.unit, { name: i.unitName, items: [] });
    byUnit.get(i.unit)!.items.push(i);
  }
  const count = (items: ProgressItem[], l: string) => items.filter((i) => i.level === l).length;

  summary.addRow([]);
  summary.addRow([t.departmentName, t.behindCount, t.farBehindCount]).font = { bold: true };
  for (const [, d] of depts) summary.addRow([d.name, count(d.items, 'BEHIND'), count(d.items, 'FAR_BEHIND')]);
  summary.addRow([]);
  summary.addRow([t.unitName, t.behindCount, t.farBehindCount]).font = { bold: true };
  for (const [, u] of byUnit) summary.addRow([u.name, count(u.items, 'BEHIND'), count(u.items, 'FAR_BEHIND')]);
  if (!behind.length) summary.addRow([t.none]);

  const figures = ['actual', 'target', 'completion', 'gap', 'level'] as const;
  const sheet = (name: string, lead: readonly (keyof typeof t)[]) => {
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }] });
    const keys = [...lead, ...figures];
    ws.addRow(keys).hidden = true;
    ws.addRow(keys.map((k) => t[k] as string)).font = { bold: true };
    keys.forEach((k, c) => (ws.getColumn(c + 1).width = k.endsWith('Name') ? 20 : 12));
    return ws;
  };
  const add = (ws: ExcelJS.Worksheet, lead: (string | null)[], i: ProgressItem) => {
    const row = ws.addRow([...lead, i.actual, i.target, i.completion, i.gap, i.level ? t.levels[i.level] : null]);
    const cell = row.getCell(lead.length + 5);
    if (i.level === 'BEHIND' || i.level === 'FAR_BEHIND')
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL[i.level] } };
  };

  const d = sheet(t.byDepartment, [
    'department',
    'departmentName',
    'indicator',
    'indicatorName',
    'measure',
    'unit',
    'unitName',
    'subject',
    'subjectName',
  ]);
  for (const [code, dep] of depts) {
    for (const i of [...dep.items].sort(worst))
      add(
        d,
        [code || null, dep.name, i.indicator, i.indicatorName, i.measure, i.unit, i.unitName, i.subject, i.subjectName],
        i,
      );
  }
  const u = sheet(t.byUnit, [
    'unit',
    'unitName',
    'subject',
    'subjectName',
    'indicator',
    'indicatorName',
    'measure',
    'departmentName',
  ]);
  for (const [code, unit] of byUnit) {
    for (const i of [...unit.items].sort(worst))
      add(
        u,
        [
          code,
          unit.name,
          i.subject,
          i.subjectName,
          i.indicator,
          i.indicatorName,
          i.measure,
          i.owners.map((o) => o.name).join('、') || t.noDepartment,
        ],
        i,
      );
  }
  return wb;
}
