import { problem, validateDatasetFor, type Problem } from '@kaoping/shared';
import { GraphQLError } from 'graphql';
import { badInput } from '../common/errors';
import { assertEntryOpen } from '../deadline/deadline.service';
import type { RequestContext } from '../context/request-context';
import { ownershipGuard } from '../department/ownership';
import { callerId, callerUnit, inUnit } from '../common/caller';
import { definitionOf, writableScheme } from '../subject/data-guard';
import type { SchemeEntity } from '../scheme/scheme.entity';
import { inputValue } from './dataset-writer';
import { DataInput, InputSource, Period } from './input.entity';
import { assertSourceAllowed, unknownInputFields } from './input.service';
import { actorOf, writeAudit } from '../audit/write-audit';

/** A paste of a whole sheet fits; anything larger is an import (importDataset). */
export const MAX_BATCH_ROWS = 2000;

export interface BatchRow {
  subject: string;
  indicator: string;
  value: unknown;
  /** Optimistic locking: the version the client saw, 0 when it saw no value; null/undefined: no check. */
  version?: number | null;
}

/** What a caller built on setInputs (setBallotsBatch) adds: its own per-row check and audit action. */
export interface BatchOptions {
  /** One more check of a row whose subject exists; a problem (path relative to the row) refuses it. */
  check?: (row: BatchRow, subject: SubjectRow, scheme: SchemeEntity) => Problem | null;
  /** The audit action of each row (setInput's 'SET' unless given). */
  action?: string;
}

/** A problem named by its row (index into `rows`), subject and indicator, so a grid can mark the cell. */
export interface RowProblem {
  path: string;
  row: number;
  subject: string;
  indicator: string;
  code: string;
  params: Record<string, unknown>;
  message: string;
}

export interface SubjectRow {
  id: string;
  code: string;
  name: string;
  group_code: string;
  unit_code: string | null;
}

interface WrittenRow {
  id: string;
  subject_id: string;
  indicator_code: string;
  value: Record<string, unknown>;
  entered_by: string | null;
  updated_at: Date;
  version: number;
  before_value: Record<string, unknown> | null;
  before_version: number | null;
}

function rowsError(
  code: 'BAD_USER_INPUT' | 'FORBIDDEN' | 'CONFLICT',
  what: string,
  problems: RowProblem[],
): GraphQLError {
  const rows = [...new Set(problems.map((p) => p.row))];
  const listed = rows.slice(0, 20).join(', ') + (rows.length > 20 ? ', …' : '');
  return new GraphQLError(`${what}: ${problems.length} problem(s) in row(s) ${listed}`, {
    extensions: { code, problems },
  });
}

/** `/inputs/k/…` of the probe dataset → `/rows/<row>/…` of the mutation (`/value/…` for value fields). */
function repointRow(path: string, row: number): string {
  const m = /^\/inputs\/\d+(\/.*)?$/.exec(path);
  const rest = m?.[1] ?? '';
  if (rest === '') return `/rows/${row}`;
  if (rest === '/subject' || rest === '/indicator') return `/rows/${row}${rest}`;
  return `/rows/${row}/value${rest}`;
}

/**
 * setInputs: many values of one source and period at once (a grid save, a paste from Excel), all
 * or nothing in the request transaction. Every row gets exactly setInput's checks — role → source,
 * a UNIT only for its own unit and members, the scheme PUBLISHED, the indicator in the subject's
 * group, value kinds and bounds by the engine's dataset validation (one probe dataset for all rows,
 * so two rows for one cell are refused too) — and every bad row is reported at once as
 * `extensions.problems: [{ path: /rows/<i>/…, row, subject, indicator, code, params, message }]`.
 * Written in one statement; audited one `input`/SET record per row like setInput (one statement).
 */
