// Errors the CLI reports as one line on stderr with exit code 2: bad usage and bad input files.
import type { SceneIssue } from '../scenes/sceneError';

/** Exit code for a run that succeeded. */
export const EXIT_OK = 0;
/** Exit code for a crash: a bug in Surprise Lab, not in what the user gave it. */
export const EXIT_INTERNAL = 1;
/** Exit code for bad usage or bad input (a malformed scene, a missing file). */
export const EXIT_BAD_INPUT = 2;

/** The command line itself is wrong: unknown command or flag, missing or malformed value. */
export class UsageError extends Error {
  /** Name of the command whose usage to point at, if known. */
  readonly command: string | undefined;
  constructor(message: string, command?: string) {
    super(message);
    this.name = 'UsageError';
    this.command = command;
  }
}

/** An input file is wrong or unreadable. The message already names the file (and JSON path). */
export class BadInput extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BadInput';
  }
}

/** Squeezes a message onto one printable line: no newlines or control characters reach stderr. */
export function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ').replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).trim();
}

/** A scene problem as the CLI prints it: `FILE: path: message` (no path for whole-file problems). */
export function issueLine(file: string, issue: SceneIssue): string {
  return oneLine(`${file}: ${issue.path ? `${issue.path}: ` : ''}${issue.message}`);
}
