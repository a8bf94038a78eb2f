import type { ResultStatus } from './result.entity';
import type { ResultGroup, ResultRun, RunActor } from './result-run';

const ACTOR_COLUMNS = ['created_by', 'reviewed_by', 'approved_by', 'published_by', 'rejected_by'] as const;

/**
 * A run's columns for its GraphQL view: its group counts (their own column; a run written
 * without them, e.g. by an older server, falls back to its stored Result's), the scheme's grade
 * order, whether a newer run of the scheme exists, and the names of the people who took its
 * steps (tenant users or platform administrators), all in the one statement.
 */
export const RUN_COLUMNS = `r.id, r.seq, r.scheme_id, r.status, r.version, r.created_at, r.scheme_version, r.scheme_hash, r.inputs_hash,
  r.reviewed_at, r.approved_at, r.published_at, r.rejected_at, r.reject_reason, r.superseded_at, r.superseded_by, r.missing_inputs,
  ${ACTOR_COLUMNS.map((c) => `r.${c}`).join(', ')}, coalesce(r.group_counts, r.result->'groups') AS groups,
  (SELECT coalesce(jsonb_agg(g->>'code'), '[]'::jsonb) FROM jsonb_array_elements(s.definition->'grades') g) AS grade_order,
  NOT EXISTS (SELECT 1 FROM result_runs n WHERE n.tenant_id = r.tenant_id AND n.scheme_id = r.scheme_id AND n.seq > r.seq) AS newest,
  (SELECT jsonb_object_agg(p.id, p.name) FROM (
     SELECT u.id, u.name FROM users u WHERE u.tenant_id = r.tenant_id AND u.id IN (${ACTOR_COLUMNS.map((c) => `r.${c}`).join(', ')})
     UNION ALL
     SELECT a.id, a.name FROM platform_admins a WHERE a.id IN (${ACTOR_COLUMNS.map((c) => `r.${c}`).join(', ')})) p) AS actor_names`;
export const RUN_FROM = `result_runs r JOIN schemes s ON s.tenant_id = r.tenant_id AND s.id = r.scheme_id`;

export interface RunRow {
  id: string;
  seq: string;
  scheme_id: string;
  status: ResultStatus;
  version: number;
  created_at: Date;
  scheme_version: number;
  scheme_hash: string;
  inputs_hash: string;
  reviewed_at: Date | null;
  approved_at: Date | null;
  published_at: Date | null;
  rejected_at: Date | null;
  reject_reason: string | null;
  superseded_at: Date | null;
  superseded_by: string | null;
  missing_inputs: number;
  created_by: string | null;
  reviewed_by: string | null;
  approved_by: string | null;
  published_by: string | null;
  rejected_by: string | null;
  newest: boolean;
  actor_names: Record<string, string> | null;
  groups: { group: string; count: number; gradeCounts: Record<string, number> }[];
  grade_order: string[];
}

/** `people`: false for readers outside the district office (API keys, UNIT users), who see no names. */
export function toRunView(r: RunRow, people = true): ResultRun {
  // jsonb does not keep object key order: gradeCounts come back in the scheme's grade order.
  const order = r.grade_order ?? [];
  const groups: ResultGroup[] = (r.groups ?? []).map((g) => {
    const names = [
      ...order.filter((c) => c in g.gradeCounts),
      ...Object.keys(g.gradeCounts).filter((c) => !order.includes(c)),
    ];
    return {
      group: g.group,
      count: g.count,
      gradeCounts: names.map((grade) => ({ grade, count: g.gradeCounts[grade] })),
    };
  });
  const actor = (id: string | null): RunActor | null => (people && id ? { id, name: r.actor_names?.[id] ?? id } : null);
  return {
    id: r.id,
    schemeId: r.scheme_id,
    status: r.status,
    createdAt: r.created_at,
    schemeVersion: r.scheme_version,
    groups,
    reviewedAt: r.reviewed_at,
    approvedAt: r.approved_at,
    publishedAt: r.published_at,
    rejectedAt: r.rejected_at,
    rejectReason: r.reject_reason,
    supersededAt: r.superseded_at,
    supersededBy: r.superseded_by,
    createdBy: actor(r.created_by),
    reviewedBy: actor(r.reviewed_by),
    approvedBy: actor(r.approved_by),
    publishedBy: actor(r.published_by),
    rejectedBy: actor(r.rejected_by),
    missingInputs: r.missing_inputs,
    newest: r.newest,
  };
}

/** What the audit log keeps of a run. */
export function runSnapshot(r: RunRow) {
  return {
    schemeId: r.scheme_id,
    status: r.status,
    version: r.version,
    schemeVersion: r.scheme_version,
    schemeHash: r.scheme_hash,
    inputsHash: r.inputs_hash,
  };
}
