// The random things fuzz mode does to the page, one per event: pointer gestures on the stage,
// keys, store actions (scene, model, speed, variant), free-play commands and scene files.
import type { Rng } from '../../../sim/rng';
import { toScreenX, toScreenY, type ViewTransform } from '../../../render/viewTransform';
import type { AppStore } from '../store/appStore';
import { MAGIC_CHOICES } from '../store/freePlaySlice';
import { SPEEDS } from '../store/playbackSlice';
import type { TrialController } from '../trialController';
import { mutatedSceneText } from '../../../web/fuzz/mutatedSceneText';

export interface FuzzTargets {
  store: AppStore;
  controller: TrialController;
  /** The element the pointer handlers listen on (the canvas host). */
  host: HTMLElement;
  view: () => ViewTransform | null;
  /** Real scene file texts, the seeds of the mutated ones. */
  sceneTexts: readonly string[];
}

/** Keys that keep the trial on screen; the ones that replace it (R, 1–9) are rarer (see next()). */
const KEYS = [' ', 'ArrowRight', 'ArrowLeft', 'ArrowRight', 'i', 'I', '?', 'm', 'Delete', 'Escape', 'g', 'c'];
const REBUILD_KEYS = ['r', 'R', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
const POINTER_ID = 1;

/** One step of work: the name of what it did (for the replay log). */
type Step = () => string;

export class FuzzActions {
  /** Later parts of a gesture in progress (a drag or flick spans several events). */
  private queue: Step[] = [];

  constructor(private readonly rng: Rng, private readonly t: FuzzTargets) {}

  /** Does one random thing (or the next part of a gesture) and says what. */
  next(): string {
    const queued = this.queue.shift();
    if (queued) return queued();
    const r = this.rng;
    // A paused or freshly rebuilt trial gets little physics done: bias towards letting time run.
    if (!this.t.store.getState().running && r.chance(0.15)) {
      this.t.store.getState().play();
      return 'play';
    }
    const roll = r.next();
    if (roll < 0.25) return this.key(r.pick(KEYS));
    if (roll < 0.27) return this.key(r.pick(REBUILD_KEYS));
    if (roll < 0.47) return this.click();
    if (roll < 0.62) return this.gesture(r.int(3, 10), 'drag');
    if (roll < 0.74) return this.gesture(2, 'flick');
    if (roll < 0.9) return this.freePlay();
    if (roll < 0.97) return this.storeAction();
    return this.loadFile();
  }

  private key(key: string): string {
    window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    return `key ${JSON.stringify(key)}`;
  }

  /** A stage point in client pixels: usually on a body, sometimes anywhere on the stage. */
  private point(): { x: number; y: number } {
    const rect = this.t.host.getBoundingClientRect();
    const view = this.t.view();
    const bodies = this.t.controller.session?.current.bodies.filter((b) => b.present) ?? [];
    if (view && bodies.length > 0 && this.rng.chance(0.7)) {
      const b = this.rng.pick(bodies);
      return { x: rect.left + toScreenX(view, b.x + this.rng.uniform(-0.3, 0.3) * b.width), y: rect.top + toScreenY(view, b.y + this.rng.uniform(-0.3, 0.3) * b.height) };
    }
    return { x: rect.left + this.rng.uniform(0, rect.width), y: rect.top + this.rng.uniform(0, rect.height) };
  }

  private pointer(type: string, p: { x: number; y: number }): void {
    this.t.host.dispatchEvent(new PointerEvent(type, {
      clientX: p.x, clientY: p.y, button: 0, buttons: type === 'pointerup' ? 0 : 1, pointerId: POINTER_ID, pointerType: 'mouse', isPrimary: true, bubbles: true, cancelable: true,
    }));
  }

  private click(): string {
    const p = this.point();
    this.pointer('pointerdown', p);
    this.pointer('pointerup', p);
    return `click ${p.x.toFixed(0)},${p.y.toFixed(0)}`;
  }

  /** Press now; move over the next `moves` events; release after them. */
  private gesture(moves: number, name: string): string {
    const start = this.point();
    this.pointer('pointerdown', start);
    const step = name === 'flick' ? 40 : 15;
    const dx = this.rng.uniform(-step, step);
    const dy = this.rng.uniform(-step, step);
    let at = start;
    for (let i = 0; i < moves; i++) {
      this.queue.push(() => {
        at = { x: at.x + dx, y: at.y + dy };
        this.pointer('pointermove', at);
        return `${name} move ${at.x.toFixed(0)},${at.y.toFixed(0)}`;
      });
    }
    this.queue.push(() => {
      this.pointer('pointerup', at);
      return `${name} release`;
    });
    return `${name} press ${start.x.toFixed(0)},${start.y.toFixed(0)}`;
  }

  private freePlay(): string {
    const c = this.t.controller;
    const s = this.t.store.getState();
    switch (this.rng.int(0, 5)) {
      case 0: {
        const kind = this.rng.pick(['box', 'ball', 'car'] as const);
        c.addBody(kind);
        return `add ${kind}`;
      }
      case 1: c.deleteSelected(); return 'delete selected';
      case 2: {
        const magic = this.rng.pick(MAGIC_CHOICES);
        s.setMagic(magic);
        c.magicNow();
        return `magic ${magic}`;
      }
      case 3: c.setGravity(!s.gravityOn); return `gravity ${!s.gravityOn}`;
      case 4: {
        const session = c.session;
        const frame = session ? this.rng.int(session.history.first, session.head) : 0;
        c.seek(frame);
        return `seek ${frame}`;
      }
      default: {
        const ids = c.session?.current.bodies.map((b) => b.id) ?? [];
        const id = ids.length > 0 && this.rng.chance(0.8) ? this.rng.pick(ids) : null;
        s.selectBody(id);
        return `select ${id}`;
      }
    }
  }

  private storeAction(): string {
    const s = this.t.store.getState();
    // Scene and variant changes rebuild the trial: less often than model and speed changes.
    switch (this.rng.pick([0, 1, 1, 1, 2, 2, 2, 3, 4])) {
      case 0: {
        const id = this.rng.pick(s.catalog.map((e) => e.id).concat('no-such-scene'));
        s.selectScene(id);
        return `selectScene ${id}`;
      }
      case 1: {
        if (s.models.length === 0) return 'toggleModel (none listed)';
        const id = this.rng.pick(s.models.map((m) => m.id));
        s.toggleModel(id);
        return `toggleModel ${id}`;
      }
      case 2: {
        const speed = this.rng.pick(SPEEDS);
        s.setSpeed(speed);
        return `setSpeed ${speed}`;
      }
      case 3: {
        const variant = this.rng.chance(0.3) ? null : this.rng.int(0, 20);
        s.setVariant(variant);
        return `setVariant ${variant}`;
      }
      default: s.nextVariant(); return 'nextVariant';
    }
  }

  private loadFile(): string {
    const { name, text } = mutatedSceneText(this.rng, this.t.sceneTexts);
    this.t.controller.loadSceneFile(name, text);
    return `load ${name} (${text.length} chars)`;
  }
}
