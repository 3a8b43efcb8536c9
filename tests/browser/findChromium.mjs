// Finds a Chromium for the browser tests: $CHROMIUM_PATH, then /usr/bin/chromium, then the
// browser Playwright itself installed (if any). Returns null when there is none.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const INSTALL = 'install it with `apt-get install -y chromium` (or set CHROMIUM_PATH to a Chromium binary)';

/** The one-line reason there is no browser to test with. */
export function missingChromiumMessage() {
  const fromEnv = process.env.CHROMIUM_PATH;
  return fromEnv ? `CHROMIUM_PATH=${fromEnv} does not exist; ${INSTALL}` : `no Chromium found; ${INSTALL}`;
}

export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  try {
    const require = createRequire(import.meta.url);
    const own = require('playwright-core').chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    // playwright-core knows no browser of its own here.
  }
  return null;
}
