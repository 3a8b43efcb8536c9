// Build-time Vite plugin: writes dist/sw.js, a service worker that keeps every file of the build
// (pages, scripts, styles, wasm, scenes, shipped checkpoints) so the pages work offline after
// the first visit. Its cache name is a hash of the file list and contents: a new build replaces it.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Plugin } from 'vite';
import { serviceWorkerSource } from './serviceWorkerSource.ts';

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(dir, path).split(sep).join('/'));
    }
  };
  try { walk(dir); } catch { /* no public folder: nothing to add */ }
  return out;
}

/** 64-bit FNV-1a over bytes, hex. */
function hashBytes(chunks: readonly Uint8Array[]): string {
  let h = 0xcbf29ce484222325n;
  for (const bytes of chunks) for (const b of bytes) h = ((h ^ BigInt(b)) * 0x100000001b3n) & 0xffffffffffffffffn;
  return h.toString(16).padStart(16, '0');
}

export function precachePlugin(publicDir = 'public'): Plugin {
  return {
    name: 'surprise-lab-precache',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const emitted = Object.keys(bundle);
      const fromPublic = filesUnder(publicDir).filter((f) => !f.endsWith('README.md'));
      const files = [...new Set([...emitted, ...fromPublic])].filter((f) => f !== 'sw.js' && !f.endsWith('.map')).sort();
      const contents = files.map((f) => {
        const item = bundle[f];
        if (item) return new TextEncoder().encode(item.type === 'chunk' ? item.code : typeof item.source === 'string' ? item.source : new TextDecoder().decode(item.source));
        return new Uint8Array(readFileSync(join(publicDir, f)));
      });
      const version = hashBytes([new TextEncoder().encode(files.join('\n')), ...contents]);
      this.emitFile({ type: 'asset', fileName: 'sw.js', source: serviceWorkerSource(version, files) });
    },
  };
}
