import { randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { auditService } from '../audit/audit.service';
import { badInput, conflict, notFound } from '../common/errors';
import { paging } from '../common/pagination';
import type { RequestContext } from '../context/request-context';
import { enqueueJob } from '../jobs/job-runner';
import { urlProblem } from './webhook-sender';
import {
  WebhookDeliveryStatus,
  WebhookEvent,
  type CreateWebhookInput,
  type DeliveriesArgs,
  type UpdateWebhookInput,
  type Webhook,
  type WebhookDelivery,
} from './webhook.types';

const ENTITY = 'webhook';
export const DELIVER_TASK = 'webhook.deliver';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a pg row, mapped to its GraphQL type right below
type Row = Record<string, any>;
const toWebhook = (r: Row): Webhook => ({
  id: r.id,
  url: r.url,
  events: r.events,
  description: r.description,
  active: r.active,
  createdAt: r.created_at,
});
const snapshot = (w: Webhook) => ({ url: w.url, events: w.events, description: w.description, active: w.active });

function checkUrl(ctx: RequestContext, url: string): string {
  const u = url.trim();
  const problem = urlProblem(u, ctx.config.webhookAllowPrivate);
  if (problem)
    throw badInput(`The webhook URL is refused: ${problem}`, { problems: [{ path: '/url', message: problem }] });
  return u;
}

const cleanEvents = (events: WebhookEvent[]) => [...new Set(events)];

async function deliveryRows(
  em: EntityManager,
  tenantId: string,
  where: string,
  params: unknown[],
  limit = 'LIMIT 1',
): Promise<WebhookDelivery[]> {
  const rows: Row[] = await em.query(
    `SELECT d.*, COALESCE((SELECT json_agg(json_build_object('attempt', a.attempt, 'at', a.at, 'statusCode', a.status_code, 'error', a.error, 'durationMs', a.duration_ms) ORDER BY a.attempt)
                            FROM webhook_attempts a WHERE a.tenant_id = d.tenant_id AND a.delivery_id = d.id), '[]') AS attempt_list
       FROM webhook_deliveries d WHERE d.tenant_id = $1 AND ${where} ${limit}`,
    [tenantId, ...params],
  );
  return rows.map((r) => ({
    id: r.id,
    webhookId: r.webhook_id,
    event: r.event,
    status: r.status,
    body: r.body,
    nextAttemptAt: r.next_attempt_at,
    deliveredAt: r.delivered_at,
    createdAt: r.created_at,
    attempts: (r.attempt_list as Row[]).map((a) => ({ ...a, at: new Date(a.at) })) as WebhookDelivery['attempts'],
  }));
}

export const webhookService = {
  async list(ctx: RequestContext): Promise<Webhook[]> {
    const rows: Row[] = await (
      await ctx.em()
    ).query(`SELECT * FROM webhooks WHERE tenant_id = $1 ORDER BY created_at, id`, [ctx.tenantId]);
    return rows.map(toWebhook);
  },

  async findOrFail(ctx: RequestContext, id: string): Promise<Webhook> {
    const [row] = await (
      await ctx.em()
    ).query(`SELECT * FROM webhooks WHERE tenant_id = $1 AND id = $2`, [ctx.tenantId, id]);
    if (!row) throw notFound('Webhook');
    return toWebhook(row);
  },

  /** Creates a webhook; its signing secret is returned only here. */
  async create(ctx: RequestContext, input: CreateWebhookInput): Promise<{ webhook: Webhook; secret: string }> {
    const url = checkUrl(ctx, input.url);
    const secret = 'whsec_' + randomBytes(32).toString('base64url');
    const [row] = await (
      await ctx.em()
    ).query(
      `INSERT INTO webhooks (tenant_id, url, events, description, secret) VALUES ($1, $2, $3, $4, $5) RETURNING *`,
      [ctx.tenantId, url, cleanEvents(input.events), input.description?.trim() ?? '', secret],
    );
    const webhook = toWebhook(row);
    await auditService.record(ctx, {
      entity: ENTITY,
      entityId: webhook.id,
      action: 'CREATE',
      before: null,
      after: snapshot(webhook),
    });
    return { webhook, secret };
  },

  async update(ctx: RequestContext, id: string, input: UpdateWebhookInput): Promise<Webhook> {
    const before = await this.findOrFail(ctx, id);
    const url = input.url === undefined || input.url === null ? before.url : checkUrl(ctx, input.url);
    const events = input.events ? cleanEvents(input.events) : before.events;
    const [[row]] = await (
      await ctx.em()
    ).query(
      `UPDATE webhooks SET url = $3, events = $4, description = $5, active = $6, updated_at = now() WHERE tenant_id = $1 AND id = $2 RETURNING *`,
      [ctx.tenantId, id, url, events, input.description?.trim() ?? before.description, input.active ?? before.active],
    );
    const after = toWebhook(row);
    await auditService.record(ctx, {
      entity: ENTITY,
      entityId: id,
      action: 'UPDATE',
      before: snapshot(before),
      after: snapshot(after),
    });
    return after;
  },

  /** Deletes a webhook with its deliveries. */
  async remove(ctx: RequestContext, id: string): Promise<Webhook> {
    const before = await this.findOrFail(ctx, id);
    await (await ctx.em()).query(`DELETE FROM webhooks WHERE tenant_id = $1 AND id = $2`, [ctx.tenantId, id]);
    await auditService.record(ctx, {
      entity: ENTITY,
      entityId: id,
      action: 'DELETE',
      before: snapshot(before),
      after: null,
    });
    return before;
  },

  async deliveries(ctx: RequestContext, a: DeliveriesArgs): Promise<WebhookDelivery[]> {
    await this.findOrFail(ctx, a.webhookId);
    const p = paging({ page: a.page, perPage: a.perPage }, { createdAt: 'created_at' }, 'createdAt');
    return deliveryRows(
      await ctx.em(),
      ctx.tenantId,
      `d.webhook_id = $2 AND ($3::text IS NULL OR d.status = $3)`,
      [a.webhookId, a.status ?? null],
      `ORDER BY d.created_at DESC, d.id LIMIT ${p.take} OFFSET ${p.skip}`,
    );
  },

  async delivery(ctx: RequestContext, id: string): Promise<WebhookDelivery> {
    const [d] = await deliveryRows(await ctx.em(), ctx.tenantId, `d.id = $2`, [id]);
    if (!d) throw notFound('Webhook delivery');
    return d;
  },

  /** Sends a delivered or failed delivery again, with the same id and body (receivers may dedupe on the id). */
  async redeliver(ctx: RequestContext, deliveryId: string): Promise<WebhookDelivery> {
    const d = await this.delivery(ctx, deliveryId);
    if (d.status === WebhookDeliveryStatus.PENDING)
      throw conflict('The delivery is still being attempted; wait until it is DELIVERED or FAILED');
    const em = await ctx.em();
    await em.query(
      `UPDATE webhook_deliveries SET status = 'PENDING', next_attempt_at = now(), round_start = attempts WHERE tenant_id = $1 AND id = $2`,
      [ctx.tenantId, d.id],
    );
    await enqueueJob(em, DELIVER_TASK, { tenantId: ctx.tenantId, deliveryId: d.id });
    await auditService.record(ctx, {
      entity: ENTITY,
      entityId: d.webhookId,
      action: 'REDELIVER',
      before: null,
      after: { deliveryId: d.id, event: d.event },
    });
    return this.delivery(ctx, d.id);
  },

  /**
   * Writes one delivery per active webhook subscribed to `event` into the outbox, and queues each,
   * in the caller's transaction: a change that rolls back sends nothing.
   */
  async emit(ctx: RequestContext, event: WebhookEvent, data: Record<string, unknown>): Promise<void> {
    const em = await ctx.em();
    const hooks: { id: string }[] = await em.query(
      `SELECT id FROM webhooks WHERE tenant_id = $1 AND active AND $2 = ANY(events) ORDER BY id`,
      [ctx.tenantId, event],
    );
    const tenant = ctx.tenant!;
    const occurredAt = new Date().toISOString();
    for (const h of hooks) {
      const id = randomUUID();
      const body = JSON.stringify({ id, event, tenant: { id: tenant.id, code: tenant.code }, occurredAt, data });
      await em.query(
        `INSERT INTO webhook_deliveries (tenant_id, id, webhook_id, event, body, next_attempt_at) VALUES ($1, $2, $3, $4, $5, now())`,
        [ctx.tenantId, id, h.id, event, body],
      );
      await enqueueJob(em, DELIVER_TASK, { tenantId: ctx.tenantId, deliveryId: id });
    }
  },
};
