/**
 * A scheme compiled once for evaluation: each group's tree flattened in preorder (the shape the
 * engine walks per subject), each method's params compiled, rules and grades indexed.
 * Cached per scheme object (schemes are treated as immutable once validated).
 */
import { isCategory, type Group, type IndicatorNode, type Rule, type Scheme, type SchemeNode } from '../scheme/types';
import { langFor, type Lang } from './explain';
import { spreadMaxPoints } from './max-points';
import { methodOf } from './methods/registry';
import type { AnyMethodDef } from './methods/types';
import { POW10, roundScaled } from './rounding';

export interface CompiledGroup {
  readonly code: string;
  readonly kind: 'UNIT' | 'MEMBER';
  readonly index: number;
  readonly bonusCap: number | null;
  readonly deductionCap: number | null;
  /** Preorder: codes, parent index (-1 for the root), weights. */
  readonly codes: string[];
  readonly parent: Int32Array;
  readonly weight: Float64Array;
  /** Children of each node (empty for indicators). */
  readonly children: number[][];
  /** Leaf slot per node (-1 for categories); leaves are numbered in preorder. */
  readonly leafOf: Int32Array;
  readonly leaves: CompiledLeaf[];
  /** Indicator code → leaf slot. */
  readonly leafByCode: Map<string, number>;
  /** Rules that list this group, by scheme rule index. */
  readonly rules: Set<number>;
  /** Peer column per leaf slot (-1 when the method does not use peers), and how many there are. */
  readonly peerColumn: Int32Array;
  readonly peerColumns: number;
  /** maxPoints of every node when nothing is out (the common case): unrounded, and rounded to the precision. */
  readonly fullMaxPoints: Float64Array;
  readonly fullMaxPointsRounded: Float64Array;
  /** The same, as explanation text. */
  readonly fullMaxPointsText: readonly string[];
}

export interface CompiledLeaf {
  readonly node: number;
  readonly code: string;
  readonly indicator: IndicatorNode;
  readonly def: AnyMethodDef;
  /** def.rate, read from the leaf (one shape) rather than from nine method objects. */
  readonly rate: AnyMethodDef['rate'];
  readonly compiled: unknown;
  readonly usesPeers: boolean;
}

export interface CompiledScheme {
  readonly scheme: Scheme;
  readonly precision: number;
  readonly lang: Lang;
  readonly groups: CompiledGroup[];
  readonly groupByCode: Map<string, CompiledGroup>;
  readonly rules: Rule[];
  readonly ruleByCode: Map<string, number>;
  readonly gradeIndex: Map<string, number>;
}

const cache = new WeakMap<object, CompiledScheme>();

/** Compiles a *valid* scheme (validate it first). */
export function compileScheme(scheme: Scheme): CompiledScheme {
  const hit = cache.get(scheme);
  if (hit) return hit;
  const rules = scheme.rules ?? [];
  const precision = scheme.precision ?? 2;
  const groups = scheme.groups.map((g, i) => compileGroup(g, i, rules, precision));
  const compiled: CompiledScheme = {
    scheme,
    precision,
    lang: langFor(scheme.name),
    groups,
    groupByCode: new Map(groups.map((g) => [g.code, g])),
    rules,
    ruleByCode: new Map(rules.map((r, i) => [r.code, i])),
    gradeIndex: new Map(scheme.grades.map((g, i) => [g.code, i])),
  };
  cache.set(scheme, compiled);
  return compiled;
}

/** Compiles one indicator's method (used by the engine and by previewIndicator). */
export function compileLeaf(indicator: IndicatorNode, node = 0): CompiledLeaf {
  const def = methodOf(indicator.method.type);
  if (!def) throw new Error(`unknown method type ${indicator.method.type}`);
  const params = indicator.method as unknown as Record<string, unknown>;
  const compiled = def.compile(params);
  return {
    node,
    code: indicator.code,
    indicator,
    def,
    rate: def.rate,
    compiled,
    usesPeers: def.usesPeers?.(compiled) ?? false,
  };
}

function compileGroup(g: Group, index: number, rules: Rule[], precision: number): CompiledGroup {
  const codes: string[] = [];
  const parents: number[] = [];
  const weights: number[] = [];
  const children: number[][] = [];
  const leafOfArr: number[] = [];
  const leaves: CompiledLeaf[] = [];
  const walk = (n: SchemeNode, parent: number): void => {
    const i = codes.length;
    codes.push(n.code);
    parents.push(parent);
    weights.push(n.weight);
    children.push([]);
    if (parent >= 0) children[parent].push(i);
    if (isCategory(n)) {
      leafOfArr.push(-1);
      for (const c of n.children) walk(c, i);
    } else {
      leafOfArr.push(leaves.length);
      leaves.push(compileLeaf(n, i));
    }
  };
  walk(g.root, -1);
  const leafOf = Int32Array.from(leafOfArr);
  const weight = Float64Array.from(weights);
  const fullMaxPoints = new Float64Array(codes.length);
  spreadMaxPoints(children, leafOf, weight, new Uint8Array(codes.length), 0, fullMaxPoints);
  const fullMaxPointsRounded = fullMaxPoints.map((m) => roundScaled(m, precision) / POW10[precision]);
  return {
    code: g.code,
    kind: g.kind,
    index,
    bonusCap: g.bonusCap ?? null,
    deductionCap: g.deductionCap ?? null,
    codes,
    parent: Int32Array.from(parents),
    weight,
    children,
    leafOf,
    leaves,
    leafByCode: new Map(leaves.map((l, i) => [l.code, i])),
    rules: new Set(rules.flatMap((r, i) => (r.groups.includes(g.code) ? [i] : []))),
    peerColumn: Int32Array.from(
      leaves.map((l, i) => (l.usesPeers ? leaves.slice(0, i).filter((x) => x.usesPeers).length : -1)),
    ),
    peerColumns: leaves.filter((l) => l.usesPeers).length,
    fullMaxPoints,
    fullMaxPointsRounded,
    fullMaxPointsText: Array.from(fullMaxPointsRounded, (m) => String(m)),
  };
}
