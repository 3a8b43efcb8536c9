// The one loop the learner's inference spends its time in, out = act(init + Σ x[i]·W[i,:]) for a
// block of rows, in float32, twice: a WebAssembly SIMD kernel (assembled here from its opcodes) and
// the same arithmetic in plain JavaScript. Both round every product and every sum to float32 in the
// same order (wasm's f32x4 arithmetic is plain IEEE, never fused), so they agree to the bit: the
// JavaScript one is the fallback where wasm SIMD is missing, and the reference the kernel is tested against.

/** For each of `rows` rows r: out_r[o] = relu?(init_r[o] + Σᵢ x_r[i]·w[i·O + o]) for o < O,
 * i < count, in float32, summed in i order. Zero inputs are skipped (about half of a ReLU layer's
 * outputs: their weight rows are never read). Arguments are byte offsets into the memory, 16-byte
 * aligned; O is a multiple of 16; row r's x, init and out start at x + r·xStride, init + r·initStride,
 * out + r·outStride (init may be out: each output block is read before it is written). */
export type Affine = (
  x: number, xStride: number, count: number, w: number, O: number,
  init: number, initStride: number, out: number, outStride: number, rows: number, relu: number,
  /** 16·count bytes of scratch the wasm kernel lists a row pair's nonzero inputs in. */
  list: number,
) => void;

/** The same arithmetic in JavaScript over views of the same memory, rows paired as the kernel pairs
 * them (see blockBody): a pair skips an input only where it is zero in both rows. */
export function affineJs(memory: ArrayBuffer): Affine {
  const f = new Float32Array(memory);
  return (x, xStride, count, w, O, init, initStride, out, outStride, rows, relu) => {
    const wb = w >> 2;
    let r = 0;
    for (; r + 2 <= rows; r += 2) {
      const xa = (x + r * xStride) >> 2, xb = xa + (xStride >> 2);
      const ia = (init + r * initStride) >> 2, ib = ia + (initStride >> 2);
      const oa = (out + r * outStride) >> 2, ob = oa + (outStride >> 2);
      for (let o = 0; o < O; o++) {
        let sa = f[ia + o]!;
        let sb = f[ib + o]!;
        for (let i = 0; i < count; i++) {
          const va = f[xa + i]!;
          const vb = f[xb + i]!;
          if (va === 0 && vb === 0) continue;
          const wi = f[wb + i * O + o]!;
          sa = Math.fround(sa + Math.fround(va * wi));
          sb = Math.fround(sb + Math.fround(vb * wi));
        }
        f[oa + o] = relu && !(sa > 0) ? 0 : sa;
        f[ob + o] = relu && !(sb > 0) ? 0 : sb;
      }
    }
    for (; r < rows; r++) {
      const xb = (x + r * xStride) >> 2, ib = (init + r * initStride) >> 2, ob = (out + r * outStride) >> 2;
      for (let o = 0; o < O; o++) {
        let s = f[ib + o]!;
        for (let i = 0; i < count; i++) {
          const xi = f[xb + i]!;
          if (xi === 0) continue;
          s = Math.fround(s + Math.fround(xi * f[wb + i * O + o]!));
        }
        f[ob + o] = relu && !(s > 0) ? 0 : s;
      }
    }
  };
}

// ---- the wasm kernel ----

const I32 = 0x7f;
const F32 = 0x7d;
const V128 = 0x7b;
const op = {
  block: 0x02, loop: 0x03, if: 0x04, end: 0x0b, br: 0x0c, brIf: 0x0d, void: 0x40,
  get: 0x20, set: 0x21, i32Load: 0x28, f32Load: 0x2a, i32Store: 0x36, f32Store: 0x38, i32Const: 0x41, f32Const: 0x43, i32GtU: 0x4b, i32GeU: 0x4f, f32Ne: 0x5c,
  i32Add: 0x6a, i32Mul: 0x6c, i32Or: 0x72, i32Shl: 0x74, simd: 0xfd,
};
const uleb = (v: number): number[] => {
  const out: number[] = [];
  do {
    let b = v & 0x7f;
    v >>>= 7;
    if (v !== 0) b |= 0x80;
    out.push(b);
  } while (v !== 0);
  return out;
};
const simd = (code: number): number[] => [op.simd, ...uleb(code)];
const V128_LOAD = 0x00, V128_LOAD32_SPLAT = 0x09, V128_STORE = 0x0b, V128_CONST = 0x0c, F32X4_ADD = 0xe4, F32X4_MUL = 0xe6, F32X4_PMAX = 0xeb;
const mem = (offset: number, align = 0): number[] => [...uleb(align), ...uleb(offset)];
const get = (l: number): number[] => [op.get, l];
const set = (l: number): number[] => [op.set, l];
/** i32.const takes a signed LEB128: 64 is 0xC0 0x00, not 0x40 (which reads back as −64). */
const sleb = (v: number): number[] => {
  const out: number[] = [];
  for (;;) {
    const b = v & 0x7f;
    v >>= 7;
    if ((v === 0 && (b & 0x40) === 0) || (v === -1 && (b & 0x40) !== 0)) return [...out, b];
    out.push(b | 0x80);
  }
};
const i32 = (v: number): number[] => [op.i32Const, ...sleb(v)];

