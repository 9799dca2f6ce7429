// Open a dataset, whichever database holds it: the embedded SQLite file (better-sqlite3, the
// default: SqliteStore, below) or a shared PostgreSQL server (store/pg.ts). The interface both
// answer is store/interface.ts.
import type { DB } from './db.js';
import { isServerUrl, type Store } from './interface.js';

export { isServerUrl, printableTarget, type Dialect, type Row, type Store } from './interface.js';

/**
 * Open a dataset: a PostgreSQL URL (postgresql://user@host:port/db) or a SQLite file. Read-only
 * opens a SQLite file read-only and a server connection in read-only transactions.
 */
export async function openStore(target: string, o: { readonly?: boolean } = {}): Promise<Store> {
  if (isServerUrl(target)) {
    const { openPg } = await import('./pg.js');
    return openPg(target, o);
  }
  const { openDb } = await import('./db.js');
  return new SqliteStore(openDb(target, o), target);
}

export class SqliteStore implements Store {
  readonly dialect = 'sqlite' as const;
  constructor(readonly db: DB, readonly label: string) {}
  async all<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.db.prepare(sql).all(...params) as T[];
  }
  async get<T>(sql: string, params: unknown[] = []): Promise<T | undefined> {
    return this.db.prepare(sql).get(...params) as T | undefined;
  }
  async arrays(sql: string, params: unknown[] = []): Promise<unknown[][]> {
    return this.db.prepare(sql).raw().all(...params) as unknown[][];
  }
  async stream(sql: string, params: unknown[], onBatch: (rows: unknown[][], columns: string[]) => void | Promise<void>): Promise<string[]> {
    const st = this.db.prepare(sql);
    const columns = st.columns().map((c) => c.name);
    let batch: unknown[][] = [];
    for (const r of st.raw().iterate(...params) as IterableIterator<unknown[]>) {
      batch.push(r);
      if (batch.length === 500) { await onBatch(batch, columns); batch = []; }
    }
    if (batch.length) await onBatch(batch, columns);
    return columns;
  }
  async run(sql: string, params: unknown[] = []): Promise<number> {
    return this.db.prepare(sql).run(...params).changes;
  }
  async script(sql: string): Promise<void> {
    this.db.exec(sql);
  }
  async transaction<T>(fn: (s: Store) => Promise<T>): Promise<T> {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const r = await fn(this);
      this.db.exec('COMMIT');
      return r;
    } catch (e) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw e;
    }
  }
  async close(): Promise<void> {
    this.db.close();
  }
}
