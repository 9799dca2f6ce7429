// A dataset on a PostgreSQL server (node-postgres): one server shared by a team, every analyst's
// CLI pointed at it with --db postgresql://user@host:port/db or ZHENGGAI_DB.
// - The schema is created and migrated from store/pg/NNN_*.sql, each file once, in order,
//   recorded in zhenggai_migrations, under an advisory lock (two first ingests at once wait).
// - A document is written in one transaction holding the dataset's write lock (an advisory
//   transaction lock): ingests from several machines at once serialize their commits, and the
//   document's content hash decides (ON CONFLICT (sha256)), so nothing is lost or duplicated.
// - Read-only opens run every statement in a read-only transaction.
import pg from 'pg';
import { inflateRawSync } from 'node:zlib';
import Cursor from 'pg-cursor';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { rootPath } from '../core/paths.js';
import { DatasetError, STATS_COLUMNS } from './db.js';
import { printableTarget, type Row, type Store } from './store.js';
import type { QueryLimits, QueryResult } from './query-limits.js';
import type { Versions, WriteStatus } from './writer.js';
import { recordJson, type DocPayload } from './rows.js';
import { FINGERPRINT_SCOPES, REPLACED_SCOPES, addPublication, rebuildGroups, refreshGroups, scopeOf, type Scope, type ScopeRow } from './groups.js';

/** Key of the advisory lock that stands for the dataset's write lock (and its migrations). */
const WRITE_LOCK = 0x7a6867; // "zhg"
const MIGRATION_LOCK = 0x7a6868;

const migrationFiles = () => readdirSync(rootPath('store', 'pg')).filter((f) => /^\d{3}_.+\.sql$/.test(f)).sort();

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
const types = {
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
  constructor(readonly pool: pg.Pool, readonly label: string, private exec: Exec = pool) {}
  async all<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.exec.query(numbered(sql), params)).rows as T[];
  }
  async get<T>(sql: string, params: unknown[] = []): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }
  async arrays(sql: string, params: unknown[] = []): Promise<unknown[][]> {
    return (await this.exec.query({ text: numbered(sql), values: params, rowMode: 'array' })).rows as unknown[][];
  }
  async stream(sql: string, params: unknown[], onBatch: (rows: unknown[][], columns: string[]) => void | Promise<void>): Promise<string[]> {
    const client = 'release' in this.exec ? (this.exec as pg.PoolClient) : await this.pool.connect();
    const cursor = client.query(new Cursor(numbered(sql), params, { rowMode: 'array', types }));
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
      if (client !== this.exec) client.release();
    }
    return columns;
  }
  async run(sql: string, params: unknown[] = []): Promise<number> {
    return (await this.exec.query(numbered(sql), params)).rowCount ?? 0;
  }
  /** SQL written with $1, $2 … already (no `?` to number) */
  async numberedQuery(sql: string, params: unknown[]): Promise<pg.QueryResult> {
    return this.exec.query(sql, params);
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
    types,
    // a reader can change nothing, whatever SQL it is given
    ...(o.readonly ? { options: '-c default_transaction_read_only=on' } : {}),
  });
  pool.on('error', () => {}); // an idle client's connection dropped: the next query says so
  try {
    const applied = await appliedMigrations(pool);
    const files = migrationFiles();
    if (o.readonly) {
      if (!applied.size) throw new DatasetError(`${label}: no zhenggai dataset there yet (run \`zhenggai ingest … --db ${label}\` first)`);
      const missing = files.filter((f) => !applied.has(f));
      if (missing.length) throw new DatasetError(`${label}: the dataset's schema is older than this zhenggai (${missing.join(', ')} not applied); run \`zhenggai ingest\` on it first`);
    } else if (files.some((f) => !applied.has(f))) {
      await migrate(pool);
    }
    const store = new PgStore(pool, label);
    // a dataset from before group_stats (migration 005) gets its groups once, under the write lock
    if (!o.readonly && (await store.get<{ todo: boolean }>('SELECT NOT EXISTS (SELECT 1 FROM group_stats) AND EXISTS (SELECT 1 FROM bulletins) AS todo'))!.todo) {
      await store.transaction(async (s) => {
        if ((await s.get<{ todo: boolean }>('SELECT NOT EXISTS (SELECT 1 FROM group_stats) AS todo'))!.todo) await rebuildGroups(s);
      });
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
    const applied = await appliedMigrations(c);
    for (const f of migrationFiles()) {
      if (applied.has(f)) continue;
      await c.query('BEGIN');
      try {
        await c.query(readFileSync(rootPath('store', 'pg', f), 'utf8'));
        await c.query('INSERT INTO zhenggai_migrations (name) VALUES ($1)', [f]);
        await c.query('COMMIT');
      } catch (e) {
        await c.query('ROLLBACK');
        throw new DatasetError(`migration ${f} failed: ${(e as Error).message}`);
      }
    }
  } finally {
    await c.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
    c.release();
  }
}

