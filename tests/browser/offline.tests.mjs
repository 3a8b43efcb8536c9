// The static build as shipped: dist/ served by a plain static server from a sub-folder works (no
// request leaves its origin), and after the first visit all three pages work with the network off
// (the service worker in dist/sw.js), learners included.
import { join } from 'node:path';
import { startStaticServer } from './staticServer.mjs';
import { ready } from './lab.mjs';

export function registerOfflineTests(test, { root }) {
  test('static build: dist/ from a sub-folder of a plain static host, then offline after the first visit', async ({ open, assert }) => {
    const server = await startStaticServer(join(root, 'dist'), '/hosted/surprise-lab/');
    try {
      const page = await open({ query: '?models=constant-velocity' });
      // Leaving a page that is still loading would abort its requests (reported as failures).
      await ready(page);
      await page.waitForFunction(() => window.__surpriseLab.modelsReady);
      const origin = new URL(server.url).origin;
      const foreign = [];
      page.on('request', (r) => { if (!r.url().startsWith(origin) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) foreign.push(r.url()); });
      await page.goto(`${server.url}index.html?autoplay&models=learner-100k,constant-velocity`, { waitUntil: 'load' });
      await page.waitForFunction(() => window.__surpriseLab?.started && window.__surpriseLab.modelsReady && window.__surpriseLab.frames > 0, null, { timeout: 60_000 });
      // Wait until the service worker controls the page and holds every file of the build.
      const cached = await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
        for (let i = 0; i < 200; i++) {
          const reg = await navigator.serviceWorker.getRegistration();
          const sw = reg?.active;
          if (sw && navigator.serviceWorker.controller) {
            const answer = await new Promise((ok) => {
              navigator.serviceWorker.addEventListener('message', (e) => ok(e.data), { once: true });
              sw.postMessage('surprise-lab:cached?');
            });
            if (answer.cached >= answer.files) return answer;
          }
          await new Promise((r) => setTimeout(r, 100));
        }
        return null;
      });
      assert.ok(cached, 'the service worker cached the build');
      console.log(`     ${cached.cached} files in ${cached.cache}`);

      await page.context().setOffline(true);
      await page.reload({ waitUntil: 'load' });
      await page.waitForFunction(() => window.__surpriseLab?.started && window.__surpriseLab.modelsReady && window.__surpriseLab.frames > 30, null, { timeout: 60_000 });
      const models = await page.evaluate(() => window.__surpriseLab.models);
      assert.ok(models.includes('learner-100k'), 'the learner loads offline');

      await page.goto(`${server.url}experiment.html?scenes=car-off-platform&models=learner-100k&pairs=1&fam=0&seed=1&speed=instant`, { waitUntil: 'load' });
      await page.waitForFunction(() => window.__study?.ready === true, null, { timeout: 30_000 });
      await page.getByTestId('study-start').click();
      await page.waitForFunction(() => window.__study.state === 'finished', null, { timeout: 60_000 });
      await page.goto(`${server.url}learn.html`, { waitUntil: 'load' });
      await page.waitForFunction(() => !!window.__surpriseLearn, null, { timeout: 30_000 });
      assert.deepEqual(foreign, [], 'no request outside the page\'s origin');
    } finally {
      await server.stop();
    }
  });
}
