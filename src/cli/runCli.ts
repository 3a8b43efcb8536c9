// Dispatches a command line to its command and turns every failure into an exit code and one line.
import { closest, formatUsage, parseArgs } from './args';
import type { CliIo, Command } from './command';
import { COMMANDS } from './commands/index';
import { BadInput, EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_OK, UsageError, issueLine, oneLine } from './errors';
import { SceneError } from '../scenes/sceneError';
import { SimulationError } from '../sim/simulation';
import { TrialFailure, describeTrial } from '../experiment/trialFailure';
import { sceneFileOf } from './sceneFiles';
import { forgetCreatedDirs, removeEmptyCreatedDirs } from './outputDir';

export function generalUsage(commands: readonly Command[] = COMMANDS): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'usage: surprise-lab <command> [flags]   (or: npm run lab -- <command> [flags])',
    '',
    'commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run "surprise-lab <command> --help" for its flags. Exit codes: 0 ok, 2 bad usage or input, 1 internal error.',
    '',
  ].join('\n');
}

/** Runs the CLI on `argv` (without node and the script) and returns the exit code. Never throws. */
export async function runCli(argv: readonly string[], io: CliIo, commands: readonly Command[] = COMMANDS): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr(generalUsage(commands));
    return EXIT_BAD_INPUT;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    const topic = commands.find((c) => c.name === rest[0]);
    io.stdout(topic ? formatUsage(topic.args, topic.summary) : generalUsage(commands));
    return EXIT_OK;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    const close = closest(name, commands.map((c) => c.name));
    const hint = close ? `; did you mean "${close}"?` : ` (commands: ${commands.map((c) => c.name).join(', ')})`;
    io.stderr(`surprise-lab: unknown command ${JSON.stringify(name)}${hint}\n`);
    return EXIT_BAD_INPUT;
  }
  forgetCreatedDirs();
  try {
    const parsed = parseArgs(rest, command.args);
    if (parsed.help) {
      io.stdout(formatUsage(command.args, command.summary));
      return EXIT_OK;
    }
    return await command.run(parsed, io);
  } catch (e) {
    removeEmptyCreatedDirs();
    return report(e, command, io);
  }
}

function report(e: unknown, command: Command, io: CliIo): number {
  if (e instanceof UsageError) {
    io.stderr(`${oneLine(`surprise-lab ${command.name}: ${e.message}`)} (see: surprise-lab ${command.name} --help)\n`);
    return EXIT_BAD_INPUT;
  }
  if (e instanceof BadInput) {
    io.stderr(`${oneLine(e.message)}\n`);
    return EXIT_BAD_INPUT;
  }
  if (e instanceof SceneError) {
    // A problem met in a trial (a drawn variant) carries the scene's id; name its file.
    const file = sceneFileOf(e.source) ?? e.source;
    const first = e.issues[0] ?? { path: '', message: 'invalid scene' };
    const more = e.issues.length > 1 ? ` (and ${e.issues.length - 1} more: surprise-lab validate ${file})` : '';
    io.stderr(`${issueLine(file, first)}${more}\n`);
    return EXIT_BAD_INPUT;
  }
  // A scene that validates but whose physics fails in a trial is bad input too, not a crash.
  if (e instanceof TrialFailure) {
    const file = sceneFileOf(e.trial.scene) ?? `scene "${e.trial.scene}"`;
    io.stderr(`${oneLine(`${file}: the simulation failed (${describeTrial(e.trial)}): ${e.message}`)}\n`);
    return EXIT_BAD_INPUT;
  }
  if (e instanceof SimulationError) {
    io.stderr(`${oneLine(`surprise-lab ${command.name}: the simulation failed: ${e.message}`)}\n`);
    return EXIT_BAD_INPUT;
  }
  const detail = e instanceof Error ? e.stack ?? e.message : String(e);
  io.stderr(`surprise-lab ${command.name}: internal error (a bug in Surprise Lab, please report it):\n${detail}\n`);
  return EXIT_INTERNAL;
}
