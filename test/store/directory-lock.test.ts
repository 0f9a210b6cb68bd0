import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lockDirectory } from '../../src/store/directory-lock.js';

const LINUX = existsSync('/proc/self/stat');

function startTime(pid: number): string | undefined {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
}

describe('the PGlite directory lock', () => {
  let dir = '';
  let child: ChildProcess | undefined;
  const lockFile = () => join(dir, 'throughrate.lock');
  const writeLock = (holder: object) => writeFileSync(lockFile(), JSON.stringify(holder));
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'throughrate-lock-'));
  });
  afterEach(() => {
    child?.kill();
    child = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  const liveChild = async (): Promise<number> => {
    child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    await new Promise((r) => child?.once('spawn', r));
    return child.pid ?? 0;
  };

  it('refuses a directory held by a running process, and is taken once released', () => {
    const release = lockDirectory(dir);
    expect(JSON.parse(readFileSync(lockFile(), 'utf8'))).toMatchObject({
      pid: process.pid,
      host: hostname(),
    });
    release();
    lockDirectory(dir)();
  });

  it('takes over a lock that names its own PID: a process before it had that PID (PID 1 after kill -9)', () => {
    writeLock({ pid: process.pid, host: hostname(), started: '1' });
    const release = lockDirectory(dir);
    expect(JSON.parse(readFileSync(lockFile(), 'utf8')).started).not.toBe('1');
    release();
  });

  it.runIf(LINUX)(
    'refuses while the holder runs, and takes over when its PID belongs to a later process',
    async () => {
      const pid = await liveChild();
      writeLock({ pid, host: hostname(), started: startTime(pid) });
      expect(() => lockDirectory(dir)).toThrow(new RegExp(`in use by process ${pid}`));
      // The same PID, started at another time: not the holder.
      writeLock({ pid, host: hostname(), started: String(Number(startTime(pid)) - 1) });
      lockDirectory(dir)();
    },
  );

  it('takes over the lock of a process that no longer runs, in the older PID-only format too', async () => {
    const pid = await liveChild();
    child?.kill('SIGKILL');
    await new Promise((r) => child?.once('exit', r));
    writeFileSync(lockFile(), String(pid));
    lockDirectory(dir)();
  });

  it('respects a fresh lock from another host and takes over one its holder stopped touching', () => {
    writeLock({ pid: 12345, host: 'another-container', started: '1' });
    expect(() => lockDirectory(dir)).toThrow(/another-container/);
    const old = new Date(Date.now() - 5 * 60_000);
    utimesSync(lockFile(), old, old);
    lockDirectory(dir)();
  });
});
