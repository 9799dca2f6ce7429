// Open the dataset: schema from schema.sql, version in PRAGMA user_version,
// foreign keys on; WAL for ingest (synchronous=NORMAL: a commit survives the process being
// killed; FULL, which also survives the machine losing power, with `ingest --sync full`),
// read-only for queries.
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { rootPath } from '../core/paths.js';
import { searchTokensMany } from '../core/tokens.js';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { rebuildGroupsSync } from './groups.js';

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

export const SCHEMA_VERSION = 8;
export type DB = Database.Database;

const schemaSql = () => readFileSync(rootPath('store', 'schema.sql'), 'utf8');

/** The dataset cannot be opened or is not one of ours: a clear message, no stack. */
export class DatasetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatasetError';
  }
}

export function openDb(path: string, opts: { readonly?: boolean; syncFull?: boolean } = {}): DB {
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

/** bulletin_stats' columns, in the order of a payload's `stats` (rows.ts statsOf). */
export const STATS_COLUMNS = 'problems, completed, money_recovered, money_other, themes, declared_problems, declared_rules, declared_money_recovered, mismatches';

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

/** Fill the search table from the stored issues (after a schema change). */
function refillSearch(db: DB): void {
  const rows = db.prepare(SEARCH_TEXTS_SQL).all() as Array<{ id: number; problem: string; measures: string; outcome: string }>;
  const insert = db.prepare('INSERT INTO issues_fts (rowid, problem, measures, outcome) VALUES (?, ?, ?, ?)');
  db.transaction(() => {
    for (const r of rows) insert.run(r.id, ...searchRow(r));
  })();
}

function open(path: string, opts: { readonly?: boolean; syncFull?: boolean }): DB {
  if (opts.readonly) {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    db.pragma('query_only = ON');
    addFunctions(db);
    const v = db.pragma('user_version', { simple: true }) as number;
    if (v !== SCHEMA_VERSION) throw new DatasetError(`${path}: schema version ${v}, this zhenggai reads ${SCHEMA_VERSION}; run \`zhenggai ingest\` on it first`);
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
  // creating or migrating the dataset is one write transaction: a second ingest opening it at
  // the same time waits, then finds it done (and never migrates it twice). A migration rebuilds
  // tables other tables refer to, with foreign keys off (dropping a table would otherwise delete
  // the rows that refer to it), and checks every key before it commits.
  const migrating = (db.pragma('user_version', { simple: true }) as number) !== SCHEMA_VERSION;
  if (migrating) db.pragma('foreign_keys = OFF');
  db.exec('BEGIN IMMEDIATE');
  try {
    migrate(db, path);
    if (migrating) {
      const broken = db.pragma('foreign_key_check') as unknown[];
      if (broken.length) throw new DatasetError(`${path}: the migration would leave ${broken.length} broken reference(s), e.g. ${JSON.stringify(broken[0])}`);
    }
    db.exec('COMMIT');
  } catch (e) {
    db.exec('ROLLBACK');
    db.close();
    throw e;
  } finally {
    if (db.open && migrating) db.pragma('foreign_keys = ON');
  }
  return db;
}

function migrate(db: DB, path: string): void {
  const v = db.pragma('user_version', { simple: true }) as number;
  if (v > SCHEMA_VERSION) throw new DatasetError(`${path}: schema version ${v} is newer than this zhenggai (${SCHEMA_VERSION})`);
  // version 1 had a contentless_delete search table, which SQLite before 3.43 cannot open:
  // drop it; the schema creates the plain one, filled again from the issues
  const migrateFts = v === 1;
  if (migrateFts) db.exec('DROP TABLE IF EXISTS issues_fts');
  // version 3: quantities.role (what a money amount is); the views that read it are created
  // by the schema, so the column comes first
  if (v >= 1 && v < 3 && !(db.pragma('table_info(quantities)') as Array<{ name: string }>).some((c) => c.name === 'role')) db.exec('ALTER TABLE quantities ADD COLUMN role TEXT');
  // version 4: the record is stored deflate-compressed (documents.record), not as JSON text
  // (record_json was two thirds of a dataset's size): convert, then drop the old column
  const cols = v >= 1 ? (db.pragma('table_info(documents)') as Array<{ name: string }>).map((c) => c.name) : [];
  if (cols.includes('record_json')) {
    db.transaction(() => {
      if (!cols.includes('record')) db.exec('ALTER TABLE documents ADD COLUMN record BLOB');
      const rows = db.prepare('SELECT id, record_json FROM documents').iterate() as IterableIterator<{ id: number; record_json: string }>;
      const set = db.prepare('UPDATE documents SET record = ? WHERE id = ?');
      const pending: Array<[Buffer, number]> = [];
      for (const r of rows) pending.push([deflateRawSync(Buffer.from(r.record_json)), r.id]);
      for (const [b, id] of pending) set.run(b, id);
      db.exec('ALTER TABLE documents DROP COLUMN record_json');
    })();
  }
  // version 6: the text and the record kept compressed (the record with the text as its
  // dictionary), the search table contentless (its tokens were a sixth of a dataset)
  if (v >= 1 && v < 6) {
    const ftsSql = (db.prepare("SELECT sql FROM sqlite_master WHERE name = 'issues_fts'").pluck().get() as string | undefined) ?? '';
    if (ftsSql && !ftsSql.includes("content = ''")) {
      db.exec("CREATE VIRTUAL TABLE issues_fts_new USING fts5(problem, measures, outcome, tokenize = 'unicode61', content = '', detail = 'none')");
      db.exec('INSERT INTO issues_fts_new (rowid, problem, measures, outcome) SELECT rowid, problem, measures, outcome FROM issues_fts');
      db.exec('DROP TABLE issues_fts');
      db.exec('ALTER TABLE issues_fts_new RENAME TO issues_fts');
    }
    const docs = db.prepare('SELECT id, text, record FROM documents').iterate() as IterableIterator<{ id: number; text: unknown; record: Buffer }>;
    const set = db.prepare('UPDATE documents SET text = ?, record = ? WHERE id = ?');
    const pending: Array<[Buffer, Buffer, number]> = [];
    for (const d of docs) {
      if (Buffer.isBuffer(d.text)) continue; // done already
      const t = Buffer.from(String(d.text));
      pending.push([deflateRawSync(t), deflateRawSync(inflateRawSync(d.record), { dictionary: t }), d.id]);
    }
    for (const [t, r, id] of pending) set.run(t, r, id);
  }
  // schema 6: measures WITHOUT ROWID (the key is the table, not an index beside it), and theme
  // tags apart from each theme's label and rule (issue_themes becomes a view): the old tables are
  // set aside, the schema makes the new ones, and their rows move over
  const tableSql = (t: string) => (db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").pluck().get(t) as string | undefined) ?? null;
  const oldMeasures = v >= 1 && tableSql('measures') !== null && !/WITHOUT ROWID/i.test(tableSql('measures')!);
  // schema 7: issues without a foreign key on category_id (rebuilt: SQLite cannot drop a key),
  // issue_notes kept in key order (WITHOUT ROWID), quantities in quantity_rows with their rule
  // ids in `rules` (quantities is a view). The views are made again by the schema.
  if (v >= 1 && v < 7 && /REFERENCES categories/.test(tableSql('issues') ?? '')) {
    for (const name of db.prepare("SELECT name FROM sqlite_master WHERE type = 'view'").pluck().all() as string[]) db.exec(`DROP VIEW "${name}"`);
    const ddl = /CREATE TABLE IF NOT EXISTS issues \([\s\S]*?\n\);/.exec(schemaSql())![0].replace('IF NOT EXISTS issues', 'issues_new');
    const cols = (db.pragma('table_info(issues)') as Array<{ name: string }>).map((c) => `"${c.name}"`).join(', ');
    db.exec(`${ddl}; INSERT INTO issues_new (${cols}) SELECT ${cols} FROM issues; DROP TABLE issues; ALTER TABLE issues_new RENAME TO issues`);
  }
  const oldNotes = v >= 1 && tableSql('issue_notes') !== null && !/WITHOUT ROWID/i.test(tableSql('issue_notes')!);
  if (oldNotes) db.exec('ALTER TABLE issue_notes RENAME TO issue_notes_before7');
  const oldTotals = v >= 1 && tableSql('declared_totals') !== null && !/WITHOUT ROWID/i.test(tableSql('declared_totals')!);
  if (oldTotals) db.exec('ALTER TABLE declared_totals RENAME TO declared_totals_before7');
  const oldQuantities = v >= 1 && tableSql('quantities') !== null;
  if (oldQuantities) db.exec('ALTER TABLE quantities RENAME TO quantities_before7; DROP INDEX IF EXISTS quantities_issue; DROP INDEX IF EXISTS quantities_bulletin');
  const oldThemes = v >= 1 && tableSql('issue_themes') !== null;
  // schema 7: a theme tag names its theme by number (themes.id), not by its id string
  const themesByName = v >= 1 && tableSql('themes') !== null && !/\bid INTEGER PRIMARY KEY/.test(tableSql('themes')!);
  if (themesByName) db.exec('DROP VIEW IF EXISTS issue_themes; ALTER TABLE issue_theme_tags RENAME TO issue_theme_tags_before7; ALTER TABLE themes RENAME TO themes_before7');
  if (oldMeasures) db.exec('ALTER TABLE measures RENAME TO measures_before6');
  if (oldThemes) db.exec('ALTER TABLE issue_themes RENAME TO issue_themes_before6');
  db.exec(schemaSql());
  if (oldMeasures) db.exec('INSERT OR IGNORE INTO measures (issue_id, ordinal, text) SELECT issue_id, ordinal, text FROM measures_before6; DROP TABLE measures_before6');
  if (themesByName) {
    db.exec(`INSERT INTO themes (theme, label, rule) SELECT theme, label, rule FROM themes_before7 ORDER BY theme ON CONFLICT (theme) DO NOTHING;
      INSERT OR IGNORE INTO issue_theme_tags (issue_id, theme_id, keyword) SELECT t.issue_id, th.id, t.keyword FROM issue_theme_tags_before7 t JOIN themes th ON th.theme = t.theme;
      DROP TABLE issue_theme_tags_before7; DROP TABLE themes_before7`);
  }
  if (oldThemes) {
    db.exec(`INSERT INTO themes (theme, label, rule) SELECT theme, max(label), max(rule) FROM issue_themes_before6 GROUP BY theme ORDER BY theme ON CONFLICT (theme) DO NOTHING;
      INSERT OR IGNORE INTO issue_theme_tags (issue_id, theme_id, keyword) SELECT t.issue_id, th.id, t.keyword FROM issue_themes_before6 t JOIN themes th ON th.theme = t.theme; DROP TABLE issue_themes_before6`);
  }
  if (oldNotes) db.exec('INSERT OR IGNORE INTO issue_notes (issue_id, ordinal, text) SELECT issue_id, ordinal, text FROM issue_notes_before7 ORDER BY rowid; DROP TABLE issue_notes_before7');
  if (oldTotals) db.exec('INSERT OR IGNORE INTO declared_totals (bulletin_id, key, value) SELECT bulletin_id, key, value FROM declared_totals_before7 ORDER BY rowid; DROP TABLE declared_totals_before7');
  if (oldQuantities) {
    db.exec(`INSERT OR IGNORE INTO rules (rule) SELECT DISTINCT rule FROM quantities_before7 ORDER BY rule;
      INSERT INTO quantity_rows (id, bulletin_id, issue_id, value, unit, kind, approx, text, span_start, span_end, rule_id, role)
        SELECT q.id, q.bulletin_id, q.issue_id, q.value, q.unit, q.kind, q.approx, q.text, q.span_start, q.span_end, r.id, q.role FROM quantities_before7 q JOIN rules r ON r.rule = q.rule ORDER BY q.bulletin_id, q.id;
      INSERT INTO id_counters (name, last) SELECT 'quantities', m FROM (SELECT max(id) AS m FROM quantities_before7) WHERE m IS NOT NULL ON CONFLICT (name) DO UPDATE SET last = max(last, excluded.last);
      DROP TABLE quantities_before7`);
  }
  // unit_merges.undo (what `units unmerge` puts back): added to a dataset made before it; a read-only
  // reader never needs it, so the schema version stays
  if (!(db.pragma('table_info(unit_merges)') as Array<{ name: string }>).some((c) => c.name === 'undo')) db.exec('ALTER TABLE unit_merges ADD COLUMN undo TEXT');
  if (migrateFts) refillSearch(db);
  // version 5: per-bulletin figures kept at ingest; an older dataset gets them once
  if (v >= 1 && v < 5) db.prepare(STATS_SQL).run({ bid: null });
  // the declared totals and mismatch count compare reads, kept with the figures (a dataset whose
  // figures predate them gets them once)
  else if (v >= 5 && !(db.pragma('table_info(bulletin_stats)') as Array<{ name: string }>).some((c) => c.name === 'mismatches')) {
    db.exec('ALTER TABLE bulletin_stats ADD COLUMN declared_problems REAL; ALTER TABLE bulletin_stats ADD COLUMN declared_rules REAL; ALTER TABLE bulletin_stats ADD COLUMN declared_money_recovered REAL; ALTER TABLE bulletin_stats ADD COLUMN mismatches INTEGER NOT NULL DEFAULT 0');
    db.exec(`UPDATE bulletin_stats AS s SET (declared_problems, declared_rules, declared_money_recovered, mismatches) = (SELECT ${DECLARED_STATS} FROM bulletins b WHERE b.id = s.bulletin_id)`);
  }
  // version 7: the figures per group that compare sums (store/groups.ts), computed once
  if (v >= 1 && v < 7) rebuildGroupsSync(db);
  // version 8: a problem's own unit in a round's digest (issues.unit), a region's GB/T 2260 code
  // (bulletins.region_code); NULL for what was ingested before (ingest again to fill them)
  if (v >= 1 && v < 8) {
    if (!(db.pragma('table_info(issues)') as Array<{ name: string }>).some((c) => c.name === 'unit')) db.exec('ALTER TABLE issues ADD COLUMN unit TEXT');
    if (!(db.pragma('table_info(bulletins)') as Array<{ name: string }>).some((c) => c.name === 'region_code')) db.exec('ALTER TABLE bulletins ADD COLUMN region_code TEXT');
  }
  if (v !== SCHEMA_VERSION) db.pragma(`user_version = ${SCHEMA_VERSION}`);
}
