// A recording: one trial of a study, or one free-play session, with what is needed to replay it,
// re-plot its surprise and cite it (versions, hashes, seed). The zod schema checks an imported file.
import { z } from 'zod';
import { MAX_ANGLE_RAD, MAX_ID_LENGTH, MAX_POSITION_M, MAX_SIZE_M, MAX_SPEED_M_S, MAX_SPIN_RAD_S, MAX_TIME_S, sizeUpTo, within } from './recordingBounds';

export const RECORDING_FORMAT = 'surprise-lab-recording';
export const RECORDING_VERSION = 1;

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
/** Surprise is undefined before the observer has had a full horizon to look: null, not NaN (JSON has no NaN). */
const maybeNumber = z.union([finite, z.null()]);

export const bodyStateSchema = z.strictObject({
  id: z.string().min(1).max(MAX_ID_LENGTH),
  kind: z.enum(['ground', 'platform', 'box', 'ball', 'car', 'wall']),
  x: within(MAX_POSITION_M, 'm'), y: within(MAX_POSITION_M, 'm'),
  vx: within(MAX_SPEED_M_S, 'm/s'), vy: within(MAX_SPEED_M_S, 'm/s'),
  angle: within(MAX_ANGLE_RAD, 'rad'), angularVelocity: within(MAX_SPIN_RAD_S, 'rad/s'),
  width: sizeUpTo(MAX_SIZE_M), height: sizeUpTo(MAX_SIZE_M),
  isStatic: z.boolean(), visible: z.boolean(), present: z.boolean(),
});

export const snapshotSchema = z.strictObject({
  frame: z.number().int().min(0),
  t: finite.refine((v) => v >= 0 && v <= MAX_TIME_S, `must be from 0 to ${MAX_TIME_S.toExponential(0)} s`),
  bodies: z.array(bodyStateSchema).max(5000),
});

export const eventSchema = z.strictObject({
  frame: z.number().int().min(0),
  kind: z.enum(['push', 'release', 'loses-support', 'violation-onset', 'left-world']),
  body: z.string(),
});

/** One observer's view of the recording: its surprise per frame (summed and per body) and the trial scores. */
export const observerTrackSchema = z.strictObject({
  model: z.string().min(1).max(200),
  kind: z.enum(['learned', 'constant-velocity', 'gravity-only', 'oracle']),
  /** FNV-1a hash of the checkpoint's weights (meta.json `weights_hash`); null for the baselines. */
  checkpoint_hash: z.union([z.string().regex(/^[0-9a-f]{16}$/), z.null()]),
  experience_frames: z.union([z.number().int().min(0), z.null()]),
  total: z.array(maybeNumber),
  per_body: z.record(z.string(), z.array(maybeNumber)),
  /** Trial scores (docs/surprise.md): rollout_mean (the primary one), rollout_max, … ; null when undefined. */
  scores: z.record(z.string(), maybeNumber),
});

/** Where a trial sits in a study: which run, its place in the presentation order, and its phase. */
export const studyPlaceSchema = z.strictObject({
  run_id: z.string().min(1).max(200),
  run_name: z.string().max(200),
  trial_index: z.number().int().min(0),
  trial_count: z.number().int().min(1),
  phase: z.enum(['familiarization', 'test']),
  /** The matched pair a test trial belongs to (its variant); null for familiarization. */
  pair: z.union([z.number().int().min(0), z.null()]),
  /** The design in words, as written in every export. */
  design: z.string().max(5000),
});

/** A person's looking time: frames during which the looking key was held. */
export const lookingSchema = z.strictObject({
  key: z.string().max(40),
  seconds: finite,
  /** [first, last] frame of each look, inclusive. */
  looks: z.array(z.tuple([z.number().int().min(0), z.number().int().min(0)])),
});

export const recordingMetaSchema = z.strictObject({
  app_version: z.string().max(100),
  scene_id: z.string().max(200),
  scene_title: z.string().max(500),
  /** FNV-1a of the scene file's text: which exact scene file made this recording. */
  scene_hash: z.string().regex(/^[0-9a-f]{16}$/),
  /** The study the scene copies, as cited in the scene file (empty when none). */
  study: z.string().max(2000),
  variant: z.union([z.number().int().min(0), z.null()]),
  condition: z.enum(['possible', 'impossible']),
  seed: z.number().int().min(0).max(0xffffffff),
  params: z.record(z.string(), finite),
  onset_frame: z.union([z.number().int().min(0), z.null()]),
  /** ISO 8601 time the trial or session started (the page's clock). */
  started_at: z.string().max(40),
  matter_version: z.string().max(40),
  tfjs_version: z.string().max(40),
});

export const recordingSchema = z.strictObject({
  format: z.literal(RECORDING_FORMAT),
  version: z.literal(RECORDING_VERSION),
  id: z.string().min(1).max(MAX_ID_LENGTH),
  name: z.string().max(MAX_ID_LENGTH),
  kind: z.enum(['trial', 'free-play']),
  meta: recordingMetaSchema,
  place: z.union([studyPlaceSchema, z.null()]),
  /** Snapshots from frame 0 on, SI units, y up (scenes/README.md). */
  snapshots: z.array(snapshotSchema).min(1).max(200_000),
  events: z.array(eventSchema).max(100_000),
  observers: z.array(observerTrackSchema).max(20),
  looking: z.union([lookingSchema, z.null()]),
});

export type Recording = z.infer<typeof recordingSchema>;
export type RecordingMeta = z.infer<typeof recordingMetaSchema>;
export type ObserverTrack = z.infer<typeof observerTrackSchema>;
export type StudyPlace = z.infer<typeof studyPlaceSchema>;
export type Looking = z.infer<typeof lookingSchema>;

/** FNV-1a (64-bit) of a text's UTF-16 code units, hex: the scene-file hash used in recordings. */
export function textHash(text: string): string {
  let h = 0xcbf29ce484222325n;
  const prime = 0x100000001b3n;
  for (let i = 0; i < text.length; i++) {
    h ^= BigInt(text.charCodeAt(i));
    h = (h * prime) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, '0');
}

/** A per-frame series with NaN (undefined surprise) written as null, so that it survives JSON. */
export const nullable = (xs: ArrayLike<number>): (number | null)[] => Array.from(xs, (x) => (Number.isFinite(x) ? x : null));
