// One way to read and write a dataset, whichever database holds it: the embedded SQLite file
// (better-sqlite3, the default) or a shared PostgreSQL server (node-postgres, store/pg.ts).
// The read side (search, compare, units, report, export, errors) is written once against this
// interface in SQL both understand: `?` parameters (numbered for PostgreSQL here), CAST(? AS …)
// where a parameter's type must be known, string_agg, strpos (added to SQLite in db.ts). Where
// the two differ (full-text search, the list of tables) the caller asks `dialect`.
import type { DB } from './db.js';

export type Row = Record<string, unknown>;
export type Dialect = 'sqlite' | 'pg';

export interface Store {
  readonly dialect: Dialect;
  /** what was opened, printable (a server URL without its password) */
  readonly label: string;
  all<T = Row>(sql: string, params?: unknown[]): Promise<T[]>;
  get<T = Row>(sql: string, params?: unknown[]): Promise<T | undefined>;
  /** rows as arrays, in column order */
  arrays(sql: string, params?: unknown[]): Promise<unknown[][]>;
  /** rows as arrays, a batch at a time, never the whole result in memory; resolves to the column names */
  stream(sql: string, params: unknown[], onBatch: (rows: unknown[][], columns: string[]) => void | Promise<void>): Promise<string[]>;
  /** a write; resolves to the number of rows changed */
  run(sql: string, params?: unknown[]): Promise<number>;
  /** fn in one transaction (committed when it resolves, rolled back when it throws) */
  transaction<T>(fn: (s: Store) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export const isServerUrl = (target: string) => /^postgres(ql)?:\/\//i.test(target);

/** A server URL fit to print: the password is left out. */
export function printableTarget(target: string): string {
  if (!isServerUrl(target)) return target;
  try {
    const u = new URL(target);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return target.replace(/:[^:@/]*@/, ':***@');
  }
}

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
