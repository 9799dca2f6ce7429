// The SQLite writer: each document one transaction (store/write.ts's steps, run synchronously),
// IMMEDIATE so that another writer (a second ingest, `units merge`) waits for the write lock
// (busy_timeout) rather than fail on a stale snapshot; inside a group commit, part of the group's
// transaction (store/sink-local.ts keeps each document atomic by replaying). Its rows: each child table one INSERT … SELECT over the JSON array of its rows
// (store/table-sql.ts), its ids counted on from the largest given. The two FTS5 tables' rows are
// written last, just before the transaction commits: FTS5 keeps new terms in memory until the
// transaction ends or a statement opens a statement journal (an INSERT … SELECT into a table with a
// foreign key, say), when it writes them out as a new segment; written with the document's other
// rows, each document made a segment of its own in each index, merged again and again later.
// Written together at the end, a group commit's documents make one.
import { searchRow, SEARCH_TEXTS_SQL, type DB } from './db.js';
import { gramsOf } from './grams.js';
import type { DocPayload } from './rows.js';
import { get, all, run, runSync, type Steps } from './steps.js';
import { insertOne, sqliteDictionary, sqliteInsertGroup, sqliteInsertMany, type Ctx, type Insert } from './table-sql.js';
import type { AnyTable, Counter } from './table-spec.js';
import { BULLETIN_STATS, DICTIONARIES, DOCUMENT_TABLES } from './tables.js';
import { writeDocument, type RowWriter, type Versions, type WriteStatus } from './write.js';

export type { Versions, WriteStatus };

const params = (i: Insert, c: Ctx) => i.params.map((p) => p(c));

/** How SQLite numbers a document's rows: from the largest id in the table, and/or the largest ever given (id_counters). */
const COUNTERS: Record<Counter, { table: string | null; kept: boolean }> = {
  categories: { table: 'categories', kept: false },
  // issue ids are never used twice (the search index may keep entries of a re-derived one)
  issues: { table: 'issues', kept: true },
  // quantity_rows is kept in bulletin order: no max(id) to read
  quantities: { table: null, kept: true },
};

/** What the writer needs of a table, worked out once: its INSERT, the counters its rows use, its own, its lookups. */
interface TablePlan {
  t: AnyTable; insert: Insert; counters: Counter[]; own: Counter | null; lookups: Array<{ sql: string; update: boolean; key: string; with: string[]; dict: string }>;
  /** a search index's: its rows of several documents in one statement */
  group: ReturnType<typeof sqliteInsertGroup> | null;
}

function plan(t: AnyTable): TablePlan {
  const counters: Counter[] = [];
  let own: Counter | null = null;
  const lookups: TablePlan['lookups'] = [];
  for (const c of t.columns) {
    const s = c.source;
    if (s.kind === 'rowId') { counters.push(s.counter); if (COUNTERS[s.counter].kept) own = s.counter; }
    if (s.kind === 'ref') counters.push(s.counter);
    if (s.kind === 'lookup') lookups.push({ sql: sqliteDictionary(DICTIONARIES[s.table]!, c), update: DICTIONARIES[s.table]!.dictionary!.update, key: s.key, with: Object.keys(s.with), dict: s.table });
  }
  return { t, insert: sqliteInsertMany(t), counters, own, lookups, group: t.searchIndex ? sqliteInsertGroup(t) : null };
}

class SqliteRows implements RowWriter {
  readonly dialect = 'sqlite' as const;
  // the paths come back in their key's order (document_id, path)
  readonly pathOrder = 'path';
  /** dictionary rows this writer has written ([theme, label, rule]): its INSERT runs only for one it has not */
  readonly seen = new Set<string>();
  private plans = DOCUMENT_TABLES.map(plan);
  private stats = insertOne(BULLETIN_STATS, 'sqlite');
  /** the search indexes' rows of the open transaction's documents, by table (entries of sqliteInsertGroup's array), written by indexRows() before it commits */
  private pendingIndex = new Map<TablePlan, string[]>();

  stored(doc: DocPayload) {
    return { text: Buffer.from(doc.textZ), record: Buffer.from(doc.record) };
  }

  *beforeDelete(documentId: number): Steps<void> {
    // the search table and the gram table are contentless: a document's entries go with FTS5's
    // 'delete' command and the tokens and grams they were made of, computed again from the stored problems
    for (const i of yield* all<{ id: number; problem: string; measures: string; outcome: string }>(`${SEARCH_TEXTS_SQL} JOIN bulletins b ON b.id = i.bulletin_id WHERE b.document_id = ?`, [documentId])) {
      yield* run("INSERT INTO issues_fts (issues_fts, rowid, problem, measures, outcome) VALUES ('delete', ?, ?, ?, ?)", [i.id, ...searchRow(i)]);
      yield* run("INSERT INTO issues_fts_grams (issues_fts_grams, rowid, grams) VALUES ('delete', ?, ?)", [i.id, gramsOf([i.problem, i.measures, i.outcome])]);
    }
  }

