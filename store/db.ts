// Open a SQLite dataset: schema and migrations from store/sqlite/ (store/migrations.ts), version
// in PRAGMA user_version, foreign keys on; WAL for ingest (synchronous=NORMAL: a commit survives
// the process being killed; FULL, which also survives the machine losing power, with
// `ingest --sync full`), read-only for queries.
import Database from 'better-sqlite3';
import { searchTokensMany } from '../core/tokens.js';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { DatasetError } from './errors.js';
import { ensureGroups } from './groups.js';
import { applyMigration, latestVersion, migrations, pendingByVersion, type Migration } from './migrations.js';
import { get, runSync } from './steps.js';
import { BULLETIN_STATS } from './tables.js';
import { gramsOf } from './grams.js';

export { DatasetError };

/** The stored text, plain (a dataset of schema 6 on keeps it deflate-compressed; older ones plain). */
export function plainText(t: unknown): string | null {
  return Buffer.isBuffer(t) ? inflateRawSync(t).toString('utf8') : t == null ? null : String(t);
}

/**
 * zg_text(text): a document's normalized text (stored deflate-compressed).
 * zg_record(record, text): its record as JSON text (stored deflate-compressed with the text as
 * the preset dictionary). strpos(text, part): PostgreSQL's name for instr, so that the read
 * side's SQL runs on both databases.
 */
function addFunctions(db: Database.Database): void {
  db.function('zg_text', { deterministic: true }, plainText);
  db.function('zg_record', { deterministic: true }, (b: unknown, t: unknown) => {
    if (!Buffer.isBuffer(b)) return null;
    const text = plainText(t);
    return text === null ? null : inflateRawSync(b, { dictionary: Buffer.from(text) }).toString('utf8');
  });
  db.function('strpos', { deterministic: true }, (s: unknown, part: unknown) => (s == null || part == null ? null : String(s).indexOf(String(part)) + 1));
}

/** The version a dataset has once migrated: the last of store/sqlite/'s files. */
export const SCHEMA_VERSION = latestVersion(migrations('sqlite'));
export type DB = Database.Database;

export interface OpenOptions { readonly?: boolean; syncFull?: boolean; /** the migrations to run (a test's; default store/sqlite/'s) */ migrations?: Migration[] }

export function openDb(path: string, opts: OpenOptions = {}): DB {
  try {
    return open(path, opts);
  } catch (e) {
    if (e instanceof DatasetError) throw e;
    const why = (e as Error).message;
    const hint = opts.readonly && /unable to open/.test(why) ? ' (no dataset there yet? run `zhenggai ingest … --db` first)' : '';
    throw new DatasetError(`cannot open the dataset ${path}: ${why}${hint}`);
  }
}

/** What counts as recovered money (清退/追缴/挽回…) and as other money (fines, amounts involved…): one definition for the kept figures and compare. */
export const RECOVERED = `kind = 'money' AND role = 'recovered'`;
export const OTHER_MONEY = `kind = 'money' AND COALESCE(role, 'other') <> 'recovered'`;

// each problem of a bulletin with its recovered and other money
const ISSUE_MONEY = `SELECT i.id,
    (SELECT COALESCE(sum(value), 0) FROM quantities q WHERE q.bulletin_id = b.id AND q.issue_id = i.id AND ${RECOVERED}) AS m,
    (SELECT COALESCE(sum(value), 0) FROM quantities q WHERE q.bulletin_id = b.id AND q.issue_id = i.id AND ${OTHER_MONEY}) AS mo
  FROM issues i WHERE i.bulletin_id = b.id`;

/** bulletin_stats' figures, as store/tables.ts declares them. */
const STATS_COLUMNS = BULLETIN_STATS.columns.filter((c) => c.name !== 'bulletin_id').map((c) => c.name).join(', ');

