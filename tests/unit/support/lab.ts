// Runs the `lab` CLI in-process for a test, collecting what it prints and its exit code.
import { runCli } from '../../../src/cli/runCli';

export async function lab(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } });
  return { code, stdout, stderr };
}
