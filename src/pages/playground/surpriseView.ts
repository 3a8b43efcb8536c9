// Reads the running trial for the chart, the meter and the stage overlays: a SurpriseSource over
// the frame history and the bank's tracks, and the glow levels of the observer in focus.
import type { AppStore } from './store/appStore';
import { marksOf, type Mark } from '../../ui/chartMarks';
import { modelColour } from '../../web/observerColours';
import type { SeriesInfo, SurpriseSource } from '../../ui/surpriseSource';
import { surpriseLevel } from '../../ui/surpriseLevel';
import { ghostFocus } from './ghostFocus';
import type { TrialController } from './trialController';
import type { TrialSession } from './trialSession';

export class SurpriseView implements SurpriseSource {
  private session: TrialSession | null = null;
  private ids: string[] = [];
  private info: SeriesInfo[] = [];
  private key = '';
  private bump = 0;
  private markCache: Mark[] = [];
  private markedKey = '';
  private markedArray: unknown = null;

  constructor(private readonly store: AppStore, private readonly controller: TrialController) {}

  /** Call once per animation frame before reading. */
  refresh(): void {
    this.session = this.controller.session;
    const tracks = this.controller.bank.ordered;
    const key = `${this.controller.bank.changes}|${tracks.map((t) => t.choice.id).join(',')}`;
    if (key !== this.key) {
      this.key = key;
      this.bump++;
      const all = this.store.getState().models;
      this.ids = tracks.map((t) => t.choice.id);
      this.info = tracks.map((t) => ({ id: t.choice.id, label: t.choice.label, colour: modelColour(t.choice, all) }));
    }
  }

  get version(): number { return this.bump; }
  get series(): readonly SeriesInfo[] { return this.info; }
  get frames(): number { return this.session?.frames ?? 1; }
  get cursor(): number { return this.session?.frame ?? 0; }
  get head(): number { return this.session?.head ?? 0; }
  get first(): number { return this.session?.history.first ?? 0; }

  valueAt(i: number, frame: number): number | null {
    const id = this.ids[i];
    if (id === undefined) return null;
    return this.session?.history.at(frame)?.surprise.get(id)?.total ?? null;
  }

  marks(): Mark[] {
    const s = this.session;
    if (!s) return [];
    const key = `${s.events.length}|${s.simulation.onsetFrame}`;
    if (key !== this.markedKey || s.events !== this.markedArray) {
      this.markedKey = key;
      this.markedArray = s.events;
      const involved = new Set(s.events.filter((e) => e.kind !== 'loses-support' && e.kind !== 'left-world').map((e) => e.body));
      const v = s.resolved.world.violation;
      if (v) involved.add(v.body);
      this.markCache = marksOf(s.events, s.simulation.onsetFrame, s.condition === 'impossible', Number.POSITIVE_INFINITY, involved);
    }
    // Marks from a future that the cursor has stepped back from are still known: show those up to the head.
    return this.markCache.filter((m) => m.frame <= s.head);
  }

  /** Glow per body at the frame on screen, from the ghost's observer (else the first observer). */
  glow(): Map<string, number> {
    const out = new Map<string, number>();
    const s = this.session;
    if (!s) return out;
    const tracks = this.controller.bank.ordered;
    const focus = ghostFocus(tracks, this.store.getState().ghostModel) ?? tracks[0];
    const at = focus ? s.viewing.surprise.get(focus.choice.id) : undefined;
    if (at) for (const [id, v] of at.perObject) out.set(id, surpriseLevel(v));
    return out;
  }
}
