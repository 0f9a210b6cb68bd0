/**
 * The schema of the quote store, one migration per version, applied in order at start-up by applyMigrations. The
 * same SQL serves PGlite and PostgreSQL. A released migration is never edited (its checksum is recorded and checked
 * at every start): change the schema by appending a new version.
 *
 * Quotes issued before version 2 belong to the account "" (no key issued them): only an admin key reads them.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'quotes',
    sql: `
CREATE TABLE quotes (
  id               text        PRIMARY KEY,
  idempotency_key  text        UNIQUE,
  request_hash     text        NOT NULL,
  origin           text        NOT NULL,
  destination      text        NOT NULL,
  acceptance_date  date        NOT NULL,
  issued_at        timestamptz NOT NULL,
  valid_until      date        NOT NULL,
  option_id        text        NOT NULL,
  total_amount     numeric     NOT NULL,
  total_currency   text        NOT NULL,
  rule_set_hash    text        NOT NULL,
  document         jsonb       NOT NULL
);
CREATE INDEX quotes_issued ON quotes (issued_at, id);
CREATE INDEX quotes_route_issued ON quotes (origin, destination, issued_at, id);
CREATE INDEX quotes_acceptance_date ON quotes (acceptance_date);
CREATE INDEX quotes_rule_set_hash ON quotes (rule_set_hash);
`,
  },
  {
    version: 2,
    name: 'api keys, quote accounts, rate-limit windows',
    sql: `
CREATE TABLE api_keys (
  id          text        PRIMARY KEY,
  account     text        NOT NULL,
  name        text        NOT NULL,
  role        text        NOT NULL CHECK (role IN ('shipper', 'committee', 'admin')),
  key_hash    text        NOT NULL,
  created_at  timestamptz NOT NULL,
  revoked_at  timestamptz
);
CREATE INDEX api_keys_account ON api_keys (account);
ALTER TABLE quotes ADD COLUMN account text NOT NULL DEFAULT '';
ALTER TABLE quotes ALTER COLUMN account DROP DEFAULT;
ALTER TABLE quotes DROP CONSTRAINT quotes_idempotency_key_key;
ALTER TABLE quotes ADD CONSTRAINT quotes_account_idempotency_key UNIQUE (account, idempotency_key);
CREATE INDEX quotes_account_issued ON quotes (account, issued_at, id);
CREATE INDEX quotes_valid_until ON quotes (valid_until);
CREATE TABLE rate_limit_windows (
  bucket        text        NOT NULL,
  window_start  timestamptz NOT NULL,
  hits          integer     NOT NULL,
  PRIMARY KEY (bucket, window_start)
);
CREATE INDEX rate_limit_windows_start ON rate_limit_windows (window_start);
`,
  },
  {
    version: 3,
    name: 'indicative quotes',
    sql: `
ALTER TABLE quotes ADD COLUMN indicative boolean NOT NULL DEFAULT false;
`,
  },
];
