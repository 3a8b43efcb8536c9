// Both twins of the canonical scene side by side, drawn by the playground's SceneView and playing
// in step (one clock, one frame number for both), the onset marked on the scrubber and on the
// impossible twin's frame from the moment the magic starts.
import { createPixiApp } from '../../render/createPixiApp';
import { SceneView } from '../../render/sceneView';
import { simulateTrial, type SimulatedTrial } from '../../experiment/trial';
import type { WorldSpec } from '../../sim/spec';
import { STEP_S } from '../../sim/units';
import { h } from '../../ui/dom';

export interface TwinsFacts { frames: number; onset: number | null; frame: number; playing: boolean; error: string | null }

export interface TwinsPreview {
  show(world: WorldSpec | null): void;
  facts(): TwinsFacts;
}

export async function mountTwinsPreview(host: HTMLElement): Promise<TwinsPreview> {
  const boxes = (['possible', 'impossible'] as const).map((c) => {
    const canvas = h('div', { class: 'studio-twin-canvas', 'data-testid': `twin-${c}` });
    const figure = h('figure', { class: `studio-twin studio-twin-${c}` }, canvas, h('figcaption', { class: 'small' }, c === 'possible' ? 'Possible twin' : 'Impossible twin'));
    return { c, canvas, figure };
  });
  const play = h('button', { type: 'button', class: 'btn btn-small', 'data-testid': 'twins-play' }, 'Play both');
  const scrub = h('input', { type: 'range', min: 0, max: 0, value: 0, step: 1, 'aria-label': 'Frame of both twins', 'data-testid': 'twins-frame' });
  const onsetTick = h('span', { class: 'studio-onset-tick', 'aria-hidden': 'true', hidden: true });
  const status = h('p', { class: 'small', 'data-testid': 'twins-status', 'aria-live': 'off' });
  host.append(h('div', { class: 'studio-twins' }, ...boxes.map((b) => b.figure)), h('div', { class: 'studio-row studio-scrub' }, play, h('span', { class: 'studio-scrub-track' }, scrub, onsetTick)), status);
  const views = await Promise.all(boxes.map(async (b) => {
    try {
      const pixi = await createPixiApp(b.canvas);
      return { pixi, view: new SceneView(pixi.app), box: b };
    } catch {
      return null;
    }
  }));
  let runs: { possible: SimulatedTrial; impossible: SimulatedTrial } | null = null;
  let world: WorldSpec | null = null;
  let frame = 0;
  let playing = false;
  let error: string | null = null;
  let clock = 0;

  const onset = (): number | null => runs?.impossible.onsetFrame ?? runs?.possible.onsetFrame ?? null;
  const draw = (): void => {
    if (!runs || !world) return;
    for (const v of views) {
      if (!v) continue;
      const run = runs[v.box.c];
      const snap = run.snapshots[Math.min(frame, run.snapshots.length - 1)]!;
      const w = Math.max(v.box.canvas.clientWidth, 1);
      const hgt = Math.max(v.box.canvas.clientHeight, 1);
      if (v.pixi.app.renderer.width !== w || v.pixi.app.renderer.height !== hgt) v.pixi.app.renderer.resize(w, hgt);
      v.view.resize(w, hgt);
      v.view.draw(snap, snap, 1, { glow: new Map(), ghost: null, frame, selected: null });
      v.pixi.app.render();
    }
    const o = onset();
    const after = o !== null && frame >= o;
    boxes[1]!.figure.classList.toggle('is-after-onset', after);
    scrub.value = String(frame);
    status.textContent = `Frame ${frame} (${(frame * STEP_S).toFixed(2)} s) of ${world.frames}. ${o === null ? 'No onset: the violation never starts in this scene.' : `Onset at frame ${o} (${(o * STEP_S).toFixed(2)} s)${after ? ': the twins have parted.' : '.'}`}`;
  };
  const tick = (now: number): void => {
    if (!playing || !world) return;
    if (clock === 0) clock = now;
    const steps = Math.floor((now - clock) / (STEP_S * 1000));
    if (steps > 0) {
      clock += steps * STEP_S * 1000;
      frame = Math.min(frame + steps, world.frames);
      draw();
    }
    if (frame >= world.frames) { playing = false; play.textContent = 'Play both'; return; }
    requestAnimationFrame(tick);
  };
  play.addEventListener('click', () => {
    if (!world) return;
    playing = !playing;
    play.textContent = playing ? 'Pause' : 'Play both';
    if (playing) {
      if (frame >= world.frames) frame = 0;
      clock = 0;
      requestAnimationFrame(tick);
    }
  });
  scrub.addEventListener('input', () => { frame = Number(scrub.value); playing = false; play.textContent = 'Play both'; draw(); });
  new ResizeObserver(() => draw()).observe(host);

  return {
    show(next) {
      world = next;
      error = null;
      if (!next) { runs = null; status.textContent = 'The twins show once the scene is valid.'; return; }
      try {
        runs = { possible: simulateTrial(next, 'possible'), impossible: simulateTrial(next, 'impossible') };
      } catch (e) {
        runs = null;
        error = e instanceof Error ? e.message : String(e);
        status.textContent = `The twins could not run: ${error}`;
        return;
      }
      for (const v of views) v?.view.show(next, (id) => next.bodies.find((b) => b.id === id));
      frame = Math.min(frame, next.frames);
      scrub.max = String(next.frames);
      const o = onset();
      onsetTick.hidden = o === null;
      if (o !== null) onsetTick.style.left = `${((o / Math.max(next.frames, 1)) * 100).toFixed(2)}%`;
      draw();
    },
    facts: () => ({ frames: world?.frames ?? 0, onset: onset(), frame, playing, error }),
  };
}
