// Runs the trial on screen: builds a TrialSession from the store's choice (scene, variant, seed,
// condition), steps it for the loop with every observer's surprise, and carries out the page's
// commands (transport, step back, free play). Per-frame data stays here, never in the store.
import { resolveScene } from '../../scenes/resolve';
import { SceneError } from '../../scenes/sceneError';
import type { Condition } from '../../sim/spec';
import { STEP_S, toPxX, toPxY, toPxVelocity } from '../../sim/units';
import type { AppStore } from './store/appStore';
import { watch } from './store/watch';
import type { Commands, PaletteKind } from '../../ui/commands';
import { groupByConcept } from '../../ui/sceneGroups';
import { describeViolation } from '../../ui/violationText';
import { bodyAt } from './bodyAt';
import { ghostFocus } from './ghostFocus';
import { GhostRunner } from './ghostRunner';
import { magicFor } from './magicSpec';
import type { ModelLibrary } from '../../web/modelLibrary';
import { paletteBody } from './paletteBody';
import { PerfStats } from './perfStats';
import { readSceneFile } from '../../web/sceneFileReader';
import { RealTimeWatch, type Culprit } from './realTimeWatch';
import { SPEEDS } from './store/playbackSlice';
import { SurpriseBank } from './surpriseBank';
import { CohortTrack } from './cohortTrack';
import { FreePlayRecorder } from './freePlayRecorder';
import { TrialSession } from './trialSession';

const now = (): number => performance.now();

export class TrialController implements Commands {
  readonly bank: SurpriseBank;
  readonly ghost = new GhostRunner(now);
  readonly perf = new PerfStats();
  /** Whether time on screen keeps up with the wall clock, and what costs most when it does not. */
  readonly realTime = new RealTimeWatch();
  /** Record: keeps the frames of the timeline from when it is pressed; a new trial ends the take. */
  readonly recorder: FreePlayRecorder;
  private current: TrialSession | null = null;
  /** Set when the physics of the current trial failed; cleared by a reset or a new build. */
  private failed = false;
  private added = 0;

  /** `onBuilt` runs whenever a new trial replaces the old one (the view rebuilds its drawings). */
  constructor(private readonly store: AppStore, library: ModelLibrary, private readonly onBuilt: (session: TrialSession) => void) {
    this.bank = new SurpriseBank(store, library, () => this.current, () => this.refocus());
    this.recorder = new FreePlayRecorder(store, () => this.current, () => this.bank.ordered);
    watch(store, (s) => [s.sceneId, s.variant, s.seed, s.condition] as const, () => this.build(),
      (a, b) => a.every((v, i) => v === b[i]));
    // Paused: the ghost starts from the frame on screen. A new length: a new ghost (at once if paused).
    watch(store, (s) => s.running, (running, was) => {
      if (!running && was) this.afterJump();
    });
    watch(store, (s) => s.ghostModel, () => this.refocus());
    watch(store, (s) => s.ghostSeconds, (seconds) => {
      this.ghost.enabled = true;
      this.ghost.setLength(Math.round(seconds / STEP_S));
      if (!this.store.getState().running) this.afterJump();
    });
  }

  get session(): TrialSession | null {
    return this.current;
  }

  /** One fixed step for the loop; false when the trial is over or has failed (time stops). */
  step(): boolean {
    const session = this.current;
    const state = this.store.getState();
    if (!session || this.failed) return false;
    let result: ReturnType<TrialSession['step']>;
    try {
      result = session.step(now);
    } catch (e) {
      this.failed = true;
      state.trialFailed(`The simulation stopped: ${e instanceof Error ? e.message : String(e)}`);
      return false;
    }
    if (result === false) {
      state.trialEnded();
      return false;
    }
    if (result === 'stepped') {
      const record = session.viewing;
      const models = this.bank.afterStep(record, now);
      const t0 = now();
      this.ghost.afterStep(record);
      const cost = { physics: session.lastCost.physics, twin: session.lastCost.twin, ghost: now() - t0, models };
      this.perf.step(cost);
      this.realTime.step(cost);
    } else this.realTime.step(null);
    this.recorder.sync();
    this.syncTrialFacts(session);
    return true;
  }

  togglePlay(): void {
    const s = this.store.getState();
    if (s.running) return s.pause();
    if (this.current?.ended || this.failed) this.reset();
    this.store.getState().play();
  }

  stepOnce(): void {
    this.store.getState().pause();
    this.step();
    this.afterJump();
  }

  stepBack(): void {
    this.seek((this.current?.frame ?? 0) - 1);
  }

  seek(frame: number): void {
    const session = this.current;
    if (!session) return;
    this.store.getState().pause();
    session.seek(frame);
    this.syncTrialFacts(session);
    this.afterJump();
  }

