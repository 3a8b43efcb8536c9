// The two 32-bit halves of an IEEE double, as fdlibm reads and writes them (GET_HIGH_WORD,
// INSERT_WORDS, …): shared by the portable math ports, which branch on exponent bits.

/** One double and its two words, reused by every call (no allocation on the hot path). */
export const f64 = new Float64Array(1);
export const u32 = new Uint32Array(f64.buffer);
f64[0] = 1;
/** Which word holds the sign and exponent on this machine (1 on little-endian ones). */
export const HI = u32[1] === 0x3ff00000 ? 1 : 0;
export const LO = 1 - HI;

/** The high word of x as a signed 32-bit integer (fdlibm's GET_HIGH_WORD). */
export function highWord(x: number): number {
  f64[0] = x;
  return u32[HI]! | 0;
}

/** The low word of x as a signed 32-bit integer (fdlibm's GET_LOW_WORD). */
export function lowWord(x: number): number {
  f64[0] = x;
  return u32[LO]! | 0;
}

/** The double whose high word is `hi` and low word 0 (fdlibm's INSERT_WORDS(d, hi, 0)). */
export function fromHighWord(hi: number): number {
  u32[HI] = hi;
  u32[LO] = 0;
  return f64[0]!;
}

/** x with its low word cleared (fdlibm's SET_LOW_WORD(x, 0)): the top 21 bits of the significand. */
export function clearLow(x: number): number {
  f64[0] = x;
  u32[LO] = 0;
  return f64[0]!;
}

/** x with its high word replaced (fdlibm's SET_HIGH_WORD). */
export function withHighWord(x: number, hi: number): number {
  f64[0] = x;
  u32[HI] = hi;
  return f64[0]!;
}
