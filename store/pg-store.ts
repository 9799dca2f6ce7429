// A dataset on a PostgreSQL server (node-postgres): one server shared by a team, every analyst's
// CLI pointed at it with --db postgresql://user@host:port/db or ZHENGGAI_DB.
// - The schema is created and migrated from store/pg/NNN_*.sql (store/migrations.ts), each file
//   once, in order, recorded in zhenggai_migrations, under an advisory lock (two first ingests at
//   once wait).
// - A write transaction holds the dataset's write lock (an advisory transaction lock): ingests
//   from several machines at once serialize their commits (store/pg-writer.ts).
// - Read-only opens run every statement in a read-only transaction.
import pg from 'pg';
import Cursor from 'pg-cursor';
import { createRequire } from 'node:module';
import { DatasetError } from './errors.js';
import { printableTarget, type Row, type Store } from './interface.js';
import { ensureGroups } from './groups.js';
import { applyMigration, migrations, pendingByName } from './migrations.js';
import { runOn } from './steps.js';

/** Key of the advisory lock that stands for the dataset's write lock (and its migrations). */
const WRITE_LOCK = 0x7a6867; // "zhg"
const MIGRATION_LOCK = 0x7a6868;


// A URL without a password: PGPASSWORD (node-postgres reads it first), else the password file
// (~/.pgpass, or PGPASSFILE), read by node-postgres's own reader, `pgpass`, as node-postgres reads
// it, but without the notice that node-postgres's reading of it is deprecated, which every
// command printed (the documented set-up keeps the password there: docs/postgresql.md).
// Asked only when the server wants a password (node-postgres calls it as a method of the client):
// none found is said plainly, and the connection is closed (the server would hold it open until
// its authentication timeout, a minute, and the command with it).
type PgClientSocket = { connection?: { stream?: { destroy(): void } } };
(pg.defaults as { password?: unknown }).password = function (this: PgClientSocket, params: { user?: string; host?: string; port?: number; database?: string }) {
  return new Promise<string>((resolve, reject) => {
    const pgRequire = createRequire(createRequire(import.meta.url).resolve('pg'));
    (pgRequire('pgpass') as (p: object, cb: (pass: string | undefined) => void) => void)(params, (pass) => {
      if (pass !== undefined) return resolve(pass);
      reject(new Error(`the server asks for ${params.user}'s password and none was given: put it in ~/.pgpass (${params.host}:${params.port}:${params.database}:${params.user}:PASSWORD, chmod 600) or PGPASSWORD`));
      setImmediate(() => this.connection?.stream?.destroy());
    });
  });
};

/** bigint (count(*), ids) and numeric (sum of integers) as JavaScript numbers, as SQLite gives them. */
export const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20 || oid === 1700) return (v: string) => (v === null ? null : Number(v));
    return pg.types.getTypeParser(oid, format as 'text');
  },
};

/** `?` placeholders as $1, $2 … (outside quoted strings and identifiers). */
const translated = new Map<string, string>();
export function numbered(sql: string): string {
  let out = translated.get(sql);
  if (out !== undefined) return out;
  let n = 0;
  let quote: string | null = null;
  out = '';
  for (const ch of sql) {
    if (quote) { if (ch === quote) quote = null; out += ch; continue; }
    if (ch === "'" || ch === '"') { quote = ch; out += ch; continue; }
    out += ch === '?' ? `$${++n}` : ch;
  }
  if (translated.size < 500) translated.set(sql, out);
  return out;
}

type Exec = pg.Pool | pg.PoolClient;

