// Registers the build's service worker (dist/sw.js) so that the pages work offline after the
// first visit. Only in a production build: the dev server has no sw.js and must not be cached.

export function registerOffline(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  // Relative to the page, so the build works from any folder of any static host.
  navigator.serviceWorker.register('./sw.js').catch(() => {
    // Offline use is a convenience: the page works online without it (e.g. file:// or a host
    // that refuses service workers), so a refusal is not an error worth interrupting anyone for.
  });
}
