import { main } from '../../src/cli/main.js';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the command line with injected streams and a fixed clock. */
export async function runCli(
  argv: string[],
  env: Record<string, string | undefined> = {},
  now: () => Date = () => new Date('2026-03-01T09:00:00Z'),
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    env,
    now,
  });
  return { code, stdout, stderr };
}
