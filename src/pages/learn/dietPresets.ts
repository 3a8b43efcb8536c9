// The experience diet as the Learn screen offers it: the default, a "never sees anything fall"
// diet, and a check that a diet the sliders made is one the generator can use.
import { DEFAULT_DIET, type ExperienceDiet } from '../../predictor/experience';

/** Nothing ever falls: every object starts on the floor (never on a platform, never held up or
 * thrown), so pushes and collisions only slide and roll things along the ground. A tall box may
 * topple when struck, but it stays supported: no object is ever in free fall. */
export const NO_FALLS_DIET: ExperienceDiet = { ...DEFAULT_DIET, onPlatform: 0, drops: 0, tosses: 0, edgePushes: 0 };

export const DIET_PRESETS: { id: string; label: string; diet: ExperienceDiet; note: string }[] = [
  { id: 'default', label: 'Everyday physics', diet: DEFAULT_DIET, note: 'The diet of the shipped learners: edges, falls, drops, tosses and collisions.' },
  { id: 'no-falls', label: 'Never sees anything fall', diet: NO_FALLS_DIET, note: 'Everything starts on the floor and is only pushed along it: no edges, drops or tosses.' },
];

/** Whether a diet can produce episodes; the problems in words (empty when fine). */
export function dietProblems(d: ExperienceDiet): string[] {
  const out: string[] = [];
  const share = (name: string, v: number): void => { if (!(v >= 0 && v <= 1)) out.push(`${name} must be between 0 and 1`); };
  share('on a platform', d.onPlatform);
  share('drops', d.drops);
  share('tosses', d.tosses);
  share('pushes toward an edge', d.edgePushes);
  share('collisions', d.collisions);
  share('event focus', d.eventFocus);
  share('occlusion', d.occlusion ?? 0);
  share('seen in a mirror', d.mirror ?? 0);
  share('low steps', d.lowSteps ?? 0);
  share('lower shelves', d.lowerShelves ?? 0);
  share('set down on an edge', d.edgeRests ?? 0);
  share('held just above and let go', d.lowDrops ?? 0);
  share('carried to an edge and let go', d.carries ?? 0);
  share('ball play', d.ballPlay ?? 0);
  if (d.drops + d.tosses > 1) out.push('drops and tosses together cannot be more than all objects');
  const kinds = d.kinds.box + d.kinds.ball + d.kinds.car;
  if (!(d.kinds.box >= 0 && d.kinds.ball >= 0 && d.kinds.car >= 0) || !(kinds > 0)) out.push('at least one kind of object must be shown');
  if (!(Number.isInteger(d.objects[0]) && Number.isInteger(d.objects[1]) && d.objects[0] >= 1 && d.objects[1] >= d.objects[0] && d.objects[1] <= 6)) out.push('objects per episode must be 1 to 6');
  if (!(Number.isInteger(d.framesPerEpisode) && d.framesPerEpisode >= 1 && d.framesPerEpisode <= d.episodeFrames)) out.push(`frames watched per episode must be 1 to ${d.episodeFrames}`);
  return out;
}

/** True when two diets are the same in every knob. */
export function sameDiet(a: ExperienceDiet, b: ExperienceDiet): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Whether anything in this diet can fall: objects on platforms (any push may take them over an
 * edge), drops, tosses, objects held just above a surface, boxes carried to an edge (half tip off)
 * and ball play (balls tossed, rolled off thin shelves). */
export function dietHasFalls(d: ExperienceDiet): boolean {
  return d.onPlatform > 0 || d.drops > 0 || d.tosses > 0 || (d.lowDrops ?? 0) > 0 || (d.carries ?? 0) > 0 || (d.ballPlay ?? 0) > 0;
}
