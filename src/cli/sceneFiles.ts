// Reads scene files from disk for the CLI: file errors become BadInput naming the file.
import { readFileSync, statSync } from 'node:fs';
import { MAX_SCENE_BYTES, parseSceneText } from '../scenes/parse';
import type { SceneFile } from '../scenes/schema';
import { BadInput } from './errors';

/** Reads a text file, refusing directories and files far too big to be a scene without reading them. */
export function readSceneText(file: string): string {
  let size: number;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) throw new BadInput(`${file}: is a directory, not a scene file`);
    size = stat.size;
  } catch (e) {
    if (e instanceof BadInput) throw e;
    throw new BadInput(`${file}: cannot read (${describeFsError(e)})`);
  }
  // A UTF-8 byte is at least a third of a UTF-16 code unit, so this only skips certain refusals;
  // parseSceneText makes the exact check (and writes the message) for everything smaller.
  if (size > 3 * MAX_SCENE_BYTES) {
    throw new BadInput(`${file}: file is ${(size / 1e6).toFixed(1)} MB; a scene file may be at most ${MAX_SCENE_BYTES / 1e6} MB`);
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new BadInput(`${file}: cannot read (${describeFsError(e)})`);
  }
  // Editors on Windows may save a byte-order mark, which JSON.parse refuses.
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Reads and checks a scene file; throws BadInput (file problems) or SceneError (content problems). */
export function loadSceneFile(file: string): SceneFile {
  return parseSceneText(readSceneText(file), file);
}

/** A short reason for a failed read or write, from a Node file-system error. */
export function describeFsError(e: unknown, mode: 'read' | 'write' = 'read'): string {
  const code = (e as { code?: unknown }).code;
  switch (code) {
    case 'ENOENT': return mode === 'read' ? 'no such file' : 'its folder does not exist';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'is a directory';
    case 'ENOTDIR': return 'a parent is not a directory';
    default: return typeof code === 'string' ? code : e instanceof Error ? e.message : String(e);
  }
}
