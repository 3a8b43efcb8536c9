// A number field's text and back: a plain number, an expression over the params, or empty (the
// format's default). The studio writes numbers as numbers and anything else as an expression
// string, which the scene validator then checks at its JSON path.

export type FieldValue = number | string | undefined;

export function fieldText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return String(value);
}

/** "1.5" → 1.5, " " → undefined, "carHeight * 0.28" → the expression as typed (trimmed). */
export function readField(text: string): FieldValue {
  const t = text.trim();
  if (t === '') return undefined;
  if (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return Number(t) + 0;
  return t;
}
