import { createHash } from 'node:crypto';
import { canonicalJson } from '@kaoping/shared';
import ExcelJS from 'exceljs';
import { GraphQLError } from 'graphql';
import { adjustmentService } from '../adjustment/adjustment.service';
import { AdjustmentStatus } from '../adjustment/adjustment.entity';
import { auditService } from '../audit/audit.service';
import { conflict, forbidden } from '../common/errors';
import type { RequestContext } from '../context/request-context';
import { setBallotsBatch } from '../input/ballots-batch';
import { MAX_BATCH_ROWS, setInputs } from '../input/input-batch';
import { InputSource, Period } from '../input/input.entity';
import { assertSourceAllowed } from '../input/input.service';
import { can, Permission } from '../auth/permissions';
import { definitionOf, writableScheme } from '../subject/data-guard';
import { describeProblem, type Lang, type SheetProblem, type SheetProblemCode } from './messages';
import { readWorkbook, type AdjustmentRowIn, type BallotRowIn, type InputRowIn } from './read-workbook';
import { cellKey, loadSheetData } from './sheet-data';

export interface Change {
  kind: 'input' | 'ballots' | 'adjustment';
  sheet: string;
  cell: string;
  subject: string;
  /** the indicator (input, ballots) or the rule (adjustment) */
  item: string;
  before: unknown;
  after: unknown;
}

export interface WorkbookReport {
  dryRun: boolean;
  subjects: number;
  inputs: number;
  ballots: number;
  adjustments: number;
  changed: number;
  unchanged: number;
  /** what changes (a dry run: would change), at most MAX_CHANGES of them */
  changes: Change[];
  problems: SheetProblem[];
  /** a replay of an Idempotency-Key: the first import's report, nothing written again */
  replayed?: boolean;
}

const MAX_CHANGES = 1000;

const chunks = <T>(xs: T[]): T[][] =>
  Array.from({ length: Math.ceil(xs.length / MAX_BATCH_ROWS) }, (_, i) =>
    xs.slice(i * MAX_BATCH_ROWS, (i + 1) * MAX_BATCH_ROWS),
  );
const adjustmentKey = (a: {
  subject: string;
  rule: string;
  count: number;
  points?: number | null;
  note?: string | null;
}) => JSON.stringify([a.subject, a.rule, a.count, a.points ?? null, a.note ?? null]);

/**
 * POST /files/schemes/:id/inputs.xlsx: the workbook read (every bad cell named), compared with
 * what is stored, and the changed values written through the same services as GraphQL —
 * setInputs, setBallotsBatch, claim (and verify, for ADMIN/ASSESSOR, as importDataset does) —
 * so validation, permissions, optimistic locking and audit are theirs. All in the request
 * transaction: `commit` is false when there is a problem or for a dry run (nothing is kept).
 */
