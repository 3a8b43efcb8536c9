// A plain static file server (no Vite) that serves a folder under a sub-path, as a static host
// would (GitHub Pages, an S3 bucket, a university web space): for testing dist/ as shipped.
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json',
  '.wasm': 'application/wasm', '.bin': 'application/octet-stream', '.svg': 'image/svg+xml', '.png': 'image/png', '.md': 'text/markdown',
};

/** Serves `dir` at http://127.0.0.1:PORT`prefix` (prefix like '/a/b/'); anything else is 404. */
export function startStaticServer(dir, prefix) {
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (!url.pathname.startsWith(prefix)) { res.writeHead(404).end('not here'); return; }
    let rel = decodeURIComponent(url.pathname.slice(prefix.length)) || 'index.html';
    if (rel.endsWith('/')) rel += 'index.html';
    const path = normalize(join(dir, rel));
    if (!path.startsWith(dir + sep)) { res.writeHead(403).end(); return; }
    try {
      if (!statSync(path).isFile()) throw new Error('not a file');
    } catch {
      res.writeHead(404).end('no such file');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
    createReadStream(path).pipe(res);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    ok({ url: `http://127.0.0.1:${port}${prefix}`, stop: () => new Promise((done) => server.close(() => done())) });
  }));
}
