// Every shipped scene runs byte-identical to its pinned digest (canonical and seed-0 variants 0–2,
// both conditions): format and simulator changes that should change nothing change nothing.
import { describe, expect, it } from 'vitest';
import { readRepoFile } from './support/trials';
import { sceneDigests } from './support/sceneDigests';

const pinned = JSON.parse(readRepoFile('tests/unit/golden/scene-digests.json')) as Record<string, Record<string, string>>;

describe('shipped scenes run as pinned', () => {
  it.each(Object.keys(pinned))('%s', (name) => {
    expect(sceneDigests(name)).toEqual(pinned[name]);
  });
});
