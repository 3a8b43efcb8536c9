// Turns what the playground held while Record was on (its frame records, events, observers) into a
// free-play Recording: frames renumbered from 0, the scene clock kept in `t`, snapshots referenced.
import { RECORDING_FORMAT, RECORDING_VERSION, type ObserverTrack, type Recording } from '../../experiment/recording';
import type { SimEvent } from '../../sim/snapshot';
import type { Condition } from '../../sim/spec';
import type { AppVersions } from '../../web/appVersions';
import type { FrameRecord } from './frameHistory';

/** What Record kept of one frame: the snapshot on the timeline and each observer's surprise there. */
export type HeldFrame = Pick<FrameRecord, 'snapshot' | 'surprise'>;

export interface TakeObserver {
  id: string;
  kind: 'learned' | 'constant-velocity' | 'gravity-only' | 'oracle';
  experienceFrames: number;
  checkpointHash: string | null;
}

export interface FreePlayTake {
  id: string;
  /** The page's clock when Record was pressed. */
  startedAt: Date;
  /** The frames recorded, in order (scene frames start, start + 1, …). */
  frames: readonly HeldFrame[];
  /** The trial's events (all of them; those outside the recorded frames are dropped). */
  events: readonly SimEvent[];
  /** The scene frame of the violation onset, if any. */
  onsetFrame: number | null;
  scene: { id: string; title: string; study: string; hash: string; variant: number | null; seed: number; condition: Condition; params: Record<string, number> };
  observers: readonly TakeObserver[];
  versions: AppVersions;
}

const MAX_NAME = 200;
const finiteOrNull = (x: number | null | undefined): number | null => (x !== null && x !== undefined && Number.isFinite(x) ? x : null);
const two = (n: number): string => String(n).padStart(2, '0');

/** "Free play: <scene title> (14:03:12)", cut to the 200 characters a name may have. */
export function takeName(title: string, at: Date): string {
  const suffix = ` (${two(at.getHours())}:${two(at.getMinutes())}:${two(at.getSeconds())})`;
  const head = `Free play: ${title}`;
  return head.length + suffix.length <= MAX_NAME ? head + suffix : `${head.slice(0, MAX_NAME - suffix.length - 1)}…${suffix}`;
}

/** The primary scores from a recorded total series (docs/surprise.md). The live page computes no
 * one-step likelihood, so the onestep_* scores are left out; a score with no defined frame is null. */
function liveScores(total: readonly (number | null)[], onset: number | null): Record<string, number | null> {
  const meanMax = (from: number): { mean: number | null; max: number | null } => {
    let s = 0, c = 0, m = 0;
    for (let t = from; t < total.length; t++) {
      const v = total[t];
      if (v === null || v === undefined) continue;
      s += v; c++;
      if (v > m) m = v;
    }
    return c > 0 ? { mean: s / c, max: m } : { mean: null, max: null };
  };
  const all = meanMax(0);
  return { rollout_mean: all.mean, rollout_max: all.max, rollout_mean_from_onset: meanMax(onset ?? 0).mean };
}

export function buildFreePlayRecording(take: FreePlayTake): Recording {
  const first = take.frames[0]?.snapshot.frame;
  if (first === undefined) throw new Error('nothing was recorded');
  const last = first + take.frames.length - 1;
  const inside = (f: number): boolean => f >= first && f <= last;
  // Per-body series for every moving body seen while recording, in order of first appearance.
  const moving: string[] = [];
  const seen = new Set<string>();
  for (const { snapshot } of take.frames) for (const b of snapshot.bodies) if (!b.isStatic && !seen.has(b.id)) { seen.add(b.id); moving.push(b.id); }
  const onset = take.onsetFrame !== null && inside(take.onsetFrame) ? take.onsetFrame - first : null;
  const observers: ObserverTrack[] = take.observers.map((o) => {
    const total = take.frames.map((f) => finiteOrNull(f.surprise.get(o.id)?.total));
    const perBody: Record<string, (number | null)[]> = {};
    for (const id of moving) perBody[id] = take.frames.map((f) => finiteOrNull(f.surprise.get(o.id)?.perObject.get(id)));
    return {
      model: o.id, kind: o.kind, checkpoint_hash: o.checkpointHash,
      experience_frames: Number.isFinite(o.experienceFrames) ? o.experienceFrames : null,
      total, per_body: perBody, scores: liveScores(total, onset),
    };
  });
  const s = take.scene;
  return {
    format: RECORDING_FORMAT,
    version: RECORDING_VERSION,
    id: take.id,
    name: takeName(s.title, take.startedAt),
    kind: 'free-play',
    meta: {
      app_version: take.versions.app, scene_id: s.id, scene_title: s.title, scene_hash: s.hash, study: s.study,
      variant: s.variant, condition: s.condition, seed: s.seed, params: { ...s.params }, onset_frame: onset,
      started_at: take.startedAt.toISOString(), matter_version: take.versions.matter, tfjs_version: take.versions.tfjs,
    },
    place: null,
    // Shallow: the bodies arrays are the page's own (a store or a file copies them anyway).
    snapshots: take.frames.map(({ snapshot }) => ({ frame: snapshot.frame - first, t: snapshot.t, bodies: snapshot.bodies })),
    events: take.events.filter((e) => inside(e.frame)).map((e) => ({ frame: e.frame - first, kind: e.kind, body: e.body })),
    observers,
    looking: null,
  };
}