// --- writing documents ------------------------------------------------------------------

const v = (n: number, type?: string) => (type ? `(v->>${n})::${type}` : `v->>${n}`);
const rowsOf = (param: number) => `jsonb_array_elements($${param}::jsonb) WITH ORDINALITY AS t(v, k)`;

/**
 * Every child row of one bulletin in one statement: each table an INSERT … SELECT over the JSON
 * array of its rows (store/rows.ts), as data-modifying CTEs. Category and issue ids follow the
 * largest so far (the writer holds the write lock). $1 bulletin id; $2–$11 the row arrays;
 * $12–$20 bulletin_stats.
 */
const CHILDREN_SQL = `WITH base AS (SELECT (SELECT coalesce(max(id), 0) FROM categories) AS cat, (SELECT coalesce(max(id), 0) FROM issues) AS iss),
  totals AS (INSERT INTO declared_totals (bulletin_id, key, value) SELECT $1, ${v(0)}, ${v(1, 'float8')} FROM ${rowsOf(2)}),
  cats AS (INSERT INTO categories (id, bulletin_id, ordinal, title, span_start, span_end, rule)
    SELECT base.cat + k, $1, ${v(0, 'int')}, ${v(1)}, ${v(2, 'int')}, ${v(3, 'int')}, ${v(4)} FROM base, ${rowsOf(3)}),
  iss AS (INSERT INTO issues (id, bulletin_id, number, category_id, category_ordinal, problem, outcome, status, status_phrase, status_rule, span_start, span_end, rule, unit)
    SELECT base.iss + k, $1, ${v(0, 'int')}, base.cat + ${v(1, 'bigint')} + 1, ${v(2, 'int')}, ${v(3)}, ${v(4)}, ${v(5)}, ${v(6)}, ${v(7)}, ${v(8, 'int')}, ${v(9, 'int')}, ${v(10)}, ${v(11)} FROM base, ${rowsOf(4)}),
  meas AS (INSERT INTO measures (issue_id, ordinal, text) SELECT base.iss + ${v(0, 'bigint')} + 1, ${v(1, 'int')}, ${v(2)} FROM base, ${rowsOf(5)}),
  notes AS (INSERT INTO issue_notes (issue_id, ordinal, text) SELECT base.iss + ${v(0, 'bigint')} + 1, ${v(1, 'int')}, ${v(2)} FROM base, ${rowsOf(6)}),
  qty AS (INSERT INTO quantity_rows (bulletin_id, issue_id, value, unit, kind, approx, text, span_start, span_end, rule_id, role)
    SELECT $1, base.iss + ${v(0, 'bigint')} + 1, ${v(1, 'float8')}, ${v(2)}, ${v(3)}, ${v(4)}, ${v(5)}, ${v(6, 'int')}, ${v(7, 'int')}, r.id, ${v(9)}
    FROM base, ${rowsOf(7)} JOIN rules r ON r.rule = ${v(8)} ORDER BY k),
  cited AS (INSERT INTO documents_cited (issue_id, title) SELECT base.iss + ${v(0, 'bigint')} + 1, ${v(1)} FROM base, ${rowsOf(8)}),
  themes AS (INSERT INTO issue_theme_tags (issue_id, theme_id, keyword)
    SELECT DISTINCT ON (base.iss + ${v(0, 'bigint')} + 1, th.id) base.iss + ${v(0, 'bigint')} + 1, th.id, ${v(4)}
    FROM base, ${rowsOf(9)} JOIN themes th ON th.theme = ${v(1)} ORDER BY 1, 2, k),
  search AS (INSERT INTO issue_search (issue_id, tokens)
    SELECT base.iss + ${v(0, 'bigint')} + 1, array_to_tsvector(array_remove(string_to_array(concat_ws(' ', ${v(1)}, ${v(2)}, ${v(3)}), ' '), '')) FROM base, ${rowsOf(10)}),
  warns AS (INSERT INTO warnings (bulletin_id, code, message, rule) SELECT $1, ${v(0)}, ${v(1)}, ${v(2)} FROM ${rowsOf(11)})
INSERT INTO bulletin_stats (bulletin_id, ${STATS_COLUMNS}) VALUES ($1, $12, $13, $14, $15, $16, $17, $18, $19, $20)`;

