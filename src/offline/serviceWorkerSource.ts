// The text of dist/sw.js: precache the build's files on install, drop older caches on activate,
// answer same-origin GETs from the cache first (falling back to the network, and keeping what it
// fetched), and never touch other origins (the pages make no such requests).

export function serviceWorkerSource(version: string, files: readonly string[]): string {
  return `// Surprise Lab offline cache (generated at build time by src/offline/precachePlugin.ts).
const CACHE = 'surprise-lab-${version}';
const FILES = ${JSON.stringify(['./', ...files], null, 0)};

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((n) => n.startsWith('surprise-lab-') && n !== CACHE).map((n) => caches.delete(n))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(caches.open(CACHE).then(async (cache) => {
    const hit = await cache.match(request, { ignoreSearch: request.mode === 'navigate' });
    if (hit) return hit;
    const response = await fetch(request);
    if (response.ok && response.type === 'basic') cache.put(request, response.clone());
    return response;
  }));
});

self.addEventListener('message', (event) => {
  if (event.data === 'surprise-lab:cached?') {
    caches.open(CACHE).then((cache) => cache.keys()).then((keys) => event.source.postMessage({ cache: CACHE, files: FILES.length, cached: keys.length }));
  }
});
`;
}
