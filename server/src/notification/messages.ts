import type { NotificationKind } from './notification.types';

type P = Record<string, unknown>;
type Words = (p: P) => { subject: string; text: string };

const PERIOD_ZH: Record<string, string> = {
  Q1: '第一季度',
  Q2: '第二季度',
  Q3: '第三季度',
  Q4: '第四季度',
  H1: '上半年',
  H2: '下半年',
  ANNUAL: '全年',
};
const SOURCE_ZH: Record<string, string> = { SELF: '单位自报', MONITOR: '部门监测' };

/** The email's words for each kind: Chinese (the console words the inbox itself, in zh or en). */
const ZH: Record<NotificationKind, Words> = {
  DEADLINE_REMINDER: (p) => ({
    subject: `【考评】${String(p.schemeName)}：${PERIOD_ZH[String(p.period)] ?? String(p.period)}${SOURCE_ZH[String(p.source)] ?? String(p.source)}将于 ${String(p.dueLocal)} 截止`,
    text: `${p.unitName ? `${String(p.unitName)}：` : p.departmentName ? `${String(p.departmentName)}：` : ''}${String(p.schemeName)}的${PERIOD_ZH[String(p.period)] ?? String(p.period)}${SOURCE_ZH[String(p.source)] ?? String(p.source)}数据将于 ${String(p.dueLocal)}（${String(p.timeZone)}）截止，尚有 ${String(p.missing)} 项未填报，请及时填报。`,
  }),
  RUN_AWAITS_REVIEW: (p) => ({
    subject: `【考评】${String(p.schemeName)}：考评结果待审核`,
    text: `${String(p.schemeName)}已计算出新的考评结果，等待您审核。`,
  }),
  RUN_AWAITS_APPROVAL: (p) => ({
    subject: `【考评】${String(p.schemeName)}：考评结果待审定`,
    text: `${String(p.schemeName)}的考评结果已审核，等待您审定。`,
  }),
  RUN_AWAITS_PUBLISH: (p) => ({
    subject: `【考评】${String(p.schemeName)}：考评结果待发布`,
    text: `${String(p.schemeName)}的考评结果已审定，等待发布。`,
  }),
  CLAIM_AWAITS_VERIFICATION: (p) => ({
    subject: `【考评】${String(p.schemeName)}：加减分申报待核实`,
    text: `${String(p.subjectName ?? p.subject)}申报了加减分（${String(p.ruleName ?? p.rule)}），等待核实。`,
  }),
  RESULTS_PUBLISHED: (p) => ({
    subject: `【考评】${String(p.schemeName)}：考评结果已发布`,
    text: `${String(p.schemeName)}的考评结果已发布，请登录考评系统查看。`,
  }),
};

export function emailWords(kind: NotificationKind, params: P): { subject: string; text: string } {
  const w = ZH[kind]?.(params) ?? { subject: '【考评】新通知', text: '您有一条新通知，请登录考评系统查看。' };
  return { subject: w.subject, text: `${w.text}\n\n—— 考评系统（此邮件由系统自动发送）` };
}
