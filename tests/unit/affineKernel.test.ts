// The inference kernel (affineKernel.ts): the WebAssembly SIMD kernel and its JavaScript twin give
// the same bits over blocks of rows with strides, zero inputs, in-place sums and ReLU edge cases.
import { describe, expect, it } from 'vitest';
import { affineJs, affineWasm, type Affine } from '../../src/predictor/affineKernel';
import { createRng } from '../../src/sim/rng';

const PAGE = 65536;

/** Two memories with the same contents, one run by each kernel. */
function twins(fill: (f: Float32Array) => void): { wasm: Affine; js: Affine; fw: Float32Array; fj: Float32Array } {
  const mw = new WebAssembly.Memory({ initial: 2 });
  const mj = new WebAssembly.Memory({ initial: 2 });
  const fw = new Float32Array(mw.buffer);
  const fj = new Float32Array(mj.buffer);
  fill(fw);
  fj.set(fw);
  const wasm = affineWasm(mw);
  if (!wasm) throw new Error('this Node has no WebAssembly SIMD');
  return { wasm, js: affineJs(mj.buffer), fw, fj };
}

describe('affine kernel', () => {
  it('wasm and JavaScript agree to the bit over rows with strides, zero inputs and ReLU', () => {
    const rng = createRng(7);
    // Layout (floats): x rows at 0 (stride 80), weights at 4096 (70 inputs × 48 outputs),
    // init rows at 8192 (stride 48), out rows at 12288 (stride 64), list at 30000.
    const rows = 9, count = 70, O = 48;
    const { wasm, js, fw, fj } = twins((f) => {
      for (let r = 0; r < rows; r++) {
        for (let i = 0; i < count; i++) f[r * 80 + i] = rng.uniform(0, 1) < 0.5 ? 0 : rng.uniform(-2, 2);
        f[r * 80 + 3] = -0; // a negative zero input is skipped like any zero
        for (let o = 0; o < O; o++) f[8192 + r * 48 + o] = rng.uniform(-1, 1);
      }
      for (let k = 0; k < count * O; k++) f[4096 + k] = rng.uniform(-1, 1);
    });
    for (const relu of [0, 1]) {
      wasm(0, 320, count, 4096 * 4, O, 8192 * 4, 192, 12288 * 4, 256, rows, relu, 30000 * 4);
      js(0, 320, count, 4096 * 4, O, 8192 * 4, 192, 12288 * 4, 256, rows, relu, 30000 * 4);
      const a = fw.subarray(12288, 12288 + rows * 64);
      const b = fj.subarray(12288, 12288 + rows * 64);
      expect(Buffer.from(a.slice().buffer).equals(Buffer.from(b.slice().buffer)), `relu ${relu}`).toBe(true);
      // Not trivially equal: real sums, and with ReLU some clipped to zero.
      expect(a.some((v) => Math.abs(v) > 0.5)).toBe(true);
      if (relu) expect(Array.from(a).filter((v, k) => k % 64 < O && v === 0).length).toBeGreaterThan(10);
    }
  });

  it('sums in input order, rounding each product and sum to float32 (against a plain loop)', () => {
    const { wasm, fw } = twins((f) => {
      for (let i = 0; i < 16; i++) f[i] = i % 3 === 0 ? 0 : 1 / (i + 1);
      for (let k = 0; k < 16 * 16; k++) f[256 + k] = Math.sin(k) * 1e3;
      for (let o = 0; o < 16; o++) f[1024 + o] = o - 8;
    });
    wasm(0, 0, 16, 1024, 16, 4096, 0, 8192, 0, 1, 0, 16384);
    for (let o = 0; o < 16; o++) {
      let s = Math.fround(o - 8);
      for (let i = 0; i < 16; i++) if (fw[i] !== 0) s = Math.fround(s + Math.fround(fw[i]! * fw[256 + i * 16 + o]!));
      expect(fw[2048 + o]).toBe(s);
    }
  });

  it('gives each row of a pair what the row gives alone (a zero of one row adds ±0 to the other)', () => {
    const rng = createRng(11);
    const rows = 6, count = 40, O = 32;
    const { wasm, fw } = twins((f) => {
      for (let r = 0; r < rows; r++) {
        for (let i = 0; i < count; i++) f[r * 64 + i] = rng.uniform(0, 1) < 0.6 ? 0 : rng.uniform(-2, 2);
        for (let o = 0; o < O; o++) f[1024 + r * 32 + o] = rng.uniform(-1, 1);
      }
      for (let k = 0; k < count * O; k++) f[4096 + k] = rng.uniform(-1, 1);
    });
    for (const relu of [0, 1]) {
      wasm(0, 256, count, 4096 * 4, O, 1024 * 4, 128, 8192 * 4, 128, rows, relu, 16384 * 4);
      const together = Array.from(fw.subarray(8192, 8192 + rows * 32));
      for (let r = 0; r < rows; r++) wasm(r * 256, 0, count, 4096 * 4, O, (1024 + r * 32) * 4, 0, (8192 + r * 32) * 4, 0, 1, relu, 16384 * 4);
      expect(Array.from(fw.subarray(8192, 8192 + rows * 32))).toEqual(together);
    }
  });

  it('can sum in place (init is out) and gives +0, never −0 or NaN, from ReLU', () => {
    const { wasm, js, fw, fj } = twins((f) => {
      f[0] = 1; // one input
      for (let o = 0; o < 16; o++) f[64 + o] = o < 4 ? -0 : o < 8 ? NaN : o - 10; // weights
      for (let o = 0; o < 16; o++) f[128 + o] = o < 4 ? -0 : 0.5; // init, then out (in place)
    });
    for (const [k, f] of [[wasm, fw], [js, fj]] as const) {
      k(0, 0, 1, 256, 16, 512, 0, 512, 0, 1, 1, PAGE);
      const out = Array.from(f.subarray(128, 144));
      expect(out.slice(0, 8).every((v) => Object.is(v, 0))).toBe(true);
      expect(out.slice(8)).toEqual([0, 0, 0.5, 1.5, 2.5, 3.5, 4.5, 5.5]);
    }
  });
});
