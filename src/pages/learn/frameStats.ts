// Summary of the main thread's frame intervals (ms between animation frames): is the page smooth?

export interface FrameStats { frames: number; medianMs: number; p95Ms: number; maxMs: number; over50Ms: number }

export function frameStats(intervals: readonly number[]): FrameStats {
  if (intervals.length === 0) return { frames: 0, medianMs: NaN, p95Ms: NaN, maxMs: NaN, over50Ms: 0 };
  const s = [...intervals].sort((a, b) => a - b);
  const at = (q: number): number => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { frames: s.length, medianMs: at(0.5), p95Ms: at(0.95), maxMs: s[s.length - 1]!, over50Ms: s.filter((x) => x > 50).length };
}
