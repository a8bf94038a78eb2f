// The console's reads that are not react-admin CRUD, as data-provider methods. Each takes one
// params object (which is also its react-query key) and the query's abort signal, so that
// `useRead` can cache, refresh and cancel them like react-admin's own reads.
import { auditLog, people, type AuditFilter } from '../audit/api';
import { fetchDashboard } from '../dashboard/api';
import {
  listDiscrepancies,
  listInputs,
  listSchemes,
  listSubjects,
  myDepartment,
  myUnit,
  type Period,
  type Source,
} from '../dataEntry/api';
import { deadlines, notSubmitted } from '../deadlines/api';
import { listEvidence } from '../evidence/api';
import { getRun } from '../feedback/api';
import { inbox, unreadCount } from '../notifications/api';
import { compareRuns, rankings, resultRuns, runMissing, scoreBands } from '../results/api';
import { subjectBreakdown } from '../results/receiptApi';
import { exportScheme } from '../schemes/api';
import { listDepartments, loadProgress, type Filters, type ProgressPeriod } from '../progress/api';
import { tenantSettings } from '../settings/api';
import { listUnits } from '../subjects/api';
import { simulationData } from '../whatif/api';
import { listWebhooks, webhookDeliveries, type WebhookDeliveryStatus } from '../webhooks/api';
import type { FetchOptions } from './fetch';

type Signal = Pick<FetchOptions, 'signal'>;

export const readMethods = {
  /** The scheme definition (names of groups, grades and rules for the pages). */
  schemeDefinition: (p: { schemeId: string }, o?: Signal) => exportScheme(p.schemeId, o),
  /** One run (its groups and lifecycle), for pages outside react-admin's show view. */
  run: (p: { runId: string }, o?: Signal) => getRun(p.runId, o),
  /** Every run of a scheme, newest first. */
  resultRuns: (p: { schemeId: string }, o?: Signal) => resultRuns(p.schemeId, o),
  /** One group's ranking in a run. */
  rankings: (p: { schemeId: string; group: string; runId: string }, o?: Signal) =>
    rankings(p.schemeId, p.group, p.runId, o),
  /** The subjects whose final, rank or grade differ between two runs (before, after). */
  compareRuns: (p: { before: string; after: string }, o?: Signal) => compareRuns(p.before, p.after, o),
  /** A group's finals per score band. */
  scoreBands: (p: { runId: string; group: string }, o?: Signal) => scoreBands(p.runId, p.group, o),
  /** The inputs a run was computed without. */
  runMissing: (p: { runId: string }, o?: Signal) => runMissing(p.runId, o),
  /** One subject's result with its receipt, in the reader's language. */
  subjectBreakdown: (p: { schemeId: string; runId: string; subject: string; lang: string }, o?: Signal) =>
    subjectBreakdown(p.schemeId, p.runId, p.subject, p.lang, o),
  /** A scheme's data for the what-if page (inputs, adjustments, its newest run). */
  simulationData: (p: { schemeId: string }, o?: Signal) => simulationData(p.schemeId, o),
  /** The year's dashboard: a scheme (the current one when none is given), completeness, open work. */
  dashboard: (p: { schemeId?: string }, o?: Signal) => fetchDashboard(p.schemeId, o),
  /** One page of the audit log under a filter. */
  auditLog: (p: { filter: AuditFilter; page: number; perPage: number }, o?: Signal) =>
    auditLog(p.filter, p.page, p.perPage, o),
  /** The tenant's people (names for ids). */
  people: (_p: Record<string, never>, o?: Signal) => people(o),
  /** The tenant's schemes (id, code, name, year, status), in the server's order. */
  schemes: (_p: Record<string, never>, o?: Signal) => listSchemes(o),
  /** A scheme's units (its UNIT subjects: a member belongs to one). */
  units: (p: { schemeId: string }, o?: Signal) => listUnits(p.schemeId, o),
  /** A scheme's subjects, of one group or all. */
  subjects: (p: { schemeId: string; group?: string }, o?: Signal) => listSubjects(p.schemeId, p.group, o),
  /** A scheme's stored inputs, narrowed by source, period and indicator. */
  inputs: (p: { schemeId: string; source?: Source; period?: Period; indicator?: string }, o?: Signal) =>
    listInputs(p.schemeId, p.source, p.period, p.indicator, o),
  /** Where the departments' and the assessment team's figures differ. */
  discrepancies: (p: { schemeId: string }, o?: Signal) => listDiscrepancies(p.schemeId, o),
  /** The signed-in user's unit code (null: none). */
  myUnit: (_p: Record<string, never>, o?: Signal) => myUnit(o),
  /** The signed-in user's department code ('' when none). */
  myDepartment: (_p: Record<string, never>, o?: Signal) => myDepartment(o),
  /** The tenant's departments (code and name). */
  departments: (_p: Record<string, never>, o?: Signal) => listDepartments(o),
  /** The indicators' progress against their targets in a period, filtered. */
  progress: (p: { schemeId: string; period: ProgressPeriod } & Filters, o?: Signal) =>
    loadProgress(p.schemeId, p.period, p, o),
  /** A scheme's deadlines, one per period and source at most. */
  deadlines: (p: { schemeId: string }, o?: Signal) => deadlines(p.schemeId, o),
  /** The units (and owner departments) that have not entered all expected inputs by a deadline. */
  notSubmitted: (p: { schemeId: string; period: string; source: string }, o?: Signal) =>
    notSubmitted(p.schemeId, p.period, p.source, o),
  /** The caller's unread notifications, counted. */
  unreadCount: (_p: Record<string, never>, o?: Signal) => unreadCount(o),
  /** The caller's notifications, newest first, and the unread count. */
  inbox: (p: { unreadOnly: boolean; limit: number; offset: number }, o?: Signal) =>
    inbox(p.unreadOnly, p.limit, p.offset, o),
  /** A claim's evidence files. */
  evidence: (p: { adjustmentId: string }, o?: Signal) => listEvidence(p.adjustmentId, o),
  /** The tenant's settings (separation of duties, time zone, reminder lead). */
  tenantSettings: (_p: Record<string, never>, o?: Signal) => tenantSettings(o),
  /** The tenant's webhooks. */
  webhooks: (_p: Record<string, never>, o?: Signal) => listWebhooks(o),
  /** One page of a webhook's deliveries, newest first, optionally of one status. */
  webhookDeliveries: (p: { webhookId: string; status?: WebhookDeliveryStatus; page: number }, o?: Signal) =>
    webhookDeliveries(p.webhookId, p.status, p.page, o),
};

export type ReadMethods = typeof readMethods;
export type ReadName = keyof ReadMethods;
export type ReadParams<M extends ReadName> = Parameters<ReadMethods[M]>[0];
export type ReadResult<M extends ReadName> = Awaited<ReturnType<ReadMethods[M]>>;
