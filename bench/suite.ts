export type Suite = () => Promise<void>;

/** Runs fn repeatedly for about `ms` milliseconds after a warm-up; returns calls per second. */
export function opsPerSecond(fn: () => unknown, ms = 2000): number {
  const warmUntil = performance.now() + ms / 4;
  while (performance.now() < warmUntil) fn();
  let calls = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let i = 0; i < 50; i++) fn();
    calls += 50;
    now = performance.now();
  }
  return (calls * 1000) / (now - start);
}

export function printRow(label: string, value: string): void {
  process.stdout.write(`${label.padEnd(72)} ${value}\n`);
}
