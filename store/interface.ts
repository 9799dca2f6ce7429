// One way to read and write a dataset, whichever database holds it: the embedded SQLite file
// (better-sqlite3, the default) or a shared PostgreSQL server (node-postgres, store/pg.ts).
// The read side (search, compare, units, report, export, errors) is written once against this
// interface in SQL both understand: `?` parameters (numbered for PostgreSQL), CAST(? AS …)
// where a parameter's type must be known, string_agg, strpos (added to SQLite in db.ts). Where
// the two differ (full-text search, the list of tables) the caller asks `dialect`. The write
// side is written once too, as steps (store/steps.ts) that either store runs.

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
  /** statements without parameters, as one script (a migration's) */
  script?(sql: string): Promise<void>;
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
