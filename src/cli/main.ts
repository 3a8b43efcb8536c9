// Entry point of the `surprise-lab` CLI in Node: wires stdout/stderr and the exit code to runCli.
import { runCli } from './runCli';

// A reader that closes the pipe early (`| head`) is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => { process.stdout.write(text); },
  stderr: (text) => { process.stderr.write(text); },
});
