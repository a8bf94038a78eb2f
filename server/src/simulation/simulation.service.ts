import {
  evaluateValidated,
  matchDataset,
  whatIfSubjects,
  type Dataset,
  type Scheme as SchemeDefinition,
  type Standing,
} from '@kaoping/shared';
import { badInput } from '../common/errors';
import type { RequestContext } from '../context/request-context';
import { effectiveDatasetCached } from './dataset-cache';
import type { ResultGroup } from '../result/result-run';
import { checkDefinition, schemeService } from '../scheme/scheme.service';
import { NextGradeBlock, type Simulation } from './simulation.types';

/** The newest run of a scheme (any status: who simulates reviews drafts too), as standings by subject code. */
export interface BeforeRun {
  runId: string;
  subjects: ({ subject: string } & Standing)[];
}

async function newestRun(ctx: RequestContext, schemeId: string): Promise<BeforeRun | null> {
  const rows: { run_id: string; subject: string | null; final: number; rank: number; grade: string }[] = await (
    await ctx.em()
  ).query(
    `WITH run AS (SELECT id FROM result_runs WHERE tenant_id = $1 AND scheme_id = $2 ORDER BY seq DESC LIMIT 1)
     SELECT run.id AS run_id, rs.subject_code AS subject, rs.final::float8 AS final, rs.rank, rs.grade
       FROM run LEFT JOIN result_subjects rs ON rs.tenant_id = $1 AND rs.run_id = run.id
      ORDER BY rs.position`,
    [ctx.tenantId, schemeId],
  );
  if (!rows.length) return null;
  return {
    runId: rows[0].run_id,
    subjects: rows
      .filter((r) => r.subject !== null)
      .map((r) => ({ subject: r.subject!, final: r.final, rank: r.rank, grade: r.grade })),
  };
}

/** A scheme's data (already found in the caller's tenant) and its newest run. */
async function dataOf(ctx: RequestContext, schemeId: string): Promise<{ dataset: Dataset; before: BeforeRun | null }> {
  return { dataset: await effectiveDatasetCached(ctx, schemeId), before: await newestRun(ctx, schemeId) };
}

export const simulationService = {
  /**
   * What the console's what-if page evaluates in the browser: a scheme's current effective
   * dataset and its newest run's standings (null without a run). Both tenant-scoped; another
   * tenant's id is NOT_FOUND.
   */
  async data(ctx: RequestContext, schemeId: string): Promise<{ dataset: Dataset; before: BeforeRun | null }> {
    return dataOf(ctx, (await schemeService.findOrFail(ctx, schemeId)).id);
  },

  /**
   * Evaluates `definition` (default: the scheme's own, DRAFT or not) over the effective data of
   * `dataFrom` (default: the scheme itself), matching subjects, indicators and rules by code.
   * Reads only: no run, no audit record.
   */
  async simulate(
    ctx: RequestContext,
    schemeId: string,
    definition?: unknown,
    dataFrom?: string | null,
  ): Promise<Simulation> {
    const scheme = await schemeService.findOrFail(ctx, schemeId);
    const source = dataFrom ? await schemeService.findOrFail(ctx, dataFrom) : scheme;
    const def = checkDefinition(definition ?? scheme.definition) as unknown as SchemeDefinition;
    const { dataset, before } = await dataOf(ctx, source.id);
    const matched = matchDataset(def, dataset);
    if (matched.problems.length) {
      throw badInput(`The data cannot be evaluated under this definition: ${matched.problems.length} problem(s)`, {
        problems: matched.problems,
      });
    }
    const result = evaluateValidated(def, matched.dataset, { explain: false });
    const standings = before ? new Map(before.subjects.map((s) => [s.subject, s])) : null;
    const names = new Map(matched.dataset.subjects.map((s) => [s.code, s.name]));
    const order = def.grades.map((g) => g.code);
    const groups: ResultGroup[] = result.groups.map((g) => ({
      group: g.group,
      count: g.count,
      gradeCounts: order.map((grade) => ({ grade, count: g.gradeCounts[grade] })),
    }));
    return {
      groups,
      subjects: whatIfSubjects(def, result, standings).map((s) => ({
        subject: { code: s.subject, name: names.get(s.subject) ?? s.subject },
        group: s.group,
        final: s.final,
        rank: s.rank,
        grade: s.grade,
        before: s.before ? { final: s.before.final, rank: s.before.rank, grade: s.before.grade } : null,
        toNextGrade: s.toNextGrade,
        nextGradeBlock: s.nextGradeBlock as NextGradeBlock | null,
      })),
      unmatched: matched.unmatched,
      beforeRunId: before?.runId ?? null,
    };
  },
};