export async function importWorkbook(
  ctx: RequestContext,
  schemeId: string,
  source: InputSource,
  dryRun: boolean,
  body: Buffer,
  key: string | null,
  lang: Lang,
): Promise<{ report: WorkbookReport; commit: boolean }> {
  if (!can(ctx, Permission.INPUT_WRITE)) throw forbidden();
  assertSourceAllowed(ctx, source);
  const scheme = await writableScheme(ctx, schemeId);
  const em = await ctx.em();
  const hash = createHash('sha256')
    .update(canonicalJson({ schemeId: scheme.id, source, workbook: createHash('sha256').update(body).digest('hex') }))
    .digest('hex');
  if (key && !dryRun) {
    const claimed = await em.query(
      `INSERT INTO dataset_imports (tenant_id, idempotency_key, scheme_id, payload_hash) VALUES ($1, $2, $3, $4)
       ON CONFLICT (tenant_id, idempotency_key) DO NOTHING RETURNING idempotency_key`,
      [ctx.tenantId, key, scheme.id, hash],
    );
    if (!claimed.length) {
      const [prior] = await em.query(
        `SELECT payload_hash, report FROM dataset_imports WHERE tenant_id = $1 AND idempotency_key = $2`,
        [ctx.tenantId, key],
      );
      if (!prior || prior.payload_hash !== hash || !prior.report)
        throw conflict('This Idempotency-Key was already used with another payload');
      return { report: { ...(prior.report as WorkbookReport), replayed: true }, commit: true };
    }
  }
  const report: WorkbookReport = {
    dryRun,
    subjects: 0,
    inputs: 0,
    ballots: 0,
    adjustments: 0,
    changed: 0,
    unchanged: 0,
    changes: [],
    problems: [],
  };
  const problem = (sheet: string, cell: string, code: SheetProblemCode, params: Record<string, string | number>) =>
    report.problems.push({ sheet, cell, code, params, message: describeProblem(code, params, lang) });

  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(body as unknown as ArrayBuffer);
  } catch {
    problem('', '', 'NOT_A_WORKBOOK', {});
    return { report, commit: false };
  }
  const definition = definitionOf(scheme);
  const data = await loadSheetData(ctx, scheme.id, source);
  const read = readWorkbook(wb, definition, data.subjects, {
    lang,
    ballots: !can(ctx, Permission.BALLOT_WRITE) ? 'forbidden' : source !== InputSource.REVIEW ? 'needsReview' : 'ok',
    adjustments: !can(ctx, Permission.ADJUSTMENT_CLAIM) ? 'forbidden' : 'ok',
  });
  Object.assign(report, {
    subjects: read.subjects,
    inputs: read.inputs.length,
    ballots: read.ballots.length,
    adjustments: read.adjustments.length,
  });
  report.problems.push(...read.problems);
  if (!read.recognised) problem('', '', 'NO_DATA', {});

  const change = (c: Change) => {
    report.changed++;
    if (report.changes.length < MAX_CHANGES) report.changes.push(c);
  };
  const inputs = read.inputs.flatMap((r) => {
    const stored = data.inputs.get(cellKey(r.subject, r.indicator));
    // fields without a column here (ballots, a field the method does not read) are kept, as the
    // entry grid keeps them; not-applicable is what the typed cells say
    const kept = Object.entries(stored?.value ?? {}).filter(([k]) => !(k in r.cells) && k !== 'notApplicable');
    const value = { ...Object.fromEntries(kept), ...r.value };
    if (stored && canonicalJson(stored.value) === canonicalJson(value)) return (void report.unchanged++, []);
    change({
      kind: 'input',
      sheet: r.sheet,
      cell: Object.values(r.cells)[0],
      subject: r.subject,
      item: r.indicator,
      before: stored?.value ?? null,
      after: value,
    });
    return [{ row: r, value, version: stored?.version ?? 0 }];
  });
  const ballots = read.ballots.flatMap((r) => {
    const stored = data.review.get(cellKey(r.subject, r.indicator));
    if (stored?.value.ballots !== undefined && canonicalJson(stored.value.ballots) === canonicalJson(r.ballots))
      return (void report.unchanged++, []);
    change({
      kind: 'ballots',
      sheet: r.sheet,
      cell: r.first,
      subject: r.subject,
      item: r.indicator,
      before: stored?.value.ballots ?? null,
      after: r.ballots,
    });
    return [r];
  });
  const existing = new Map<string, number>();
  for (const a of data.adjustments) existing.set(adjustmentKey(a), (existing.get(adjustmentKey(a)) ?? 0) + 1);
  const adjustments = read.adjustments.filter((a) => {
    const n = existing.get(adjustmentKey(a)) ?? 0;
    if (n > 0) return (void existing.set(adjustmentKey(a), n - 1), report.unchanged++, false);
    change({
      kind: 'adjustment',
      sheet: a.sheet,
      cell: a.cells.subject,
      subject: a.subject,
      item: a.rule,
      before: null,
      after: { count: a.count, points: a.points ?? null, note: a.note ?? null },
    });
    return true;
  });
  if (!read.recognised) return { report, commit: false };
  // The services check what the reader could read even when other cells are bad, so that one
  // upload names every bad cell; the transaction is rolled back unless there is no problem.
  await writeInputs(ctx, scheme.id, source, inputs, problem);
  await writeBallots(ctx, scheme.id, ballots, problem);
  await writeAdjustments(ctx, scheme.id, adjustments, problem);
  if (report.problems.length || dryRun) return { report, commit: false };
  if (key)
    await em.query(`UPDATE dataset_imports SET report = $3::jsonb WHERE tenant_id = $1 AND idempotency_key = $2`, [
      ctx.tenantId,
      key,
      JSON.stringify(report),
    ]);
  const { changes: _c, problems: _p, ...counts } = report;
  await auditService.record(ctx, {
    entity: 'workbook_import',
    entityId: scheme.id,
    action: 'IMPORT_WORKBOOK',
    before: null,
    after: { source, idempotencyKey: key, payloadHash: hash, ...counts },
  });
  return { report, commit: true };
}

