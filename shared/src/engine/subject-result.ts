/**
 * A subject's result whose `nodes` are built on first read (then kept) from its group's store.
 * `nodes` is an own, enumerable accessor placed where the data property used to be, so
 * JSON.stringify, object spread, Object.keys/entries, structuredClone and deep-equality checks
 * all see it (and the same JSON, key order included); the nodes themselves are plain objects
 * with their `explain` strings as ordinary properties.
 */
import type { ResultNode, SubjectResult, Warning } from '../scheme/types';
import type { Peers } from './methods/types';
import { buildNodes } from './nodes';
import type { GroupOutcome } from './receipt';
import type { GroupStore } from './store';

export class LazySubjectResult implements SubjectResult {
  subject: string;
  group: string;
  base: number;
  bonus: number;
  deduction: number;
  final: number;
  rank: number;
  grade: string;
  vetoes: string[];
  declare nodes: ResultNode[];
  adjustments: { rule: string; points: number }[];
  warnings: Warning[];
  #store: GroupStore | null;
  #k: number;
  #outcome: GroupOutcome;
  #nodes: ResultNode[] | undefined = undefined;

  constructor(
    subject: string,
    group: string,
    base: number,
    bonus: number,
    deduction: number,
    final: number,
    rank: number,
    grade: string,
    vetoes: string[],
    adjustments: { rule: string; points: number }[],
    warnings: Warning[],
    store: GroupStore,
    k: number,
    outcome: GroupOutcome,
  ) {
    this.subject = subject;
    this.group = group;
    this.base = base;
    this.bonus = bonus;
    this.deduction = deduction;
    this.final = final;
    this.rank = rank;
    this.grade = grade;
    this.vetoes = vetoes;
    Object.defineProperty(this, 'nodes', NODES);
    this.adjustments = adjustments;
    this.warnings = warnings;
    this.#store = store;
    this.#k = k;
    this.#outcome = outcome;
  }

  /** How the subject's group was decided and the subject's place in it (for its receipt). */
  static outcomeOf(r: SubjectResult): { outcome: GroupOutcome; k: number } | undefined {
    return r instanceof LazySubjectResult ? { outcome: r.#outcome, k: r.#k } : undefined;
  }

  static nodesOf(r: LazySubjectResult): ResultNode[] {
    if (r.#nodes === undefined) {
      r.#nodes = buildNodes(r.#store!, r.#k);
      r.#store = null; // built once: the store may go
    }
    return r.#nodes;
  }

  /** The nodes for one read: built and not kept when they were not built yet (see nodesOnce). */
  static nodesOnce(r: LazySubjectResult): ResultNode[] {
    return r.#nodes ?? buildNodes(r.#store!, r.#k);
  }

  /**
   * Besides the compiled scheme and the subject's own rows, all its nodes depend on: its group's
   * peers per leaf and its unit's final (LINKED). Undefined once the nodes were built and kept.
   */
  static nodesBasis(r: LazySubjectResult): NodesBasis | undefined {
    const st = r.#store;
    return st ? { peers: st.peers, unitFinal: st.unitFinal[r.#k] } : undefined;
  }

  static setNodes(r: LazySubjectResult, nodes: ResultNode[]): void {
    r.#nodes = nodes;
    r.#store = null;
  }

  /** Node's console.log / util.inspect: the plain data (without importing node:util). */
  [Symbol.for('nodejs.util.inspect.custom')](): object {
    return { ...this };
  }
}

/** One descriptor (one getter and setter function) for every instance: instances share their hidden class. */
const NODES: PropertyDescriptor = {
  get(this: LazySubjectResult) {
    return LazySubjectResult.nodesOf(this);
  },
  set(this: LazySubjectResult, v: ResultNode[]) {
    LazySubjectResult.setNodes(this, v);
  },
  enumerable: true,
  configurable: true,
};

/**
 * A subject's nodes built for one read and not kept with the result (the same nodes `nodes` gives):
 * for a caller that writes each subject once, so a whole result's nodes are never alive together.
 */
export function nodesOnce(r: SubjectResult): ResultNode[] {
  return r instanceof LazySubjectResult ? LazySubjectResult.nodesOnce(r) : r.nodes;
}

/** What a subject's nodes depend on beyond the compiled scheme, its group and its own input rows. */
export interface NodesBasis {
  readonly peers: readonly (Peers | null)[];
  /** NaN when the subject has no unit final. */
  readonly unitFinal: number;
}

/** See LazySubjectResult.nodesBasis; undefined for a result not made by evaluate (or nodes already built). */
export function nodesBasis(r: SubjectResult): NodesBasis | undefined {
  return r instanceof LazySubjectResult ? LazySubjectResult.nodesBasis(r) : undefined;
}
