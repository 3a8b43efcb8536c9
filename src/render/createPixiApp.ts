// Starts pixi.js 8 on WebGL where a GPU draws it, on its canvas renderer where WebGL is drawn in
// software (or cannot start, or when asked).
// The app's own ticker stays off: the page's fixed-step loop decides when to render.
import { Application, type ApplicationOptions } from 'pixi.js';
import { PALETTE } from './palette';
import { softwareWebGl } from './softwareWebGl';

export interface PixiHandle {
  app: Application;
  /** Which renderer is drawing: 'webgl' on a GPU, 'canvas' on software WebGL or after a fallback. */
  name: string;
  /** Why WebGL was not used (null when it was). */
  fallbackReason: string | null;
}

function options(host: HTMLElement, preference: 'webgl' | 'canvas', antialias: boolean): Partial<ApplicationOptions> {
  return {
    preference: [preference],
    width: Math.max(host.clientWidth, 1),
    height: Math.max(host.clientHeight, 1),
    background: PALETTE.background,
    antialias,
    autoDensity: true,
    resolution: Math.min(window.devicePixelRatio || 1, 2),
    // Keeps the last frame readable (tests count pixels by drawing the canvas into a 2D canvas).
    preserveDrawingBuffer: true,
    autoStart: false,
    sharedTicker: false,
  };
}

/** 'webgl': WebGL, the canvas renderer only if WebGL cannot start. 'auto': WebGL where a GPU draws
 * it, the canvas renderer where WebGL is drawn in software (softwareWebGl.ts). There (headless Chromium, SwiftShader, whose compositor is
 * software too) every frame's WebGL pixels are read back for the compositor while the page waits
 * (GLES2::ReadPixels in a Chromium trace, about half the main thread in the 10-toy Sandbox), which
 * Canvas 2D does not need. 'canvas': always the canvas renderer. */
export type RendererChoice = 'webgl' | 'auto' | 'canvas';

/** Every page draws with 'auto' unless told otherwise (the playground's ?renderer): in headless
 * Chromium the canvas renderer kept each page's frame interval p95 at 16.8 ms where WebGL gave
 * 33 ms, and took the main thread from 56–80% busy to 15–34% (bench/pageRenderers.ts,
 * docs/pages.md); on a GPU 'auto' is WebGL. */
export async function createPixiApp(host: HTMLElement, choice: RendererChoice = 'auto'): Promise<PixiHandle> {
  let fallbackReason: string | null = null;
  const software = choice === 'canvas' || softwareWebGl();
  // On software WebGL multisampling costs more than all the rest of a frame, so it is left off.
  const antialias = !software;
  if (choice === 'canvas' || (choice === 'auto' && software)) {
    const app = new Application();
    // Canvas 2D antialiases its paths at no extra cost, unlike multisampled software WebGL.
    await app.init(options(host, 'canvas', true));
    host.appendChild(app.canvas);
    return { app, name: app.renderer.name, fallbackReason };
  }
  const webgl = new Application();
  try {
    await webgl.init(options(host, 'webgl', antialias));
    host.appendChild(webgl.canvas);
    return { app: webgl, name: webgl.renderer.name, fallbackReason };
  } catch (e) {
    fallbackReason = e instanceof Error ? e.message : String(e);
    try {
      webgl.destroy();
    } catch {
      // A half-started application may not destroy cleanly; it is dropped either way.
    }
  }
  const app = new Application();
  await app.init(options(host, 'canvas', antialias));
  host.appendChild(app.canvas);
  return { app, name: app.renderer.name, fallbackReason };
}
