// Webhooks (ADMIN) over the fetch helper, typed from the generated schema types. The signing
// secret of a new webhook is returned to the page that shows it once, never cached.
import { gqlFetch, type FetchOptions } from '../dataProvider/fetch';
import type {
  CreateWebhookInput,
  UpdateWebhookInput,
  Webhook,
  WebhookAttempt,
  WebhookDelivery,
  WebhookDeliveryStatus,
  WebhookEvent,
} from '../generated/graphql';

export type { Webhook, WebhookDeliveryStatus, WebhookEvent };
export type WebhookRecord = Omit<Webhook, '__typename'>;
export type DeliveryRecord = Pick<
  WebhookDelivery,
  'id' | 'webhookId' | 'event' | 'status' | 'nextAttemptAt' | 'deliveredAt' | 'createdAt'
> & {
  attempts: Pick<WebhookAttempt, 'attempt' | 'at' | 'statusCode' | 'error' | 'durationMs'>[];
};

export const WEBHOOK_EVENTS: WebhookEvent[] = ['RESULT_RUN_PUBLISHED', 'SCHEME_PUBLISHED', 'SCHEME_CLOSED'];
export const DELIVERY_STATUSES: WebhookDeliveryStatus[] = ['PENDING', 'DELIVERED', 'FAILED'];
export const DELIVERIES_PER_PAGE = 25;

const FIELDS = 'id url events description active createdAt';
const DELIVERY =
  'id webhookId event status nextAttemptAt deliveredAt createdAt attempts { attempt at statusCode error durationMs }';

export const listWebhooks = async (opts?: FetchOptions): Promise<WebhookRecord[]> =>
  (await gqlFetch<{ webhooks: WebhookRecord[] }>(`query webhooks { webhooks { ${FIELDS} } }`, {}, opts)).webhooks;

export const createWebhook = async (input: CreateWebhookInput): Promise<{ webhook: WebhookRecord; secret: string }> =>
  (
    await gqlFetch<{ createWebhook: { webhook: WebhookRecord; secret: string } }>(
      `mutation createWebhook($input: CreateWebhookInput!) { createWebhook(input: $input) { webhook { ${FIELDS} } secret } }`,
      { input },
    )
  ).createWebhook;

export const updateWebhook = async (id: string, input: UpdateWebhookInput): Promise<WebhookRecord> =>
  (
    await gqlFetch<{ updateWebhook: WebhookRecord }>(
      `mutation updateWebhook($id: ID!, $input: UpdateWebhookInput!) { updateWebhook(id: $id, input: $input) { ${FIELDS} } }`,
      { id, input },
    )
  ).updateWebhook;

export const deleteWebhook = async (id: string): Promise<void> => {
  await gqlFetch(`mutation deleteWebhook($id: ID!) { deleteWebhook(id: $id) { id } }`, { id });
};

export const webhookDeliveries = async (
  webhookId: string,
  status: WebhookDeliveryStatus | undefined,
  page: number,
  opts?: FetchOptions,
): Promise<DeliveryRecord[]> =>
  (
    await gqlFetch<{ webhookDeliveries: DeliveryRecord[] }>(
      `query webhookDeliveries($webhookId: ID!, $status: WebhookDeliveryStatus, $page: Int, $perPage: Int) {
       webhookDeliveries(webhookId: $webhookId, status: $status, page: $page, perPage: $perPage) { ${DELIVERY} } }`,
      { webhookId, status: status ?? null, page, perPage: DELIVERIES_PER_PAGE },
      opts,
    )
  ).webhookDeliveries;

export const redeliverWebhook = async (deliveryId: string): Promise<DeliveryRecord> =>
  (
    await gqlFetch<{ redeliverWebhook: DeliveryRecord }>(
      `mutation redeliverWebhook($id: ID!) { redeliverWebhook(deliveryId: $id) { ${DELIVERY} } }`,
      { id: deliveryId },
    )
  ).redeliverWebhook;
