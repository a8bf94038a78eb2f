/**
 * A compiled FORMULA: a flat stack program run by one loop over typed arrays. Compared with a tree
 * of closures (one call and one boxed number per node) it allocates nothing per evaluation, which
 * matters at one run per subject for every FORMULA indicator. Only what formula-expr.ts emitted
 * after validation can run: constants, the seven variables, arithmetic, comparisons, jumps for
 * if/and/or, and min/max/abs/round.
 */
import { roundHalfUp } from '../rounding';
import type { Fn, VarName, Vars } from './formula-expr';

/** Thrown (one shared instance) by a division by zero; the method turns it into s = 0 and a warning. */
export const DIVISION_BY_ZERO = new Error('division by zero');

export const enum Op {
  Const,
  Var,
  Neg,
  Not,
  Bool,
  Add,
  Sub,
  Mul,
  Div,
  Lt,
  Le,
  Gt,
  Ge,
  Eq,
  Ne,
  Abs,
  Round,
  Round2,
  Min,
  Max,
  Jump,
  JumpIfZero,
}

export const BINARY_OP: Readonly<Record<string, Op>> = {
  '+': Op.Add,
  '-': Op.Sub,
  '*': Op.Mul,
  '/': Op.Div,
  '<': Op.Lt,
  '<=': Op.Le,
  '>': Op.Gt,
  '>=': Op.Ge,
  '==': Op.Eq,
  '!=': Op.Ne,
};

export const VAR_INDEX: Readonly<Record<VarName, number>> = {
  actual: 0,
  target: 1,
  previous: 2,
  score: 3,
  peerMax: 4,
  peerMin: 5,
  peerAvg: 6,
};

/** The ops that take one operand. */
const HAS_ARG = new Set([Op.Const, Op.Var, Op.Min, Op.Max, Op.Jump, Op.JumpIfZero]);

export class Program {
  private readonly code: number[] = [];
  private readonly consts: number[] = [];
  private depth = 0;
  private maxDepth = 0;

  constant(v: number): number {
    this.consts.push(v);
    return this.consts.length - 1;
  }

  op(op: Op, arg = 0): void {
    this.code.push(op);
    if (HAS_ARG.has(op)) this.code.push(arg);
    // stack effect: pushes +1; unary 0; binary -1; min/max n → 1; jumps: the conditional one pops
    if (op === Op.Const || op === Op.Var) this.depth++;
    else if (op === Op.Min || op === Op.Max) this.depth -= arg - 1;
    else if (op === Op.JumpIfZero) this.depth--;
    else if ((op >= Op.Add && op <= Op.Ne) || op === Op.Round2) this.depth--;
    if (this.depth > this.maxDepth) this.maxDepth = this.depth;
  }

  /** Emits a jump with a placeholder target; returns where to patch it (see land). */
  jump(op: Op.Jump | Op.JumpIfZero): number {
    this.op(op, -1);
    // after an unconditional jump comes the other branch, reached without the value just computed
    if (op === Op.Jump) this.depth--;
    return this.code.length - 1;
  }

  /** Points the jump at `at` to the next instruction. */
  land(at: number): void {
    this.code[at] = this.code.length;
  }

  done(): Fn {
    const code = Int32Array.from(this.code);
    const consts = Float64Array.from(this.consts);
    const stack = new Float64Array(this.maxDepth + 1);
    return (v) => run(code, consts, stack, v);
  }
}

function variable(v: Vars, i: number): number {
  switch (i) {
    case 0:
      return v.actual;
    case 1:
      return v.target;
    case 2:
      return v.previous;
    case 3:
      return v.score;
    case 4:
      return v.peerMax;
    case 5:
      return v.peerMin;
    default:
      return v.peerAvg;
  }
}

/** Runs a program; the stack is reused (one evaluation at a time: nothing here calls out). */
function run(code: Int32Array, consts: Float64Array, s: Float64Array, v: Vars): number {
  let sp = -1;
  let pc = 0;
  while (pc < code.length) {
    const op = code[pc++] as Op;
    switch (op) {
      case Op.Const:
        s[++sp] = consts[code[pc++]];
        break;
      case Op.Var:
        s[++sp] = variable(v, code[pc++]);
        break;
      case Op.Neg:
        s[sp] = -s[sp];
        break;
      case Op.Not:
        s[sp] = s[sp] === 0 ? 1 : 0;
        break;
      case Op.Bool:
        s[sp] = s[sp] !== 0 ? 1 : 0;
        break;
      case Op.Add:
        s[sp - 1] += s[sp];
        sp--;
        break;
      case Op.Sub:
        s[sp - 1] -= s[sp];
        sp--;
        break;
      case Op.Mul:
        s[sp - 1] *= s[sp];
        sp--;
        break;
      case Op.Div:
        if (s[sp] === 0) throw DIVISION_BY_ZERO;
        s[sp - 1] /= s[sp];
        sp--;
        break;
      case Op.Lt:
        s[sp - 1] = s[sp - 1] < s[sp] ? 1 : 0;
        sp--;
        break;
      case Op.Le:
        s[sp - 1] = s[sp - 1] <= s[sp] ? 1 : 0;
        sp--;
        break;
      case Op.Gt:
        s[sp - 1] = s[sp - 1] > s[sp] ? 1 : 0;
        sp--;
        break;
      case Op.Ge:
        s[sp - 1] = s[sp - 1] >= s[sp] ? 1 : 0;
        sp--;
        break;
      case Op.Eq:
        s[sp - 1] = s[sp - 1] === s[sp] ? 1 : 0;
        sp--;
        break;
      case Op.Ne:
        s[sp - 1] = s[sp - 1] !== s[sp] ? 1 : 0;
        sp--;
        break;
      case Op.Abs:
        s[sp] = Math.abs(s[sp]);
        break;
      case Op.Round:
        s[sp] = roundHalfUp(s[sp], 0);
        break;
      case Op.Round2:
        s[sp - 1] = roundHalfUp(s[sp - 1], Math.max(0, Math.min(10, Math.trunc(s[sp]))));
        sp--;
        break;
      case Op.Min:
      case Op.Max: {
        const n = code[pc++];
        const first = sp - n + 1;
        let m = s[first];
        for (let i = first + 1; i <= sp; i++) {
          const x = s[i];
          if (op === Op.Min ? x < m : x > m) m = x;
        }
        sp = first;
        s[sp] = m;
        break;
      }
      case Op.Jump:
        pc = code[pc];
        break;
      default:
        pc = s[sp--] === 0 ? code[pc] : pc + 1; // JumpIfZero
    }
  }
  return s[0];
}