export class PgWriter {
  constructor(private store: PgStore, private versions: Versions) {}

  /** sha256s in the dataset (current ones only with reprocess): the batch skips parsing them. */
  async known(reprocess: boolean): Promise<string[]> {
    const rows = reprocess
      ? await this.store.all<{ sha256: string }>('SELECT sha256 FROM documents WHERE rules_hash = ? AND pipeline_version = ?', [this.versions.rules, this.versions.pipeline])
      : await this.store.all<{ sha256: string }>('SELECT sha256 FROM documents');
    return rows.map((r) => r.sha256);
  }

  async addPath(sha256: string, path: string): Promise<void> {
    await this.store.run('INSERT INTO document_paths (document_id, path) SELECT id, ? FROM documents WHERE sha256 = ? ON CONFLICT DO NOTHING', [path, sha256]);
  }

  /** One document in one transaction under the write lock (see store/writer.ts for SQLite's). */
  write(doc: DocPayload, opts: { reprocess?: boolean } = {}): Promise<WriteStatus> {
    return this.store.transaction(async (s) => {
      const row = await s.get<{ id: number; rules_hash: string; pipeline_version: string }>('SELECT id, rules_hash, pipeline_version FROM documents WHERE sha256 = ?', [doc.sha256]);
      let status: WriteStatus = 'ingested';
      let paths: string[] = [];
      const scopes: Scope[] = [];
      if (row) {
        const stale = row.rules_hash !== this.versions.rules || row.pipeline_version !== this.versions.pipeline;
        if (!opts.reprocess || !stale) {
          await s.run('INSERT INTO document_paths (document_id, path) VALUES (?, ?) ON CONFLICT DO NOTHING', [row.id, doc.path]);
          return 'unchanged';
        }
        paths = (await s.all<{ path: string }>('SELECT path FROM document_paths WHERE document_id = ? ORDER BY id', [row.id])).map((r) => r.path);
        for (const r of await s.all<ScopeRow>(REPLACED_SCOPES, [row.id])) scopes.push(scopeOf(r));
        await s.run('DELETE FROM documents WHERE id = ?', [row.id]);
        status = 'reprocessed';
      }
      const text = inflateRawSync(doc.textZ).toString('utf8');
      const ins = await s.get<{ id: number }>(`INSERT INTO documents (sha256, format, encoding, size, text, pipeline_version, rules_hash, record)
        VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb)) ON CONFLICT (sha256) DO NOTHING RETURNING id`,
        [doc.sha256, doc.format, doc.encoding, doc.size, text, this.versions.pipeline, this.versions.rules, recordJson(doc.record, text)]);
      if (!ins) return 'unchanged'; // cannot happen under the lock; the hash decides anyway
      const docId = ins.id;
      for (const p of new Set([...paths, doc.path])) await s.run('INSERT INTO document_paths (document_id, path) VALUES (?, ?) ON CONFLICT DO NOTHING', [docId, p]);
      const unitId = await this.unitId(s, doc.unit);
      const b = await s.get<{ id: number }>(`INSERT INTO bulletins (document_id, unit_id, title, issuer, unit_name, region, level, inspection_kind, team, round,
        inspection_start, inspection_end, feedback_date, as_of_date, years_implied, year, published_date, doc_number, publisher, phones, emails, region_code, fingerprint)
        VALUES (${Array(23).fill('?').join(', ')}) RETURNING id`, [docId, unitId, ...doc.bulletin, doc.fingerprint]);
      const r = doc.rows;
      // the rule ids of its quantities and its themes first (the statement below cannot see rows it adds itself)
      if (r.quantities !== '[]') {
        await (s as PgStore).numberedQuery(`INSERT INTO rules (rule) SELECT DISTINCT v->>8 FROM jsonb_array_elements($1::jsonb) AS t(v)
          WHERE NOT EXISTS (SELECT 1 FROM rules x WHERE x.rule = v->>8)`, [r.quantities]);
      }
      if (r.themes !== '[]') {
        // each theme's label and rule as the rules give them now (written only when new or changed)
        await (s as PgStore).numberedQuery(`INSERT INTO themes (theme, label, rule) SELECT DISTINCT ON (v->>1) v->>1, v->>2, v->>3
          FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(v, k) WHERE NOT EXISTS (SELECT 1 FROM themes x WHERE x.theme = v->>1) ORDER BY v->>1, k`, [r.themes]);
        await (s as PgStore).numberedQuery(`UPDATE themes th SET label = n.label, rule = n.rule
          FROM (SELECT DISTINCT ON (v->>1) v->>1 AS theme, v->>2 AS label, v->>3 AS rule FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(v, k) ORDER BY v->>1, k) n
          WHERE th.theme = n.theme AND (th.label <> n.label OR th.rule <> n.rule)`, [r.themes]);
      }
      await (s as PgStore).numberedQuery(CHILDREN_SQL, [b!.id, r.totals, r.categories, r.issues, r.measures, r.notes, r.quantities, r.cited, r.themes, r.fts, r.warnings, ...doc.stats]);
      // the groups compare sums (see store/writer.ts)
      if (status === 'ingested') await addPublication(s, b!.id);
      else {
        for (const r of await s.all<ScopeRow>(FINGERPRINT_SCOPES, [doc.fingerprint])) scopes.push(scopeOf(r));
        await refreshGroups(s, scopes);
      }
      return status;
    });
  }

