// Creates a command's output directory, or reports (exit 2) that it cannot.
import { mkdirSync } from 'node:fs';
import { BadInput } from './errors';

export function makeOutputDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch {
    throw new BadInput(`${dir}: cannot create the output directory`);
  }
}