export async function setInputs(
  ctx: RequestContext,
  schemeId: string,
  source: InputSource,
  period: Period,
  rows: BatchRow[],
  options: BatchOptions = {},
): Promise<DataInput[]> {
  assertSourceAllowed(ctx, source);
  if (rows.length < 1 || rows.length > MAX_BATCH_ROWS)
    throw badInput(`rows must hold 1 to ${MAX_BATCH_ROWS} entries; this call has ${rows.length}`);
  const scheme = await writableScheme(ctx, schemeId);
  const em = await ctx.em();
  const codes = [...new Set(rows.map((r) => r.subject))];
  // the named subjects and the units of members (the engine checks that a member's unit exists)
  const subjects: SubjectRow[] = await em.query(
    `SELECT id, code, name, group_code, unit_code FROM subjects
      WHERE tenant_id = $1 AND scheme_id = $2
        AND (code = ANY($3) OR code IN (SELECT unit_code FROM subjects WHERE tenant_id = $1 AND scheme_id = $2 AND code = ANY($3)))`,
    [ctx.tenantId, scheme.id, codes],
  );
  const byCode = new Map(subjects.map((s) => [s.code, s]));
  const at = (i: number, p: Problem): RowProblem => ({
    ...p,
    path: `/rows/${i}${p.path}`,
    row: i,
    subject: rows[i].subject,
    indicator: rows[i].indicator,
  });

  const unit = await callerUnit(ctx);
  if (unit !== null) {
    const refused = rows.flatMap((r, i) => {
      const s = byCode.get(r.subject);
      return s && !inUnit({ code: s.code, unitCode: s.unit_code }, unit)
        ? [at(i, problem('/subject', 'OWN_UNIT_ONLY'))]
        : [];
    });
    if (refused.length) throw rowsError('FORBIDDEN', 'Not allowed', refused);
  }
  const guard = await ownershipGuard(ctx, definitionOf(scheme));
  if (guard) {
    const refused = rows.flatMap((r, i) => {
      const s = byCode.get(r.subject);
      return s && !guard.mayWrite(s.group_code, r.indicator)
        ? [at(i, problem('/indicator', 'INDICATOR_NOT_OWNED', { indicator: r.indicator }))]
        : [];
    });
    if (refused.length) throw rowsError('FORBIDDEN', 'Not allowed', refused);
  }
  await assertEntryOpen(
    ctx,
    scheme.id,
    source,
    period,
    rows.flatMap((r) => {
      const s = byCode.get(r.subject);
      return s ? [s.unit_code ?? s.code] : [];
    }),
  );

  const problems: RowProblem[] = [];
  const probeRows: number[] = []; // probe input k ↔ rows[probeRows[k]]
  const probeInputs: Record<string, unknown>[] = [];
  rows.forEach((r, i) => {
    if (r.version !== undefined && r.version !== null && !(Number.isInteger(r.version) && r.version >= 0))
      problems.push(at(i, problem('/version', 'VERSION_INVALID')));
    if (!byCode.has(r.subject))
      return void problems.push(at(i, problem('/subject', 'SUBJECT_UNKNOWN', { code: r.subject })));
    const own = options.check?.(r, byCode.get(r.subject)!, scheme);
    if (own) return void problems.push(at(i, own));
    const v = r.value;
    if (!v || typeof v !== 'object' || Array.isArray(v))
      return void problems.push(at(i, problem('/value', 'NOT_AN_OBJECT', { what: 'value' })));
    const unknown = unknownInputFields(v, '/value');
    if (unknown.length) return void unknown.forEach((p) => problems.push(at(i, p)));
    probeRows.push(i);
    probeInputs.push({ ...v, subject: r.subject, indicator: r.indicator });
  });
  const probe = {
    formatVersion: 1,
    subjects: subjects.map((s) => ({
      code: s.code,
      name: s.name,
      group: s.group_code,
      ...(s.unit_code ? { unit: s.unit_code } : {}),
    })),
    inputs: probeInputs,
  };
  for (const p of validateDatasetFor(definitionOf(scheme), probe)) {
    const k = Number(/^\/inputs\/(\d+)/.exec(p.path)?.[1]);
    if (!Number.isInteger(k)) continue; // subject-level problems cannot arise: the subjects are stored ones
    const i = probeRows[k];
    problems.push({
      ...p,
      path: repointRow(p.path, i),
      row: i,
      subject: rows[i].subject,
      indicator: rows[i].indicator,
    });
  }
  if (problems.length)
    throw rowsError(
      'BAD_USER_INPUT',
      'Invalid inputs',
      problems.sort((a, b) => a.row - b.row),
    );

  const payload = rows.map((r, ord) => ({
    ord,
    subject_id: byCode.get(r.subject)!.id,
    indicator: r.indicator,
    value: inputValue(r.value as Record<string, unknown>),
  }));
  const written: WrittenRow[] = await em.query(
    `WITH x AS (
       SELECT * FROM jsonb_to_recordset($3::jsonb) AS x(ord integer, subject_id uuid, indicator text, value jsonb)
     ), prior AS (
       SELECT i.subject_id, i.indicator_code, i.value, i.version FROM inputs i JOIN x ON x.subject_id = i.subject_id AND x.indicator = i.indicator_code
        WHERE i.tenant_id = $1 AND i.scheme_id = $2 AND i.source = $4 AND i.period = $5
     ), up AS (
       INSERT INTO inputs (tenant_id, scheme_id, subject_id, indicator_code, source, period, value, entered_by)
       SELECT $1, $2, x.subject_id, x.indicator, $4, $5, x.value, $6 FROM x ORDER BY x.ord
       ON CONFLICT (tenant_id, scheme_id, subject_id, indicator_code, source, period) DO UPDATE
         SET value = EXCLUDED.value, entered_by = EXCLUDED.entered_by, updated_at = now(), version = inputs.version + 1
       RETURNING id, subject_id, indicator_code, value, entered_by, updated_at, version
     )
     SELECT up.*, prior.value AS before_value, prior.version AS before_version
       FROM up JOIN x ON x.subject_id = up.subject_id AND x.indicator = up.indicator_code
       LEFT JOIN prior ON prior.subject_id = up.subject_id AND prior.indicator_code = up.indicator_code
      ORDER BY x.ord`,
    [ctx.tenantId, scheme.id, JSON.stringify(payload), source, period, callerId(ctx)],
  );
  // Optimistic locking without a separate read: the upsert locks and bumps the row, so a row is
  // unchanged since the client read it exactly when it now has the version the client saw + 1
  // (a new row: 0 + 1). Anything else was written meanwhile → CONFLICT, and the request's
  // transaction rolls back every row of this call.
  const stale = written.flatMap((w, i) => {
    const seen = rows[i].version;
    if (seen === undefined || seen === null || w.version === seen + 1) return [];
    return [at(i, problem('', 'CHANGED_MEANWHILE', { stored: w.version - 1, seen }))];
  });
  if (stale.length) throw rowsError('CONFLICT', 'Changed meanwhile', stale);
  const codeOf = new Map(subjects.map((s) => [s.id, s.code]));
  const snap = (w: WrittenRow, value: unknown, version: number) => ({
    schemeId: scheme.id,
    subject: codeOf.get(w.subject_id),
    indicator: w.indicator_code,
    source,
    period,
    value,
    version,
  });
  // One audit record per row, as setInput writes, in one statement.
  await writeAudit(
    em,
    ctx.tenantId,
    actorOf(ctx.principal),
    written.map((w) => ({
      entity: 'input',
      entityId: w.id,
      action: options.action ?? 'SET',
      before: w.before_value === null ? null : snap(w, w.before_value, w.before_version!),
      after: snap(w, w.value, w.version),
    })),
  );
  return written.map((w) => ({
    id: w.id,
    schemeId: scheme.id,
    subject: codeOf.get(w.subject_id)!,
    indicator: w.indicator_code,
    source,
    period,
    value: w.value,
    enteredBy: w.entered_by,
    updatedAt: w.updated_at,
    version: w.version,
  }));
}
