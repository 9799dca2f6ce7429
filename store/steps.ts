// Work on a dataset written once for both stores: a generator that yields each statement it
// needs and gets its result back (`const row = yield* get(sql, params)` reads as `await`). The
// SQLite writer runs such steps synchronously on its connection (better-sqlite3 answers at once,
// and a document's write stays one synchronous transaction, no promise per statement); any Store
// runs them asynchronously (PostgreSQL, `units merge`). The group statistics (store/groups.ts),
// the write of a document (store/write.ts) and a dataset's open-time upkeep are written this way.
import type { Database, Statement } from 'better-sqlite3';
import type { Store } from './interface.js';

/** One statement: its rows as objects (all, get), as arrays (arrays), or its count of changed rows (run); or a script of statements without parameters (exec). */
export interface Op { kind: 'all' | 'get' | 'arrays' | 'run' | 'exec'; sql: string; params: unknown[] }
export type Steps<T> = Generator<Op, T, unknown>;

export function* all<T>(sql: string, params: unknown[] = []): Steps<T[]> {
  return (yield { kind: 'all', sql, params }) as T[];
}
export function* get<T>(sql: string, params: unknown[] = []): Steps<T | undefined> {
  return (yield { kind: 'get', sql, params }) as T | undefined;
}
export function* arrays(sql: string, params: unknown[] = []): Steps<unknown[][]> {
  return (yield { kind: 'arrays', sql, params }) as unknown[][];
}
/** A write; its number of changed rows. */
export function* run(sql: string, params: unknown[] = []): Steps<number> {
  return (yield { kind: 'run', sql, params }) as number;
}

/** Statements without parameters, run as one script (a migration's). */
export function* exec(sql: string): Steps<void> {
  yield { kind: 'exec', sql, params: [] };
}

/** Statements of a connection, prepared once (the writer runs the same ones for every document). */
const prepared = new WeakMap<Database, Map<string, Statement<unknown[]>>>();
function statement(db: Database, op: Op): Statement<unknown[]> {
  let m = prepared.get(db);
  if (!m) prepared.set(db, (m = new Map()));
  const key = op.kind === 'arrays' ? `raw ${op.sql}` : op.sql;
  let st = m.get(key);
  if (!st) m.set(key, (st = op.kind === 'arrays' ? db.prepare<unknown[]>(op.sql).raw(true) : db.prepare<unknown[]>(op.sql)));
  return st;
}

/** One statement on a SQLite connection, at once. */
export function execSync(db: Database, op: Op): unknown {
  if (op.kind === 'exec') return void db.exec(op.sql);
  const st = statement(db, op);
  if (op.kind === 'run') return st.run(...op.params).changes;
  if (op.kind === 'get') return st.get(...op.params);
  return st.all(...op.params);
}

/** Run steps on a SQLite connection, synchronously (inside the caller's transaction, if any). */
export function runSync<T>(db: Database, steps: Steps<T>): T {
  let r = steps.next();
  while (!r.done) r = steps.next(execSync(db, r.value));
  return r.value;
}

/** Run steps on any store, each statement awaited (inside the caller's transaction, if any). */
export async function runOn<T>(s: Store, steps: Steps<T>): Promise<T> {
  let r = steps.next();
  while (!r.done) {
    const op = r.value;
    let result: unknown;
    if (op.kind === 'exec') {
      if (!s.script) throw new Error(`${s.label}: this store runs no scripts`);
      await s.script(op.sql);
    } else if (op.kind === 'all') result = await s.all(op.sql, op.params);
    else if (op.kind === 'get') result = await s.get(op.sql, op.params);
    else if (op.kind === 'arrays') result = await s.arrays(op.sql, op.params);
    else result = await s.run(op.sql, op.params);
    r = steps.next(result);
  }
  return r.value;
}