// Parameters 0–11 (as in Affine); then i32 locals: o 12 (bytes into a row), k 13 (bytes into x),
// t 14 (a weight row), stride 15 (bytes per row), r 16 (rows done), end 17 (one past the last
// listed input's entry), p 18 (an entry); f32 xa 19, xb 20 (a row's input); v128 xs 21, xt 22 (an
// input in every lane, rows a and b), accumulators 23–26 (row a), 27–30 (row b) and wv 31.
const [X, XSTRIDE, COUNT, W, O, INIT, ISTRIDE, OUT, OSTRIDE, ROWS, RELU, LIST] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const [OB, KB, T, STRIDE, R, END, P, XA, XB, XS, XT] = [12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22];
const ACC = [[23, 24, 25, 26], [27, 28, 29, 30]];
/** v128 local 31: a block of weights, read once for both rows of a pair. */
const WV = 31;
const ENTRY = 16;
const isNonzero = (l: number): number[] => [...get(l), op.f32Const, 0, 0, 0, 0, op.f32Ne];

/** The inputs of `rows` rows (1 or 2) that are nonzero in some row, in input order, as entries
 * (x of row a, x of row b, address of its weight row) at LIST: every input is written, and the end
 * advances only past listed ones (no branch to mispredict). */
function gatherNonzero(rows: number): number[] {
  return [
    ...get(LIST), ...set(END),
    ...i32(0), ...set(KB),
    op.block, op.void, op.loop, op.void,
    ...get(KB), ...get(COUNT), ...i32(2), op.i32Shl, op.i32GeU, op.brIf, 1,
    ...get(X), ...get(KB), op.i32Add, op.f32Load, ...mem(0), ...set(XA),
    ...get(END), ...get(XA), op.f32Store, ...mem(0),
    ...(rows === 2 ? [
      ...get(X), ...get(XSTRIDE), op.i32Add, ...get(KB), op.i32Add, op.f32Load, ...mem(0), ...set(XB),
      ...get(END), ...get(XB), op.f32Store, ...mem(4),
    ] : []),
    // The weight row of input i = k/4 starts at w + i·stride = w + k·O.
    ...get(END), ...get(W), ...get(KB), ...get(O), op.i32Mul, op.i32Add, op.i32Store, ...mem(8),
    ...get(END), ...isNonzero(XA), ...(rows === 2 ? [...isNonzero(XB), op.i32Or] : []), ...i32(4), op.i32Shl, op.i32Add, ...set(END),
    ...get(KB), ...i32(4), op.i32Add, ...set(KB),
    op.br, 0, op.end, op.end,
  ];
}

/** One pass over a block of 16 outputs of the current `rows` rows, over their listed inputs. Both
 * rows of a pair run over the inputs nonzero in either: a zero input of one row then adds 0·w = ±0,
 * which changes no sum but an exact −0 (the twin in JavaScript does the same). */
