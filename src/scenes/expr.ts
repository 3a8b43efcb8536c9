// A tiny, safe arithmetic language for scene numbers: "platformHeight + carHeight / 2".
// Numbers, parameter names, pi, + - * /, parentheses, unary minus and a few functions. Nothing is eval'd.
import { cos, sin } from '../sim/portableTrig';
import { atan2 } from '../sim/portableAtan';

export class ExprError extends Error {}

type Token = { kind: 'num'; value: number } | { kind: 'id'; name: string } | { kind: 'op'; op: string };

const MAX_LENGTH = 200;
/** Name → [arity (null: one or more), function]. Transcendental ones go through the portable
 * fdlibm ports (the same bits in Node and every browser); sqrt, round and floor are exact in IEEE-754. */
const FUNCTIONS: Record<string, [number | null, (args: number[]) => number]> = {
  min: [null, (a) => Math.min(...a)],
  max: [null, (a) => Math.max(...a)],
  abs: [1, (a) => Math.abs(a[0]!)],
  sqrt: [1, (a) => Math.sqrt(a[0]!)],
  sin: [1, (a) => sin(a[0]!)],
  cos: [1, (a) => cos(a[0]!)],
  atan2: [2, (a) => atan2(a[0]!, a[1]!)],
  round: [1, (a) => Math.round(a[0]!)],
  floor: [1, (a) => Math.floor(a[0]!)],
};

/** Names an expression reads as constants; a param may not take them. */
export const CONSTANTS: Readonly<Record<string, number>> = { pi: Math.PI };

function tokenize(src: string): Token[] {
  if (src.length > MAX_LENGTH) throw new ExprError(`expression longer than ${MAX_LENGTH} characters`);
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    if (ch === ' ') { i++; continue; }
    if ('+-*/(),'.includes(ch)) { tokens.push({ kind: 'op', op: ch }); i++; continue; }
    const num = /^(\d+\.?\d*|\.\d+)(e[+-]?\d+)?/i.exec(src.slice(i));
    if (num) { tokens.push({ kind: 'num', value: Number(num[0]) }); i += num[0].length; continue; }
    const id = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
    if (id) { tokens.push({ kind: 'id', name: id[0] }); i += id[0].length; continue; }
    throw new ExprError(`unexpected character "${ch}" at position ${i + 1}`);
  }
  return tokens;
}

/** Parses and evaluates; `lookup` returns a parameter's value or undefined if unknown. */
export function evaluateExpr(src: string, lookup: (name: string) => number | undefined): number {
  const tokens = tokenize(src);
  let pos = 0;
  let depth = 0;
  const peek = (): Token | undefined => tokens[pos];
  const isOp = (op: string): boolean => { const t = peek(); return t?.kind === 'op' && t.op === op; };
  const expect = (op: string): void => {
    if (!isOp(op)) throw new ExprError(`expected "${op}"`);
    pos++;
  };
  const parseSum = (): number => {
    let v = parseProduct();
    while (isOp('+') || isOp('-')) {
      const op = (tokens[pos++] as { op: string }).op;
      const r = parseProduct();
      v = op === '+' ? v + r : v - r;
    }
    return v;
  };
  const parseProduct = (): number => {
    let v = parseUnary();
    while (isOp('*') || isOp('/')) {
      const op = (tokens[pos++] as { op: string }).op;
      const r = parseUnary();
      v = op === '*' ? v * r : v / r;
    }
    return v;
  };
  const parseUnary = (): number => {
    if (isOp('-')) { pos++; return -parseUnary(); }
    if (isOp('+')) { pos++; return parseUnary(); }
    return parseAtom();
  };
  const parseAtom = (): number => {
    const t = peek();
    if (!t) throw new ExprError('unexpected end of expression');
    if (++depth > 32) throw new ExprError('expression nested too deeply');
    try {
      if (t.kind === 'num') { pos++; return t.value; }
      if (t.kind === 'op' && t.op === '(') { pos++; const v = parseSum(); expect(')'); return v; }
      if (t.kind === 'id') {
        pos++;
        if (isOp('(')) {
          const entry = Object.hasOwn(FUNCTIONS, t.name) ? FUNCTIONS[t.name] : undefined;
          if (!entry) throw new ExprError(`unknown function "${t.name}" (known: ${Object.keys(FUNCTIONS).join(', ')})`);
          pos++;
          const args = [parseSum()];
          while (isOp(',')) { pos++; args.push(parseSum()); }
          expect(')');
          const [arity, fn] = entry;
          if (arity !== null && args.length !== arity) throw new ExprError(`${t.name}() takes ${arity} argument${arity > 1 ? 's' : ''}, got ${args.length}`);
          return fn(args);
        }
        if (Object.hasOwn(CONSTANTS, t.name)) return CONSTANTS[t.name]!;
        const v = lookup(t.name);
        if (v === undefined) throw new ExprError(`unknown parameter "${t.name}"`);
        return v;
      }
      throw new ExprError(`unexpected "${t.op}"`);
    } finally {
      depth--;
    }
  };
  const value = parseSum();
  if (pos !== tokens.length) throw new ExprError('unexpected text after the expression');
  return value;
}
