// What a CLI command is: its name, a one-line summary, its flags, and a function that runs it.
import type { ArgsSpec, ParsedArgs } from './args';

/** Where a command writes. Text goes out as given (include the newlines). */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

export interface Command {
  name: string;
  /** One line, shown in `surprise-lab --help`. */
  summary: string;
  args: ArgsSpec;
  /** Returns the exit code. Throw UsageError or BadInput (or SceneError) for bad input. */
  run(args: ParsedArgs, io: CliIo): number | Promise<number>;
}