/** A bulletin's own total `key`, or NULL. */
const declaredTotal = (key: string) => `(SELECT value FROM declared_totals t WHERE t.bulletin_id = b.id AND t.key = '${key}')`;
/** The figures compare reads of a bulletin's own totals (the last four of STATS_COLUMNS). */
const DECLARED_STATS = `${declaredTotal('problems')}, ${declaredTotal('rules')}, ${declaredTotal('money_recovered')},
    (SELECT count(*) FROM warnings w WHERE w.bulletin_id = b.id AND w.code = 'declared_total_mismatch')`;

/** bulletin_stats of the given bulletins (all those without stats when `bid` is null), from their stored rows. */
export const STATS_SQL = `INSERT OR REPLACE INTO bulletin_stats (bulletin_id, ${STATS_COLUMNS})
  SELECT b.id,
    (SELECT count(*) FROM issues i WHERE i.bulletin_id = b.id),
    (SELECT count(*) FROM issues i WHERE i.bulletin_id = b.id AND i.status = 'completed'),
    (SELECT COALESCE(sum(value), 0) FROM quantities q WHERE q.bulletin_id = b.id AND q.issue_id IS NOT NULL AND ${RECOVERED}),
    (SELECT COALESCE(sum(value), 0) FROM quantities q WHERE q.bulletin_id = b.id AND q.issue_id IS NOT NULL AND ${OTHER_MONEY}),
    (SELECT COALESCE(json_group_array(json_array(label, n, c, m, mo)), '[]') FROM (
       SELECT label, n, c, m, mo FROM (
         SELECT t.label, count(*) AS n, sum(i.status = 'completed') AS c, sum(im.m) AS m, sum(im.mo) AS mo, min(t.issue_id) AS first, t.theme AS theme
         FROM issue_themes t JOIN issues i ON i.id = t.issue_id JOIN (${ISSUE_MONEY}) im ON im.id = i.id
         WHERE i.bulletin_id = b.id GROUP BY t.theme, t.label
         UNION ALL
         SELECT NULL, count(*), sum(i.status = 'completed'), sum(im.m), sum(im.mo), 1e18, NULL
         FROM issues i JOIN (${ISSUE_MONEY}) im ON im.id = i.id
         WHERE i.bulletin_id = b.id AND NOT EXISTS (SELECT 1 FROM issue_themes t WHERE t.issue_id = i.id)
         HAVING count(*) > 0)
       ORDER BY first, theme)),
    ${DECLARED_STATS}
  FROM bulletins b WHERE (:bid IS NULL AND b.id NOT IN (SELECT bulletin_id FROM bulletin_stats)) OR b.id = :bid`;

/**
 * Each stored problem's searchable texts, as ftsRows (rows.ts) takes them from a record: id,
 * problem, measures (in order, one per line), outcome. The search index is contentless, so its
 * tokens are made again from these (a re-derived document's 'delete', a copy to PostgreSQL).
 */
export const SEARCH_TEXTS_SQL = `SELECT i.id, i.problem, COALESCE((SELECT group_concat(text, char(10)) FROM (SELECT m.text FROM measures m WHERE m.issue_id = i.id ORDER BY m.ordinal)), '') AS measures,
  COALESCE(i.outcome, '') AS outcome FROM issues i`;

/** The search-table row of one problem's texts: [problem, measures, outcome] tokens, space-joined. */
export function searchRow(r: { problem: string; measures: string; outcome: string }): [string, string, string] {
  const [p, m, o] = searchTokensMany([r.problem, r.measures, r.outcome]);
  return [p!.join(' '), m!.join(' '), o!.join(' ')];
}

