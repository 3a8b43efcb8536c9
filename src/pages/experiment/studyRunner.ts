// Runs a study's planned trials one after another: scores each with every observer (the core's
// recordStudyTrial, the CLI suite's own scoring), plays it on the stage unless instant, adds the
// person's looking time, and saves it at once; a failed save keeps the trial for download.
import type { Observer } from '../../experiment/observers';
import type { Recording } from '../../experiment/recording';
import type { PlannedTrial, StudyDesign } from '../../experiment/studyDesign';
import { recordStudyTrial } from '../../experiment/studyTrial';
import type { KnownScene } from './recordingWorld';

export interface RunIdentity { id: string; name: string }

export interface RunnerHooks {
  /** Plays a finished trial on screen (absent: instant). Resolves when it has been shown. */
  present?: (rec: Recording, planned: PlannedTrial) => Promise<Recording>;
  /** Saves a trial; throws when the browser refuses (storage full or unavailable). */
  save: (rec: Recording) => Promise<void>;
  onTrialStart?: (planned: PlannedTrial, done: number) => void;
  onTrialDone: (rec: Recording, saveError: Error | null) => void;
  onError: (planned: PlannedTrial, error: Error) => void;
}

export interface RunnerContext {
  scenes: ReadonlyMap<string, KnownScene>;
  observers: readonly Observer[];
  /** Gives each trial its observers as they are by then (learners habituating, docs/looking.md);
   * absent: the same observers for every trial. */
  observersFor?: (planned: PlannedTrial) => Observer[];
  versions: { app: string; matter: string; tfjs: string };
  /** The page's clock, for the recordings' start times (the core never reads it). */
  now: () => string;
}

export const trialId = (runId: string, index: number): string => `${runId}-t${String(index + 1).padStart(3, '0')}`;

export class StudyRunner {
  private stopRequested = false;
  private running = false;
  readonly finished = new Map<number, Recording>();

  constructor(readonly run: RunIdentity, readonly design: StudyDesign, private readonly context: RunnerContext, private readonly hooks: RunnerHooks) {}

  get isRunning(): boolean { return this.running; }
  get total(): number { return this.design.trials.length; }
  get remaining(): PlannedTrial[] { return this.design.trials.filter((t) => !this.finished.has(t.index)); }

  /** Trials finished before (a resumed run): they are not run again. */
  adopt(recordings: readonly Recording[]): void {
    for (const r of recordings) if (r.place?.run_id === this.run.id) this.finished.set(r.place.trial_index, r);
  }

  /** Asks the loop to stop after the trial in progress (it is still finished and saved). */
  stop(): void { this.stopRequested = true; }

  /** Runs every remaining trial; resolves 'finished' or 'stopped'. */
  async start(): Promise<'finished' | 'stopped'> {
    if (this.running) throw new Error('this study is already running');
    this.running = true;
    this.stopRequested = false;
    try {
      for (const planned of this.remaining) {
        if (this.stopRequested) return 'stopped';
        this.hooks.onTrialStart?.(planned, this.finished.size);
        // Lets the page draw the new trial's label before a few hundred ms of scoring.
        await new Promise((ok) => setTimeout(ok, 0));
        let rec: Recording;
        try {
          rec = this.score(planned);
          if (this.hooks.present) rec = await this.hooks.present(rec, planned);
        } catch (e) {
          this.hooks.onError(planned, e instanceof Error ? e : new Error(String(e)));
          return 'stopped';
        }
        this.finished.set(planned.index, rec);
        let saveError: Error | null = null;
        try {
          await this.hooks.save(rec);
        } catch (e) {
          saveError = e instanceof Error ? e : new Error(String(e));
        }
        this.hooks.onTrialDone(rec, saveError);
      }
      return this.stopRequested && this.remaining.length > 0 ? 'stopped' : 'finished';
    } finally {
      this.running = false;
    }
  }

  private score(planned: PlannedTrial): Recording {
    const known = this.context.scenes.get(planned.sceneId);
    if (!known) throw new Error(`scene "${planned.sceneId}" is not on this page any more`);
    const { versions } = this.context;
    return recordStudyTrial(planned, {
      scene: known.scene, sceneText: known.text, seed: this.design.settings.seed,
      id: trialId(this.run.id, planned.index),
      name: `${this.run.name} · trial ${planned.index + 1} (${planned.phase === 'test' ? planned.condition : 'familiarization'})`,
      startedAt: this.context.now(), appVersion: versions.app, matterVersion: versions.matter, tfjsVersion: versions.tfjs,
      place: {
        run_id: this.run.id, run_name: this.run.name, trial_index: planned.index, trial_count: this.total,
        phase: planned.phase, pair: planned.pair, design: this.design.description,
      },
    }, this.context.observersFor ? this.context.observersFor(planned) : [...this.context.observers]);
  }
}
