// `zhenggai query` on a PostgreSQL server: one statement, checked by PostgreSQL's own parser,
// read through a cursor with limits on rows, bytes, cells and time (store/query-limits.ts).
import type pg from 'pg';
import Cursor from 'pg-cursor';
import { pgTypes, type PgStore } from './pg-store.js';
import type { Row } from './interface.js';
import { cutCell, rowSize, CUT_MARK, type QueryLimits, type QueryResult } from './query-limits.js';

/** Types whose text is short whatever the value (numbers, times, …): read as they are. */
const SHORT_TYPES = new Set([16, 18, 20, 21, 23, 26, 650, 700, 701, 790, 829, 869, 1082, 1083, 1114, 1184, 1186, 1266, 1700, 2278, 2950, 3220]);
const BYTEA = 17;

/**
 * The statement read through a wrapper that cuts long cells on the server: each column but
 * short ones becomes two, its value when at most `max` characters (bytes for bytea) long, else
 * its first `max` characters as text. A cell of hundreds of megabytes never comes over the
 * wire whole. OFFSET 0 keeps the statement a subquery of its own (its columns computed once),
 * and whether a cell is too long is found once (LATERAL), from its bytes first.
 */
function cutOnServer(text: string, fields: Array<{ dataTypeID: number }>, max: number): { sql: string; plan: Array<[number, number]> } {
  const out: string[] = [];
  const over: string[] = [];
  const plan: Array<[number, number]> = [];
  fields.forEach((f, i) => {
    const c = `zhenggai_query.c${i}`;
    if (SHORT_TYPES.has(f.dataTypeID)) { plan.push([out.length, -1]); out.push(c); return; }
    const bytea = f.dataTypeID === BYTEA;
    const t = bytea ? c : `${c}::text`;
    over.push(bytea ? `octet_length(${c}) > ${max} AS o${i}` : `(octet_length(${t}) > ${max} AND length(${t}) > ${max}) AS o${i}`);
    plan.push([out.length, out.length + 1]);
    out.push(`CASE WHEN zhenggai_over.o${i} THEN NULL ELSE ${c} END`, `CASE WHEN zhenggai_over.o${i} THEN ${bytea ? `substring(${c} FROM 1 FOR ${max})` : `left(${t}, ${max})`} END`);
  });
  const names = fields.map((_, i) => `c${i}`).join(', ');
  const lateral = over.length ? `, LATERAL (SELECT ${over.join(', ')} OFFSET 0) AS zhenggai_over` : '';
  return { sql: `SELECT ${out.join(', ')} FROM (SELECT * FROM (\n${text}\n) AS zhenggai_inner OFFSET 0) AS zhenggai_query(${names})${lateral}`, plan };
}

type Plan = Array<[number, number]> | null;
type Limits = QueryLimits & { timeoutMs: number };

/**
 * The statement as it will be read: a SELECT through cutOnServer's wrapper when the server takes
 * it (its columns found without running it, LIMIT 0); any other statement, or a wrapper the
 * server does not take (whatever the reason), as it is.
 */
async function wrapped(client: pg.PoolClient, checked: { kind: string; text: string }, o: Limits): Promise<{ text: string; plan: Plan; columns: string[] }> {
  const { checkPgStatement } = await import('./sql-guard.js');
  if (checked.kind !== 'select') return { text: checked.text, plan: null, columns: [] };
  await client.query('SAVEPOINT zhenggai_probe');
  try {
    let out = { text: checked.text, plan: null as Plan, columns: [] as string[] };
    const probe = await client.query({ text: `SELECT * FROM (\n${checked.text}\n) AS zhenggai_probe LIMIT 0`, rowMode: 'array' });
    if (probe.fields.length) {
      const w = cutOnServer(checked.text, probe.fields, o.maxCell);
      await checkPgStatement(w.sql);
      await client.query({ text: `${w.sql} LIMIT 0`, rowMode: 'array' });
      out = { text: w.sql, plan: w.plan, columns: probe.fields.map((f) => f.name) };
    }
    await client.query('RELEASE SAVEPOINT zhenggai_probe');
    return out;
  } catch (e) {
    if ((e as { code?: string }).code === '57014') throw e;
    await client.query('ROLLBACK TO SAVEPOINT zhenggai_probe');
    return { text: checked.text, plan: null, columns: [] };
  }
}

/** A fetched row as the caller gets it: long cells cut (on the server, marked here; or here) and counted. */
function rowOf(raw: unknown[], plan: Plan, columns: string[], o: Limits, counts: { cellsCut: number }): { row: Row; kept: unknown[] } {
  const row: Row = {};
  const kept: unknown[] = [];
  (plan ?? raw).forEach((p, i) => {
    const t = plan ? (p as [number, number])[1] : -1;
    let v: unknown;
    let wasCut: boolean;
    // cut on the server: the text marked as cut here (bytea stays bytes)
    if (t >= 0 && raw[t] != null) { v = Buffer.isBuffer(raw[t]) ? raw[t] : `${raw[t]}${CUT_MARK}`; wasCut = true; }
    else [v, wasCut] = cutCell(plan ? raw[(p as [number, number])[0]] : p, o.maxCell);
    if (wasCut) counts.cellsCut++;
    kept.push(v);
    row[columns[i]!] = v;
  });
  return { row, kept };
}

