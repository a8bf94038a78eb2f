/**
 * FORMULA expressions: parsed by jsep (configured for the scheme grammar), checked against a
 * whitelist, and compiled once into plain closures. Nothing in an expression can reach the host:
 * only numeric literals, the allowed variables, the listed functions called by name, and
 * arithmetic, comparison and logical operators survive validation.
 */
import jsep from 'jsep';
import { roundHalfUp } from '../rounding';

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
  min: [1, Infinity], max: [1, Infinity], abs: [1, 1], round: [1, 2], if: [3, 3],
};

/** Thrown (one shared instance) by a division by zero; the method turns it into s = 0 and a warning. */
export const DIVISION_BY_ZERO = { divisionByZero: true } as const;

export type Fn = (v: Vars) => number;
export type InputVar = (typeof INPUT_VARS)[number];
export interface CompiledExpr { fn: Fn; inputVars: InputVar[]; usesPeers: boolean }

type Node = jsep.Expression;

/** Parses and compiles an expression, or returns the reasons it is not allowed. */
export function compileExpression(src: string): CompiledExpr | { errors: string[] } {
  let ast: Node;
  try {
    ast = jsep(src);
  } catch (e) {
    return { errors: [`does not parse: ${(e as Error).message}`] };
  }
  const errors: string[] = [];
  const used = new Set<VarName>();
  const fn = build(ast, errors, used);
  if (errors.length) return { errors };
  return {
    fn,
    inputVars: INPUT_VARS.filter((n) => used.has(n)),
    usesPeers: PEER_VARS.some((n) => used.has(n)),
  };
}

const ZERO: Fn = () => 0;
/** One reader per variable, each with its fixed property name (a shared v[name] closure would be a slow generic lookup). */
const READ: Readonly<Record<VarName, Fn>> = {
  actual: (v) => v.actual, target: (v) => v.target, previous: (v) => v.previous, score: (v) => v.score,
  peerMax: (v) => v.peerMax, peerMin: (v) => v.peerMin, peerAvg: (v) => v.peerAvg,
};
const b = (x: boolean): number => (x ? 1 : 0);

function build(n: Node, errors: string[], used: Set<VarName>): Fn {
  switch (n.type) {
    case 'Literal': {
      const v = (n as jsep.Literal).value;
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        errors.push(`only numbers are allowed as literals, not ${(n as jsep.Literal).raw}`);
        return ZERO;
      }
      return () => v;
    }
    case 'Identifier': {
      const name = (n as jsep.Identifier).name;
      if (!VARS.has(name)) { errors.push(`unknown name "${name}"`); return ZERO; }
      used.add(name as VarName);
      return READ[name as VarName];
    }
    case 'UnaryExpression': {
      const u = n as jsep.UnaryExpression;
      if (!UNARY.has(u.operator)) { errors.push(`operator "${u.operator}" is not allowed`); return ZERO; }
      const a = build(u.argument, errors, used);
      if (u.operator === '-') return (v) => -a(v);
      if (u.operator === '+') return a;
      return (v) => b(a(v) === 0);
    }
    case 'BinaryExpression': {
      const e = n as jsep.BinaryExpression;
      if (!BINARY.has(e.operator)) { errors.push(`operator "${e.operator}" is not allowed`); return ZERO; }
      const l = build(e.left, errors, used);
      const r = build(e.right, errors, used);
      switch (e.operator) {
        case '+': return (v) => l(v) + r(v);
        case '-': return (v) => l(v) - r(v);
        case '*': return (v) => l(v) * r(v);
        case '/': return (v) => {
          const d = r(v);
          if (d === 0) throw DIVISION_BY_ZERO;
          return l(v) / d;
        };
        case '<': return (v) => b(l(v) < r(v));
        case '<=': return (v) => b(l(v) <= r(v));
        case '>': return (v) => b(l(v) > r(v));
        case '>=': return (v) => b(l(v) >= r(v));
        case '==': return (v) => b(l(v) === r(v));
        case '!=': return (v) => b(l(v) !== r(v));
        case 'and': return (v) => b(l(v) !== 0 && r(v) !== 0);
        default: return (v) => b(l(v) !== 0 || r(v) !== 0); // or
      }
    }
    case 'CallExpression': {
      const c = n as jsep.CallExpression;
      if (c.callee.type !== 'Identifier') { errors.push('only min, max, abs, round and if can be called'); return ZERO; }
      const name = (c.callee as jsep.Identifier).name;
      const arity = Object.prototype.hasOwnProperty.call(ARITY, name) ? ARITY[name] : undefined;
      if (!arity) { errors.push(`unknown function "${name}"`); return ZERO; }
      const args = c.arguments.map((a) => build(a, errors, used));
      if (args.length < arity[0] || args.length > arity[1]) {
        errors.push(`${name} takes ${arity[0] === arity[1] ? arity[0] : `${arity[0]}${arity[1] === Infinity ? ' or more' : ` to ${arity[1]}`}`} argument(s)`);
        return ZERO;
      }
      return call(name, args);
    }
    case 'MemberExpression':
      errors.push('property access is not allowed');
      return ZERO;
    case 'ThisExpression':
      errors.push('"this" is not allowed');
      return ZERO;
    default:
      errors.push(`${n.type} is not allowed`);
      return ZERO;
  }
}

function call(name: string, args: Fn[]): Fn {
  const [a, b2, c] = args;
  switch (name) {
    case 'abs': return (v) => Math.abs(a(v));
    case 'round': return b2
      ? (v) => roundHalfUp(a(v), Math.max(0, Math.min(10, Math.trunc(b2(v)))))
      : (v) => roundHalfUp(a(v), 0);
    case 'if': return (v) => (a(v) !== 0 ? b2(v) : c(v));
    case 'min': return (v) => { let m = a(v); for (let i = 1; i < args.length; i++) { const x = args[i](v); if (x < m) m = x; } return m; };
    default: return (v) => { let m = a(v); for (let i = 1; i < args.length; i++) { const x = args[i](v); if (x > m) m = x; } return m; };
  }
}