/** Functions the migrations call (store/sqlite/*.sql): jieba search tokens, a problem's grams (store/grams.ts), deflate and inflate. */
function addMigrationFunctions(db: DB): void {
  db.function('zg_search_tokens', { deterministic: true }, (t: unknown) => (t == null ? '' : searchTokensMany([String(t)])[0]!.join(' ')));
  db.function('zg_grams', { deterministic: true, varargs: true }, (...texts: unknown[]) => gramsOf(texts.map((t) => (t == null ? null : String(t)))));
  const dict = (d: unknown) => (d == null ? {} : { dictionary: Buffer.isBuffer(d) ? d : Buffer.from(String(d)) });
  db.function('zg_deflate', { deterministic: true, varargs: true }, (x: unknown, d?: unknown) => (x == null ? null : deflateRawSync(Buffer.isBuffer(x) ? x : Buffer.from(String(x)), dict(d))));
  db.function('zg_inflate', { deterministic: true, varargs: true }, (x: unknown, d?: unknown) => (Buffer.isBuffer(x) ? inflateRawSync(x, dict(d)) : null));
}

function open(path: string, opts: OpenOptions): DB {
  const list = opts.migrations ?? migrations('sqlite');
  const latest = latestVersion(list);
  if (opts.readonly) {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    db.pragma('query_only = ON');
    addFunctions(db);
    const v = db.pragma('user_version', { simple: true }) as number;
    if (v !== latest) throw new DatasetError(`${path}: schema version ${v}, this zhenggai reads ${latest}; run \`zhenggai ingest\` on it first`);
    return db;
  }
  const db = new Database(path);
  // first: another ingest may be creating or migrating the same dataset right now, and every
  // step below waits for its lock instead of failing at once
  db.pragma('busy_timeout = 5000');
  db.pragma('journal_mode = WAL');
  // NORMAL: in WAL mode a commit is in the file (the OS's cache) when it returns, so a killed
  // process loses nothing committed; only a power cut can undo the last commits (the dataset stays
  // consistent, and a rerun ingests those files again). FULL adds an fsync per commit, which
  // was most of a document's writing time.
  db.pragma(`synchronous = ${opts.syncFull ? 'FULL' : 'NORMAL'}`);
  db.pragma('foreign_keys = ON');
  addFunctions(db);
  try {
    migrate(db, path, list, latest);
    // a dataset whose group figures were never computed (made before them) gets them once
    if (runSync(db, needsGroups())) db.transaction(() => runSync(db, ensureGroups())).immediate();
  } catch (e) {
    if (db.inTransaction) db.exec('ROLLBACK');
    db.close();
    throw e;
  }
  return db;
}

function* needsGroups() {
  const r = yield* get<{ todo: number }>('SELECT NOT EXISTS (SELECT 1 FROM group_stats) AND EXISTS (SELECT 1 FROM bulletins) AS todo');
  return !!r?.todo;
}

/**
 * Bring the dataset to the latest version: the files it still needs, in one write transaction (a
 * second ingest opening it at the same time waits, then finds it done, and never migrates it
 * twice). A migration rebuilds tables other tables refer to, with foreign keys off (dropping a
 * table would otherwise delete the rows that refer to it), and checks every key before it commits.
 */
function migrate(db: DB, path: string, list: Migration[], latest: number): void {
  const version = () => db.pragma('user_version', { simple: true }) as number;
  if (version() > latest) throw new DatasetError(`${path}: schema version ${version()} is newer than this zhenggai (${latest})`);
  if (version() === latest) return;
  addMigrationFunctions(db);
  db.pragma('foreign_keys = OFF');
  try {
    db.exec('BEGIN IMMEDIATE');
    for (const m of pendingByVersion(list, version())) runSync(db, applyMigration(m));
    db.pragma(`user_version = ${latest}`);
    const broken = db.pragma('foreign_key_check') as unknown[];
    if (broken.length) throw new DatasetError(`${path}: the migration would leave ${broken.length} broken reference(s), e.g. ${JSON.stringify(broken[0])}`);
    db.exec('COMMIT');
  } finally {
    if (db.inTransaction) db.exec('ROLLBACK');
    db.pragma('foreign_keys = ON');
  }
}
