// Output places of a command, checked before any work: a directory to create (or reuse), a file to
// write. A run that would fail at its last step fails at its first instead.
import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { BadInput } from './errors';

/** Creates the output directory (or accepts an existing one); BadInput if it is a file or cannot be made. */
export function makeOutputDir(dir: string): void {
  let isFile = false;
  try { isFile = !statSync(dir).isDirectory(); } catch { /* absent: created below */ }
  if (isFile) throw new BadInput(`${dir}: exists and is not a directory; give --out a directory (new or existing)`);
  try {
    mkdirSync(dir, { recursive: true });
  } catch {
    throw new BadInput(`${dir}: cannot create the output directory`);
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
