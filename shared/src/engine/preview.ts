/** Rates ONE indicator for a live preview (e.g. the admin console while a scheme is edited). */
import type { IndicatorNode, Input, Warning } from '../scheme/types';
import { compileLeaf } from './compile';
import { formatParts, langFor, part, type ExplainPart, type Lang } from './explain';
import { peersOf } from './peers';
import { POW10, roundScaled } from './rounding';

export interface PreviewOptions {
  /** Other subjects' `actual` values (the subject's own is added) for RANK, LINEAR and peer variables. */
  peerActuals?: number[];
  /** The unit's final score, for LINKED. */
  unitFinal?: number;
  /** The indicator's maxPoints in its tree; when given, points are computed too. */
  maxPoints?: number;
  /** Decimal places (default 2). */
  precision?: number;
  /** Language: 'zh', 'en', or a scheme name to detect it from (default English). */
  lang?: 'zh' | 'en' | { schemeName: string };
}

export interface Preview {
  /** The rate rounded to 4 places. */
  rate: number;
  maxPoints?: number;
  points?: number;
  explain: string;
  /** The explanation as data: the method's parts (and POINTS when points are computed). */
  parts: ExplainPart[];
  warnings: Warning[];
}

/** The indicator node must be valid (validate the scheme first); the input needs no subject/indicator. */
export function previewIndicator(
  indicator: IndicatorNode,
  input: Partial<Input> | undefined,
  opts: PreviewOptions = {},
): Preview {
  const leaf = compileLeaf(indicator);
  const lang: Lang =
    opts.lang === 'zh' || opts.lang === 'en'
      ? opts.lang
      : opts.lang === undefined
        ? 'en'
        : langFor(opts.lang.schemeName);
  const row = input as Input | undefined;
  let peers = null;
  if (leaf.usesPeers) {
    const rows: Input[] = (opts.peerActuals ?? []).map((a) => ({ subject: '', indicator: '', actual: a }));
    if (row && row.notApplicable !== true) rows.push(row);
    peers = peersOf(rows);
  }
  const o = leaf.def.rate(row, leaf.compiled, { peers, unitFinal: opts.unitFinal, explain: true });
  const warnings: Warning[] = o.warning ? [{ code: o.warning, indicator: indicator.code }] : [];
  const rate = roundScaled(o.rate, 4) / 1e4;
  const parts = [...o.parts!];
  if (opts.maxPoints === undefined) return { rate, explain: formatParts(parts, lang), parts, warnings };
  const p = opts.precision ?? 2;
  const maxPoints = roundScaled(opts.maxPoints, p) / POW10[p];
  const points = roundScaled(opts.maxPoints * o.rate, p) / POW10[p];
  parts.push(part('POINTS', { points: String(points), maxPoints: String(maxPoints) }));
  return { rate, maxPoints, points, explain: formatParts(parts, lang), parts, warnings };
}
