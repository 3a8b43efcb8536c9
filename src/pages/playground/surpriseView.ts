// Reads the running trial for the chart, the meter and the stage overlays: a SurpriseSource over
// the frame history and the bank's tracks, and the glow levels of the observer in focus.
import type { AppStore } from './store/appStore';
import { marksOf, type Mark } from '../../ui/chartMarks';
import { modelColour } from '../../web/observerColours';
import { isCohort } from '../../web/cohortChoice';
import type { SeriesInfo, SurpriseSource } from '../../ui/surpriseSource';
import { surpriseLevel } from '../../ui/surpriseLevel';
import { ghostFocus } from './ghostFocus';
import { conditionCurves, type ConditionCurves } from './conditionCurves';
import type { TrialController } from './trialController';
import type { TrialSession } from './trialSession';

/** Trials longer than this (frames) get no precomputed pair of curves (free play runs on and on). */
const MAX_CURVE_FRAMES = 1200;

export class SurpriseView implements SurpriseSource {
  private curvesOf: unknown = null;
  private session: TrialSession | null = null;
  private ids: string[] = [];
  private info: SeriesInfo[] = [];
  private key = '';
  private bump = 0;
  private markCache: Mark[] = [];
  private markedKey = '';
  private markedArray: unknown = null;
  private curves: (ConditionCurves | null)[] = [];
  private other: 'possible' | 'impossible' | null = null;
  private top = 0;

  constructor(private readonly store: AppStore, private readonly controller: TrialController) {}

  /** Call once per animation frame before reading. */
  refresh(): void {
    this.session = this.controller.session;
    const tracks = this.controller.bank.ordered;
    const session = this.session;
    const key = `${this.controller.bank.changes}|${tracks.map((t) => t.choice.id).join(',')}|${session?.resolved.world.frames}|${session?.condition}`;
    if (key !== this.key || (session && this.curvesOf !== session.resolved.world)) {
      this.curvesOf = session?.resolved.world ?? null;
      // Both conditions of the scripted trial, once per scene and observer: one scale for both,
      // and the other condition's curve to draw faintly.
      const world = session?.resolved.world;
      const comparable = !!world && !!world.violation && world.frames <= MAX_CURVE_FRAMES;
      this.curves = tracks.map((t) => {
        if (!comparable) return null;
        try {
          return conditionCurves(world, t);
        } catch {
          return null;
        }
      });
      this.other = comparable ? (session.condition === 'possible' ? 'impossible' : 'possible') : null;
      this.top = Math.max(0, ...this.curves.map((c) => c?.max ?? 0));
      this.key = key;
      this.bump++;
      const all = this.store.getState().models;
      this.ids = tracks.map((t) => t.choice.id);
      this.info = tracks.map((t) => ({ id: t.choice.id, label: t.choice.label, colour: modelColour(t.choice, all), ...(isCohort(t.choice) ? { band: true } : {}) }));
    }
  }

  get version(): number { return this.bump; }
  get otherCondition(): string | null { return this.other; }
  get fixedMax(): number { return this.top; }

  otherAt(i: number, frame: number): number | null {
    const c = this.curves[i];
    if (!c || !this.other) return null;
    const v = c[this.other][frame];
    return v !== undefined && Number.isFinite(v) ? v : null;
  }
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

  bandAt(i: number, frame: number): [number, number] | null {
    const id = this.ids[i];
    const band = id === undefined ? undefined : this.session?.history.at(frame)?.surprise.get(id)?.band;
    return band ? [band.min, band.max] : null;
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
