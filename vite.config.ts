// Vite config for the browser pages (dev server, build, preview): the playground (index.html) and
// the Learn screen (learn.html), whose training runs in a module Web Worker, and the Experiment screen.
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    target: 'es2022',
    // pixi.js alone is ~500 kB minified; one bundle is fine for this page.
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      input: { main: 'index.html', learn: 'learn.html', experiment: 'experiment.html' },
    },
  },
  worker: { format: 'es' },
  server: { port: 5173 },
  preview: { port: 4173 },
});
