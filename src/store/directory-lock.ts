import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const LOCK_FILE = 'throughrate.lock';

/**
 * Claims a PGlite data directory for this process. PGlite keeps the database in the memory of the process that
 * opened it and does not notice a second process on the same directory: two processes would silently diverge and
 * overwrite each other's writes. A lock left by a process that no longer runs is taken over. Returns the release.
 */
export function lockDirectory(dir: string): () => void {
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, String(process.pid), { flag: 'wx' });
      return () => rmSync(path, { force: true });
    } catch (error) {
      if (!isCode(error, 'EEXIST')) throw error;
      const holder = Number(readFileSync(path, 'utf8'));
      if (isRunning(holder)) {
        throw new Error(
          `the data directory ${dir} is in use by process ${holder}: PGlite serves one process at a time ` +
            '(stop it, or share a PostgreSQL through DATABASE_URL)',
        );
      }
      rmSync(path, { force: true });
    }
  }
  throw new Error(`could not lock the data directory ${dir}`);
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

function isCode(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && error.code === code;
}
