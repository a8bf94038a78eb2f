// Adjustment operations that are not react-admin CRUD (claim, verify, reject) and what the page
// needs from the scheme definition (rules with their bounds, groups), over the small fetch helper:
// same headers as the data provider, errors as translated HttpErrors (body.code, body.problems).
import { gqlFetch } from '../dataProvider/fetch';
import type { SubjectRecord } from '../dataEntry/api';

export type AdjustmentStatus = 'CLAIMED' | 'VERIFIED' | 'REJECTED';
export const ADJUSTMENT_STATUSES: AdjustmentStatus[] = ['CLAIMED', 'VERIFIED', 'REJECTED'];
export type RuleKind = 'BONUS' | 'DEDUCTION' | 'VETO';
export const RULE_KINDS: RuleKind[] = ['BONUS', 'DEDUCTION', 'VETO'];

export interface AdjustmentRecord {
  id: string;
  schemeId: string;
  subject: string;
  subjectName: string;
  group: string;
  rule: string;
  ruleName: string | null;
  kind: RuleKind | null;
  count: number;
  points: number | null;
  note: string | null;
  status: AdjustmentStatus;
  reason: string | null;
  claimedBy: string | null;
  claimedByName: string | null;
  decidedBy: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
  createdAt: string;
  version: number;
}

const FIELDS =
  'id schemeId subject subjectName group rule ruleName kind count points note status reason claimedBy claimedByName decidedBy decidedByName decidedAt createdAt version';

export interface ClaimInput {
  schemeId: string;
  subject: string;
  rule: string;
  count: number;
  points?: number | null;
  note?: string | null;
}

export const claimAdjustment = async (c: ClaimInput): Promise<AdjustmentRecord> =>
  (
    await gqlFetch<{ claimAdjustment: AdjustmentRecord }>(
      `mutation claimAdjustment($schemeId: ID!, $subject: String!, $rule: String!, $count: Int, $points: Float, $note: String) {
        claimAdjustment(schemeId: $schemeId, subject: $subject, rule: $rule, count: $count, points: $points, note: $note) { ${FIELDS} } }`,
      { ...c },
    )
  ).claimAdjustment;

/** CLAIMED → VERIFIED with the row's version (a concurrent decision answers CONFLICT). */
export const verifyAdjustment = async (id: string, version: number): Promise<AdjustmentRecord> =>
  (
    await gqlFetch<{ verifyAdjustment: AdjustmentRecord }>(
      `mutation verifyAdjustment($id: ID!, $version: Int!) { verifyAdjustment(id: $id, version: $version) { ${FIELDS} } }`,
      { id, version },
    )
  ).verifyAdjustment;

/** CLAIMED → REJECTED with a reason and the row's version. */
export const rejectAdjustment = async (id: string, version: number, reason: string): Promise<AdjustmentRecord> =>
  (
    await gqlFetch<{ rejectAdjustment: AdjustmentRecord }>(
      `mutation rejectAdjustment($id: ID!, $version: Int!, $reason: String!) { rejectAdjustment(id: $id, version: $version, reason: $reason) { ${FIELDS} } }`,
      { id, version, reason },
    )
  ).rejectAdjustment;

/** A subject the claim form offers (the scheme's subjects and the caller's unit come from data entry's listSubjects and myUnit). */
export type SubjectOption = Pick<SubjectRecord, 'code' | 'name' | 'group' | 'unit'>;

/** A bonus/deduction/veto rule as the scheme definition states it (shared `Rule`). */
export interface RuleDef {
  code: string;
  name: string;
  kind: RuleKind;
  groups: string[];
  points?: number;
  minPoints?: number;
  maxPoints?: number;
  maxPerSubject?: number;
  maxGrade?: string;
}

export interface SchemeRules {
  rules: RuleDef[];
  groups: { code: string; name: string }[];
  /** Grade names by code (a veto names the best grade it allows). */
  grades: Record<string, string>;
}

export const rulesOf = (definition: Record<string, unknown> | undefined): SchemeRules => ({
  rules: ((definition?.rules as RuleDef[]) ?? []).map(r => ({ ...r, name: r.name || r.code, groups: r.groups ?? [] })),
  groups: ((definition?.groups as { code: string; name?: string }[]) ?? []).map(g => ({
    code: g.code,
    name: g.name || g.code,
  })),
  grades: Object.fromEntries(
    ((definition?.grades as { code: string; name?: string }[]) ?? []).map(g => [g.code, g.name || g.code]),
  ),
});

/** Whether a rule's events state their own points (a range) rather than a fixed number. */
export const hasRange = (r: RuleDef): boolean => r.minPoints !== undefined || r.maxPoints !== undefined;

/**
 * The claim form's checks, the same as the server's dataset validation: count a whole number ≥ 1;
 * points required within [minPoints, maxPoints] for a range rule, not given otherwise; the rule
 * must list the subject's group. Returns translation keys (with their arguments) by field.
 */
export const claimProblems = (
  rule: RuleDef | undefined,
  subject: SubjectOption | undefined,
  count: string,
  points: string,
): Partial<Record<'subject' | 'rule' | 'count' | 'points', [string, Record<string, unknown>?]>> => {
  const out: Partial<Record<'subject' | 'rule' | 'count' | 'points', [string, Record<string, unknown>?]>> = {};
  if (!subject) out.subject = ['kaoping.adjustment.claim.required'];
  if (!rule) out.rule = ['kaoping.adjustment.claim.required'];
  else if (subject && !rule.groups.includes(subject.group)) out.rule = ['kaoping.adjustment.claim.rule_group'];
  const n = Number(count);
  if (count.trim() === '' || !Number.isInteger(n) || n < 1) out.count = ['kaoping.adjustment.claim.count_invalid'];
  if (rule && hasRange(rule)) {
    const p = Number(points);
    const min = rule.minPoints ?? 0;
    const max = rule.maxPoints ?? Number.POSITIVE_INFINITY;
    if (points.trim() === '' || !Number.isFinite(p) || p < min || p > max) {
      out.points = ['kaoping.adjustment.claim.points_range', { min, max: rule.maxPoints ?? '∞' }];
    }
  }
  return out;
};

/** The current scheme (as the dashboard's server choice): newest published, else newest draft, else newest closed. */
export const currentSchemeOf = <T extends { status: string; year: number; createdAt?: string }>(
  schemes: T[],
): T | undefined => {
  for (const status of ['PUBLISHED', 'DRAFT', 'CLOSED']) {
    const found = schemes
      .filter(s => s.status === status)
      .sort((a, b) => b.year - a.year || String(b.createdAt ?? '').localeCompare(String(a.createdAt ?? '')))[0];
    if (found) return found;
  }
  return undefined;
};
