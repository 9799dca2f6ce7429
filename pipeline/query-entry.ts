// Query process entry (bundled to dist/query.mjs, run with child_process.fork): runs one
// read-only SQL statement on a dataset opened read-only and streams its rows back in batches.
// A process of its own, not a thread: a statement busy inside SQLite (a recursive CTE with no
// end) never returns to JavaScript, and only a process can be stopped then (SIGKILL).
import { openDb } from '../output/db.js';

const send = (m: unknown) => new Promise<void>((resolve) => process.send!(m, () => resolve()));

process.once('message', async ({ db: path, sql, limit }: { db: string; sql: string; limit: number }) => {
  try {
    const db = openDb(path, { readonly: true });
    const st = db.prepare(sql);
    if (!st.reader) throw new Error('only statements that return rows (SELECT, WITH, PRAGMA …) are allowed');
    await send({ type: 'columns', columns: st.columns().map((c) => c.name) });
    let batch: unknown[] = [];
    let n = 0;
    for (const row of st.iterate()) {
      batch.push(row);
      n++;
      // one row past the limit says that more were left out
      if (batch.length >= 200 || n > limit) { await send({ type: 'rows', rows: batch }); batch = []; }
      if (n > limit) break;
    }
    await send({ type: 'rows', rows: batch });
    await send({ type: 'done' });
  } catch (e) {
    await send({ type: 'error', message: (e as Error).message, name: (e as Error).name });
  }
  process.disconnect();
});
