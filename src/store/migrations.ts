/**
 * The schema of the quote store, one migration per version, applied in order at start-up by applyMigrations. The
 * same SQL serves PGlite and PostgreSQL. A released migration is never edited (its checksum is recorded and checked
 * at every start): change the schema by appending a new version.
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
    name: 'indicative quotes',
    sql: `
ALTER TABLE quotes ADD COLUMN indicative boolean NOT NULL DEFAULT false;
`,
  },
];
