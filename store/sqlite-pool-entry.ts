// A thread of the web app's SQLite pool (store/sqlite-pool.ts; bundled to dist/sqlite-pool.mjs):
// opens the dataset read-only with better-sqlite3 and runs, one at a time, the statements (and the
// bulletin pages, store/bulletin-page.ts) that the main thread sends, off its event loop.
import { parentPort, workerData } from 'node:worker_threads';
import { openDb, type DB } from './db.js';
import { SqliteStore } from './store.js';
import { bulletinPage, type PageOptions } from './bulletin-page.js';
import { nameThread } from '../core/thread-name.js';

export type PoolRequest =
  | { op: 'all' | 'get' | 'arrays'; sql: string; params: unknown[] }
  | { op: 'stream'; sql: string; params: unknown[] }
  | { op: 'bulletinPage'; id: number; o: PageOptions };
export type PoolReply =
  | { ready: true }
  | { ok: true; value: unknown }
  | { ok: false; name: string; message: string }
  | { batch: unknown[][]; columns: string[] };

const port = parentPort!;
nameThread('zg-serve-sql');
// better-sqlite3 binds Buffers, not the Uint8Arrays that structured cloning turns them into
const param = (v: unknown) => (v instanceof Uint8Array && !Buffer.isBuffer(v) ? Buffer.from(v.buffer, v.byteOffset, v.byteLength) : v);

let db: DB;
let store: SqliteStore;
try {
  db = openDb((workerData as { path: string }).path, { readonly: true });
  store = new SqliteStore(db, (workerData as { path: string }).path);
  port.postMessage({ ready: true } satisfies PoolReply);
} catch (e) {
  port.postMessage({ ok: false, name: (e as Error).name, message: (e as Error).message } satisfies PoolReply);
  process.exit(1);
}

port.on('message', async (m: PoolRequest) => {
  try {
    let value: unknown;
    if (m.op === 'bulletinPage') {
      value = await bulletinPage(store, m.id, m.o);
    } else {
      const st = db.prepare(m.sql);
      const params = m.params.map(param);
      if (m.op === 'all') value = st.all(...params);
      else if (m.op === 'get') value = st.get(...params);
      else if (m.op === 'arrays') value = st.raw().all(...params);
      else {
        const columns = st.columns().map((c) => c.name);
        let batch: unknown[][] = [];
        for (const r of st.raw().iterate(...params) as IterableIterator<unknown[]>) {
          batch.push(r);
          if (batch.length === 500) { port.postMessage({ batch, columns } satisfies PoolReply); batch = []; }
        }
        if (batch.length) port.postMessage({ batch, columns } satisfies PoolReply);
        value = columns;
      }
    }
    port.postMessage({ ok: true, value } satisfies PoolReply);
  } catch (e) {
    port.postMessage({ ok: false, name: (e as Error).name, message: (e as Error).message } satisfies PoolReply);
  }
});
