import { createHash } from 'node:crypto';
import DataLoader from 'dataloader';
import { AdjustmentStatus } from '../adjustment/adjustment.entity';
import { adjustmentService } from '../adjustment/adjustment.service';
import { auditService } from '../audit/audit.service';
import { conflict, forbidden, notFound } from '../common/errors';
import { isId } from '../common/ids';
import type { RequestContext } from '../context/request-context';
import { assertSourceAllowed, inputService } from '../input/input.service';
import { can, Permission } from '../auth/permissions';
import { callerId } from '../common/caller';
import { writableScheme } from '../subject/data-guard';
import { Evidence } from './evidence.types';
import { evidenceType } from './file-kind';

const ENTITY = 'evidence';

/** What evidence hangs on: one adjustment (a claim) or one input. */
export type OwnerKind = 'adjustment' | 'input';
export interface Owner {
  kind: OwnerKind;
  id: string;
  schemeId: string;
  /** The claim's status (adjustments only): a VERIFIED claim's evidence is final. */
  status?: AdjustmentStatus;
}

interface EvidenceRow {
  id: string;
  adjustment_id: string | null;
  input_id: string | null;
  file_name: string;
  content_type: string;
  size: number;
  sha256: string;
  uploaded_by: string | null;
  uploaded_by_name: string | null;
  uploaded_at: Date;
}

const COLUMNS = `e.id, e.adjustment_id, e.input_id, e.file_name, e.content_type, e.size, e.sha256, e.uploaded_by, u.name AS uploaded_by_name, e.uploaded_at`;
const FROM = `evidence_files e LEFT JOIN users u ON u.tenant_id = e.tenant_id AND u.id = e.uploaded_by`;

const toView = (r: EvidenceRow): Evidence => ({
  id: r.id,
  fileName: r.file_name,
  contentType: r.content_type,
  size: r.size,
  sha256: r.sha256,
  uploadedBy: r.uploaded_by,
  uploadedByName: r.uploaded_by_name ?? null,
  uploadedAt: r.uploaded_at,
  url: `/files/evidence/${r.id}`,
});

/** What the audit log keeps of a file (never its bytes). */
const snapshot = (r: EvidenceRow) => ({
  adjustmentId: r.adjustment_id,
  inputId: r.input_id,
  fileName: r.file_name,
  contentType: r.content_type,
  size: r.size,
  sha256: r.sha256,
});

/** One loader per request and owner kind: a page of adjustments reads its evidence in one query. */
const loaders = new WeakMap<RequestContext, Partial<Record<OwnerKind, DataLoader<string, Evidence[]>>>>();

