// Maps a surprise value to 0..1 for meters and highlights: arcsinh-compressed, full at 1000.

const FULL = Math.asinh(1000);

export function surpriseLevel(value: number | null | undefined): number {
  if (value === null || value === undefined || !Number.isFinite(value) || value <= 0) return 0;
  return Math.min(1, Math.asinh(value) / FULL);
}

export function formatSurprise(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (value < 10) return value.toFixed(1);
  if (value < 100_000) return String(Math.round(value));
  return value.toExponential(1);
}
