import { parseArgs } from 'node:util';
import { isRole, ROLES } from '../store/api-key.js';
import { type CliIo, UsageError } from './io.js';
import { withStore } from './with-store.js';

/**
 * `throughrate keys create --role <role> --name <text> [--account <account>]`: a new API key, printed alone on the
 * first line of stdout (it is shown this once; only its hash is kept), its id, role and account on the next.
 */
export async function keysCreate(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: { role: { type: 'string' }, name: { type: 'string' }, account: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length > 0) throw new UsageError(`unexpected ${positionals.join(' ')}`);
  const { role, name, account } = values;
  if (role === undefined || !isRole(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
  if (!name?.trim()) throw new UsageError('--name is required: who or what the key is for');
  if (account !== undefined && !account.trim()) throw new UsageError('--account must not be empty');
  return withStore(
    io,
    async (store) => {
      const created = await store.keys.create({ role, name: name.trim(), account }, io.now?.() ?? new Date());
      const { id } = created.record;
      io.stdout.write(`${created.key}\n`);
      io.stdout.write(
        `key ${id}, role ${role}, account ${created.record.account}: shown this once, keep it\n`,
      );
      return 0;
    },
    { create: true },
  );
}

/** `throughrate keys list [--json]`: every key (never the key itself), revoked ones marked. */
export async function keysList(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: [...args],
    options: { json: { type: 'boolean', default: false } },
    strict: true,
  });
  return withStore(io, async (store) => {
    const keys = (await store.keys.list()).map(({ keyHash: _hash, ...shown }) => shown);
    if (values.json) {
      io.stdout.write(`${JSON.stringify(keys, null, 2)}\n`);
      return 0;
    }
    for (const key of keys) {
      io.stdout.write(
        `${key.id}  ${key.role.padEnd(9)}  account ${key.account}  created ${key.createdAt}` +
          `${key.revokedAt ? `  REVOKED ${key.revokedAt}` : ''}  ${key.name}\n`,
      );
    }
    if (keys.length === 0) io.stdout.write('no keys\n');
    return 0;
  });
}

/** `throughrate keys revoke <id>`: the key stops working at once here, within the key cache's 10 s elsewhere. */
export async function keysRevoke(args: readonly string[], io: CliIo): Promise<number> {
  const { positionals } = parseArgs({ args: [...args], allowPositionals: true, strict: true });
  const [id, ...more] = positionals;
  if (!id || more.length > 0) throw new UsageError('expected exactly one key id');
  return withStore(io, async (store) => {
    if (!(await store.keys.revoke(id, io.now?.() ?? new Date()))) {
      io.stderr.write(`throughrate: no key ${id} that is not already revoked\n`);
      return 1;
    }
    io.stdout.write(`revoked ${id}\n`);
    return 0;
  });
}