export const evidenceService = {
  /** The claim evidence may be attached to, as the caller sees it (a UNIT user: its own unit's; else NOT_FOUND), in a PUBLISHED scheme. */
  async adjustmentOwner(ctx: RequestContext, id: string): Promise<Owner> {
    const a = await adjustmentService.get(ctx, id);
    await writableScheme(ctx, a.schemeId);
    if (a.status !== AdjustmentStatus.CLAIMED)
      throw conflict(`Evidence can be attached to a CLAIMED adjustment only; this one is ${a.status}`);
    return { kind: 'adjustment', id: a.id, schemeId: a.schemeId, status: a.status };
  },

  /** The input evidence may be attached to: one the caller may see and whose source it may enter. */
  async inputOwner(ctx: RequestContext, id: string): Promise<Owner> {
    const i = await inputService.get(ctx, id);
    await writableScheme(ctx, i.schemeId);
    assertSourceAllowed(ctx, i.source);
    return { kind: 'input', id: i.id, schemeId: i.schemeId };
  },

  /** Stores one file under its owner (type judged by content) and audits it; the file's metadata. */
  async attach(ctx: RequestContext, owner: Owner, file: { name: string; content: Buffer }): Promise<Evidence> {
    const contentType = await evidenceType(file.content, file.name);
    const sha256 = createHash('sha256').update(file.content).digest('hex');
    const [{ id }] = await (
      await ctx.em()
    ).query(
      `INSERT INTO evidence_files (tenant_id, ${owner.kind}_id, file_name, content_type, size, sha256, content, uploaded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [ctx.tenantId, owner.id, file.name, contentType, file.content.length, sha256, file.content, callerId(ctx)],
    );
    const row = await this.row(ctx, id);
    await auditService.record(ctx, {
      entity: ENTITY,
      entityId: id,
      action: 'UPLOAD',
      before: null,
      after: snapshot(row!),
    });
    return toView(row!);
  },

  async row(ctx: RequestContext, id: string): Promise<EvidenceRow | undefined> {
    if (!isId(id)) return undefined;
    const [r] = await (
      await ctx.em()
    ).query(`SELECT ${COLUMNS} FROM ${FROM} WHERE e.tenant_id = $1 AND e.id = $2`, [ctx.tenantId, id]);
    return r;
  },

  /**
   * A file with its owner, when the caller may see that owner (the same rule as reading the claim
   * or input: a UNIT user its own unit's); otherwise NOT_FOUND, exactly like a missing id.
   */
  async visible(ctx: RequestContext, id: string): Promise<{ row: EvidenceRow; owner: Owner }> {
    const row = await this.row(ctx, id);
    if (row?.adjustment_id) {
      const a = await adjustmentService.find(ctx, row.adjustment_id);
      if (a) return { row, owner: { kind: 'adjustment', id: a.id, schemeId: a.schemeId, status: a.status } };
    } else if (row?.input_id) {
      const i = await inputService.get(ctx, row.input_id).catch(() => null);
      if (i) return { row, owner: { kind: 'input', id: i.id, schemeId: i.schemeId } };
    }
    throw notFound('Evidence');
  },

  /** The bytes to download, with their name and type. */
  async download(ctx: RequestContext, id: string): Promise<{ name: string; type: string; content: Buffer }> {
    const { row } = await this.visible(ctx, id);
    const [c] = await (
      await ctx.em()
    ).query(`SELECT content FROM evidence_files WHERE tenant_id = $1 AND id = $2`, [ctx.tenantId, row.id]);
    return { name: row.file_name, type: row.content_type, content: c.content as Buffer };
  },

  /** deleteEvidence: by its uploader or an ADMIN, while the scheme is PUBLISHED and the claim is not VERIFIED. */
  async delete(ctx: RequestContext, id: string): Promise<boolean> {
    const { row, owner } = await this.visible(ctx, id);
    if (!can(ctx, Permission.EVIDENCE_DELETE_ANY) && row.uploaded_by !== callerId(ctx))
      throw forbidden('Only its uploader or an ADMIN may delete an evidence file');
    await writableScheme(ctx, owner.schemeId);
    if (owner.status === AdjustmentStatus.VERIFIED)
      throw conflict('The adjustment is VERIFIED: its evidence can no longer be deleted');
    await (await ctx.em()).query(`DELETE FROM evidence_files WHERE tenant_id = $1 AND id = $2`, [ctx.tenantId, row.id]);
    await auditService.record(ctx, {
      entity: ENTITY,
      entityId: row.id,
      action: 'DELETE',
      before: snapshot(row),
      after: null,
    });
    return true;
  },

  /** The evidence of an adjustment or input the caller already sees, upload order. */
  of(ctx: RequestContext, kind: OwnerKind, ownerId: string): Promise<Evidence[]> {
    const mine = loaders.get(ctx) ?? {};
    loaders.set(ctx, mine);
    mine[kind] ??= new DataLoader<string, Evidence[]>(async (ids) => {
      const rows: EvidenceRow[] = await (
        await ctx.em()
      ).query(
        `SELECT ${COLUMNS} FROM ${FROM} WHERE e.tenant_id = $1 AND e.${kind}_id = ANY($2::uuid[]) ORDER BY e.seq`,
        [ctx.tenantId, ids],
      );
      return ids.map((owner) =>
        rows.filter((r) => (kind === 'adjustment' ? r.adjustment_id : r.input_id) === owner).map(toView),
      );
    });
    return mine[kind].load(ownerId);
  },
};
