// The table of CLI commands: to add one, write src/cli/commands/NAME.ts and list it here.
import type { Command } from '../command';
import { runCommand } from './run';
import { schemaCommand } from './schema';
import { validateCommand } from './validate';
import { modelsCommand } from './models';
import { trainCommand } from './train';
import { suiteCommand } from './suite';
import { divergeCommand } from './diverge';
import { developCommand } from './develop';
import { planCommand } from './plan';
import { checkCommand } from './check';
import { mergeCommand } from './merge';
import { cohortCommand } from './cohort';
import { studyCommand } from './study';

export const COMMANDS: readonly Command[] = [
  runCommand,
  validateCommand,
  checkCommand,
  schemaCommand,
  modelsCommand,
  trainCommand,
  suiteCommand,
  divergeCommand,
  developCommand,
  planCommand,
  mergeCommand,
  cohortCommand,
  studyCommand,
];
