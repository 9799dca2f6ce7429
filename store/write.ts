// A document written into the dataset: one transaction, written once for both stores as steps
// (store/steps.ts; SQLite runs them synchronously inside its IMMEDIATE transaction or a group
// commit's savepoint, PostgreSQL awaits each under the dataset's write lock). Identity is the
// sha256 of the bytes: unchanged files are skipped (another path of the same bytes is recorded as
// such); --reprocess re-derives documents whose rules changed. What differs between the stores
// (their stored text, their search index, how they write a document's many rows) is a RowWriter.
import type { DocPayload } from './rows.js';
import { get, all, run, type Steps } from './steps.js';
import { insertOne } from './table-sql.js';
import type { AnyTable } from './table-spec.js';
import { BULLETINS, DOCUMENTS } from './tables.js';
import { FINGERPRINT_SCOPES, REPLACED_SCOPES, addPublication, refreshGroups, scopeOf, type Scope, type ScopeRow } from './groups.js';

export type WriteStatus = 'ingested' | 'unchanged' | 'reprocessed';

export interface Versions { pipeline: string; rules: string }

/** What a store writes its own way. */
export interface RowWriter {
  readonly dialect: 'sqlite' | 'pg';
  /** the paths of a document, in the order they are written again when it is re-derived */
  readonly pathOrder: string;
  /** the documents row's text and record as this store keeps them */
  stored(doc: DocPayload): { text: unknown; record: unknown };
  /** before a document is deleted (SQLite: the entries its contentless search index keeps) */
  beforeDelete(documentId: number): Steps<void>;
  /** the bulletin's child rows and its figures */
  children(bulletinId: number, doc: DocPayload): Steps<void>;
}

const addPath = (documentId: number, path: string) => run('INSERT INTO document_paths (document_id, path) VALUES (?, ?) ON CONFLICT DO NOTHING', [documentId, path]);

/** Write one document (see toPayload() in store/rows.ts), inside the caller's transaction. */
export function* writeDocument(w: RowWriter, doc: DocPayload, versions: Versions, reprocess: boolean): Steps<WriteStatus> {
  const row = yield* get<{ id: number; rules_hash: string; pipeline_version: string }>('SELECT id, rules_hash, pipeline_version FROM documents WHERE sha256 = ?', [doc.sha256]);
  let status: WriteStatus = 'ingested';
  let paths: string[] = [];
  const scopes: Scope[] = [];
  if (row) {
    const stale = row.rules_hash !== versions.rules || row.pipeline_version !== versions.pipeline;
    if (!reprocess || !stale) {
      yield* addPath(row.id, doc.path);
      return 'unchanged';
    }
    paths = (yield* all<{ path: string }>(`SELECT path FROM document_paths WHERE document_id = ? ORDER BY ${w.pathOrder}`, [row.id])).map((r) => r.path);
    // the scopes (store/groups.ts) a replaced document's bulletin touches, and a new one's
    for (const r of yield* all<ScopeRow>(REPLACED_SCOPES, [row.id])) scopes.push(scopeOf(r));
    yield* w.beforeDelete(row.id);
    yield* run('DELETE FROM documents WHERE id = ?', [row.id]);
    status = 'reprocessed';
  }
  const values = { sha256: doc.sha256, format: doc.format, encoding: doc.encoding, size: doc.size, ...w.stored(doc), pipeline_version: versions.pipeline, rules_hash: versions.rules };
  const docId = yield* insertRow(w, DOCUMENTS, values, 'ON CONFLICT (sha256) DO NOTHING RETURNING id');
  if (docId === null) return 'unchanged'; // cannot happen under the write lock; the hash decides anyway
  for (const p of new Set([...paths, doc.path])) yield* addPath(docId, p);
  const unitId = yield* unitOf(doc.unit);
  const bid = (yield* insertRow(w, BULLETINS, { ...doc.bulletin, document_id: docId, unit_id: unitId }, 'RETURNING id'))!;
  yield* w.children(bid, doc);
  // the groups compare sums (store/groups.ts): a new bulletin is added to its group; one that
  // replaces another has the groups of both units, and of the other files of the same
  // bulletins (which of them counts may have changed), computed again
  if (status === 'ingested') yield* addPublication(bid);
  else {
    for (const r of yield* all<ScopeRow>(FINGERPRINT_SCOPES, [doc.bulletin.fingerprint])) scopes.push(scopeOf(r));
    yield* refreshGroups(scopes);
  }
  return status;
}

/** One row of a table from named values; its id (null: none inserted). */
function* insertRow(w: RowWriter, t: AnyTable, values: Record<string, unknown>, tail: string): Steps<number | null> {
  const ins = insertOne(t, w.dialect, tail);
  const r = yield* get<{ id: number }>(ins.sql, ins.params.map((p) => p({ bulletin: 0, rows: {}, base: {}, values })));
  return r ? Number(r.id) : null;
}

/** The unit's id: its merge target if it was merged, created at its first bulletin, with the aliases the bulletin gives it. */
function* unitOf(u: DocPayload['unit']): Steps<number | null> {
  if (!u) return null;
  const merged = yield* get<{ into_name: string }>('SELECT into_name FROM unit_merges WHERE from_name = ?', [u.name]);
  const name = merged?.into_name ?? u.name;
  // looked up first: an INSERT … ON CONFLICT would use up a PostgreSQL identity number each time (the writer holds the lock)
  const found = yield* get<{ id: number }>('SELECT id FROM units WHERE name = ?', [name]);
  const id = Number(found?.id ?? (yield* get<{ id: number }>('INSERT INTO units (name, region, level) VALUES (?, ?, ?) RETURNING id', [name, u.region, u.level]))!.id);
  const alias = (a: string, source: string) => run('INSERT INTO unit_aliases (unit_id, alias, source) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', [id, a, source]);
  if (u.renameRule) yield* alias(u.canonical, u.renameRule);
  if (u.unitName && u.unitName !== name) yield* alias(u.unitName, 'bulletin.unit');
  for (const a of u.aliases) if (a !== name) yield* alias(a, 'bulletin.unit_aliases');
  return id;
}