  reset(): void {
    if (!this.current) return;
    this.recorder.beforeReplace();
    this.failed = false;
    this.added = 0;
    this.current.reset();
    this.bank.restart(this.current);
    this.ghost.clear();
    this.store.getState().selectBody(null);
    this.store.getState().setGravity(true);
    this.onBuilt(this.current);
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
  selectSceneNumber(n: number): void {
    const entries = groupByConcept(this.store.getState().catalog).flatMap((g) => g.entries);
    const entry = entries[n - 1];
    if (entry) this.selectScene(entry.id);
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
  toggleModel(id: string): void {
    this.store.getState().toggleModel(id);
  }

  /** Drops what the real-time note named: an observer, the ghost (G brings it back), or, when the
   * physics itself is too slow, halves the speed (slow motion, said out loud). */
  dropCost(c: Culprit): void {
    const s = this.store.getState();
    if (c.kind === 'model') {
      if (s.selectedModels.includes(c.id)) s.toggleModel(c.id);
    } else if (c.kind === 'ghost') {
      this.ghost.enabled = false;
    } else {
      const slower = SPEEDS.find((v) => v < s.speed);
      if (slower !== undefined) s.setSpeed(slower);
    }
    this.realTime.restart();
  }

  // ---- free play ----

  addBody(kind: PaletteKind): void {
    const session = this.current;
    if (!session) return;
    const spec = paletteBody(session.resolved.world, kind, session.simulation.bodyIds, this.added++);
    this.input({ kind: 'add', spec });
    this.store.getState().selectBody(spec.id);
  }

  deleteSelected(): void {
    const id = this.store.getState().selectedBody;
    if (!id || !this.current?.simulation.bodyIds.includes(id)) return;
    this.input({ kind: 'remove', body: id });
    this.store.getState().selectBody(null);
  }

  magicNow(): void {
    const session = this.current;
    const s = this.store.getState();
    if (!session || !s.selectedBody) return;
    const v = magicFor(s.magic, s.selectedBody, session.resolved.world, session.current);
    if (v) this.input({ kind: 'magic', violation: v });
  }

  setGravity(on: boolean): void {
    this.store.getState().setGravity(on);
    if (this.current && this.current.gravityEnabled !== on) this.input({ kind: 'gravity', on });
  }

  /** The movable body under a world point (m), if any. */
  bodyAt(x: number, y: number): string | null {
    const snap = this.current?.current;
    return snap ? bodyAt(snap, x, y) : null;
  }

  /** Takes hold of a body at a world point (m); the drag follows dragTo() until release(). */
  grab(id: string, x: number, y: number): void {
    const session = this.current;
    if (!session) return;
    const frame = { heightM: session.resolved.world.height };
    const px = { x: toPxX(x), y: toPxY(frame, y) };
    let centre: { x: number; y: number };
    try {
      centre = session.simulation.get(id).body.position;
    } catch {
      return;
    }
    this.input({ kind: 'grab', body: id, pointB: { x: px.x - centre.x, y: px.y - centre.y }, x: px.x, y: px.y });
    session.pointerAt(px.x, px.y);
  }

  dragTo(x: number, y: number): void {
    const session = this.current;
    if (!session?.dragging) return;
    session.pointerAt(toPxX(x), toPxY({ heightM: session.resolved.world.height }, y));
  }

  release(): void {
    if (this.current?.dragging) this.input({ kind: 'release' });
  }

  /** A flick: a push of (vx, vy) m/s given to a body now (shown as a push on the chart). */
  push(id: string, vx: number, vy: number): void {
    const v = toPxVelocity(vx, vy);
    if (!Number.isFinite(v.x) || !Number.isFinite(v.y)) return;
    this.input({ kind: 'push', body: id, vx, vy });
  }

  loadSceneFile(name: string, text: string): void {
    const result = readSceneFile(name, text);
    const s = this.store.getState();
    if ('errors' in result) return s.setFileProblem({ file: name, errors: result.errors });
    s.setFileProblem(null);
    this.recorder.sceneTexts.set(result.entry.file, text);
    s.addUserScene(result.entry);
  }

  // ---- internals ----

  private input(i: Parameters<TrialSession['input']>[0]): void {
    const session = this.current;
    if (!session) return;
    try {
      if (session.input(i)) this.bank.rewound(session);
    } catch (e) {
      this.store.getState().buildFailed(`That could not be done: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    this.syncTrialFacts(session);
    if (!this.store.getState().running) this.afterJump();
  }

  /** After a jump in time (step, step back, scrub) or an edit while paused: a fresh ghost. */
  private afterJump(): void {
    const session = this.current;
    if (session) this.ghost.buildNow(session.viewing);
  }

  private refocus(): void {
    // The bank reports its first sync while it is being constructed.
    if (!(this.bank as SurpriseBank | undefined)) return;
    const tracks = this.bank.ordered;
    const focus = ghostFocus(tracks, this.store.getState().ghostModel);
    // A cohort's ghost is its first seed's expectation, and says so.
    this.ghost.setPredictor(focus?.predictor ?? null, focus instanceof CohortTrack ? `${focus.members[0]!.choice.id}, the first seed of its cohort` : focus?.choice.label);
    if (this.current && !this.store.getState().running) this.afterJump();
  }

  private syncTrialFacts(session: TrialSession): void {
    const state = this.store.getState();
    const onset = session.onsetFrame;
    if (state.trial && state.trial.onsetFrame !== onset) state.setOnset(onset);
    if (session.ended) state.trialEnded();
    else if (state.trial?.ended) state.trialResumed();
    state.setInPast(session.frame < session.head);
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
    this.recorder.beforeReplace();
    this.current = session;
    this.failed = false;
    this.added = 0;
    s.selectBody(null);
    s.setGravity(true);
    this.bank.restart(session);
    this.ghost.clear();
    this.onBuilt(session);
    this.announce(session);
    s.setInPast(false);
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
