export type Suite = () => Promise<void>;

/** Runs fn repeatedly for about `ms` milliseconds after a warm-up; returns calls per second. */
export function opsPerSecond(fn: () => unknown, ms = 2000, warmUpMs = ms / 4): number {
  const warmUntil = performance.now() + warmUpMs;
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

/** Calls per second of wall time and per second of this process's CPU time (user + system), over one run. */
function wallAndCpu(fn: () => unknown, ms: number): { wall: number; cpu: number } {
  const cpuBefore = process.cpuUsage();
  const wall = opsPerSecond(fn, ms, 0);
  const cpu = process.cpuUsage(cpuBefore);
  const calls = (wall * ms) / 1000;
  return { wall, cpu: (calls * 1e6) / Math.max(1, cpu.user + cpu.system) };
}

/**
 * Measures several subjects in `rounds` interleaved rounds of `ms` each and returns each one's median calls per
 * second: a burst of load from elsewhere on a shared machine then falls on every subject alike, not on one.
 */
export function medianOpsPerSecond<K extends string>(
  subjects: Record<K, () => unknown>,
  rounds = 5,
  ms = 1000,
): Record<K, number> {
  const both = medianWallAndCpu(subjects, rounds, ms);
  return Object.fromEntries(
    Object.entries(both).map(([k, v]) => [k, (v as { wall: number }).wall]),
  ) as Record<K, number>;
}

/**
 * The same, with each subject's median calls per second of CPU time beside: on one core, what a quote costs in
 * processor time, which another process sharing the machine distorts far less than wall time.
 */
export function medianWallAndCpu<K extends string>(
  subjects: Record<K, () => unknown>,
  rounds = 5,
  ms = 1000,
): Record<K, { wall: number; cpu: number }> {
  const entries = Object.entries(subjects) as [K, () => unknown][];
  const samples = new Map<K, { wall: number; cpu: number }[]>(entries.map(([name]) => [name, []]));
  for (const [, fn] of entries) opsPerSecond(fn, ms / 2, 0);
  for (let round = 0; round < rounds; round++) {
    for (const [name, fn] of entries) samples.get(name)?.push(wallAndCpu(fn, ms));
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  return Object.fromEntries(
    entries.map(([name]) => {
      const s = samples.get(name) ?? [];
      return [name, { wall: median(s.map((x) => x.wall)), cpu: median(s.map((x) => x.cpu)) }];
    }),
  ) as Record<K, { wall: number; cpu: number }>;
}

export function printRow(label: string, value: string): void {
  process.stdout.write(`${label.padEnd(72)} ${value}\n`);
}
