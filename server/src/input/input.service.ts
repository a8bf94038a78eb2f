import { createHash } from 'node:crypto';
import {
  canonicalJson,
  findIndicator,
  pointerTo,
  problem,
  suggestKey,
  validateDatasetFor,
  type Dataset,
  type Problem,
  type Scheme as SchemeDefinition,
} from '@kaoping/shared';
import { auditService } from '../audit/audit.service';
import { badInput, conflict, forbidden, notFound } from '../common/errors';
import { isId } from '../common/ids';
import { paging, type ListArgs } from '../common/pagination';
import type { RequestContext } from '../context/request-context';
import { assertEntryOpen } from '../deadline/deadline.service';
import { assertMayWrite, ownershipGuard } from '../department/ownership';
import { schemeService } from '../scheme/scheme.service';
import { can, Permission } from '../auth/permissions';
import { assertOwnUnit, callerId, callerRole, callerUnit } from '../common/caller';
import { definitionOf, writableScheme } from '../subject/data-guard';
import { SubjectEntity } from '../subject/subject.entity';
import { subjectService } from '../subject/subject.service';
import { inputValue, writeDataset } from './dataset-writer';
import { differenceOf, reviewThreshold } from './discrepancy';
import { DataInput, Discrepancy, ImportReport, InputSource, Period } from './input.entity';
import type { InputFilter } from './input.inputs';

const SORTABLE = {
  id: 'i.id',
  subject: 's.code',
  indicator: 'i.indicator_code',
  source: 'i.source',
  period: 'i.period',
  updatedAt: 'i.updated_at',
  position: 's.position',
};
const NIL = '00000000-0000-0000-0000-000000000000';
export const INPUT_FIELDS = new Set(['actual', 'target', 'previous', 'score', 'grade', 'ballots', 'notApplicable']);
const INPUT_FIELD_LIST = [...INPUT_FIELDS];

/** UNKNOWN_KEY problems for the fields of an input value that are not input fields (with a did-you-mean). */
export function unknownInputFields(value: object, base: string): Problem[] {
  return Object.keys(value)
    .filter((k) => !INPUT_FIELDS.has(k))
    .map((key) => {
      const suggestion = suggestKey(key, INPUT_FIELD_LIST);
      return problem(pointerTo(base, key), 'UNKNOWN_KEY', suggestion ? { key, suggestion } : { key });
    });
}
const MAX_KEY = 200;

/** The permission that enters values of each source. */
export const SOURCE_PERMISSION: Record<InputSource, Permission> = {
  SELF: Permission.INPUT_WRITE_SELF,
  MONITOR: Permission.INPUT_WRITE_MONITOR,
  REVIEW: Permission.INPUT_WRITE_REVIEW,
};

export function assertSourceAllowed(ctx: RequestContext, source: InputSource): void {
  if (!can(ctx, SOURCE_PERMISSION[source]))
    throw forbidden(`A ${callerRole(ctx) ?? 'caller'} cannot enter ${source} values`);
}

export function problemsError(what: string, problems: Problem[]) {
  return badInput(`Invalid ${what}: ${problems.length} problem(s)`, {
    problems: problems.map((p) => ({ path: p.path, code: p.code, params: p.params, message: p.message })),
  });
}

interface InputRow {
  id: string;
  scheme_id: string;
  code: string;
  indicator_code: string;
  source: InputSource;
  period: Period;
  value: Record<string, unknown>;
  entered_by: string | null;
  updated_at: Date;
  version: number;
}

function toInputView(r: InputRow): DataInput {
  return {
    id: r.id,
    schemeId: r.scheme_id,
    subject: r.code,
    indicator: r.indicator_code,
    source: r.source,
    period: r.period,
    value: r.value,
    enteredBy: r.entered_by,
    updatedAt: r.updated_at,
    version: r.version,
  };
}

/** The unit subject of a member, so a one-subject dataset passes the engine's member check. */
async function subjectsForValidation(ctx: RequestContext, subject: SubjectEntity) {
  const own = {
    code: subject.code,
    name: subject.name,
    group: subject.groupCode,
    ...(subject.unitCode ? { unit: subject.unitCode } : {}),
  };
  if (!subject.unitCode) return [own];
  const unit = await subjectService.byCode(ctx, subject.schemeId, subject.unitCode);
  return [{ code: unit.code, name: unit.name, group: unit.groupCode }, own];
}

