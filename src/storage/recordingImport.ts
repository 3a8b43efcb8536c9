// Imports recordings read from a file into this browser's store: one with the same id and the same
// content is skipped, one with the same id and other content is stored beside it as a copy whose id
// and name stay within the recording bounds (so it can always be exported again).
import type { Recording } from '../experiment/recording';
import { MAX_ID_LENGTH } from '../experiment/recordingBounds';
import { recordingsToJson, validRecording } from '../experiment/recordingJson';
import { getRecording, putRecording } from './recordingStore';

/** `text` with `suffix` appended, cut first so that the whole is at most `max` characters. */
export function withSuffix(text: string, suffix: string, max = MAX_ID_LENGTH): string {
  // Cut between characters, not inside a surrogate pair (an emoji).
  const kept = text.slice(0, Math.max(0, max - suffix.length)).replace(/[\uD800-\uDBFF]$/, '');
  return `${kept}${suffix}`;
}

/** The k-th imported copy of `rec` (k ≥ 2): id `…-k`, name `… (imported k)`, both within bounds. */
export function importedCopy(rec: Recording, k: number): Recording {
  return { ...rec, id: withSuffix(rec.id, `-${k}`), name: withSuffix(rec.name, ` (imported ${k})`) };
}

/** Stores `recs` (already checked by parseRecordingsJson); returns a sentence saying what happened.
 * Each write resolves only once committed; a failure rejects, naming the recording. */
export async function importRecordings(recs: readonly Recording[], source: string): Promise<string> {
  let added = 0, same = 0, renamed = 0;
  for (const rec of recs) {
    const existing = await getRecording(rec.id);
    if (existing && recordingsToJson([existing]) === recordingsToJson([rec])) { same++; continue; }
    let copy = rec;
    if (existing) {
      let k = 2;
      while (await getRecording(importedCopy(rec, k).id)) k++;
      // Checked like an import: what is stored can be exported again.
      copy = validRecording(importedCopy(rec, k), source);
      renamed++;
    }
    await putRecording(copy);
    added++;
  }
  const parts = [`${source}: imported ${added} recording${added === 1 ? '' : 's'}`];
  if (same > 0) parts.push(`${same} already here`);
  if (renamed > 0) parts.push(`${renamed} given new ids beside existing ones with the same id`);
  return `${parts.join(', ')}.`;
}
