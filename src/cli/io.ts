/** The streams and environment a command runs with; tests inject their own. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly now?: () => Date;
}

export class UsageError extends Error {}

export function today(io: CliIo): string {
  return (io.now?.() ?? new Date()).toISOString().slice(0, 10);
}