  private async unitId(s: Store, u: DocPayload['unit']): Promise<number | null> {
    if (!u) return null;
    const merged = await s.get<{ into_name: string }>('SELECT into_name FROM unit_merges WHERE from_name = ?', [u.name]);
    const name = merged?.into_name ?? u.name;
    // looked up first: an INSERT … ON CONFLICT would use up an id each time (the writer holds the lock)
    const id = (await s.get<{ id: number }>('SELECT id FROM units WHERE name = ?', [name]))?.id
      ?? (await s.get<{ id: number }>('INSERT INTO units (name, region, level) VALUES (?, ?, ?) RETURNING id', [name, u.region, u.level]))!.id;
    const alias = (a: string, source: string) => s.run('INSERT INTO unit_aliases (unit_id, alias, source) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', [id, a, source]);
    if (u.renameRule) await alias(u.canonical, u.renameRule);
    if (u.unitName && u.unitName !== name) await alias(u.unitName, 'bulletin.unit');
    for (const a of u.aliases) if (a !== name) await alias(a, 'bulletin.unit_aliases');
    return id;
  }
}

export type { Row };

// --- zhenggai query ----------------------------------------------------------------------

/** Types whose text is short whatever the value (numbers, times, …): read as they are. */
const SHORT_TYPES = new Set([16, 18, 20, 21, 23, 26, 650, 700, 701, 790, 829, 869, 1082, 1083, 1114, 1184, 1186, 1266, 1700, 2278, 2950, 3220]);
const BYTEA = 17;

