// Vite config for the browser page (dev server, build, preview).
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    target: 'es2022',
    // pixi.js alone is ~500 kB minified; one bundle is fine for this page.
    chunkSizeWarningLimit: 1500,
  },
  server: { port: 5173 },
  preview: { port: 4173 },
});
