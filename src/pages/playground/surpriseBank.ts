// Keeps one SurpriseTrack per selected model beside the trial: loads checkpoints on demand, feeds
// every new physics step to each track, times them, and switches off a track that cannot keep up.
import type { AppStore } from './store/appStore';
import type { ModelChoice } from '../../web/modelChoice';
import { watch } from './store/watch';
import type { FrameRecord } from './frameHistory';
import type { ModelLibrary } from '../../web/modelLibrary';
import { OracleTrack, PredictorTrack, type SurpriseTrack } from './surpriseTrack';
import { CohortTrack } from './cohortTrack';
import { isCohort } from '../../web/cohortChoice';
import type { TrialSession } from './trialSession';
import { viewAt, type ViewFrame } from '../../predictor/view';

/** A model whose surprise takes longer than this per step (ms, averaged) cannot run live at all (the
 * page would show a few frames a second). Below it, a model that makes steps fall behind real time
 * stays on, and the page's real-time note names it and offers to drop it (realTimeWatch.ts). */
const BUDGET_MS = 250;
const AVERAGE_OVER = 30;

export class SurpriseBank {
  private readonly tracks = new Map<string, SurpriseTrack>();
  private readonly loading = new Set<string>();
  /** Moving average of each track's cost per step, ms. */
  readonly cost = new Map<string, number>();
  private readonly slowSteps = new Map<string, number>();
  private version = 0;

  constructor(private readonly store: AppStore, private readonly library: ModelLibrary,
    private readonly session: () => TrialSession | null, private readonly onChange: () => void) {
    watch(store, (s) => s.selectedModels, () => this.sync(), (a, b) => a.join() === b.join());
  }

  /** Bumps whenever the set of tracks changes (views rebuild their series). */
  get changes(): number {
    return this.version;
  }

  /** Tracks in the order the person picked them (only those loaded and running). */
  get ordered(): SurpriseTrack[] {
    const s = this.store.getState();
    return s.selectedModels.map((id) => this.tracks.get(id)).filter((t): t is SurpriseTrack => !!t && !s.suspendedModels[t.choice.id]);
  }

  /** After each new physics step: every track's surprise at the new frame. */
  afterStep(record: FrameRecord, clock: () => number): Record<string, number> {
    const spent: Record<string, number> = {};
    for (const track of this.ordered) {
      const t0 = clock();
      track.push(record);
      const ms = clock() - t0;
      const id = track.choice.id;
      spent[id] = ms;
      const avg = ((this.cost.get(id) ?? ms) * (AVERAGE_OVER - 1) + ms) / AVERAGE_OVER;
      this.cost.set(id, avg);
      const slow = avg > BUDGET_MS ? (this.slowSteps.get(id) ?? 0) + 1 : 0;
      this.slowSteps.set(id, slow);
      if (slow > AVERAGE_OVER) {
        this.store.getState().suspendModel(id, `too slow for live surprise here (${avg.toFixed(0)} ms per step with ${record.obs.length} objects)`);
        this.version++;
        this.onChange();
      }
    }
    return spent;
  }

  /** Whether the ideal observer is picked (the session's twin runs only then). */
  get wantsTwin(): boolean {
    return this.store.getState().selectedModels.includes('oracle');
  }

  /** A new trial: every track starts over at its frame 0. */
  restart(session: TrialSession): void {
    session.setTwin(this.wantsTwin);
    this.slowSteps.clear();
    this.cost.clear();
    for (const t of this.tracks.values()) t.catchUp(session.history, session.head);
    this.version++;
  }

  /** The past was changed at the session's head: tracks resume from the history there. */
  rewound(session: TrialSession): void {
    for (const t of this.tracks.values()) t.prime(session.history, session.head);
    this.version++;
  }

  private sync(): void {
    const s = this.store.getState();
    const wanted = new Set(s.selectedModels);
    for (const id of [...this.tracks.keys()]) if (!wanted.has(id)) this.tracks.delete(id);
    if (!wanted.has('oracle')) this.session()?.setTwin(false);
    for (const id of wanted) {
      if (this.tracks.has(id) || this.loading.has(id)) continue;
      const choice = s.models.find((m) => m.id === id);
      if (choice) void this.load(choice);
    }
    this.version++;
    this.onChange();
  }

  private async load(choice: ModelChoice): Promise<void> {
    this.loading.add(choice.id);
    try {
      const viewOf = (frame: number): ViewFrame | undefined => {
        const world = this.session()?.resolved.world;
        return world ? viewAt(world, frame) : undefined;
      };
      const track = choice.kind === 'oracle' ? new OracleTrack(choice)
        : isCohort(choice) ? new CohortTrack(choice, await this.library.members(choice), viewOf)
        : new PredictorTrack(choice, await this.library.predictor(choice), viewOf);
      if (!this.store.getState().selectedModels.includes(choice.id)) return;
      const session = this.session();
      if (choice.kind === 'oracle') session?.setTwin(true);
      if (session) track.catchUp(session.history, session.head);
      this.tracks.set(choice.id, track);
      this.version++;
      this.onChange();
    } catch (e) {
      this.store.getState().suspendModel(choice.id, `could not load: ${e instanceof Error ? e.message : String(e)}`);
      console.warn(`Surprise Lab: model ${choice.id} could not load`, e);
    } finally {
      this.loading.delete(choice.id);
    }
  }

  /** Whether every selected model is loaded (or has given up). */
  get settled(): boolean {
    const s = this.store.getState();
    return this.loading.size === 0 && s.selectedModels.every((id) => this.tracks.has(id) || s.suspendedModels[id]);
  }
}
