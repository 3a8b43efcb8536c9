// The lookaway key of infant-study platforms: a person holds L (or the on-screen button) while
// looking at the scene and lets go when looking away; the trial's looks are kept by frame.
import type { Looking } from '../../experiment/recording';

export const LOOKING_KEY = 'l';

export class LookingKey {
  private down = false;
  private pointerDown = false;
  private frames: number[] = [];

  constructor(target: Window, private readonly onChange: (held: boolean) => void) {
    target.addEventListener('keydown', (e) => {
      if (e.key.toLowerCase() !== LOOKING_KEY || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      e.preventDefault();
      if (!this.down) { this.down = true; this.onChange(this.held); }
    });
    target.addEventListener('keyup', (e) => {
      if (e.key.toLowerCase() !== LOOKING_KEY) return;
      this.down = false;
      this.onChange(this.held);
    });
    // A key released while the window had no focus never sends keyup: count it as looking away.
    target.addEventListener('blur', () => { this.down = false; this.pointerDown = false; this.onChange(false); });
  }

  get held(): boolean { return this.down || this.pointerDown; }

  /** For a hold-to-look button (touch screens, mice). */
  setPointer(held: boolean): void {
    this.pointerDown = held;
    this.onChange(this.held);
  }

  startTrial(): void { this.frames = []; }

  /** Called once per trial frame shown on screen. */
  sample(frame: number): void { if (this.held) this.frames.push(frame); }

  /** The trial's looks; seconds assume playback at real time (looking mode plays at 1×). */
  finish(): Looking {
    const looks: [number, number][] = [];
    for (const f of this.frames) {
      const last = looks[looks.length - 1];
      if (last && f <= last[1] + 1) last[1] = Math.max(last[1], f);
      else looks.push([f, f]);
    }
    return { key: LOOKING_KEY.toUpperCase(), seconds: this.frames.length / 60, looks };
  }
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}
