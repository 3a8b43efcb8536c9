// A scene shared in a link: compressed with deflate-raw and written in base64url, read back byte
// for byte; damaged or oversized links are refused with a sentence saying why.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_SCENE_LINK_CHARS, decodeSceneLink, encodeSceneLink } from '../../src/web/sceneLink';
import { SHARED_SCENE_PARAM } from '../../src/web/queryParams';

describe('scene links', () => {
  it('round-trips every shipped scene well under the limit, in URL-safe characters', async () => {
    const text = readFileSync('scenes/car-off-platform.json', 'utf8');
    const link = await encodeSceneLink(text);
    expect(link).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(link.length).toBeLessThan(text.length);
    expect(await decodeSceneLink(link)).toBe(text);
    expect(SHARED_SCENE_PARAM.read(link, () => {})).toBe(link);
  });
  it('refuses a scene too big for a link, and a damaged link, saying so', async () => {
    let noise = '';
    let x = 7;
    for (let i = 0; i < 12000; i++) { x = (x * 1103515245 + 12345) % 2147483648; noise += String.fromCharCode(33 + (x % 90)); }
    await expect(encodeSceneLink(noise)).rejects.toThrow(`at most ${MAX_SCENE_LINK_CHARS}`);
    await expect(decodeSceneLink('abc$')).rejects.toThrow(/letters, digits/);
    const link = await encodeSceneLink('{"format": 1, "id": "x"}');
    await expect(decodeSceneLink(link.slice(0, 5))).rejects.toThrow(/damaged or cut short/);
    const ignored: string[] = [];
    expect(SHARED_SCENE_PARAM.read('no spaces allowed', (w) => ignored.push(w))).toBeUndefined();
    expect(ignored).toEqual(['no spaces allowed']);
  });
});
