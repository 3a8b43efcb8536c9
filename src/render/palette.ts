// The colours of the scene: calm, light background, strong but soft object colours.

export const PALETTE = {
  background: 0xeef1f4,
  outline: 0x3b3f46,
  groundFill: 0xd8cbb3,
  groundTop: 0x9c8a6c,
  groundLine: 0xc7b89c,
  platformTop: 0x6e4f33,
  platformBody: 0xa47a50,
  platformPanel: 0x8f683f,
  platformBase: 0x5e4430,
  carDefault: 0xe4572e,
  carWindow: 0xcfe6f3,
  carTrim: 0x2f3338,
  headlight: 0xffd166,
  taillight: 0x9b2d1a,
  tyre: 0x26282c,
  rim: 0xc9ced6,
  hub: 0x5b616b,
  boxDefault: 0x3a86c8,
  ballDefault: 0x2a9d8f,
  wall: 0x8a94a0,
  occluderFace: 0xcfd8e3,
  occluderFrame: 0x566274,
  occluderStripe: 0xbfcad8,
  skin: 0xf2c6a0,
  skinLine: 0xb98160,
  sleeve: 0x5b6c8f,
  sleeveCuff: 0x4a5876,
  /** The observer's expectation (ghost outline and path). */
  ghost: 0x4f46e5,
  /** The ghost's dots judged against what really happened: within the on-track tolerance… */
  ghostOnTrack: 0x16a34a,
  /** …and after leaving it (a rose red, told apart from the orange-red car). */
  ghostOffTrack: 0xe11d48,
  /** The real path since the ghost's start (a thin line under its dots). */
  ghostReal: 0x334155,
  /** The halo around a surprising body. */
  glow: 0xf59e0b,
  selection: 0x0ea5e9,
} as const;

/** "#e4572e" → 0xe4572e; the fallback when absent or malformed. */
export function parseColor(css: string | undefined, fallback: number): number {
  if (!css || !/^#[0-9a-fA-F]{6}$/.test(css)) return fallback;
  return Number.parseInt(css.slice(1), 16);
}

/** Mixes a colour toward white (t > 0) or black (t < 0). */
export function shade(color: number, t: number): number {
  const target = t >= 0 ? 255 : 0;
  const k = Math.min(Math.abs(t), 1);
  const mix = (c: number): number => Math.round(c + (target - c) * k);
  const r = mix((color >> 16) & 255);
  const g = mix((color >> 8) & 255);
  const b = mix(color & 255);
  return (r << 16) | (g << 8) | b;
}
