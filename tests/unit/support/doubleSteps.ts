// Test inputs for the portable math ports: doubles a few ulps apart, and the doubles where
// fdlibm's range tests (on the high word) switch.
const f64 = new Float64Array(1);
const i64 = new BigInt64Array(f64.buffer);

/** The double `k` steps (ulps) away from x, counted in x's own bit pattern (x ≠ 0). */
export function ulps(x: number, k: number): number {
  f64[0] = x;
  i64[0] = i64[0]! + BigInt(k);
  return f64[0]!;
}

/** The double whose high word is `hi` and low word 0: where fdlibm's range tests switch. */
export function atHighWord(hi: number): number {
  i64[0] = BigInt(hi) << 32n;
  return f64[0]!;
}

/** `count` doubles on each side of `x`, and x itself. */
export function around(x: number, count: number): number[] {
  const out: number[] = [];
  for (let k = -count; k <= count; k++) out.push(ulps(x, k));
  return out;
}
