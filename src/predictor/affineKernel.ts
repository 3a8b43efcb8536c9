// The one loop the learner's inference spends its time in, out = act(init + Σ x[i]·W[i,:]), in
// float32, twice: a WebAssembly SIMD kernel (four lanes, assembled here from its opcodes) and the same
// arithmetic in plain JavaScript. Both round every product and every sum to float32 in the same order
// (wasm's f32x4 arithmetic is plain IEEE, never fused), so they agree to the bit: the JavaScript one
// is the fallback where wasm SIMD is missing, and the reference the kernel is tested against.

/** out[o] = relu?(init[o] + Σᵢ x[i]·w[i·O + o]) for o < O, i < count, in float32, summed in i order.
 * Zero inputs are skipped (about half of a ReLU layer's outputs: their weight rows are never read).
 * Arguments are byte offsets into the memory (16-byte aligned; O a multiple of 16). */
export type Affine = (x: number, count: number, w: number, O: number, init: number, out: number, relu: number) => void;

/** The same arithmetic in JavaScript over views of the same memory. */
export function affineJs(memory: ArrayBuffer): Affine {
  const f = new Float32Array(memory);
  return (x, count, w, O, init, out, relu) => {
    const xb = x >> 2, wb = w >> 2, ib = init >> 2, ob = out >> 2;
    for (let o = 0; o < O; o++) {
      let s = f[ib + o]!;
      for (let i = 0; i < count; i++) {
        const xi = f[xb + i]!;
        if (xi === 0) continue;
        s = Math.fround(s + Math.fround(xi * f[wb + i * O + o]!));
      }
      f[ob + o] = relu && !(s > 0) ? 0 : s;
    }
  };
}

// ---- the wasm kernel ----

const I32 = 0x7f;
const F32 = 0x7d;
const V128 = 0x7b;
const op = {
  block: 0x02, loop: 0x03, if: 0x04, end: 0x0b, br: 0x0c, brIf: 0x0d, void: 0x40,
  get: 0x20, set: 0x21, f32Load: 0x2a, i32Const: 0x41, f32Const: 0x43, i32GeU: 0x4f, f32Eq: 0x5b,
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
const V128_LOAD = 0x00, V128_STORE = 0x0b, V128_CONST = 0x0c, F32X4_SPLAT = 0x13, F32X4_ADD = 0xe4, F32X4_MUL = 0xe6, F32X4_MAX = 0xe9;
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

// Locals: params x 0, count 1, w 2, O 3, init 4, out 5, relu 6; then o 7 (bytes into a row),
// k 8 (bytes into x), t 9 (the weight row), stride 10 (bytes per row), xi 11, xs 12, a0..a3 13–16.
const [X, COUNT, W, O, INIT, OUT, RELU, OB, KB, T, STRIDE, XI, XS] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const ACC = [13, 14, 15, 16];

function kernelBody(): number[] {
  const lanes = (f: (j: number) => number[]): number[] => ACC.flatMap((_, j) => f(j));
  return [
    ...get(O), ...i32(2), op.i32Shl, ...set(STRIDE),
    ...i32(0), ...set(OB),
    op.block, op.void, op.loop, op.void,
    ...get(OB), ...get(STRIDE), op.i32GeU, op.brIf, 1,
    ...lanes((j) => [...get(INIT), ...get(OB), op.i32Add, ...simd(V128_LOAD), ...mem(16 * j), ...set(ACC[j]!)]),
    ...i32(0), ...set(KB),
    op.block, op.void, op.loop, op.void,
    ...get(KB), ...get(COUNT), ...i32(2), op.i32Shl, op.i32GeU, op.brIf, 1,
    ...get(X), ...get(KB), op.i32Add, op.f32Load, ...mem(0), ...set(XI),
    // The weight row of input i = k/4 starts at w + i·stride = w + k·O.
    ...get(W), ...get(KB), ...get(O), op.i32Mul, op.i32Add, ...get(OB), op.i32Add, ...set(T),
    ...get(KB), ...i32(4), op.i32Add, ...set(KB),
    ...get(XI), op.f32Const, 0, 0, 0, 0, op.f32Eq, op.brIf, 0,
    ...get(XI), ...simd(F32X4_SPLAT), ...set(XS),
    ...lanes((j) => [...get(ACC[j]!), ...get(XS), ...get(T), ...simd(V128_LOAD), ...mem(16 * j), ...simd(F32X4_MUL), ...simd(F32X4_ADD), ...set(ACC[j]!)]),
    op.br, 0, op.end, op.end,
    ...get(RELU), op.if, op.void,
    ...lanes((j) => [...get(ACC[j]!), ...simd(V128_CONST), ...new Array<number>(16).fill(0), ...simd(F32X4_MAX), ...set(ACC[j]!)]),
    op.end,
    ...lanes((j) => [...get(OUT), ...get(OB), op.i32Add, ...get(ACC[j]!), ...simd(V128_STORE), ...mem(16 * j)]),
    ...get(OB), ...i32(64), op.i32Add, ...set(OB),
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
  const locals = [...uleb(3), ...uleb(4), I32, ...uleb(1), F32, ...uleb(5), V128];
  const code = [...locals, ...kernelBody()];
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [1, 0x60, 7, ...new Array<number>(7).fill(I32), 0]),
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
