import { readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

const LOCK_FILE = 'throughrate.lock';

/** The holder touches its lock this often; a lock from another host not touched for STALE_AFTER_MS is stale. */
const HEARTBEAT_MS = 10_000;
const STALE_AFTER_MS = 60_000;

/** Lock files this process holds: a lock naming this PID is this process's own only if it is here. */
const heldHere = new Set<string>();

/** Who holds the lock: enough to tell the holder from a later process that reuses its PID. */
interface Holder {
  readonly pid: number;
  /** Start time of the process, in clock ticks since boot (Linux /proc/<pid>/stat), when known. */
  readonly started?: string | undefined;
  /** The kernel's id of this boot (Linux), when known: a lock from an earlier boot is stale. */
  readonly boot?: string | undefined;
  readonly host: string;
}

/**
 * Claims a PGlite data directory for this process. PGlite keeps the database in the memory of the process that
 * opened it and does not notice a second process on the same directory: two processes would silently diverge and
 * overwrite each other's writes. A lock left by a process that no longer runs is taken over: the lock names its
 * holder by PID, process start time, boot id and host, so that a process that reuses the PID (PID 1 in every
 * container start after a kill -9) is not taken for the holder. A lock written on another host (another container
 * on a shared volume) cannot be checked there: it is stale once its holder has stopped touching it. Returns the
 * release.
 */
export function lockDirectory(dir: string): () => void {
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, JSON.stringify(currentHolder()), { flag: 'wx' });
      heldHere.add(path);
      const heartbeat = setInterval(() => touch(path), HEARTBEAT_MS);
      heartbeat.unref();
      return () => {
        clearInterval(heartbeat);
        heldHere.delete(path);
        rmSync(path, { force: true });
      };
    } catch (error) {
      if (!isCode(error, 'EEXIST')) throw error;
      const holder = readHolder(path);
      if (holder && isAlive(holder, path)) {
        throw new Error(
          `the data directory ${dir} is in use by process ${holder.pid} on ${holder.host}: PGlite serves one process at a time ` +
            `(stop it, or share a PostgreSQL through DATABASE_URL; a lock from another host is taken over ${STALE_AFTER_MS / 1000} s after its holder stops)`,
        );
      }
      rmSync(path, { force: true });
    }
  }
  throw new Error(`could not lock the data directory ${dir}`);
}

function currentHolder(): Holder {
  return { pid: process.pid, started: startTimeOf(process.pid), boot: bootId(), host: hostname() };
}

/** The holder named in the lock file; the older format held the PID alone. */
function readHolder(path: string): Holder | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8').trim();
  } catch {
    return undefined;
  }
  if (/^\d+$/.test(text)) return { pid: Number(text), host: hostname() };
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return undefined;
    const v = value as Record<string, unknown>;
    if (typeof v.pid !== 'number' || typeof v.host !== 'string') return undefined;
    return {
      pid: v.pid,
      host: v.host,
      started: typeof v.started === 'string' ? v.started : undefined,
      boot: typeof v.boot === 'string' ? v.boot : undefined,
    };
  } catch {
    return undefined;
  }
}

function isAlive(holder: Holder, path: string): boolean {
  if (holder.host !== hostname()) return Date.now() - modifiedAt(path) < STALE_AFTER_MS;
  const boot = bootId();
  if (holder.boot !== undefined && boot !== undefined && holder.boot !== boot) return false;
  // The lock names this process's PID: it is this process's own if it took it, else a process before it had
  // the same PID (PID 1 in a container started again after a kill -9).
  if (holder.pid === process.pid) return heldHere.has(path);
  if (!isRunning(holder.pid)) return false;
  const started = startTimeOf(holder.pid);
  return holder.started === undefined || started === undefined || holder.started === started;
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return isCode(error, 'EPERM');
  }
}

/** Field 22 of /proc/<pid>/stat (after the parenthesised command name, which may hold spaces). */
function startTimeOf(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

function bootId(): string | undefined {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

function modifiedAt(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

function touch(path: string): void {
  try {
    const now = new Date();
    utimesSync(path, now, now);
  } catch {
    // the directory is gone or read-only: nothing to keep fresh
  }
}

function isCode(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && error.code === code;
}