/**
 * The statement read through a wrapper that cuts long cells on the server: each column but
 * short ones becomes two, its value when at most `max` characters (bytes for bytea) long, else
 * its first `max` characters as text. A cell of hundreds of megabytes never comes over the
 * wire whole. OFFSET 0 keeps the statement a subquery of its own (its columns computed once),
 * and whether a cell is too long is found once (LATERAL), from its bytes first.
 */
function cutOnServer(text: string, fields: Array<{ dataTypeID: number }>, max: number): { sql: string; plan: Array<[number, number]> } {
  const out: string[] = [];
  const over: string[] = [];
  const plan: Array<[number, number]> = [];
  fields.forEach((f, i) => {
    const c = `zhenggai_query.c${i}`;
    if (SHORT_TYPES.has(f.dataTypeID)) { plan.push([out.length, -1]); out.push(c); return; }
    const bytea = f.dataTypeID === BYTEA;
    const t = bytea ? c : `${c}::text`;
    over.push(bytea ? `octet_length(${c}) > ${max} AS o${i}` : `(octet_length(${t}) > ${max} AND length(${t}) > ${max}) AS o${i}`);
    plan.push([out.length, out.length + 1]);
    out.push(`CASE WHEN zhenggai_over.o${i} THEN NULL ELSE ${c} END`, `CASE WHEN zhenggai_over.o${i} THEN ${bytea ? `substring(${c} FROM 1 FOR ${max})` : `left(${t}, ${max})`} END`);
  });
  const names = fields.map((_, i) => `c${i}`).join(', ');
  const lateral = over.length ? `, LATERAL (SELECT ${over.join(', ')} OFFSET 0) AS zhenggai_over` : '';
  return { sql: `SELECT ${out.join(', ')} FROM (SELECT * FROM (\n${text}\n) AS zhenggai_inner OFFSET 0) AS zhenggai_query(${names})${lateral}`, plan };
}

/**
 * One statement, checked by PostgreSQL's own parser (store/sql-guard.ts: one SELECT, nothing
 * that writes or administers the server), in a read-only transaction with a statement timeout
 * (the server stops it), read through a cursor in batches sized to what is left of `maxBytes`:
 * at most limit + 1 rows are fetched, and long cells come cut (cutOnServer). The connection is
 * closed at `timeoutMs` (a statement timeout runs per fetch) and once more than twice `maxBytes`
 * have come over it (a statement that cannot be wrapped, EXPLAIN).
 */
