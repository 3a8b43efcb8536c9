// Runs the trial on screen: builds a TrialSession from the store's choice (scene, variant, seed,
// condition), steps it for the loop, and carries out the page's commands.
import { resolveScene } from '../scenes/resolve';
import { SceneError } from '../scenes/sceneError';
import type { Condition } from '../sim/spec';
import type { AppStore } from '../store/appStore';
import { watch } from '../store/watch';
import type { Commands } from '../ui/commands';
import { describeViolation } from '../ui/violationText';
import { TrialSession } from './trialSession';

export class TrialController implements Commands {
  private readonly store: AppStore;
  private readonly onBuilt: (session: TrialSession) => void;
  private current: TrialSession | null = null;
  /** Set when the physics of the current trial failed; cleared by a reset or a new build. */
  private failed = false;

  /** `onBuilt` runs whenever a new trial replaces the old one (the view rebuilds its drawings). */
  constructor(store: AppStore, onBuilt: (session: TrialSession) => void) {
    this.store = store;
    this.onBuilt = onBuilt;
    watch(store, (s) => [s.sceneId, s.variant, s.seed, s.condition] as const, () => this.build(),
      (a, b) => a.every((v, i) => v === b[i]));
  }

  get session(): TrialSession | null {
    return this.current;
  }

  /** One fixed step for the loop; false when the trial is over or has failed (time stops). */
  step(): boolean {
    const session = this.current;
    const state = this.store.getState();
    if (!session || this.failed) return false;
    try {
      if (!session.step()) {
        state.trialEnded();
        return false;
      }
    } catch (e) {
      this.failed = true;
      state.trialFailed(`The simulation stopped: ${e instanceof Error ? e.message : String(e)}`);
      return false;
    }
    if (session.onsetFrame !== null && state.trial?.onsetFrame === null) state.onsetReached(session.onsetFrame);
    if (session.ended) state.trialEnded();
    return true;
  }

  togglePlay(): void {
    const s = this.store.getState();
    if (s.running) return s.pause();
    if (s.trial?.ended || this.failed) this.reset();
    this.store.getState().play();
  }

  stepOnce(): void {
    this.store.getState().pause();
    this.step();
  }

  reset(): void {
    if (!this.current) return;
    this.failed = false;
    this.current.reset();
    this.announce(this.current);
  }

  setCondition(condition: Condition): void {
    this.store.getState().setCondition(condition);
  }
  toggleCondition(): void {
    this.store.getState().toggleCondition();
  }
  selectScene(id: string): void {
    this.store.getState().selectScene(id);
  }
  setVariant(variant: number | null): void {
    this.store.getState().setVariant(variant);
  }
  nextVariant(): void {
    this.store.getState().nextVariant();
  }
  setSeed(seed: number): void {
    this.store.getState().setSeed(seed);
  }
  setSpeed(speed: number): void {
    this.store.getState().setSpeed(speed);
  }

  /** A fresh trial for the store's current choice. A scene or variant that cannot be built is
   * reported and the trial on screen stays. */
  private build(): void {
    const s = this.store.getState();
    const entry = s.catalog.find((e) => e.id === s.sceneId);
    if (!entry?.scene) return;
    let session: TrialSession;
    try {
      const resolved = resolveScene(entry.scene, s.variant === null ? {} : { variant: s.variant, seed: s.seed }, entry.file);
      session = new TrialSession(resolved, s.condition);
    } catch (e) {
      const message = e instanceof SceneError ? e.message : `Could not build ${entry.file}: ${e instanceof Error ? e.message : String(e)}`;
      s.buildFailed(message);
      return;
    }
    this.current = session;
    this.failed = false;
    this.onBuilt(session);
    this.announce(session);
  }

  private announce(session: TrialSession): void {
    const world = session.resolved.world;
    this.store.getState().trialStarted({
      frames: session.frames,
      params: session.resolved.params,
      magic: world.violation ? describeViolation(world.violation, world.bodies) : null,
    });
  }
}
