// `schema`: writes the scene format's JSON Schema (generated from the zod schema).
import { writeFileSync } from 'node:fs';
import type { ArgsSpec, ParsedArgs } from '../args';
import type { CliIo, Command } from '../command';
import { BadInput, EXIT_OK } from '../errors';
import { describeFsError } from '../sceneFiles';
import { sceneJsonSchemaText } from '../sceneJsonSchema';

const args: ArgsSpec = {
  command: 'schema',
  flags: [{ name: 'out', kind: 'string', valueName: 'FILE', description: 'write the schema here instead of to stdout (the repo keeps it at scenes/scene.schema.json)' }],
};

function run(parsed: ParsedArgs, io: CliIo): number {
  const text = sceneJsonSchemaText();
  const out = parsed.values.get('out');
  if (out === undefined) {
    io.stdout(text);
    return EXIT_OK;
  }
  try {
    writeFileSync(out, text);
  } catch (e) {
    throw new BadInput(`${out}: cannot write (${describeFsError(e, 'write')})`);
  }
  io.stderr(`wrote the scene JSON Schema to ${out}\n`);
  return EXIT_OK;
}

export const schemaCommand: Command = {
  name: 'schema',
  summary: 'Write the JSON Schema of scene files, generated from the zod schema.',
  args,
  run,
};
