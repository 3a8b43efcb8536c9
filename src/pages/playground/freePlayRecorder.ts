// The playground's Record toggle: from the frame on screen when it is pressed until Stop (or until
// the trial is replaced), it keeps a reference to every frame record of the timeline, then hands a
// take to whoever saves it. Per step it only compares one reference and pushes one.
import { textHash } from '../../experiment/recording';
import type { AppStore } from './store/appStore';
import { APP_VERSIONS } from '../../web/appVersions';
import type { FreePlayTake, HeldFrame } from './freePlayRecording';
import type { SurpriseTrack } from './surpriseTrack';
import { CohortTrack } from './cohortTrack';
import type { TrialSession } from './trialSession';

/** The schema's limit on snapshots (about 55 minutes): recording stops and saves there. */
export const MAX_RECORDED_FRAMES = 200_000;
/** The schema's limit on observers in a recording. */
const MAX_OBSERVERS = 20;

export type RecordingEnd = 'stopped' | 'trial-replaced' | 'limit';
/** A finished take, or why there is none (time did not run while recording). */
export type RecorderOutcome = { take: FreePlayTake; end: RecordingEnd } | { take: null; end: RecordingEnd; why: string };

interface Active {
  session: TrialSession;
  start: number;
  startedAt: Date;
  frames: HeldFrame[];
  /** Frames below this index no longer change (the history has let them go): kept light. */
  settled: number;
}

export class FreePlayRecorder {
  /** Scene file (as in the catalog, e.g. `scenes/x.json`) → its text, for the scene hash. */
  readonly sceneTexts = new Map<string, string>();
  private active: Active | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly finished = new Set<(outcome: RecorderOutcome) => void>();

  constructor(private readonly store: AppStore, private readonly session: () => TrialSession | null,
    private readonly tracks: () => readonly SurpriseTrack[]) {}

  get recording(): boolean {
    return this.active !== null;
  }
  /** The scene frame recording started at (null when not recording). */
  get startFrame(): number | null {
    return this.active?.start ?? null;
  }

  /** Called on every change of `recording`. */
  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }
  /** Called with every finished take. */
  onFinished(fn: (outcome: RecorderOutcome) => void): () => void {
    this.finished.add(fn);
    return () => this.finished.delete(fn);
  }

  toggle(): void {
    if (this.active) this.stop('stopped');
    else this.start();
  }

  start(): void {
    const session = this.session();
    if (!session || this.active) return;
    this.active = { session, start: session.frame, startedAt: new Date(), frames: [], settled: 0 };
    this.sync();
    this.changed();
  }

  stop(end: RecordingEnd = 'stopped'): void {
    const active = this.active;
    if (!active) return;
    this.follow(active);
    this.active = null;
    this.changed();
    const outcome: RecorderOutcome = active.frames.length > 1
      ? { take: this.take(active), end }
      : { take: null, end, why: 'Nothing was recorded: time did not run while Record was on.' };
    for (const fn of this.finished) fn(outcome);
  }

  /** The trial is about to be replaced (scene, variant, seed, condition, reset): the take ends here. */
  beforeReplace(): void {
    this.stop('trial-replaced');
  }

  /** After each step (or edit): follow the session's timeline. Normally one comparison and one push;
   * after an edit in the past, the recorded future is dropped back to where it changed. */
  sync(): void {
    const a = this.active;
    if (!a) return;
    this.follow(a);
    if (a.frames.length >= MAX_RECORDED_FRAMES) this.stop('limit');
  }

  private follow(a: Active): void {
    const h = a.session.history;
    const head = a.session.head;
    let f = Math.min(a.start + a.frames.length - 1, head);
    while (f >= a.start && f >= h.first && h.at(f) !== a.frames[f - a.start]) f--;
    a.frames.length = Math.max(0, f - a.start + 1);
    for (let g = a.start + a.frames.length; g <= head; g++) {
      const record = h.at(g);
      if (!record) break;
      a.frames.push(record);
    }
    // Frames the history has let go can no longer change: keep only what a recording needs of them.
    const settle = Math.min(h.first - a.start, a.frames.length);
    for (; a.settled < settle; a.settled++) {
      const r = a.frames[a.settled]!;
      a.frames[a.settled] = { snapshot: r.snapshot, surprise: r.surprise };
    }
  }

  private take(a: Active): FreePlayTake {
    const resolved = a.session.resolved;
    const scene = resolved.scene;
    const entry = this.store.getState().catalog.find((e) => e.scene === scene);
    const text = entry ? this.sceneTexts.get(entry.file) : undefined;
    return {
      id: takeId(a.startedAt),
      startedAt: a.startedAt,
      frames: a.frames.slice(0, MAX_RECORDED_FRAMES),
      events: [...a.session.events],
      onsetFrame: a.session.simulation.onsetFrame,
      scene: {
        id: scene.id, title: scene.title.slice(0, 500), study: scene.study.citation.slice(0, 2000),
        // A scene whose file text is unknown here is hashed as its parsed JSON (docs/data.md).
        hash: textHash(text ?? JSON.stringify(scene)),
        variant: resolved.variant, seed: resolved.seed, condition: a.session.condition, params: resolved.params,
      },
      // A cohort is kept as its mean (no single checkpoint: no hash) and as each of its seeds.
      observers: this.tracks().flatMap((t): Pick<SurpriseTrack, 'choice' | 'predictor'>[] => (t instanceof CohortTrack ? [{ choice: t.choice, predictor: null }, ...t.members] : [t]))
        .filter((t, i, all) => all.findIndex((x) => x.choice.id === t.choice.id) === i).slice(0, MAX_OBSERVERS).map((t) => ({
          id: t.choice.id, kind: t.choice.kind, experienceFrames: t.choice.experienceFrames,
          checkpointHash: (t.predictor as { checkpointHash?: string | null } | null)?.checkpointHash ?? null,
        })),
      versions: APP_VERSIONS,
    };
  }

  private changed(): void {
    for (const fn of this.listeners) fn();
  }
}

/** `free-play-20261128-191604-3fa9c2`: sortable, and unique without a counter across tabs. */
function takeId(at: Date): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const bytes = crypto.getRandomValues(new Uint8Array(3));
  return `free-play-${stamp}-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