export async function queryServer(store: PgStore, sql: string, o: QueryLimits & { timeoutMs: number }): Promise<QueryResult> {
  const { checkPgStatement } = await import('./sql-guard.js');
  const { cutCell, rowSize, CUT_MARK } = await import('./query-limits.js');
  const checked = await checkPgStatement(sql);
  const deadline = Date.now() + o.timeoutMs;
  const client = await store.pool.connect();
  const socket = (client as unknown as { connection: { stream: import('node:net').Socket } }).connection.stream;
  let broken: 'time' | 'bytes' | null = null;
  const breakOff = (why: 'time' | 'bytes') => { if (!broken) { broken = why; socket.destroy(); } };
  // the connection closed here: said by the query that was running, not as an unhandled event
  const onError = () => {};
  client.on('error', onError);
  // the server's statement timeout stops a slow statement first, cleanly; closing the connection
  // stops the rest (a slow transfer, fetches that each stay under the statement timeout)
  const timer = setTimeout(() => breakOff('time'), Math.max(1, deadline - Date.now()));
  let wire = 0;
  const onData = (b: Buffer) => { wire += b.length; if (wire > 2 * o.maxBytes + (16 << 20)) breakOff('bytes'); };
  const rows: Row[] = [];
  let columns: string[] = [];
  let cellsCut = 0;
  let bytesCut = false;
  let timedOut = false;
  try {
    await client.query('BEGIN READ ONLY');
    await client.query(`SET LOCAL statement_timeout = ${Math.max(1, Math.floor((deadline - Date.now()) * 0.9))}`);
    let text = checked.text;
    let plan: Array<[number, number]> | null = null;
    if (checked.kind === 'select') {
      // the columns, without running the statement (LIMIT 0); a wrapper the server does not take
      // (whatever the reason) leaves the statement as it is
      await client.query('SAVEPOINT zhenggai_probe');
      try {
        const probe = await client.query({ text: `SELECT * FROM (\n${checked.text}\n) AS zhenggai_probe LIMIT 0`, rowMode: 'array' });
        if (probe.fields.length) {
          const w = cutOnServer(checked.text, probe.fields, o.maxCell);
          await checkPgStatement(w.sql);
          await client.query({ text: `${w.sql} LIMIT 0`, rowMode: 'array' });
          columns = probe.fields.map((f) => f.name);
          ({ sql: text, plan } = w);
        }
        await client.query('RELEASE SAVEPOINT zhenggai_probe');
      } catch (e) {
        if ((e as { code?: string }).code === '57014') throw e;
        await client.query('ROLLBACK TO SAVEPOINT zhenggai_probe');
        plan = null;
        columns = [];
      }
    }
    socket.on('data', onData);
    const cursor = client.query(new Cursor(text, [], { rowMode: 'array', types }));
    try {
      let batch = 1;
      let bytes = 0;
      let widest = 1;
      for (;;) {
        const want = Math.min(o.limit + 1 - rows.length, batch);
        const got = (await cursor.read(want)) as unknown as unknown[][];
        if (!plan && !columns.length) columns = ((cursor as unknown as { _result?: { fields?: Array<{ name: string }> } })._result?.fields ?? []).map((f) => f.name);
        for (const raw of got) {
          const row: Row = {};
          const kept: unknown[] = [];
          (plan ?? raw).forEach((p, i) => {
            const t = plan ? (p as [number, number])[1] : -1;
            let v: unknown;
            let cut: boolean;
            // cut on the server: the text marked as cut here (bytea stays bytes)
            if (t >= 0 && raw[t] != null) { v = Buffer.isBuffer(raw[t]) ? raw[t] : `${raw[t]}${CUT_MARK}`; cut = true; }
            else [v, cut] = cutCell(plan ? raw[(p as [number, number])[0]] : p, o.maxCell);
            if (cut) cellsCut++;
            kept.push(v);
            row[columns[i]!] = v;
          });
          rows.push(row);
          const size = rowSize(kept);
          bytes += size;
          widest = Math.max(widest, size);
        }
        if (got.length < want || rows.length > o.limit) break;
        if (bytes > o.maxBytes) { bytesCut = true; break; }
        batch = Math.max(1, Math.min(500, Math.floor((o.maxBytes - bytes) / widest)));
      }
    } catch (e) {
      if ((e as { code?: string }).code === '57014' || broken === 'time') timedOut = true; // query_canceled: the statement timeout
      else if (broken === 'bytes') bytesCut = true;
      else throw e;
    } finally {
      // from here on the connection is not closed under a cursor waiting to close (it would wait for ever)
      clearTimeout(timer);
      if (!broken) await cursor.close().catch(() => {});
    }
  } catch (e) {
    if ((e as { code?: string }).code === '57014' || broken === 'time') timedOut = true;
    else throw e;
  } finally {
    clearTimeout(timer);
    socket.off('data', onData);
    client.off('error', onError);
    if (broken) client.release(true);
    else {
      await client.query('ROLLBACK').catch(() => {});
      client.release();
    }
  }
  return { columns, rows: rows.slice(0, o.limit), truncated: rows.length > o.limit, timedOut, bytesCut, cellsCut };
}