function blockBody(rows: number): number[] {
  const accs = ACC.slice(0, rows);
  const each = (f: (row: number, j: number) => number[]): number[] => accs.flatMap((acc, row) => acc.flatMap((_, j) => f(row, j)));
  const rowAt = (base: number, stride: number, row: number): number[] => (row === 0 ? get(base) : [...get(base), ...get(stride), op.i32Add]);
  return [
    ...each((row, j) => [...rowAt(INIT, ISTRIDE, row), ...get(OB), op.i32Add, ...simd(V128_LOAD), ...mem(16 * j), ...set(ACC[row]![j]!)]),
    ...get(LIST), ...set(P),
    op.block, op.void, op.loop, op.void,
    ...get(P), ...get(END), op.i32GeU, op.brIf, 1,
    ...get(P), op.i32Load, ...mem(8), ...get(OB), op.i32Add, ...set(T),
    ...get(P), ...simd(V128_LOAD32_SPLAT), ...mem(0), ...set(XS),
    ...(rows === 2 ? [...get(P), ...simd(V128_LOAD32_SPLAT), ...mem(4), ...set(XT)] : []),
    ...[0, 1, 2, 3].flatMap((j) => (rows === 1
      ? [...get(ACC[0]![j]!), ...get(XS), ...get(T), ...simd(V128_LOAD), ...mem(16 * j), ...simd(F32X4_MUL), ...simd(F32X4_ADD), ...set(ACC[0]![j]!)]
      : [...get(T), ...simd(V128_LOAD), ...mem(16 * j), ...set(WV),
        ...get(ACC[0]![j]!), ...get(XS), ...get(WV), ...simd(F32X4_MUL), ...simd(F32X4_ADD), ...set(ACC[0]![j]!),
        ...get(ACC[1]![j]!), ...get(XT), ...get(WV), ...simd(F32X4_MUL), ...simd(F32X4_ADD), ...set(ACC[1]![j]!)])),
    ...get(P), ...i32(ENTRY), op.i32Add, ...set(P),
    op.br, 0, op.end, op.end,
    ...get(RELU), op.if, op.void,
    // pmax(0, s) = 0 < s ? s : 0, as the JavaScript twin (−0 and NaN become 0): one instruction,
    // where max's NaN and signed-zero rules cost several.
    ...each((row, j) => [...simd(V128_CONST), ...new Array<number>(16).fill(0), ...get(ACC[row]![j]!), ...simd(F32X4_PMAX), ...set(ACC[row]![j]!)]),
    op.end,
    ...each((row, j) => [...rowAt(OUT, OSTRIDE, row), ...get(OB), op.i32Add, ...get(ACC[row]![j]!), ...simd(V128_STORE), ...mem(16 * j)]),
    ...get(OB), ...i32(64), op.i32Add, ...set(OB),
  ];
}
/** While two rows are left, a pair at a time (the weights read once for both); then a single one. */
function rowsLoop(rows: number): number[] {
  return [
    op.block, op.void, op.loop, op.void,
    ...get(R), ...i32(rows), op.i32Add, ...get(ROWS), op.i32GtU, op.brIf, 1,
    ...gatherNonzero(rows),
    ...i32(0), ...set(OB),
    op.block, op.void, op.loop, op.void,
    ...get(OB), ...get(STRIDE), op.i32GeU, op.brIf, 1,
    ...blockBody(rows),
    op.br, 0, op.end, op.end,
    ...get(X), ...get(XSTRIDE), ...(rows === 2 ? [...i32(1), op.i32Shl] : []), op.i32Add, ...set(X),
    ...get(INIT), ...get(ISTRIDE), ...(rows === 2 ? [...i32(1), op.i32Shl] : []), op.i32Add, ...set(INIT),
    ...get(OUT), ...get(OSTRIDE), ...(rows === 2 ? [...i32(1), op.i32Shl] : []), op.i32Add, ...set(OUT),
    ...get(R), ...i32(rows), op.i32Add, ...set(R),
    op.br, 0, op.end, op.end,
  ];
}

function kernelBody(): number[] {
  return [
    ...get(O), ...i32(2), op.i32Shl, ...set(STRIDE),
    ...i32(0), ...set(R),
    ...rowsLoop(2),
    ...rowsLoop(1),
    op.end,
  ];
}

function section(id: number, content: number[]): number[] {
  return [id, ...uleb(content.length), ...content];
}
const name = (s: string): number[] => [...uleb(s.length), ...Array.from(s, (c) => c.charCodeAt(0))];

/** The module: imports its memory ("m", "memory"), exports "affine". */
function kernelModuleBytes(): Uint8Array<ArrayBuffer> {
  const locals = [...uleb(3), ...uleb(7), I32, ...uleb(2), F32, ...uleb(11), V128];
  const code = [...locals, ...kernelBody()];
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [1, 0x60, 12, ...new Array<number>(12).fill(I32), 0]),
    ...section(2, [1, ...name('m'), ...name('memory'), 0x02, 0x00, 1]),
    ...section(3, [1, 0]),
    ...section(7, [1, ...name('affine'), 0x00, 0]),
    ...section(10, [1, ...uleb(code.length), ...code]),
  ]);
}

let compiled: WebAssembly.Module | null | undefined;

/** The wasm kernel over `memory`, or null where WebAssembly SIMD is not available. */
export function affineWasm(memory: WebAssembly.Memory): Affine | null {
  if (compiled === undefined) {
    try {
      compiled = typeof WebAssembly === 'object' ? new WebAssembly.Module(kernelModuleBytes()) : null;
    } catch {
      compiled = null;
    }
  }
  if (!compiled) return null;
  const instance = new WebAssembly.Instance(compiled, { m: { memory } });
  return instance.exports.affine as Affine;
}