  *children(bulletin: number, doc: DocPayload): Steps<void> {
    const c: Ctx = { bulletin, rows: doc.rows, base: {}, values: doc.stats };
    for (const p of this.plans) {
      const rows = doc.rows[p.t.name]!;
      if (rows === '[]') continue;
      for (const counter of p.counters) if (c.base[counter] === undefined) c.base[counter] = yield* this.base(counter);
      for (const l of p.lookups) yield* this.dictionary(l, rows);
      if (p.group) {
        let pending = this.pendingIndex.get(p);
        if (!pending) this.pendingIndex.set(p, (pending = []));
        pending.push(p.group.entry(c));
        continue;
      }
      const n = yield* run(p.insert.sql, params(p.insert, c));
      if (p.own) yield* run('INSERT INTO id_counters (name, last) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET last = excluded.last', [p.own, c.base[p.own]! + n]);
    }
    // the figures compare and the report read, computed with the record (record-values.ts statsOf)
    yield* run(this.stats.sql, params(this.stats, c));
  }

  /** The search indexes' rows of the documents written since the last call (the transaction's, before it commits). */
  *indexRows(): Steps<void> {
    const pending = this.pendingIndex;
    this.pendingIndex = new Map();
    for (const [p, entries] of pending) yield* run(p.group!.sql, [`[${entries.join(',')}]`]);
  }

  /** The open transaction rolled back: its documents' index rows go with it. */
  dropPending(): void {
    this.pendingIndex.clear();
  }

  /** The largest id a counter has given. */
  private *base(counter: Counter): Steps<number> {
    const { table, kept } = COUNTERS[counter];
    const max = table ? Number((yield* get<{ n: number }>(`SELECT coalesce(max(id), 0) AS n FROM ${table}`))!.n) : 0;
    const last = kept ? Number((yield* get<{ last: number }>('SELECT last FROM id_counters WHERE name = ?', [counter]))?.last ?? 0) : 0;
    return Math.max(max, last);
  }

  /**
   * The names a table's rows look up, into their dictionary first: a dictionary of names alone
   * (rules) costs one INSERT OR IGNORE; one whose other columns follow the rules (themes' labels)
   * is written when they are new to this writer (they come from the rules, the same for a batch).
   */
  private *dictionary(l: TablePlan['lookups'][number], rows: string): Steps<void> {
    if (!l.update) { yield* run(l.sql, [rows]); return; }
    const names = (JSON.parse(rows) as Array<Record<string, unknown>>).map((r) => JSON.stringify([l.dict, r[l.key], ...l.with.map((k) => r[k])]));
    if (names.every((n) => this.seen.has(n))) return;
    yield* run(l.sql, [rows]);
    for (const n of names) this.seen.add(n);
  }
}

export class Writer {
  private rows = new SqliteRows();
  private s;
  constructor(private db: DB, private versions: Versions) {
    this.s = {
      findDoc: db.prepare('SELECT id, rules_hash, pipeline_version FROM documents WHERE sha256 = ?'),
      addPath: db.prepare('INSERT OR IGNORE INTO document_paths (document_id, path) VALUES (?, ?)'),
    };
  }

  /** Is this content already in the dataset (and current)? Lets the batch skip parsing. */
  known(sha256: string, reprocess: boolean): 'absent' | 'current' | 'stale' {
    const row = this.s.findDoc.get(sha256) as { rules_hash: string; pipeline_version: string } | undefined;
    if (!row) return 'absent';
    if (reprocess && (row.rules_hash !== this.versions.rules || row.pipeline_version !== this.versions.pipeline)) return 'stale';
    return 'current';
  }

  /** Record another path for known bytes. */
  addPath(sha256: string, path: string): void {
    const row = this.s.findDoc.get(sha256) as { id: number } | undefined;
    if (row) this.s.addPath.run(row.id, path);
  }

  /** What this writer remembers of the dataset's rows, forgotten when a write or a commit fails (its rows may be gone). */
  forget(): void {
    this.rows.seen.clear();
    this.rows.dropPending();
  }

  /** The search indexes' rows of the documents written into the open transaction (call it before COMMIT). */
  finishOpen(): void {
    runSync(this.db, this.rows.indexRows());
  }

  /**
   * Write one document inside the caller's open transaction, with no savepoint of its own (a group
   * commit's: each savepoint makes both FTS5 tables flush their pending terms into a new segment,
   * which doubles their cost; the sink replays the group's other documents if this one fails).
   * Its search index rows wait for finishOpen().
   */
  writeInOpen(doc: DocPayload, opts: { reprocess?: boolean } = {}): WriteStatus {
    return runSync(this.db, writeDocument(this.rows, doc, this.versions, !!opts.reprocess));
  }

  /** Write one document (see toPayload() in store/rows.ts). */
  write(doc: DocPayload, opts: { reprocess?: boolean } = {}): WriteStatus {
    try {
      return this.db.transaction(() => {
        const status = this.writeInOpen(doc, opts);
        this.finishOpen();
        return status;
      }).immediate();
    } catch (e) {
      this.forget();
      throw e;
    }
  }
}
