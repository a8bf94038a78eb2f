import type { RequestContext } from '../context/request-context';
import { InputSource } from '../input/input.entity';
import { callerUnit, inUnit } from '../common/caller';

export interface SheetSubject {
  id: string;
  code: string;
  name: string;
  group: string;
  unit: string | null;
  /** false for a UNIT user's view of another unit's subject */
  mine: boolean;
}

export interface StoredInput {
  value: Record<string, unknown>;
  version: number;
}

export interface StoredAdjustment {
  subject: string;
  rule: string;
  count: number;
  points: number | null;
  note: string | null;
}

/** What a template shows and an upload is compared with: one scheme's subjects, one source's values, ballots, adjustments. */
export interface SheetData {
  subjects: SheetSubject[];
  /** `subject\u0000indicator` → the stored ANNUAL value of the source */
  inputs: Map<string, StoredInput>;
  /** the same for REVIEW (ballots live there) */
  review: Map<string, StoredInput>;
  adjustments: StoredAdjustment[];
}

export const cellKey = (subject: string, indicator: string) => `${subject}\u0000${indicator}`;

/** Four statements whatever the scheme's size; a UNIT user's scope marks the subjects it may fill. */
export async function loadSheetData(ctx: RequestContext, schemeId: string, source: InputSource): Promise<SheetData> {
  const em = await ctx.em();
  const unit = await callerUnit(ctx);
  const rows: { id: string; code: string; name: string; group_code: string; unit_code: string | null }[] =
    await em.query(
      `SELECT id, code, name, group_code, unit_code FROM subjects WHERE tenant_id = $1 AND scheme_id = $2 ORDER BY position, id`,
      [ctx.tenantId, schemeId],
    );
  const subjects = rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    group: r.group_code,
    unit: r.unit_code,
    mine: unit === null || inUnit({ code: r.code, unitCode: r.unit_code }, unit),
  }));
  const values = async (src: string) => {
    const found: { code: string; indicator_code: string; value: Record<string, unknown>; version: number }[] =
      await em.query(
        `SELECT s.code, i.indicator_code, i.value, i.version FROM inputs i JOIN subjects s ON s.tenant_id = i.tenant_id AND s.id = i.subject_id
        WHERE i.tenant_id = $1 AND i.scheme_id = $2 AND i.source = $3 AND i.period = 'ANNUAL'`,
        [ctx.tenantId, schemeId, src],
      );
    return new Map(found.map((f) => [cellKey(f.code, f.indicator_code), { value: f.value, version: f.version }]));
  };
  const inputs = await values(source);
  const review = source === InputSource.REVIEW ? inputs : await values(InputSource.REVIEW);
  const mine = new Set(subjects.filter((s) => s.mine).map((s) => s.code));
  const adjustments: StoredAdjustment[] = (
    await em.query(
      `SELECT s.code AS subject, a.rule_code AS rule, a.count, a.points::float8 AS points, a.note
         FROM adjustments a JOIN subjects s ON s.tenant_id = a.tenant_id AND s.id = a.subject_id
        WHERE a.tenant_id = $1 AND a.scheme_id = $2 AND a.status <> 'REJECTED' ORDER BY a.seq`,
      [ctx.tenantId, schemeId],
    )
  ).filter((a: StoredAdjustment) => mine.has(a.subject));
  return { subjects, inputs, review, adjustments };
}
