import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { Config } from '../config/config';
import { withTenantTransaction } from '../context/tenant-transaction';
import { enqueueJob, type JobTask } from '../jobs/job-runner';
import { postWebhook, signature } from './webhook-sender';
import { DELIVER_TASK } from './webhook.service';

/** Tries per delivery; with the default 12 s base the 6th try comes about 68 minutes after the first. */
export const MAX_ATTEMPTS = 6;

/** Delay before the try after `attempt` failed: base × 4^(attempt−1). */
export const retryDelayMs = (base: number, tryInRound: number) => base * 4 ** (tryInRound - 1);

/**
 * The job sending one delivery once: signs the stored body with a fresh timestamp, POSTs it, logs
 * the attempt, and on failure queues the next try (in the same transaction as the log) until
 * MAX_ATTEMPTS, then marks it FAILED. 2xx is delivered.
 */
export function deliverWebhookTask(ds: DataSource, config: Config, log: Logger): JobTask {
  return async (payload) => {
    const { tenantId, deliveryId } = payload as { tenantId: string; deliveryId: string };
    const [row] = await withTenantTransaction(ds, tenantId, (em) =>
      em.query(
        `SELECT d.id, d.body, d.event, d.attempts, d.round_start, w.url, w.secret, w.active FROM webhook_deliveries d
           JOIN webhooks w ON w.tenant_id = d.tenant_id AND w.id = d.webhook_id
          WHERE d.tenant_id = $1 AND d.id = $2 AND d.status = 'PENDING'`,
        [tenantId, deliveryId],
      ),
    );
    if (!row) return; // delivered meanwhile, or its webhook was deleted
    if (!row.active) {
      await withTenantTransaction(ds, tenantId, (em) =>
        em.query(
          `UPDATE webhook_deliveries SET status = 'FAILED', next_attempt_at = NULL WHERE tenant_id = $1 AND id = $2`,
          [tenantId, deliveryId],
        ),
      );
      return;
    }
    const timestamp = Math.floor(Date.now() / 1000);
    const headers = {
      'kaoping-webhook-id': row.id,
      'kaoping-webhook-event': row.event,
      'kaoping-webhook-timestamp': String(timestamp),
      'kaoping-webhook-signature': signature(row.secret, timestamp, row.body),
    };
    const r = await postWebhook(row.url, headers, row.body, config.webhookAllowPrivate);
    const attempt = row.attempts + 1;
    const delivered = r.error === null;
    const next =
      !delivered && attempt - row.round_start < MAX_ATTEMPTS
        ? new Date(Date.now() + retryDelayMs(config.webhookRetryBaseMs, attempt - row.round_start))
        : null;
    const status = delivered ? 'DELIVERED' : next ? 'PENDING' : 'FAILED';
    await withTenantTransaction(ds, tenantId, async (em) => {
      await em.query(
        `INSERT INTO webhook_attempts (tenant_id, delivery_id, attempt, status_code, error, duration_ms) VALUES ($1, $2, $3, $4, $5, $6)`,
        [tenantId, deliveryId, attempt, r.statusCode, r.error, r.durationMs],
      );
      await em.query(
        `UPDATE webhook_deliveries SET attempts = $3, status = $4, next_attempt_at = $5, delivered_at = CASE WHEN $4 = 'DELIVERED' THEN now() ELSE delivered_at END
          WHERE tenant_id = $1 AND id = $2`,
        [tenantId, deliveryId, attempt, status, next],
      );
      if (next) await enqueueJob(em, DELIVER_TASK, { tenantId, deliveryId }, next);
    });
    log.info(
      { webhookDelivery: deliveryId, attempt, status, statusCode: r.statusCode, error: r.error },
      'webhook attempt',
    );
  };
}
