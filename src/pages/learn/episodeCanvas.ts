// The thumbnail of what the learner is watching: the last episode the worker sent, drawn in a small
// 2D canvas and played in a loop (it sent every other frame, so 30 drawn frames are one second).
import type { EpisodeThumb } from '../../worker/protocol';

const COLOURS: Record<string, string> = { ground: '#8a8f98', platform: '#a98b6d', wall: '#8a8f98', box: '#e4a02e', ball: '#3d7dd8', car: '#e4572e' };

export interface EpisodeCanvas {
  show(episode: EpisodeThumb): void;
  /** Draws the frame due at `now` (ms); call once per animation frame. */
  tick(now: number): void;
  readonly shown: number;
}

export function createEpisodeCanvas(canvas: HTMLCanvasElement): EpisodeCanvas {
  const ctx = canvas.getContext('2d');
  let episode: EpisodeThumb | null = null;
  let began = 0;
  let drawnFrame = -1;
  let shown = 0;

  const draw = (k: number): void => {
    if (!ctx || !episode) return;
    const dpr = window.devicePixelRatio || 1;
    const w = canvas.clientWidth || 240, hgt = canvas.clientHeight || 120;
    if (canvas.width !== Math.round(w * dpr)) { canvas.width = Math.round(w * dpr); canvas.height = Math.round(hgt * dpr); }
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = '#f6f4ef';
    ctx.fillRect(0, 0, w, hgt);
    const s = Math.min(w / episode.width, hgt / episode.height);
    const ox = (w - episode.width * s) / 2;
    const n = episode.bodies.length;
    episode.bodies.forEach((b, i) => {
      const at = (k * n + i) * 3;
      const x = episode!.poses[at]!, y = episode!.poses[at + 1]!, angle = episode!.poses[at + 2]!;
      if (!Number.isFinite(x)) return;
      ctx.save();
      ctx.translate(ox + x * s, hgt - y * s);
      ctx.rotate(-angle);
      ctx.fillStyle = COLOURS[b.kind] ?? '#555';
      if (b.kind === 'ball') {
        ctx.beginPath();
        ctx.arc(0, 0, (b.width / 2) * s, 0, Math.PI * 2);
        ctx.fill();
      } else {
        ctx.fillRect((-b.width / 2) * s, (-b.height / 2) * s, b.width * s, b.height * s);
        if (b.kind === 'car') {
          ctx.fillStyle = '#26282c';
          for (const fx of [-0.3, 0.3]) {
            ctx.beginPath();
            ctx.arc(fx * b.width * s, (b.height / 2) * s, Math.max(1.5, b.height * 0.25 * s), 0, Math.PI * 2);
            ctx.fill();
          }
        }
      }
      ctx.restore();
    });
    ctx.fillStyle = 'rgba(90, 98, 110, 0.55)';
    for (const r of episode.screens ?? []) ctx.fillRect(ox + (r.x - r.width / 2) * s, hgt - (r.y + r.height / 2) * s, r.width * s, r.height * s);
  };

  return {
    show(next) {
      episode = next;
      began = performance.now();
      drawnFrame = -1;
      shown++;
    },
    tick(now) {
      if (!episode || episode.frames === 0) return;
      const k = Math.floor(((now - began) / 1000) * 30) % episode.frames;
      if (k === drawnFrame) return;
      drawnFrame = k;
      draw(k);
    },
    get shown() { return shown; },
  };
}
