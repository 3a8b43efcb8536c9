// Link parameters (issue 18): the full 32-bit seed survives a reload, and every unusable parameter is
// noted with why instead of silently falling back.
import { describe, expect, it } from 'vitest';
import { parseUrlState } from '../../src/pages/playground/urlState';
import { ignoredSentence } from '../../src/web/queryParams';

describe('playground link parameters', () => {
  it('reads seeds and variants up to 4294967295 (ten digits), as the CLI and recordings allow', () => {
    const u = parseUrlState('?scene=car-off-platform&variant=4294967295&seed=4294967295');
    expect(u.seed).toBe(4294967295);
    expect(u.variant).toBe(4294967295);
    expect(u.ignored).toEqual([]);
  });
  it('notes each unusable parameter and why; usable ones are still read', () => {
    const u = parseUrlState('?scene=../../x&variant=-5&seed=1e999&speed=7&ghost=3&condition=maybe&models=oracle');
    expect(u.seed).toBeUndefined();
    expect(u.variant).toBeUndefined();
    expect(u.models).toEqual(['oracle']);
    expect(u.ignored.map((p) => p.name)).toEqual(['condition', 'variant', 'seed', 'speed', 'ghost']);
    expect(parseUrlState('?seed=4294967296').ignored).toEqual([{ name: 'seed', value: '4294967296', why: 'expected a whole number from 0 to 4294967295' }]);
    expect(ignoredSentence(u.ignored.slice(1, 3))).toBe('This link\'s variant="-5" (expected canonical or a whole number from 0 to 4294967295); seed="1e999" (expected a whole number from 0 to 4294967295) were ignored; the defaults are used instead.');
    expect(ignoredSentence([])).toBe('');
  });
});
