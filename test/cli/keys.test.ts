import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { apiKeyId, keyMatches } from '../../src/store/api-key.js';
import { openPgliteQuoteStore } from '../../src/store/open-quote-store.js';
import { runCli } from '../helpers/cli.js';

describe('throughrate keys', () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'throughrate-cli-keys-')), 'data');
  const env = { DATA_DIR: dir };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates a key in the store of DATA_DIR, printed alone on the first line, kept only as its hash', async () => {
    const run = await runCli(['keys', 'create', '--role', 'shipper', '--name', 'Caspian Freight'], env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const [key, about] = run.stdout.split('\n');
    expect(key).toMatch(/^tr_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    const id = apiKeyId(key ?? '');
    expect(about).toBe(`key ${id}, role shipper, account ${id}: shown this once, keep it`);
    const store = await openPgliteQuoteStore(dir);
    try {
      const record = await store.keys.find(id ?? '');
      expect(record).toMatchObject({ role: 'shipper', name: 'Caspian Freight', account: id });
      expect(record && keyMatches(key ?? '', record)).toBe(true);
      expect(record?.keyHash).not.toContain(key?.slice(20));
    } finally {
      await store.close();
    }
    // The first command creates and migrates the PGlite data directory: slow on a loaded machine.
  }, 120_000);

  it('adds a key to an existing account, lists every key without the keys themselves, and revokes one', async () => {
    const first = await runCli(['keys', 'create', '--role', 'committee', '--name', 'tariff committee'], env);
    const firstId = apiKeyId(first.stdout.split('\n')[0] ?? '');
    const rotated = await runCli(
      ['keys', 'create', '--role', 'committee', '--name', 'rotated', '--account', firstId ?? ''],
      env,
    );
    const rotatedKey = rotated.stdout.split('\n')[0] ?? '';
    expect(rotated.stdout).toContain(`account ${firstId}`);
    const listed = await runCli(['keys', 'list', '--json'], env);
    const keys = JSON.parse(listed.stdout);
    // Created at the same instant by the CLI's fixed clock: the order among them is the ids'.
    expect(keys.map((k: { name: string }) => k.name).sort()).toEqual([
      'Caspian Freight',
      'rotated',
      'tariff committee',
    ]);
    expect(listed.stdout).not.toContain(rotatedKey);
    expect(listed.stdout).not.toContain('keyHash');
    const revoke = await runCli(['keys', 'revoke', firstId ?? ''], env);
    expect(revoke).toMatchObject({ code: 0, stdout: `revoked ${firstId}\n` });
    const again = await runCli(['keys', 'revoke', firstId ?? ''], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`no key ${firstId} that is not already revoked`);
    const text = await runCli(['keys', 'list'], env);
    expect(text.stdout.split('\n').find((l) => l.startsWith(firstId ?? ''))).toMatch(
      /REVOKED 2026-03-01T09:00/,
    );
  });

  it('refuses an unknown role or a missing name with a usage error', async () => {
    const role = await runCli(['keys', 'create', '--role', 'owner', '--name', 'x'], env);
    expect(role.code).toBe(2);
    expect(role.stderr).toContain('--role must be one of shipper, committee, admin');
    const name = await runCli(['keys', 'create', '--role', 'admin'], env);
    expect(name.code).toBe(2);
    expect(name.stderr).toContain('--name is required');
  });
});
