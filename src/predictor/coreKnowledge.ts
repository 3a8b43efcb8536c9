// The core-knowledge switchboard: what is built into a learner rather than learned from watching,
// as named switches chosen at training time (`train --core …`) and recorded with the checkpoint.
import type { FeatureOptions } from './features';

/** Every switch on: the learner the project has always shipped. */
export interface CoreSettings { contactFeatures: boolean; objectFiles: boolean; integrator: boolean }

export type CoreKey = keyof CoreSettings;

export interface CoreSwitch { key: CoreKey; name: string; what: string }

/** The switches, in the order they are listed (docs/predictor.md, *Core knowledge*). */
export const CORE_SWITCHES: readonly CoreSwitch[] = [
  { key: 'contactFeatures', name: 'contact-geometry', what: 'the four pairwise contact inputs (overlap_x, gap_y, over_j, below_j); off: zeros, only raw relative positions, velocities, sizes and kinds' },
  { key: 'objectFiles', name: 'object-files', what: 'identity through occlusion (hidden objects carried in the belief), the fixed cost of a missing or appearing object, the size/kind term; off: an object is known only while it stays in sight' },
  { key: 'integrator', name: 'integrator', what: 'x += v·dt with a head that predicts the change of velocity; off: the head predicts the next velocity (the position change per step) itself' },
];

export const ALL_CORE: CoreSettings = { contactFeatures: true, objectFiles: true, integrator: true };

/** The full settings of a checkpoint's `features`: a switch it does not name is on (checkpoints
 * written before the switchboard name only contactFeatures, and mean the default). */
export function fullCore(f: FeatureOptions): CoreSettings {
  return { contactFeatures: f.contactFeatures, objectFiles: f.objectFiles ?? true, integrator: f.integrator ?? true };
}

/** True unless the observer is a learner whose checkpoint turned object files off. */
export const hasObjectFiles = (f: FeatureOptions | undefined): boolean => f?.objectFiles !== false;
/** True unless the observer is a learner whose checkpoint turned the integrator off. */
export const hasIntegrator = (f: FeatureOptions | undefined): boolean => f?.integrator !== false;

/** "all", "none", or the switches that are on (comma-separated), e.g. "contact-geometry,integrator". */
export function coreLabel(f: FeatureOptions): string {
  const c = fullCore(f);
  const on = CORE_SWITCHES.filter((s) => c[s.key]);
  if (on.length === CORE_SWITCHES.length) return 'all';
  if (on.length === 0) return 'none';
  return on.map((s) => s.name).join(',');
}

/** Reads `--core`: "all", "none", a list of the switches that are on ("contact-geometry,object-files"),
 * or a list of switches to turn off from all ("no-integrator,no-object-files"). Throws an Error
 * naming the unknown word and the known ones. */
export function parseCore(text: string): CoreSettings {
  const words = text.split(',').map((w) => w.trim().toLowerCase()).filter(Boolean);
  if (words.length === 0) throw new Error('--core: expected all, none, or switch names');
  if (words.length === 1 && words[0] === 'all') return { ...ALL_CORE };
  if (words.length === 1 && words[0] === 'none') return { contactFeatures: false, objectFiles: false, integrator: false };
  const known = CORE_SWITCHES.map((s) => s.name);
  const negative = words.filter((w) => w.startsWith('no-'));
  if (negative.length > 0 && negative.length < words.length) {
    throw new Error(`--core: give either the switches that are on (${known.join(',')}) or the ones that are off (no-…), not both`);
  }
  const out: CoreSettings = negative.length > 0 ? { ...ALL_CORE } : { contactFeatures: false, objectFiles: false, integrator: false };
  for (const w of words) {
    const name = negative.length > 0 ? w.slice(3) : w;
    const s = CORE_SWITCHES.find((x) => x.name === name);
    if (!s) throw new Error(`--core: unknown switch "${w}" (known: ${known.join(', ')}; or all, none, no-NAME)`);
    out[s.key] = negative.length === 0;
  }
  return out;
}
