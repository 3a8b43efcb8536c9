// The stage of the Experiment screen: draws a recorded trial with pixi (the playground's
// SceneView) at a chosen speed, frame by frame, and tells its listener which frame is on screen.
import type { Recording } from '../../experiment/recording';
import { createPixiApp, type PixiHandle } from '../../render/createPixiApp';
import { SceneView, type Overlays } from '../../render/sceneView';
import type { RecordingWorld } from './recordingWorld';

const NO_OVERLAYS = (frame: number): Overlays => ({ glow: new Map(), ghost: null, frame, selected: null });

export interface TrialStage {
  readonly renderer: string;
  /** Shows frame `frame` of a recording (clamped). */
  show(rec: Recording, world: RecordingWorld, frame: number, glow?: ReadonlyMap<string, number>): void;
  /** Plays from frame 0 at `speed` × real time; resolves at the last frame, or early when stopped. */
  play(rec: Recording, world: RecordingWorld, speed: number, onFrame: (frame: number) => ReadonlyMap<string, number> | void): Promise<'ended' | 'stopped'>;
  stop(): void;
}

export async function createTrialStage(host: HTMLElement): Promise<TrialStage> {
  const pixi: PixiHandle = await createPixiApp(host);
  const view = new SceneView(pixi.app);
  let shown: Recording | null = null;
  let stopRequested = false;
  const fitToHost = (): void => {
    const w = Math.max(host.clientWidth, 1), h = Math.max(host.clientHeight, 1);
    pixi.app.renderer.resize(w, h);
    view.resize(w, h);
  };
  new ResizeObserver(() => { fitToHost(); pixi.app.render(); }).observe(host);
  fitToHost();

  const bind = (rec: Recording, world: RecordingWorld): void => {
    if (shown === rec) return;
    shown = rec;
    view.show(world.world, world.specOf);
    fitToHost();
  };
  const draw = (rec: Recording, at: number, glow?: ReadonlyMap<string, number>): void => {
    const last = rec.snapshots.length - 1;
    const f = Math.max(0, Math.min(last, at));
    const i = Math.floor(f);
    const before = rec.snapshots[i]!, after = rec.snapshots[Math.min(last, i + 1)]!;
    view.draw(before, after, f - i, { ...NO_OVERLAYS(i), glow: glow ?? new Map() });
    pixi.app.render();
  };

  return {
    renderer: pixi.name,
    show(rec, world, frame, glow) {
      bind(rec, world);
      draw(rec, frame, glow);
    },
    play(rec, world, speed, onFrame) {
      bind(rec, world);
      stopRequested = false;
      const last = rec.snapshots.length - 1;
      return new Promise((done) => {
        let start: number | null = null;
        let reported = -1;
        const tick = (now: number): void => {
          if (stopRequested) { done('stopped'); return; }
          start ??= now;
          const f = Math.min(last, ((now - start) / 1000) * 60 * speed);
          let glow: ReadonlyMap<string, number> | void = undefined;
          // Every frame is reported once, even when the display skips some (looking time counts them all).
          while (reported < Math.floor(f)) glow = onFrame(++reported) ?? glow;
          draw(rec, f, glow ?? undefined);
          if (f >= last) { done('ended'); return; }
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
    },
    stop() { stopRequested = true; },
  };
}
