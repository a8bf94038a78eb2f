import type { Scheme as SchemeDefinition } from '@kaoping/shared';
import type { RequestContext } from '../context/request-context';
import type { RunRow } from './run-view';
import { nodeNames, toSubjectResult, type SubjectRow } from './result-read';
import { callerUnit } from '../common/caller';

const BATCH = 500;
// a line carries no receipt, so the run's hashes are not read
const NO_HASHES = { schemeHash: '', inputsHash: '' };

/** One subject's line: the scalar and list fields of `results` (receipts and explanations are per-subject GraphQL reads). */
function line(r: ReturnType<typeof toSubjectResult>): string {
  const { subject, group, base, bonus, deduction, final, rank, grade, vetoes, adjustments, warnings } = r;
  const nodes = r.nodes.map(({ code, name, maxPoints, points, rate, out }) => ({
    code,
    name,
    maxPoints,
    points,
    rate,
    out,
  }));
  return (
    JSON.stringify({
      subject,
      group,
      base,
      bonus,
      deduction,
      final,
      rank,
      grade,
      vetoes,
      adjustments,
      warnings,
      nodes,
    }) + '\n'
  );
}

/**
 * A visible run's subjects as JSON lines, in subject order, read in batches of 500 by position
 * (keyset), so an annual pull never holds the whole run in memory. UNIT users get their own unit's.
 */
export async function* resultLines(
  ctx: RequestContext,
  run: RunRow,
  definition: SchemeDefinition,
): AsyncGenerator<string> {
  const names = nodeNames(definition);
  const unit = await callerUnit(ctx);
  const em = await ctx.em();
  let after = -1;
  for (;;) {
    const rows: (SubjectRow & { position: number })[] = await em.query(
      `SELECT rs.position, rs.subject_code, rs.subject_name, rs.group_code, rs.base::float8 AS base, rs.bonus::float8 AS bonus,
              rs.deduction::float8 AS deduction, rs.final::float8 AS final, rs.rank, rs.grade, rs.data
         FROM result_subjects rs
        WHERE rs.tenant_id = $1 AND rs.run_id = $2 AND rs.position > $3
          AND ($4::text IS NULL OR ($4 <> '' AND (rs.subject_code = $4 OR rs.unit_code = $4)))
        ORDER BY rs.position LIMIT ${BATCH}`,
      [ctx.tenantId, run.id, after, unit],
    );
    for (const r of rows) yield line(toSubjectResult(r, names, NO_HASHES));
    if (rows.length < BATCH) return;
    after = rows[rows.length - 1].position;
  }
}
