// Vite config for the browser pages (dev server, build, preview): the playground (index.html) and
// the Learn screen (learn.html), whose training runs in a module Web Worker, and the Experiment screen.
import { defineConfig } from 'vite';
import { precachePlugin } from './src/offline/precachePlugin.ts';

export default defineConfig({
  // Relative URLs: dist/ works from any folder of any static host.
  base: './',
  plugins: [precachePlugin()],
  build: {
    target: 'es2022',
    // pixi.js alone is ~500 kB minified; one bundle is fine for this page.
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      input: { main: 'index.html', learn: 'learn.html', experiment: 'experiment.html', plan: 'plan.html', studio: 'studio.html' },
    },
  },
  worker: { format: 'es' },
  server: { port: 5173 },
  preview: { port: 4173 },
});
