// Output places of a command, checked before any work: a directory to create (or reuse), a file to
// write. A run that would fail at its last step fails at its first instead.
import { mkdirSync, rmdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { BadInput } from './errors';

/** Directories this run created, deepest last: a run that fails takes back the ones still empty. */
const created: string[] = [];

/** Creates the output directory (or accepts an existing one); BadInput if it is a file or cannot be made. */
export function makeOutputDir(dir: string): void {
  let isFile = false;
  try { isFile = !statSync(dir).isDirectory(); } catch { /* absent: created below */ }
  if (isFile) throw new BadInput(`${dir}: exists and is not a directory; give --out a directory (new or existing)`);
  let first: string | undefined;
  try {
    first = mkdirSync(dir, { recursive: true });
  } catch {
    throw new BadInput(`${dir}: cannot create the output directory`);
  }
  if (first === undefined) return;
  // mkdirSync names the topmost folder it made; every folder from there down to `dir` is new.
  const chain: string[] = [];
  for (let d = resolve(dir); ; d = dirname(d)) {
    chain.unshift(d);
    if (d === resolve(first) || d === dirname(d)) break;
  }
  created.push(...chain);
}

/** Before a run: the directories of an earlier run in this process are not this run's to take back. */
export function forgetCreatedDirs(): void {
  created.length = 0;
}

/** After a failed run: removes the output directories it created that are still empty (a bad scene
 * found after --out was made leaves nothing behind). A folder with anything in it is kept. */
export function removeEmptyCreatedDirs(): void {
  while (created.length > 0) {
    try {
      rmdirSync(created.pop()!);
    } catch {
      // Not empty (or gone): keep it, and the folders above it.
      created.length = 0;
    }
  }
}

/** Refuses an output file path that is a directory or a non-regular file, or whose folder is missing. */
export function checkOutputFile(file: string): void {
  let stat;
  try { stat = statSync(file); } catch { stat = null; }
  if (stat && !stat.isFile()) throw new BadInput(`${file}: cannot write (it exists and is not a regular file)`);
  let folder;
  try { folder = statSync(dirname(file)); } catch { folder = null; }
  if (!folder?.isDirectory()) throw new BadInput(`${file}: cannot write (its folder does not exist)`);
}
