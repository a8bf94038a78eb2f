/**
 * FORMULA expressions: parsed by jsep (configured for the scheme grammar), checked against a
 * whitelist, and compiled once into a small stack program (formula-program.ts). Nothing in an expression can reach the host:
 * only numeric literals, the allowed variables, the listed functions called by name, and
 * arithmetic, comparison and logical operators survive validation.
 */
import jsep from 'jsep';
import type { Params, ProblemCode } from '../../i18n/problem-texts';
import { BINARY_OP, Op, Program, VAR_INDEX } from './formula-program';

jsep.addBinaryOp('or', 1);
jsep.addBinaryOp('and', 2);
jsep.addUnaryOp('not');

export const INPUT_VARS = ['actual', 'target', 'previous', 'score'] as const;
export const PEER_VARS = ['peerMax', 'peerMin', 'peerAvg'] as const;
export type VarName = (typeof INPUT_VARS)[number] | (typeof PEER_VARS)[number];
export type Vars = Record<VarName, number>;

const VARS = new Set<string>([...INPUT_VARS, ...PEER_VARS]);
const BINARY = new Set(['+', '-', '*', '/', '<', '<=', '>', '>=', '==', '!=', 'and', 'or']);
const UNARY = new Set(['-', '+', 'not']);
const ARITY: Record<string, [number, number]> = {
  min: [1, Infinity],
  max: [1, Infinity],
  abs: [1, 1],
  round: [1, 2],
  if: [3, 3],
};

export { DIVISION_BY_ZERO } from './formula-program';

export type Fn = (v: Vars) => number;
export type InputVar = (typeof INPUT_VARS)[number];
export interface CompiledExpr {
  fn: Fn;
  inputVars: InputVar[];
  usesPeers: boolean;
}

type Node = jsep.Expression;

/** Why an expression is refused: a problem code and its params. */
export interface ExprError {
  code: ProblemCode;
  params: Params;
}

/** Parses and compiles an expression, or returns the reasons it is not allowed. */
export function compileExpression(src: string): CompiledExpr | { errors: ExprError[] } {
  let ast: Node;
  try {
    ast = jsep(src);
  } catch (e) {
    return { errors: [{ code: 'FORMULA_PARSE', params: { detail: (e as Error).message } }] };
  }
  const errors: ExprError[] = [];
  const used = new Set<VarName>();
  const p = new Program();
  emit(ast, p, errors, used);
  if (errors.length) return { errors };
  return {
    fn: p.done(),
    inputVars: INPUT_VARS.filter((n) => used.has(n)),
    usesPeers: PEER_VARS.some((n) => used.has(n)),
  };
}

/** Emits the code that leaves the node's value on the stack (nothing useful once there are errors). */
function emit(n: Node, p: Program, errors: ExprError[], used: Set<VarName>): void {
  const fail = (code: ProblemCode, params: Params = {}) => {
    errors.push({ code, params });
    p.op(Op.Const, p.constant(0));
  };
  switch (n.type) {
    case 'Literal': {
      const v = (n as jsep.Literal).value;
      if (typeof v !== 'number' || !Number.isFinite(v))
        return fail('FORMULA_LITERAL', { raw: (n as jsep.Literal).raw });
      return p.op(Op.Const, p.constant(v));
    }
    case 'Identifier': {
      const name = (n as jsep.Identifier).name;
      if (!VARS.has(name)) return fail('FORMULA_UNKNOWN_NAME', { name });
      used.add(name as VarName);
      return p.op(Op.Var, VAR_INDEX[name as VarName]);
    }
    case 'UnaryExpression': {
      const u = n as jsep.UnaryExpression;
      if (!UNARY.has(u.operator)) return fail('FORMULA_OPERATOR', { op: u.operator });
      emit(u.argument, p, errors, used);
      if (u.operator === '-') p.op(Op.Neg);
      else if (u.operator === 'not') p.op(Op.Not);
      return;
    }
    case 'BinaryExpression': {
      const e = n as jsep.BinaryExpression;
      if (!BINARY.has(e.operator)) return fail('FORMULA_OPERATOR', { op: e.operator });
      if (e.operator === 'and' || e.operator === 'or') return emitLogical(e, p, errors, used);
      emit(e.left, p, errors, used);
      emit(e.right, p, errors, used);
      return p.op(BINARY_OP[e.operator]);
    }
    case 'CallExpression': {
      const c = n as jsep.CallExpression;
      if (c.callee.type !== 'Identifier') return fail('FORMULA_CALL');
      const name = (c.callee as jsep.Identifier).name;
      const arity = Object.prototype.hasOwnProperty.call(ARITY, name) ? ARITY[name] : undefined;
      if (!arity) return fail('FORMULA_UNKNOWN_FUNCTION', { name });
      const count = c.arguments.length;
      if (name === 'if' && count === 3) return emitIf(c.arguments, p, errors, used);
      for (const a of c.arguments) emit(a, p, errors, used);
      if (count < arity[0] || count > arity[1]) {
        return fail(
          'FORMULA_ARITY',
          arity[1] === Infinity ? { name, min: arity[0] } : { name, min: arity[0], max: arity[1] },
        );
      }
      if (name === 'abs') return p.op(Op.Abs);
      if (name === 'round') return p.op(count === 2 ? Op.Round2 : Op.Round);
      return p.op(name === 'min' ? Op.Min : Op.Max, count);
    }
    case 'MemberExpression':
      return fail('FORMULA_MEMBER');
    case 'ThisExpression':
      return fail('FORMULA_THIS');
    default:
      return fail('FORMULA_SYNTAX', { what: n.type });
  }
}

/** if(a, b, c): only the taken branch runs (so if(target == 0, 0, actual / target) never divides by zero). */
function emitIf(args: Node[], p: Program, errors: ExprError[], used: Set<VarName>): void {
  emit(args[0], p, errors, used);
  const toElse = p.jump(Op.JumpIfZero);
  emit(args[1], p, errors, used);
  const toEnd = p.jump(Op.Jump);
  p.land(toElse);
  emit(args[2], p, errors, used);
  p.land(toEnd);
}

/** and/or as 1/0, the right side only when needed. */
function emitLogical(e: jsep.BinaryExpression, p: Program, errors: ExprError[], used: Set<VarName>): void {
  emit(e.left, p, errors, used);
  const toShort = p.jump(Op.JumpIfZero);
  if (e.operator === 'and') {
    emit(e.right, p, errors, used);
    p.op(Op.Bool);
    const toEnd = p.jump(Op.Jump);
    p.land(toShort);
    p.op(Op.Const, p.constant(0));
    p.land(toEnd);
  } else {
    p.op(Op.Const, p.constant(1));
    const toEnd = p.jump(Op.Jump);
    p.land(toShort);
    emit(e.right, p, errors, used);
    p.op(Op.Bool);
    p.land(toEnd);
  }
}
