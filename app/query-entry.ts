// Query process entry (bundled to dist/query.mjs, run with child_process.fork): runs one
// read-only SQL statement on a dataset opened read-only and streams its rows back in batches.
// A process of its own, not a thread: a statement busy inside SQLite (a recursive CTE with no
// end) never returns to JavaScript, and only a process can be stopped then (SIGKILL).
// - Only one read-only statement that returns rows, as SQLite itself says (store/sql-guard.ts).
// - Long text and blob cells are cut by SQLite (the statement is read through a wrapper that
//   takes substr of them): a cell of hundreds of megabytes never comes into JavaScript whole.
//   A statement that cannot be wrapped (PRAGMA, EXPLAIN) is read as it is and cut here.
// - It stops after `limit` + 1 rows, or once the rows passed `maxBytes`.
// Run as a worker thread instead (store/query-output.ts), it formats a table: the thread is
// stopped at the deadline however long cli-table3 takes.
import { isMainThread, parentPort } from 'node:worker_threads';

interface Job { db: string; sql: string; limit: number; maxBytes: number; maxCell: number }

if (!isMainThread) {
  parentPort!.on('message', async (job: { rows: Record<string, unknown>[]; columns: string[]; rawCsv?: boolean }) => {
    const { formatRows } = await import('./format.js');
    parentPort!.postMessage(formatRows(job.rows, 'table', job.columns, { rawCsv: job.rawCsv }));
  });
} else {
  const send = (m: unknown) => new Promise<void>((resolve) => process.send!(m, () => resolve()));
  process.once('message', async ({ db: path, sql, limit, maxBytes, maxCell }: Job) => {
    try {
      const { openDb } = await import('../store/db.js');
      const { sqliteStatement, sqliteStatementText } = await import('../store/sql-guard.js');
      const { cutCell, rawSize } = await import('./query-output.js');
      const db = openDb(path, { readonly: true });
      const st = sqliteStatement(db, sql);
      const columns = st.columns().map((c) => c.name);
      let run = st.raw(true);
      try {
        const names = columns.map((_, i) => `zhenggai_c${i}`);
        const cut = (c: string) => `CASE WHEN typeof(${c}) IN ('text', 'blob') THEN substr(${c}, 1, ${maxCell + 1}) ELSE ${c} END`;
        // a newline before the `)`: the statement may end in a -- comment
        const wrapped = db.prepare(`WITH zhenggai_query(${names.join(', ')}) AS (\n${sqliteStatementText(sql)}\n) SELECT ${names.map(cut).join(', ')} FROM zhenggai_query`);
        if (wrapped.readonly && wrapped.reader && wrapped.columns().length === columns.length) run = wrapped.raw(true);
      } catch {
        // not a SELECT (PRAGMA, EXPLAIN): read as it is
      }
      await send({ type: 'columns', columns });
      let batch: Record<string, unknown>[] = [];
      let batchBytes = 0;
      let n = 0;
      let bytes = 0;
      let cellsCut = 0;
      let bytesCut = false;
      for (const cells of run.iterate() as IterableIterator<unknown[]>) {
        const row: Record<string, unknown> = {};
        let size = 2;
        cells.forEach((v, i) => {
          const [c, cut] = cutCell(v, maxCell);
          if (cut) cellsCut++;
          size += rawSize(c) + 1;
          row[columns[i]!] = c;
        });
        batch.push(row);
        batchBytes += size;
        bytes += size;
        n++;
        // one row past the limit says that more were left out
        if (n > limit) break;
        if (bytes > maxBytes) { bytesCut = true; break; }
        if (batch.length >= 200 || batchBytes >= 1 << 20) { await send({ type: 'rows', rows: batch }); batch = []; batchBytes = 0; }
      }
      await send({ type: 'rows', rows: batch });
      await send({ type: 'done', bytesCut, cellsCut });
    } catch (e) {
      await send({ type: 'error', message: (e as Error).message, name: (e as Error).name });
    }
    process.disconnect();
  });
}
