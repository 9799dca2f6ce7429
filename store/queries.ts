// Read side of the dataset: search (store/search.ts), compare and the overview figures
// (store/compare.ts), units, free SQL. Every function takes an open database and returns rows;
// formatting is app/format.ts.
import type { DB } from './db.js';
import type { Row, Store } from './interface.js';
import { sqliteStatement } from './sql-guard.js';
import type { QueryLimits, QueryResult } from './query-limits.js';

export type { Row };
export { UsageError } from './errors.js';
export * from './search.js';
export * from './compare.js';

// --- units ---------------------------------------------------------------------------

export async function units(db: Store): Promise<Row[]> {
  return db.all(`
    SELECT u.id, u.name, u.region, u.level,
      (SELECT count(*) FROM publications b WHERE b.unit_id = u.id) AS bulletins,
      (SELECT count(*) FROM bulletins b WHERE b.unit_id = u.id) AS files,
      (SELECT string_agg(CAST(y.year AS TEXT), ',' ORDER BY y.year) FROM (SELECT DISTINCT b.year FROM bulletins b WHERE b.unit_id = u.id AND b.year IS NOT NULL) y) AS years,
      (SELECT string_agg(a.alias, '、' ORDER BY a.alias) FROM unit_aliases a WHERE a.unit_id = u.id) AS aliases
    FROM units u ORDER BY u.region NULLS LAST, u.name`);
}

// `units merge` and `units unmerge`: store/unit-merges.ts
export { mergeUnits, unmergeUnit } from './unit-merges.js';

// --- free SQL ------------------------------------------------------------------------

/** Run one read-only statement that returns rows (store/sql-guard.ts: SQLite's own parser decides; the connection is read-only besides). */
export function query(db: DB, sql: string): Row[] {
  return sqliteStatement(db, sql).all() as Row[];
}

export type { QueryResult };

/**
 * One read-only statement in a process of its own (app/query-entry.ts), killed after
 * `timeoutMs` or once `limit` rows, or rows of `maxBytes` bytes, have come: `zhenggai query`.
 * Rows stream from it with their long cells cut at `maxCell`; at most limit + 1 rows, and
 * about maxBytes, are ever held.
 */
export async function queryLimited(dbPath: string, sql: string, o: QueryLimits & { timeoutMs: number; workerFile: string }): Promise<QueryResult> {
  const { fork } = await import('node:child_process');
  const child = fork(o.workerFile, [], { serialization: 'advanced', stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const rows: Row[] = [];
  let columns: string[] = [];
  let bytesCut = false;
  let cellsCut = 0;
  return new Promise<QueryResult>((resolve, reject) => {
    let settled = false;
    const stop = () => { clearTimeout(timer); if (child.exitCode === null) child.kill('SIGKILL'); };
    const finish = (timedOut: boolean) => {
      if (settled) return;
      settled = true;
      stop();
      resolve({ columns, rows: rows.slice(0, o.limit), truncated: rows.length > o.limit, timedOut, bytesCut, cellsCut });
    };
    const timer = setTimeout(() => finish(true), o.timeoutMs);
    child.on('message', (m: { type: string; columns?: string[]; rows?: Row[]; message?: string; name?: string; bytesCut?: boolean; cellsCut?: number }) => {
      if (m.type === 'columns') columns = m.columns!;
      else if (m.type === 'rows') { rows.push(...m.rows!); if (rows.length > o.limit) finish(false); }
      else if (m.type === 'done') { bytesCut = !!m.bytesCut; cellsCut = m.cellsCut ?? 0; finish(false); }
      else if (m.type === 'error' && !settled) {
        settled = true;
        stop();
        const e = new Error(m.message);
        e.name = m.name === 'DatasetError' ? 'DatasetError' : m.name === 'QueryRefused' ? 'QueryRefused' : 'QueryError';
        reject(e);
      }
    });
    child.on('error', (e) => { if (!settled) { settled = true; stop(); reject(e); } });
    child.on('exit', () => { if (!settled) finish(false); });
    child.send({ db: dbPath, sql, limit: o.limit, maxBytes: o.maxBytes, maxCell: o.maxCell });
  });
}
