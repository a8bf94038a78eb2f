// The audit log (操作日志) over the fetch helper: ADMIN only, newest first, flat filters.
import { gqlFetch, type FetchOptions } from '../dataProvider/fetch';
import type { AuditEntry as ApiAuditEntry } from '../generated/graphql';

export type AuditEntry = Omit<ApiAuditEntry, '__typename' | 'actorKind'> & {
  actorKind: 'user' | 'platform' | 'apiKey' | 'system';
};

export interface AuditFilter {
  entity?: string;
  action?: string;
  actorId?: string;
  from?: string;
  to?: string;
}

/** The entities the server audits (their names are translated: kaoping.audit.entity.*). */
export const AUDIT_ENTITIES = [
  'scheme',
  'subject',
  'input',
  'dataset_import',
  'adjustment',
  'result_run',
  'user',
  'api_key',
  'tenant',
  'tenant_settings',
  'department',
  'webhook',
  'deadline',
];

/** The actions recorded (their names are translated: kaoping.audit.action.*). */
export const AUDIT_ACTIONS = [
  'CREATE',
  'UPDATE',
  'DELETE',
  'IMPORT',
  'CLONE',
  'UPDATE_DEFINITION',
  'PUBLISH',
  'CLOSE',
  'SET',
  'SET_BALLOTS',
  'IMPORT_DATASET',
  'CLAIM',
  'VERIFY',
  'REJECT',
  'COMPUTE',
  'REVIEW',
  'APPROVE',
  'SUPERSEDE',
  'DISABLE',
  'ENABLE',
  'PASSWORD',
  'REVOKE',
  'REDELIVER',
  'COMPUTE',
  'REVIEW',
  'APPROVE',
  'SUPERSEDE',
  'DISABLE',
  'ENABLE',
  'PASSWORD',
  'REVOKE',
  'REOPEN',
  'CLEAR',
];

const ARGS = '$entity: String, $action: String, $actorId: ID, $from: DateTimeISO, $to: DateTimeISO';
const PASS = 'entity: $entity, action: $action, actorId: $actorId, from: $from, to: $to';

export const auditLog = async (
  filter: AuditFilter,
  page: number,
  perPage: number,
  opts?: FetchOptions,
): Promise<{ entries: AuditEntry[]; total: number }> => {
  const vars = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined && v !== ''));
  const d = await gqlFetch<{ auditLog: AuditEntry[]; _auditLogMeta: { count: number } }>(
    `query auditLog(${ARGS}, $page: Int, $perPage: Int) {
       auditLog(${PASS}, page: $page, perPage: $perPage) { id at actorKind actorId entity entityId action before after }
       _auditLogMeta(${PASS}) { count } }`,
    { ...vars, page, perPage },
    opts,
  );
  return { entries: d.auditLog, total: d._auditLogMeta.count };
};

/** The tenant's people, for the person filter and for names (at most 200, the page cap). */
export const people = async (opts?: FetchOptions): Promise<{ id: string; name: string; email: string }[]> =>
  (
    await gqlFetch<{ allUsers: { id: string; name: string; email: string }[] }>(
      `query people { allUsers(perPage: 200, sortField: "name", sortOrder: "ASC") { id name email } }`,
      {},
      opts,
    )
  ).allUsers;

/** Keys whose values differ between before and after (the rows the page highlights). */
export const changedKeys = (before: unknown, after: unknown): Set<string> => {
  const b = (before && typeof before === 'object' ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === 'object' ? after : {}) as Record<string, unknown>;
  return new Set([...Object.keys(b), ...Object.keys(a)].filter(k => JSON.stringify(b[k]) !== JSON.stringify(a[k])));
};
