// The PostgreSQL writer: each document one transaction under the dataset's write lock (an advisory
// transaction lock, store/pg-store.ts), running store/write.ts's steps: ingests from several machines at
// once serialize their commits, and the document's content hash decides (ON CONFLICT (sha256)),
// so nothing is lost or duplicated. Its rows: the dictionaries first (a statement cannot see rows
// it adds itself), then every child table in one statement (store/table-sql.ts).
import { inflateRawSync } from 'node:zlib';
import type { PgStore } from './pg-store.js';
import { recordJson, type DocPayload } from './rows.js';
import { run, runOn, type Steps } from './steps.js';
import { pgDictionary, pgInsertChildren, type Ctx } from './table-sql.js';
import { BULLETIN_STATS, DICTIONARIES, DOCUMENT_TABLES } from './tables.js';
import { writeDocument, type RowWriter, type Versions, type WriteStatus } from './write.js';

const CHILDREN = pgInsertChildren(DOCUMENT_TABLES, BULLETIN_STATS);
/** each dictionary's statements, after the table whose rows look names up in it */
const LOOKUPS = DOCUMENT_TABLES.flatMap((t) => t.columns.flatMap((c) => (c.source.kind === 'lookup' ? [{ table: t.name, sql: pgDictionary(DICTIONARIES[c.source.table]!, c) }] : [])));

const pgRows: RowWriter = {
  dialect: 'pg',
  pathOrder: 'id',
  stored(doc: DocPayload) {
    // a server compresses on its own: the text plain, the record as jsonb
    const text = inflateRawSync(doc.textZ).toString('utf8');
    return { text, record: recordJson(doc.record, text) };
  },
  *beforeDelete(): Steps<void> {
    // the search and substring indexes (issue_search, issue_grams) go with the document's problems (ON DELETE CASCADE)
  },
  *children(bulletin: number, doc: DocPayload): Steps<void> {
    for (const l of LOOKUPS) if (doc.rows[l.table] !== '[]') for (const sql of l.sql) yield* run(sql, [doc.rows[l.table]]);
    const c: Ctx = { bulletin, rows: doc.rows, base: {}, values: doc.stats };
    yield* run(CHILDREN.sql, CHILDREN.params.map((p) => p(c)));
  },
};

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

  /** One document in one transaction under the write lock. */
  write(doc: DocPayload, opts: { reprocess?: boolean } = {}): Promise<WriteStatus> {
    return this.store.transaction((s) => runOn(s, writeDocument(pgRows, doc, this.versions, !!opts.reprocess)));
  }
}