type Problem = (sheet: string, cell: string, code: SheetProblemCode, params: Record<string, string | number>) => void;
interface ServiceProblem {
  row: number;
  path: string;
  code?: string;
  message: string;
}

/** A service's refusal with `extensions.problems` (rows of the batch) → problems at the cells; anything else is thrown on. */
function onProblems(e: unknown, each: (p: ServiceProblem, code: SheetProblemCode) => void): void {
  if (!(e instanceof GraphQLError) || !Array.isArray(e.extensions.problems)) throw e;
  const code: SheetProblemCode =
    e.extensions.code === 'CONFLICT'
      ? 'CHANGED_MEANWHILE'
      : e.extensions.code === 'FORBIDDEN'
        ? 'NOT_YOUR_UNIT'
        : 'INVALID_VALUE';
  for (const p of e.extensions.problems as ServiceProblem[])
    each(p, p.code === 'INDICATOR_NOT_OWNED' ? 'NOT_YOUR_INDICATOR' : code);
}

async function writeInputs(
  ctx: RequestContext,
  schemeId: string,
  source: InputSource,
  rows: { row: InputRowIn; value: Record<string, unknown>; version: number }[],
  problem: Problem,
) {
  for (const part of chunks(rows)) {
    try {
      await setInputs(
        ctx,
        schemeId,
        source,
        Period.ANNUAL,
        part.map((r) => ({ subject: r.row.subject, indicator: r.row.indicator, value: r.value, version: r.version })),
      );
    } catch (e) {
      onProblems(e, (p, code) => {
        const r = part[p.row].row;
        const field = /^\/rows\/\d+\/value\/([^/]+)/.exec(p.path)?.[1];
        problem(r.sheet, r.cells[field ?? ''] ?? Object.values(r.cells)[0], code, {
          detail: p.message,
          subject: r.subject,
          indicator: r.indicator,
        });
      });
    }
  }
}

async function writeBallots(ctx: RequestContext, schemeId: string, rows: BallotRowIn[], problem: Problem) {
  for (const part of chunks(rows)) {
    try {
      await setBallotsBatch(
        ctx,
        schemeId,
        part.map((r) => ({ subject: r.subject, indicator: r.indicator, ballots: r.ballots })),
      );
    } catch (e) {
      onProblems(e, (p, code) => {
        const r = part[p.row];
        const m = /^\/rows\/\d+\/ballots\/([^/]+)\/([^/]+)/.exec(p.path);
        problem(r.sheet, (m && r.cells[`${m[1]}/${m[2]}`]) || r.first, code, { detail: p.message, subject: r.subject });
      });
    }
  }
}

/** Each new row is claimAdjustment; an ADMIN's or ASSESSOR's is verified at once, as importDataset records them. */
async function writeAdjustments(ctx: RequestContext, schemeId: string, rows: AdjustmentRowIn[], problem: Problem) {
  for (const a of rows) {
    try {
      const claimed = await adjustmentService.claim(ctx, {
        schemeId,
        subject: a.subject,
        rule: a.rule,
        count: a.count,
        points: a.points ?? null,
        note: a.note ?? null,
      });
      if (can(ctx, Permission.ADJUSTMENT_VERIFY))
        await adjustmentService.decide(ctx, claimed.id, claimed.version, AdjustmentStatus.VERIFIED, null);
    } catch (e) {
      onProblems(e, (p, code) => {
        const field = /^\/(\w+)/.exec(p.path)?.[1] ?? 'subject';
        problem(a.sheet, a.cells[field] ?? a.cells.subject, code, { detail: p.message, subject: a.subject });
      });
    }
  }
}
