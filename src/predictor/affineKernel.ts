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
  /** 8·count bytes of scratch the wasm kernel lists a row's nonzero inputs in. */
  list: number,
) => void;

/** The same arithmetic in JavaScript over views of the same memory. */
export function affineJs(memory: ArrayBuffer): Affine {
  const f = new Float32Array(memory);
  return (x, xStride, count, w, O, init, initStride, out, outStride, rows, relu) => {
    const wb = w >> 2;
    for (let r = 0; r < rows; r++) {
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
  i32Add: 0x6a, i32Mul: 0x6c, i32Shl: 0x74, simd: 0xfd,
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
// nonzero input's entry), p 18 (an entry); f32 xi 19; v128 xs 20 (the input in every lane) and
// accumulators 21–24.
const [X, XSTRIDE, COUNT, W, O, INIT, ISTRIDE, OUT, OSTRIDE, ROWS, RELU, LIST] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const [OB, KB, T, STRIDE, R, END, P, XI, XS] = [12, 13, 14, 15, 16, 17, 18, 19, 20];
const ACC = [21, 22, 23, 24];

/** The row's nonzero inputs, in input order, as entries (x, address of its weight row) at LIST:
 * every input is written, and the end advances only past nonzero ones (no branch to mispredict). */
function gatherNonzero(): number[] {
  return [
    ...get(LIST), ...set(END),
    ...i32(0), ...set(KB),
    op.block, op.void, op.loop, op.void,
    ...get(KB), ...get(COUNT), ...i32(2), op.i32Shl, op.i32GeU, op.brIf, 1,
    ...get(X), ...get(KB), op.i32Add, op.f32Load, ...mem(0), ...set(XI),
    ...get(END), ...get(XI), op.f32Store, ...mem(0),
    // The weight row of input i = k/4 starts at w + i·stride = w + k·O.
    ...get(END), ...get(W), ...get(KB), ...get(O), op.i32Mul, op.i32Add, op.i32Store, ...mem(4),
    ...get(END), ...get(XI), op.f32Const, 0, 0, 0, 0, op.f32Ne, ...i32(3), op.i32Shl, op.i32Add, ...set(END),
    ...get(KB), ...i32(4), op.i32Add, ...set(KB),
    op.br, 0, op.end, op.end,
  ];
}

/** One pass over a block of 16 outputs of the current row, over its nonzero inputs. */
function blockBody(): number[] {
  const acc = ACC;
  const each = (f: (j: number) => number[]): number[] => acc.flatMap((_, j) => f(j));
  return [
    ...each((j) => [...get(INIT), ...get(OB), op.i32Add, ...simd(V128_LOAD), ...mem(16 * j), ...set(acc[j]!)]),
    ...get(LIST), ...set(P),
    op.block, op.void, op.loop, op.void,
    ...get(P), ...get(END), op.i32GeU, op.brIf, 1,
    ...get(P), op.i32Load, ...mem(4), ...get(OB), op.i32Add, ...set(T),
    ...get(P), ...simd(V128_LOAD32_SPLAT), ...mem(0), ...set(XS),
    ...each((j) => [...get(acc[j]!), ...get(XS), ...get(T), ...simd(V128_LOAD), ...mem(16 * j), ...simd(F32X4_MUL), ...simd(F32X4_ADD), ...set(acc[j]!)]),
    ...get(P), ...i32(8), op.i32Add, ...set(P),
    op.br, 0, op.end, op.end,
    ...get(RELU), op.if, op.void,
    // pmax(0, s) = 0 < s ? s : 0, as the JavaScript twin (−0 and NaN become 0): one instruction,
    // where max's NaN and signed-zero rules cost several.
    ...each((j) => [...simd(V128_CONST), ...new Array<number>(16).fill(0), ...get(acc[j]!), ...simd(F32X4_PMAX), ...set(acc[j]!)]),
    op.end,
    ...each((j) => [...get(OUT), ...get(OB), op.i32Add, ...get(acc[j]!), ...simd(V128_STORE), ...mem(16 * j)]),
    ...get(OB), ...i32(64), op.i32Add, ...set(OB),
  ];
}

function kernelBody(): number[] {
  return [
    ...get(O), ...i32(2), op.i32Shl, ...set(STRIDE),
    ...i32(0), ...set(R),
    op.block, op.void, op.loop, op.void,
    ...get(R), ...get(ROWS), op.i32GeU, op.brIf, 1,
    ...gatherNonzero(),
    ...i32(0), ...set(OB),
    // 16 outputs at a time (four accumulators: more make V8 spill registers, measured slower).
    op.block, op.void, op.loop, op.void,
    ...get(OB), ...get(STRIDE), op.i32GeU, op.brIf, 1,
    ...blockBody(),
    op.br, 0, op.end, op.end,
    ...get(X), ...get(XSTRIDE), op.i32Add, ...set(X),
    ...get(INIT), ...get(ISTRIDE), op.i32Add, ...set(INIT),
    ...get(OUT), ...get(OSTRIDE), op.i32Add, ...set(OUT),
    ...get(R), ...i32(1), op.i32Add, ...set(R),
    op.br, 0, op.end, op.end,
    op.end,
  ];
}

function section(id: number, content: number[]): number[] {
  return [id, ...uleb(content.length), ...content];
}
const name = (s: string): number[] => [...uleb(s.length), ...Array.from(s, (c) => c.charCodeAt(0))];

/** The module: imports its memory ("m", "memory"), exports "affine". */
function kernelModuleBytes(): Uint8Array<ArrayBuffer> {
  const locals = [...uleb(3), ...uleb(7), I32, ...uleb(1), F32, ...uleb(1 + ACC.length), V128];
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
