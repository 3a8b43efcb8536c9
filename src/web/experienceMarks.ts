// Experience marks on the Learn screen: parsing "1k, 3k, 6k", naming a checkpoint by its mark,
// and the marks at which the developmental curve is re-measured.

/** "3k" for 3000, "1.5k" for 1500, "750" for 750. */
export function markLabel(frames: number): string {
  if (frames >= 1000 && frames % 100 === 0) return `${frames / 1000}k`;
  return String(frames);
}

/** Parses a list like "1k, 3k, 6000" into sorted unique frame counts within (0, limit].
 * Throws with the offending item named. */
export function parseMarks(text: string, limit: number): number[] {
  const items = text.split(/[,\s]+/).map((s) => s.trim().toLowerCase()).filter(Boolean);
  const out = new Set<number>();
  for (const item of items) {
    const m = /^(\d+(?:\.\d+)?)(k?)$/.exec(item);
    if (!m) throw new Error(`"${item}" is not a number of frames (write e.g. 1k, 3k, 6000)`);
    const frames = Math.round(Number(m[1]) * (m[2] ? 1000 : 1));
    if (frames <= 0) throw new Error(`"${item}": a mark must be more than 0 frames`);
    if (frames > limit) throw new Error(`"${item}" is beyond the budget of ${markLabel(limit)} frames`);
    out.add(frames);
  }
  return [...out].sort((a, b) => a - b);
}

/** The name of a checkpoint saved at a mark: "my-learner-3k". */
export function checkpointNameAt(prefix: string, frames: number): string {
  return `${prefix}-${markLabel(frames)}`;
}

/** Marks from `from` to `to` (both included) every `every` frames, on multiples of `every`. */
export function everyMarks(from: number, to: number, every: number): number[] {
  if (!(every > 0)) return [from, to];
  const out = [from];
  for (let m = (Math.floor(from / every) + 1) * every; m < to; m += every) out.push(m);
  if (to > from) out.push(to);
  return out;
}

/** Minutes of watching at 60 frames per second, for people: "0.8 min", "28 min". */
export function minutesOf(frames: number): string {
  const min = frames / 3600;
  return `${min < 10 ? min.toFixed(1) : Math.round(min)} min`;
}