export class PgStore implements Store {
  readonly dialect = 'pg' as const;
  constructor(readonly pool: pg.Pool, readonly label: string, private conn: Exec = pool) {}
  async all<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.conn.query(numbered(sql), params)).rows as T[];
  }
  async get<T>(sql: string, params: unknown[] = []): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }
  async arrays(sql: string, params: unknown[] = []): Promise<unknown[][]> {
    return (await this.conn.query({ text: numbered(sql), values: params, rowMode: 'array' })).rows as unknown[][];
  }
  async stream(sql: string, params: unknown[], onBatch: (rows: unknown[][], columns: string[]) => void | Promise<void>): Promise<string[]> {
    const client = 'release' in this.conn ? (this.conn as pg.PoolClient) : await this.pool.connect();
    const cursor = client.query(new Cursor(numbered(sql), params, { rowMode: 'array', types: pgTypes }));
    let columns: string[] = [];
    try {
      for (;;) {
        const rows = await cursor.read(500);
        // the fields are known once the first read has come back
        const fields = (cursor as unknown as { _result?: { fields?: Array<{ name: string }> } })._result?.fields;
        if (fields?.length) columns = fields.map((f) => f.name);
        if (!rows.length) break;
        await onBatch(rows as unknown as unknown[][], columns);
      }
    } finally {
      await cursor.close();
      if (client !== this.conn) client.release();
    }
    return columns;
  }
  async run(sql: string, params: unknown[] = []): Promise<number> {
    return (await this.conn.query(numbered(sql), params)).rowCount ?? 0;
  }
  /** SQL written with $1, $2 … already (no `?` to number) */
  async numberedQuery(sql: string, params: unknown[]): Promise<pg.QueryResult> {
    return this.conn.query(sql, params);
  }
  async script(sql: string): Promise<void> {
    await this.conn.query(sql);
  }
  async transaction<T>(fn: (s: Store) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK]);
      const r = await fn(new PgStore(this.pool, this.label, client));
      await client.query('COMMIT');
      return r;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => {});
      throw e;
    } finally {
      client.release();
    }
  }
  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** Connect (and, to write, create or migrate the schema). Failures are DatasetErrors that say where. */
export async function openPg(url: string, o: { readonly?: boolean } = {}): Promise<PgStore> {
  const label = printableTarget(url);
  const pool = new pg.Pool({
    connectionString: url,
    max: 4,
    connectionTimeoutMillis: 10_000,
    application_name: 'zhenggai',
    types: pgTypes,
    // a reader can change nothing, whatever SQL it is given
    ...(o.readonly ? { options: '-c default_transaction_read_only=on' } : {}),
  });
  pool.on('error', () => {}); // an idle client's connection dropped: the next query says so
  try {
    const applied = await appliedMigrations(pool);
    const missing = pendingByName(migrations('pg'), applied).map((m) => m.name);
    if (o.readonly) {
      if (!applied.size) throw new DatasetError(`${label}: no zhenggai dataset there yet (run \`zhenggai ingest … --db ${label}\` first)`);
      if (missing.length) throw new DatasetError(`${label}: the dataset's schema is older than this zhenggai (${missing.join(', ')} not applied); run \`zhenggai ingest\` on it first`);
    } else if (missing.length) {
      await migrate(pool);
    }
    const store = new PgStore(pool, label);
    // a dataset from before group_stats (migration 005) gets its groups once, under the write lock
    if (!o.readonly && (await store.get<{ todo: boolean }>('SELECT NOT EXISTS (SELECT 1 FROM group_stats) AND EXISTS (SELECT 1 FROM bulletins) AS todo'))!.todo) {
      await store.transaction((s) => runOn(s, ensureGroups()));
    }
    return store;
  } catch (e) {
    await pool.end().catch(() => {});
    if (e instanceof DatasetError) throw e;
    throw new DatasetError(`cannot open the dataset ${label}: ${(e as Error).message || (e as { code?: string }).code || String(e)}`);
  }
}

async function appliedMigrations(q: Exec): Promise<Set<string>> {
  const has = await q.query("SELECT to_regclass('zhenggai_migrations') IS NOT NULL AS has");
  if (!has.rows[0].has) return new Set();
  return new Set((await q.query('SELECT name FROM zhenggai_migrations')).rows.map((r: { name: string }) => r.name));
}

/** Apply the migration files not yet applied, each in its own transaction, one process at a time. */
async function migrate(pool: pg.Pool): Promise<void> {
  const c = await pool.connect();
  try {
    await c.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await c.query(`CREATE TABLE IF NOT EXISTS zhenggai_migrations (name TEXT PRIMARY KEY,
      applied_at TEXT NOT NULL DEFAULT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`);
    const store = new PgStore(pool, '', c);
    for (const m of pendingByName(migrations('pg'), await appliedMigrations(c))) {
      await c.query('BEGIN');
      try {
        await runOn(store, applyMigration(m));
        await c.query('INSERT INTO zhenggai_migrations (name) VALUES ($1)', [m.name]);
        await c.query('COMMIT');
      } catch (e) {
        await c.query('ROLLBACK');
        throw new DatasetError(`migration ${m.name} failed: ${(e as Error).message}`);
      }
    }
  } finally {
    await c.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
    c.release();
  }
}

export type { Row };