/** Engine problems of a one-input dataset, re-pointed at the mutation's arguments (/indicator, /value/...). */
function repoint(problems: Problem[]): Problem[] {
  return problems.map((p) => {
    let path = p.path;
    if (path === '/inputs/0/indicator' || path === '/inputs/0/subject') path = path.slice('/inputs/0'.length);
    else if (path.startsWith('/inputs/0')) path = '/value' + path.slice('/inputs/0'.length);
    return { ...p, path };
  });
}

/** INDICATOR_NOT_OWNED problems of a dataset's inputs that a MONITOR caller may not write. */
async function notOwnedInputs(ctx: RequestContext, definition: SchemeDefinition, dataset: Dataset): Promise<Problem[]> {
  const guard = await ownershipGuard(ctx, definition);
  if (!guard) return [];
  const groupOf = new Map(dataset.subjects.map((s) => [s.code, s.group]));
  return dataset.inputs.flatMap((r, i) =>
    guard.mayWrite(groupOf.get(r.subject) ?? '', r.indicator)
      ? []
      : [problem(`/inputs/${i}/indicator`, 'INDICATOR_NOT_OWNED', { indicator: r.indicator })],
  );
}

export const inputService = {
  /**
   * importDataset: validated by the engine against the scheme (every problem at once), written
   * all or nothing in the request transaction, audited as ONE record (entity `dataset_import`, entity id: the scheme's, action
   * IMPORT_DATASET, after: { source, idempotencyKey, report }) rather than one per row.
   * Idempotency, so that a client retrying after a lost answer imports once: the key is claimed first (`dataset_imports`, unique per tenant,
   * with the sha256 of scheme + source + dataset); a replay returns the stored report and changes
   * nothing; another payload under the same key → CONFLICT. A failed import leaves no key behind.
   * Importers: ADMIN (any source), ASSESSOR (REVIEW), MONITOR (MONITOR); adjustments are VERIFIED
   * when an ADMIN or ASSESSOR imports them, else CLAIMED.
   */
  async importDataset(
    ctx: RequestContext,
    schemeId: string,
    dataset: unknown,
    source: InputSource,
    idempotencyKey?: string | null,
  ): Promise<ImportReport> {
    assertSourceAllowed(ctx, source);
    if (!can(ctx, Permission.DATASET_IMPORT)) throw forbidden('Units enter their values one at a time');
    if (
      idempotencyKey !== undefined &&
      idempotencyKey !== null &&
      (idempotencyKey.length < 1 || idempotencyKey.length > MAX_KEY)
    ) {
      throw badInput(`idempotencyKey must have 1 to ${MAX_KEY} characters`);
    }
    const scheme = await schemeService.findOrFail(ctx, schemeId);
    const em = await ctx.em();
    const hash = createHash('sha256')
      .update(canonicalJson({ schemeId: scheme.id, source, dataset }))
      .digest('hex');
    if (idempotencyKey) {
      const claimed = await em.query(
        `INSERT INTO dataset_imports (tenant_id, idempotency_key, scheme_id, payload_hash) VALUES ($1, $2, $3, $4)
         ON CONFLICT (tenant_id, idempotency_key) DO NOTHING RETURNING idempotency_key`,
        [ctx.tenantId, idempotencyKey, scheme.id, hash],
      );
      if (claimed.length === 0) {
        const [prior] = await em.query(
          `SELECT payload_hash, report FROM dataset_imports WHERE tenant_id = $1 AND idempotency_key = $2`,
          [ctx.tenantId, idempotencyKey],
        );
        if (!prior || prior.payload_hash !== hash || !prior.report)
          throw conflict('This idempotencyKey was already used with another payload');
        return prior.report as ImportReport;
      }
    }
    await writableScheme(ctx, scheme.id);
    const definition = definitionOf(scheme);
    const problems = validateDatasetFor(definition, dataset);
    if (!problems.length)
      problems.push(...(await this.placementProblems(ctx, scheme.id, definition, dataset as Dataset)));
    if (problems.length) throw problemsError('dataset', problems);
    const notOwned = await notOwnedInputs(ctx, definition, dataset as Dataset);
    if (notOwned.length)
      throw forbidden(`Not allowed: ${notOwned.length} input(s) of indicators your department does not own`, {
        problems: notOwned.map((p) => ({ path: p.path, code: p.code, params: p.params, message: p.message })),
      });
    const unitOf = new Map((dataset as Dataset).subjects.map((x) => [x.code, x.unit ?? x.code]));
    await assertEntryOpen(
      ctx,
      scheme.id,
      source,
      Period.ANNUAL,
      (dataset as Dataset).inputs.map((i) => unitOf.get(i.subject) ?? i.subject),
    );
    const status = can(ctx, Permission.ADJUSTMENT_VERIFY) ? 'VERIFIED' : 'CLAIMED';
    const report = await writeDataset(
      em,
      ctx.tenantId,
      scheme.id,
      definition,
      dataset as Dataset,
      source,
      status,
      callerId(ctx),
    );
    if (idempotencyKey) {
      await em.query(`UPDATE dataset_imports SET report = $3::jsonb WHERE tenant_id = $1 AND idempotency_key = $2`, [
        ctx.tenantId,
        idempotencyKey,
        JSON.stringify(report),
      ]);
    }
    await auditService.record(ctx, {
      entity: 'dataset_import',
      entityId: scheme.id,
      action: 'IMPORT_DATASET',
      before: null,
      after: { source, idempotencyKey: idempotencyKey ?? null, payloadHash: hash, report, adjustmentStatus: status },
    });
    return report;
  },

  /**
   * Subjects already in the scheme may be renamed by an import, but one with inputs or
   * adjustments keeps its group, and a unit with members stays a unit: otherwise the stored data
   * would no longer fit the scheme (the effective dataset would fail the engine's validation).
   */
  async placementProblems(
    ctx: RequestContext,
    schemeId: string,
    definition: SchemeDefinition,
    dataset: Dataset,
  ): Promise<Problem[]> {
    if (!dataset.subjects.length) return [];
    const rows: { code: string; group_code: string; used: boolean; members: boolean }[] = await (
      await ctx.em()
    ).query(
      `SELECT s.code, s.group_code,
              EXISTS (SELECT 1 FROM inputs i WHERE i.tenant_id = s.tenant_id AND i.scheme_id = s.scheme_id AND i.subject_id = s.id)
           OR EXISTS (SELECT 1 FROM adjustments a WHERE a.tenant_id = s.tenant_id AND a.subject_id = s.id) AS used,
              EXISTS (SELECT 1 FROM subjects m WHERE m.tenant_id = s.tenant_id AND m.scheme_id = s.scheme_id AND m.unit_code = s.code) AS members
         FROM subjects s WHERE s.tenant_id = $1 AND s.scheme_id = $2 AND s.code = ANY($3)`,
      [ctx.tenantId, schemeId, dataset.subjects.map((x) => x.code)],
    );
    const known = new Map(rows.map((r) => [r.code, r]));
    const kindOf = new Map(definition.groups.map((g) => [g.code, g.kind]));
    const out: Problem[] = [];
    dataset.subjects.forEach((x, i) => {
      const r = known.get(x.code);
      if (!r || r.group_code === x.group) return;
      if (r.used)
        out.push(problem(`/subjects/${i}/group`, 'SUBJECT_GROUP_LOCKED', { code: x.code, group: r.group_code }));
      else if (r.members && kindOf.get(x.group) !== 'UNIT')
        out.push(problem(`/subjects/${i}/group`, 'SUBJECT_HAS_MEMBERS', { code: x.code }));
    });
    return out;
  },

  async row(
    ctx: RequestContext,
    schemeId: string,
    subjectId: string,
    indicator: string,
    source: InputSource,
    period: Period,
  ): Promise<InputRow | undefined> {
    const [r] = await (
      await ctx.em()
    ).query(
      `SELECT i.*, s.code FROM inputs i JOIN subjects s ON s.tenant_id = i.tenant_id AND s.id = i.subject_id
        WHERE i.tenant_id = $1 AND i.scheme_id = $2 AND i.subject_id = $3 AND i.indicator_code = $4 AND i.source = $5 AND i.period = $6`,
      [ctx.tenantId, schemeId, subjectId, indicator, source, period],
    );
    return r;
  },

  /**
   * setInput: one value, checked by the engine's dataset validation on a one-input dataset (same
   * messages; pointers re-rooted at /value). Replaces the same subject/indicator/source/period.
   */
  async set(
    ctx: RequestContext,
    schemeId: string,
    subjectCode: string,
    indicator: string,
    source: InputSource,
    period: Period,
    value: unknown,
    action = 'SET',
  ): Promise<DataInput> {
    assertSourceAllowed(ctx, source);
    const scheme = await writableScheme(ctx, schemeId);
    const subject = await subjectService.byCode(ctx, scheme.id, subjectCode);
    await assertOwnUnit(ctx, subject);
    if (!value || typeof value !== 'object' || Array.isArray(value))
      throw problemsError('input', [problem('/value', 'NOT_AN_OBJECT', { what: 'value' })]);
    const unknown = unknownInputFields(value, '/value');
    if (unknown.length) throw problemsError('input', unknown);
    const definition = definitionOf(scheme);
    await assertMayWrite(ctx, definition, subject.groupCode, indicator);
    await assertEntryOpen(ctx, scheme.id, source, period, [subject.unitCode ?? subject.code]);
    const probe = {
      formatVersion: 1,
      subjects: await subjectsForValidation(ctx, subject),
      inputs: [{ ...value, subject: subject.code, indicator }],
    };
    const problems = repoint(validateDatasetFor(definition, probe));
    if (problems.length) throw problemsError('input', problems);
    const before = await this.row(ctx, scheme.id, subject.id, indicator, source, period);
    await (
      await ctx.em()
    ).query(
      `INSERT INTO inputs (tenant_id, scheme_id, subject_id, indicator_code, source, period, value, entered_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8)
       ON CONFLICT (tenant_id, scheme_id, subject_id, indicator_code, source, period) DO UPDATE
         SET value = EXCLUDED.value, entered_by = EXCLUDED.entered_by, updated_at = now(), version = inputs.version + 1`,
      [
        ctx.tenantId,
        scheme.id,
        subject.id,
        indicator,
        source,
        period,
        JSON.stringify(inputValue(value as Record<string, unknown>)),
        callerId(ctx),
      ],
    );
    const after = (await this.row(ctx, scheme.id, subject.id, indicator, source, period))!;
    const snap = (r: InputRow | undefined) =>
      r && {
        schemeId: r.scheme_id,
        subject: r.code,
        indicator: r.indicator_code,
        source: r.source,
        period: r.period,
        value: r.value,
        version: r.version,
      };
    await auditService.record(ctx, {
      entity: 'input',
      entityId: after.id,
      action,
      before: snap(before) ?? null,
      after: snap(after),
    });
    return toInputView(after);
  },

  /** setBallots: the `ballots` field of the REVIEW/ANNUAL input of a SURVEY indicator (other fields kept). */
  async setBallots(
    ctx: RequestContext,
    schemeId: string,
    subjectCode: string,
    indicator: string,
    ballots: unknown,
  ): Promise<DataInput> {
    const scheme = await writableScheme(ctx, schemeId);
    const subject = await subjectService.byCode(ctx, scheme.id, subjectCode);
    const group = definitionOf(scheme).groups.find((g) => g.code === subject.groupCode);
    const leaf = group && findIndicator(group.root, indicator);
    if (leaf && (leaf.method as { type?: string }).type !== 'SURVEY') {
      throw problemsError('ballots', [problem('/indicator', 'INDICATOR_NOT_SURVEY', { code: indicator })]);
    }
    const before = await this.row(ctx, scheme.id, subject.id, indicator, InputSource.REVIEW, Period.ANNUAL);
    return this.set(
      ctx,
      scheme.id,
      subject.code,
      indicator,
      InputSource.REVIEW,
      Period.ANNUAL,
      { ...(before?.value ?? {}), ballots },
      'SET_BALLOTS',
    );
  },

  async query(ctx: RequestContext, filter: InputFilter) {
    const em = await ctx.em();
    const qb = em
      .createQueryBuilder()
      .from('inputs', 'i')
      .innerJoin('subjects', 's', 's.tenant_id = i.tenant_id AND s.id = i.subject_id')
      .where('i.tenant_id = :tid', { tid: ctx.tenantId });
    if (filter.schemeId !== undefined && filter.schemeId !== null)
      qb.andWhere('i.scheme_id = :sid', { sid: isId(filter.schemeId) ? filter.schemeId : NIL });
    if (filter.subject) qb.andWhere('s.code = :subject', { subject: filter.subject });
    if (filter.indicator) qb.andWhere('i.indicator_code = :indicator', { indicator: filter.indicator });
    if (filter.source) qb.andWhere('i.source = :source', { source: filter.source });
    if (filter.period) qb.andWhere('i.period = :period', { period: filter.period });
    if (filter.ids) qb.andWhere('i.id IN (:...ids)', { ids: filter.ids.filter(isId).concat([NIL]) });
    // UNIT users see their own unit's inputs only
    const unit = await callerUnit(ctx);
    if (unit !== null) qb.andWhere('(s.code = :unit OR s.unit_code = :unit)', { unit: unit || NIL });
    return qb;
  },

  /** `inputs(schemeId, ...)`: subjects in import order, then indicator, source, period. */
  async all(ctx: RequestContext, filter: InputFilter & { schemeId: string }): Promise<DataInput[]> {
    await schemeService.findOrFail(ctx, filter.schemeId);
    const rows = await (
      await this.query(ctx, filter)
    )
      .select(['i.*', 's.code AS code'])
      .orderBy('s.position', 'ASC')
      .addOrderBy('i.indicator_code', 'ASC')
      .addOrderBy('i.source', 'ASC')
      .addOrderBy('i.period', 'ASC')
      .getRawMany<InputRow>();
    return rows.map(toInputView);
  },

  async list(ctx: RequestContext, args: ListArgs, filter: InputFilter = {}): Promise<DataInput[]> {
    const p = paging(args, SORTABLE, 'position');
    const qb = (await this.query(ctx, filter)).select(['i.*', 's.code AS code']).orderBy(p.sortColumn, p.order);
    if (p.sortColumn !== 's.position') qb.addOrderBy('s.position', 'ASC');
    qb.addOrderBy('i.id', 'ASC');
    return (await qb.offset(p.skip).limit(p.take).getRawMany<InputRow>()).map(toInputView);
  },

  async count(ctx: RequestContext, filter: InputFilter = {}): Promise<number> {
    const [r] = await (await this.query(ctx, filter)).select('count(*)::int', 'n').getRawMany<{ n: number }>();
    return r.n;
  },

  async get(ctx: RequestContext, id: string): Promise<DataInput> {
    if (!isId(id)) throw notFound('Input');
    const [r] = await (await this.query(ctx, { ids: [id] })).select(['i.*', 's.code AS code']).getRawMany<InputRow>();
    if (!r) throw notFound('Input');
    return toInputView(r);
  },

  /**
   * ANNUAL SELF and MONITOR inputs of the same subject and indicator whose `actual` (or `score`)
   * differ by more than the scheme's reviewThreshold (default 0.1) relative to MONITOR; any
   * difference when MONITOR is 0. Subjects in import order, then indicator. `review` is the
   * REVIEW/ANNUAL value when the assessment team settled it, i.e. entered it after the later of the
   * SELF and MONITOR values (an older REVIEW value, e.g. imported before the units reported, does
   * not settle a newer disagreement). Settled ones stay listed, so a console can show them as resolved.
   */
  async discrepancies(ctx: RequestContext, schemeId: string): Promise<Discrepancy[]> {
    const scheme = await schemeService.findOrFail(ctx, schemeId);
    const threshold = reviewThreshold(scheme.definition);
    const rows: {
      code: string;
      indicator: string;
      self: Record<string, unknown>;
      monitor: Record<string, unknown>;
      review: Record<string, unknown> | null;
    }[] = await (
      await ctx.em()
    ).query(
      `SELECT s.code, a.indicator_code AS indicator, a.value AS self, b.value AS monitor, c.value AS review
         FROM inputs a
         JOIN inputs b ON b.tenant_id = a.tenant_id AND b.scheme_id = a.scheme_id AND b.subject_id = a.subject_id
                      AND b.indicator_code = a.indicator_code AND b.period = 'ANNUAL' AND b.source = 'MONITOR'
         LEFT JOIN inputs c ON c.tenant_id = a.tenant_id AND c.scheme_id = a.scheme_id AND c.subject_id = a.subject_id
                      AND c.indicator_code = a.indicator_code AND c.period = 'ANNUAL' AND c.source = 'REVIEW'
                      AND c.updated_at >= greatest(a.updated_at, b.updated_at)
         JOIN subjects s ON s.tenant_id = a.tenant_id AND s.id = a.subject_id
        WHERE a.tenant_id = $1 AND a.scheme_id = $2 AND a.period = 'ANNUAL' AND a.source = 'SELF'
        ORDER BY s.position, a.indicator_code`,
      [ctx.tenantId, scheme.id],
    );
    const out: Discrepancy[] = [];
    for (const r of rows) {
      const d = differenceOf(r.self, r.monitor, threshold);
      if (d?.exceeds)
        out.push({
          subject: r.code,
          indicator: r.indicator,
          self: r.self,
          monitor: r.monitor,
          review: r.review ?? null,
          ratio: d.ratio,
        });
    }
    return out;
  },
};
