// Reads a file for the CLI only when it is a regular file of a sane size: a named pipe, a device or a
// socket would block the read forever (or stream without end), a directory cannot be read at all.
import { lstatSync, readFileSync, statSync, type Stats } from 'node:fs';
import { BadInput } from './errors';

/** What kind of thing stands at a path, for "is a … , not a file" messages. */
function kindOf(stat: Stats): string {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

function isBrokenLink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

/** The size of a regular file (symbolic links followed); BadInput naming `file` otherwise. */
export function regularFileSize(file: string, what: string): number {
  let stat: Stats;
  try {
    stat = statSync(file);
  } catch (e) {
    throw new BadInput(`${file}: cannot read (${isBrokenLink(file) ? 'a symbolic link to nothing' : describeFsError(e)})`);
  }
  if (!stat.isFile()) throw new BadInput(`${file}: is ${kindOf(stat)}, not ${what}`);
  return stat.size;
}

/** The bytes of a regular file of at most `maxBytes`; BadInput naming the file and the limit otherwise
 * (`limit` words the limit when the bytes read are not the limit itself, as for scenes). */
export function readRegularFile(file: string, what: string, maxBytes: number, limit = `${maxBytes / 1e6} MB`): Buffer {
  const size = regularFileSize(file, what);
  if (size > maxBytes) throw new BadInput(`${file}: is ${(size / 1e6).toFixed(1)} MB; ${what} may be at most ${limit}`);
  try {
    return readFileSync(file);
  } catch (e) {
    throw new BadInput(`${file}: cannot read (${describeFsError(e)})`);
  }
}

/** A short reason for a failed read or write, from a Node file-system error. */
export function describeFsError(e: unknown, mode: 'read' | 'write' = 'read'): string {
  const code = (e as { code?: unknown }).code;
  switch (code) {
    case 'ENOENT': return mode === 'read' ? 'no such file' : 'its folder does not exist';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'is a directory';
    case 'ENOTDIR': return 'a parent is not a directory';
    case 'ELOOP': return 'a loop of symbolic links';
    default: return typeof code === 'string' ? code : e instanceof Error ? e.message : String(e);
  }
}