/** Rows from the cursor in batches sized to what is left of maxBytes, at most limit + 1; whether maxBytes stopped it. */
async function readRows(cursor: Cursor, plan: Plan, columns: string[], o: Limits, out: { rows: Row[]; cellsCut: number; columns: string[] }): Promise<boolean> {
  // (no await before the first read: an error that came before it leaves a cursor that never closes)
  let batch = 1;
  let bytes = 0;
  let widest = 1;
  for (;;) {
    const want = Math.min(o.limit + 1 - out.rows.length, batch);
    const got = (await cursor.read(want)) as unknown as unknown[][];
    if (!plan && !columns.length) columns = ((cursor as unknown as { _result?: { fields?: Array<{ name: string }> } })._result?.fields ?? []).map((f) => f.name);
    out.columns = columns;
    for (const raw of got) {
      const { row, kept } = rowOf(raw, plan, columns, o, out);
      out.rows.push(row);
      const size = rowSize(kept);
      bytes += size;
      widest = Math.max(widest, size);
    }
    if (got.length < want || out.rows.length > o.limit) return false;
    if (bytes > o.maxBytes) return true;
    batch = Math.max(1, Math.min(500, Math.floor((o.maxBytes - bytes) / widest)));
  }
}

/**
 * One statement, checked by PostgreSQL's own parser (store/sql-guard.ts: one SELECT, nothing
 * that writes or administers the server), in a read-only transaction with a statement timeout
 * (the server stops it), read through a cursor in batches sized to what is left of `maxBytes`:
 * at most limit + 1 rows are fetched, and long cells come cut (cutOnServer). The connection is
 * closed at `timeoutMs` (a statement timeout runs per fetch) and once more than twice `maxBytes`
 * have come over it (a statement that cannot be wrapped, EXPLAIN).
 */
export async function queryServer(store: PgStore, sql: string, o: Limits): Promise<QueryResult> {
  const { checkPgStatement } = await import('./sql-guard.js');
  const checked = await checkPgStatement(sql);
  const deadline = Date.now() + o.timeoutMs;
  const client = await store.pool.connect();
  const socket = (client as unknown as { connection: { stream: import('node:net').Socket } }).connection.stream;
  let broken: 'time' | 'bytes' | null = null;
  const breakOff = (why: 'time' | 'bytes') => { if (!broken) { broken = why; socket.destroy(); } };
  // the connection closed here: said by the query that was running, not as an unhandled event
  const onError = () => {};
  client.on('error', onError);
  // the server's statement timeout stops a slow statement first, cleanly; closing the connection
  // stops the rest (a slow transfer, fetches that each stay under the statement timeout)
  const timer = setTimeout(() => breakOff('time'), Math.max(1, deadline - Date.now()));
  let wire = 0;
  const onData = (b: Buffer) => { wire += b.length; if (wire > 2 * o.maxBytes + (16 << 20)) breakOff('bytes'); };
  const out = { rows: [] as Row[], cellsCut: 0, columns: [] as string[] };
  let bytesCut = false;
  let timedOut = false;
  const stopped = (e: unknown) => (e as { code?: string }).code === '57014' || broken === 'time'; // query_canceled: the statement timeout
  try {
    await client.query('BEGIN READ ONLY');
    await client.query(`SET LOCAL statement_timeout = ${Math.max(1, Math.floor((deadline - Date.now()) * 0.9))}`);
    const w = await wrapped(client, checked, o);
    out.columns = w.columns;
    socket.on('data', onData);
    const cursor = client.query(new Cursor(w.text, [], { rowMode: 'array', types: pgTypes }));
    try {
      bytesCut = await readRows(cursor, w.plan, w.columns, o, out);
    } catch (e) {
      if (stopped(e)) timedOut = true;
      else if (broken === 'bytes') bytesCut = true;
      else throw e;
    } finally {
      // from here on the connection is not closed under a cursor waiting to close (it would wait for ever)
      clearTimeout(timer);
      if (!broken) await cursor.close().catch(() => {});
    }
  } catch (e) {
    if (stopped(e)) timedOut = true;
    else throw e;
  } finally {
    clearTimeout(timer);
    socket.off('data', onData);
    client.off('error', onError);
    if (broken) client.release(true);
    else {
      await client.query('ROLLBACK').catch(() => {});
      client.release();
    }
  }
  const rows = out.rows;
  return { columns: out.columns, rows: rows.slice(0, o.limit), truncated: rows.length > o.limit, timedOut, bytesCut, cellsCut: out.cellsCut };
}
