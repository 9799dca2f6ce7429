// `zhenggai migrate --from zhenggai.db --to postgresql://…`: copy a SQLite dataset into a
// PostgreSQL server, ids and all, in one transaction (all of it or nothing), into a database that
// holds no dataset yet. Rows go in batches: each batch one INSERT … SELECT over
// jsonb_populate_recordset, i.e. one parameter and one round trip per few thousand rows.
import { openDb, plainText, searchRow, SEARCH_TEXTS_SQL, DatasetError } from './db.js';
import { recordJson } from './rows.js';
import { openPg, type PgStore } from './pg-store.js';
import { TABLES as DATASET_TABLES } from './tables-dataset.js';
import { GRAMS, SEARCH } from './tables.js';
import { gramsOf } from './grams.js';

/** Tables in the order their references need (as store/tables-dataset.ts lists them), each copied with the ids it has; not SQLite's own id_counters, nor the search and substring indexes (made below). */
const TABLES = DATASET_TABLES.filter((t) => t.name !== 'id_counters' && t !== SEARCH && t !== GRAMS).map((t) => t.name);
/** Tables whose ids a server hands out (identity columns): set past the copied ones afterwards. */
const IDENTITY = DATASET_TABLES.filter((t) => (t.pg?.columns ?? t.columns).some((c) => c.name === 'id' && (c.source.kind === 'database' || (c.source.kind === 'rowId' && c.source.counter === 'quantities'))))
  .map((t) => t.name);
const BATCH_ROWS = 2000;
const BATCH_CHARS = 4_000_000;

export interface MigrateResult { documents: number; rows: number; seconds: number }

export async function migrateToPg(from: string, to: string, progress: (table: string, rows: number) => void = () => {}): Promise<MigrateResult> {
  const t0 = performance.now();
  const src = openDb(from, { readonly: true });
  let dst: PgStore | null = null;
  try {
    dst = await openPg(to);
    const held = await dst.get<{ n: number }>('SELECT (SELECT count(*) FROM documents) + (SELECT count(*) FROM units) + (SELECT count(*) FROM ingest_runs) + (SELECT count(*) FROM unit_merges) AS n');
    if (held!.n > 0) throw new DatasetError(`${dst.label} holds a dataset already; migrate copies into an empty one (ingest the files there instead, to add to it)`);
    let total = 0;
    await dst.transaction(async (tx) => {
      const t = tx as PgStore;
      for (const table of TABLES) {
        const pgCols = (await t.all<{ c: string }>('SELECT column_name AS c FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ?', [table])).map((r) => r.c);
        const srcCols = (src.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[]);
        // document_paths: SQLite's rowid is the server's id (which path came first)
        const cols = srcCols.filter((c) => pgCols.includes(c));
        const select = `SELECT ${table === 'document_paths' ? 'rowid AS id, ' : ''}${cols.map((c) => `"${c}"`).join(', ')} FROM "${table}"`;
        const names = table === 'document_paths' ? ['id', ...cols] : cols;
        const insert = `INSERT INTO "${table}" (${names.map((c) => `"${c}"`).join(', ')}) SELECT ${names.map((c) => `"${c}"`).join(', ')} FROM jsonb_populate_recordset(NULL::"${table}", $1::jsonb)`;
        let n = 0;
        let batch: string[] = [];
        let chars = 0;
        const flush = async () => {
          if (!batch.length) return;
          await t.numberedQuery(insert, [`[${batch.join(',')}]`]);
          n += batch.length;
          batch = [];
          chars = 0;
        };
        for (const row of src.prepare(select).iterate() as IterableIterator<Record<string, unknown>>) {
          if (table === 'documents') {
            row.text = plainText(row.text);
            row.record = JSON.parse(recordJson(row.record as Buffer, row.text as string));
          }
          const j = JSON.stringify(row);
          batch.push(j);
          chars += j.length;
          if (batch.length >= BATCH_ROWS || chars >= BATCH_CHARS) await flush();
        }
        await flush();
        total += n;
        progress(table, n);
      }
      // the search index: the jieba tokens of each problem, its measures and its outcome (SQLite's
      // search table keeps only its index), as a tsvector; and the substring index, its grams
      let n = 0;
      let batch: unknown[] = [];
      const flush = async () => {
        if (!batch.length) return;
        const rows = JSON.stringify(batch);
        await t.numberedQuery(`INSERT INTO issue_search (issue_id, tokens)
          SELECT (v->>0)::bigint, array_to_tsvector(array_remove(string_to_array(concat_ws(' ', v->>1, v->>2, v->>3), ' '), '')) FROM jsonb_array_elements($1::jsonb) AS t(v)`, [rows]);
        await t.numberedQuery(`INSERT INTO issue_grams (issue_id, grams)
          SELECT (v->>0)::bigint, array_to_tsvector(array_remove(string_to_array(v->>4, ' '), '')) FROM jsonb_array_elements($1::jsonb) AS t(v)`, [rows]);
        n += batch.length;
        batch = [];
      };
      for (const r of src.prepare(`${SEARCH_TEXTS_SQL} ORDER BY i.id`).iterate() as IterableIterator<{ id: number; problem: string; measures: string; outcome: string }>) {
        batch.push([r.id, ...searchRow(r), gramsOf([r.problem, r.measures, r.outcome])]);
        if (batch.length >= BATCH_ROWS) await flush();
      }
      await flush();
      total += n;
      progress('issue_search', n);
      progress('issue_grams', n);
      total += n;
      for (const table of IDENTITY) {
        await t.run(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), COALESCE((SELECT max(id) FROM "${table}"), 1), (SELECT max(id) FROM "${table}") IS NOT NULL)`);
      }
    });
    const docs = await dst.get<{ n: number }>('SELECT count(*) AS n FROM documents');
    return { documents: docs!.n, rows: total, seconds: Math.round((performance.now() - t0) / 10) / 100 };
  } finally {
    src.close();
    await dst?.close();
  }
}
