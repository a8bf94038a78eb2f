import { findIndicator, problem } from '@kaoping/shared';
import { GraphQLError } from 'graphql';
import { badInput } from '../common/errors';
import type { RequestContext } from '../context/request-context';
import { definitionOf, writableScheme } from '../subject/data-guard';
import { MAX_BATCH_ROWS, setInputs, type BatchRow } from './input-batch';
import { DataInput, InputSource, Period } from './input.entity';

export interface BallotRow {
  subject: string;
  indicator: string;
  ballots: unknown;
}

interface PriorRow {
  subject: string;
  indicator: string;
  value: Record<string, unknown>;
  version: number;
}

/**
 * setBallotsBatch: several subjects' ballots (the console's ballot page) in one call, all or
 * nothing. Each row is setBallots — the `ballots` field of the REVIEW/ANNUAL input of a SURVEY
 * indicator, the value's other fields kept — written through setInputs, so every row gets its
 * checks (subject known, indicator in the subject's group, ballots validated by the engine, one
 * row per cell), every bad row is named in `extensions.problems`, the size cap holds and each row
 * is audited (SET_BALLOTS). Each row carries the version its other fields were read at, so a
 * value written between that read and the write is a CONFLICT, never silently overwritten.
 */
export async function setBallotsBatch(ctx: RequestContext, schemeId: string, rows: BallotRow[]): Promise<DataInput[]> {
  if (rows.length < 1 || rows.length > MAX_BATCH_ROWS)
    throw badInput(`rows must hold 1 to ${MAX_BATCH_ROWS} entries; this call has ${rows.length}`);
  const scheme = await writableScheme(ctx, schemeId);
  const prior: PriorRow[] = await (
    await ctx.em()
  ).query(
    `SELECT s.code AS subject, i.indicator_code AS indicator, i.value, i.version
       FROM inputs i JOIN subjects s ON s.tenant_id = i.tenant_id AND s.id = i.subject_id
      WHERE i.tenant_id = $1 AND i.scheme_id = $2 AND i.source = $3 AND i.period = $4 AND s.code = ANY($5)`,
    [ctx.tenantId, scheme.id, InputSource.REVIEW, Period.ANNUAL, [...new Set(rows.map((r) => r.subject))]],
  );
  const key = (subject: string, indicator: string) => JSON.stringify([subject, indicator]);
  const byCell = new Map(prior.map((p) => [key(p.subject, p.indicator), p]));
  const batch: BatchRow[] = rows.map((r) => {
    const before = byCell.get(key(r.subject, r.indicator));
    return {
      subject: r.subject,
      indicator: r.indicator,
      value: { ...(before?.value ?? {}), ballots: r.ballots },
      version: before?.version ?? 0,
    };
  });
  const written = setInputs(ctx, scheme.id, InputSource.REVIEW, Period.ANNUAL, batch, {
    action: 'SET_BALLOTS',
    // setBallots' own rule: ballots belong to SURVEY indicators (an unknown one is the engine's to name)
    check: (row, subject, s) => {
      const group = definitionOf(s).groups.find((g) => g.code === subject.group_code);
      const leaf = group && findIndicator(group.root, row.indicator);
      return leaf && (leaf.method as { type?: string }).type !== 'SURVEY'
        ? problem('/indicator', 'INDICATOR_NOT_SURVEY', { code: row.indicator })
        : null;
    },
  });
  return written.catch((e: unknown) => {
    throw e instanceof GraphQLError && Array.isArray(e.extensions.problems) ? repointed(e) : e;
  });
}

/** The caller sent `ballots`, not a value: `/rows/<i>/value/ballots/…` → `/rows/<i>/ballots/…`. */
function repointed(e: GraphQLError): GraphQLError {
  const problems = (e.extensions.problems as { path: string }[]).map((p) => ({
    ...p,
    path: p.path.replace(/^(\/rows\/\d+)\/value(?=\/ballots(\/|$))/, '$1'),
  }));
  return new GraphQLError(e.message, { extensions: { ...e.extensions, problems } });
}
