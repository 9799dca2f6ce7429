// Both stores' INSERTs, made from the table declarations (store/tables.ts). A document's rows
// travel as one JSON array of named objects per table (store/rows.ts); each table is one
// INSERT … SELECT over it: SQLite reads the array with jsonb_each (`value->>'name'`), PostgreSQL
// with jsonb_array_elements (`(v->>'name')::type`), all of a document's tables in one statement
// (data-modifying CTEs, one round trip). Ids: a document's categories, issues and quantities are
// numbered on from the largest given (the writer holds the write lock), so its rows refer to each
// other by index; SQLite counts issue and quantity ids in id_counters (its contentless search
// index may keep entries of a re-derived problem, so no id is used twice), PostgreSQL numbers
// quantities with an identity column.
import type { AnyTable, Column, ColumnType, Counter } from './table-spec.js';

/** What an INSERT's parameters are made from. */
export interface Ctx { bulletin: number; rows: Record<string, string>; base: Partial<Record<Counter, number>>; values: Record<string, unknown> }
export interface Insert { sql: string; params: Array<(c: Ctx) => unknown> }

const PG_TYPE: Record<ColumnType, string | null> = { text: null, int: 'int', bigint: 'bigint', real: 'float8', blob: 'bytea', jsonb: 'jsonb' };

/** One row from named values (Ctx.values): INSERT … VALUES (?, …), the columns the database does not give. */
export function insertOne(t: AnyTable, dialect: 'sqlite' | 'pg', tail = ''): Insert {
  const cols = t.columns.filter((c) => c.source.kind !== 'database');
  const params = cols.map((c) => (c.source.kind === 'bulletin' ? (x: Ctx) => x.bulletin : (x: Ctx) => x.values[c.name] ?? null));
  const marks = cols.map((c) => (dialect === 'pg' && c.type === 'jsonb' ? 'CAST(? AS jsonb)' : '?'));
  return { sql: `INSERT INTO ${t.name} (${cols.map((c) => c.name).join(', ')}) VALUES (${marks.join(', ')})${tail ? ` ${tail}` : ''}`, params };
}

// --- SQLite ------------------------------------------------------------------------------

/** A table's rows of a document: INSERT … SELECT … FROM jsonb_each(?) (jsonb_each, not json_each: `->>` reads its binary rows without parsing them again). */
export function sqliteInsertMany(t: AnyTable): Insert {
  const cols: string[] = [];
  const exprs: string[] = [];
  const params: Insert['params'] = [];
  for (const c of t.columns) {
    const s = c.source;
    if (s.kind === 'database' || s.kind === 'writer' || s.kind === 'pg') continue;
    cols.push(c.name);
    if (s.kind === 'record') exprs.push(`value->>'${c.name}'`);
    else if (s.kind === 'bulletin') { exprs.push('?'); params.push((x) => x.bulletin); }
    else if (s.kind === 'rowId') { exprs.push('? + key + 1'); params.push((x) => x.base[s.counter]); }
    else if (s.kind === 'ref') { exprs.push(`? + (value->>'${s.key}') + 1`); params.push((x) => x.base[s.counter]); }
    else exprs.push(`(SELECT x.id FROM ${s.table} x WHERE x.${s.key} = value->>'${s.key}')`);
  }
  params.push((x) => x.rows[t.name]);
  const verb = t.firstPerKey ? 'INSERT OR IGNORE' : 'INSERT';
  return { sql: `${verb} INTO ${t.name} (${cols.join(', ')}) SELECT ${exprs.join(', ')} FROM jsonb_each(?)`, params };
}

/**
 * A search index's rows of several documents in one INSERT … SELECT over `[[base, rows], …]`, one
 * entry a document (its counter's base and its rows). One statement for a group commit's
 * documents, because FTS5 writes the terms it holds in memory out as a new segment whenever a
 * statement that may stop part-way begins (an INSERT … SELECT does): a statement a document made
 * a segment a document. Its columns are the rows' values and at most one counter's ids.
 */
export function sqliteInsertGroup(t: AnyTable): { sql: string; entry: (c: Ctx) => string } {
  const cols: string[] = [];
  const exprs: string[] = [];
  let counter: Counter | null = null;
  for (const c of t.columns) {
    const s = c.source;
    if (s.kind === 'database' || s.kind === 'writer' || s.kind === 'pg') continue;
    cols.push(c.name);
    if (s.kind === 'record') exprs.push(`r.value->>'${c.name}'`);
    else if (s.kind === 'ref' && (counter === null || counter === s.counter)) { counter = s.counter; exprs.push(`(d.value->>0) + (r.value->>'${s.key}') + 1`); }
    else throw new Error(`${t.name}.${c.name}: a search index's column is a value of its rows or one counter's id`);
  }
  const verb = t.firstPerKey ? 'INSERT OR IGNORE' : 'INSERT';
  return {
    sql: `${verb} INTO ${t.name} (${cols.join(', ')}) SELECT ${exprs.join(', ')} FROM json_each(?) AS d, jsonb_each(d.value->1) AS r`,
    entry: (x) => `[${counter ? Number(x.base[counter]) : 0},${x.rows[t.name]}]`,
  };
}

/** The names a table's rows look up, into their dictionary first (each once; with `update`, its other columns set again where they changed). */
export function sqliteDictionary(dict: AnyTable, lookup: Column<any>): string {
  const s = lookup.source;
  if (s.kind !== 'lookup') throw new Error(`${lookup.name} is no lookup`);
  const cols = [s.key, ...Object.keys(s.with)];
  const select = `SELECT DISTINCT ${cols.map((c) => `value->>'${c}'`).join(', ')} FROM jsonb_each(?)`;
  if (!dict.dictionary!.update) return `INSERT OR IGNORE INTO ${dict.name} (${cols.join(', ')}) ${select}`;
  const others = cols.slice(1);
  return `INSERT INTO ${dict.name} (${cols.join(', ')}) ${select} WHERE true
    ON CONFLICT (${s.key}) DO UPDATE SET ${others.map((c) => `${c} = excluded.${c}`).join(', ')} WHERE ${others.map((c) => `${c} <> excluded.${c}`).join(' OR ')}`;
}

// --- PostgreSQL --------------------------------------------------------------------------

const ROWS = 'jsonb_array_elements(CAST(? AS jsonb)) WITH ORDINALITY AS t(v, k)';
const pgValue = (name: string, type: ColumnType) => (PG_TYPE[type] ? `(v->>'${name}')::${PG_TYPE[type]}` : `v->>'${name}'`);
/** Counters PostgreSQL leaves to an identity column (the rows are inserted in order). */
const PG_IDENTITY: Counter[] = ['quantities'];

/** One table's INSERT … SELECT over its rows, as a CTE's body; the counters' bases are the CTE `base`. */
function pgInsertMany(t: AnyTable, params: Insert['params']): string {
  const name = t.pg?.name ?? t.name;
  const cols: string[] = [];
  const exprs: string[] = [];
  const joins: string[] = [];
  let ordered = false;
  for (const c of t.pg?.columns ?? t.columns) {
    const s = c.source;
    if (s.kind === 'database' || s.kind === 'writer') continue;
    if (s.kind === 'rowId' && PG_IDENTITY.includes(s.counter)) { ordered = true; continue; }
    cols.push(c.name);
    if (s.kind === 'record') exprs.push(pgValue(c.name, c.type));
    else if (s.kind === 'pg') exprs.push(s.sql);
    else if (s.kind === 'bulletin') { exprs.push('CAST(? AS bigint)'); params.push((x) => x.bulletin); }
    else if (s.kind === 'rowId') exprs.push(`base.${s.counter} + k`);
    else if (s.kind === 'ref') exprs.push(`base.${s.counter} + (v->>'${s.key}')::bigint + 1`);
    else {
      const alias = `d${joins.length}`;
      joins.push(` JOIN ${s.table} ${alias} ON ${alias}.${s.key} = v->>'${s.key}'`);
      exprs.push(`${alias}.id`);
    }
  }
  params.push((x) => x.rows[t.name]);
  let select = `SELECT ${exprs.join(', ')} FROM base, ${ROWS}${joins.join('')}`;
  if (t.firstPerKey) {
    // the first row of each key, as SQLite's INSERT OR IGNORE keeps it
    const at = t.firstPerKey.map((k) => cols.indexOf(k) + 1);
    select = `SELECT DISTINCT ON (${at.map((i) => exprs[i - 1]).join(', ')}) ${exprs.join(', ')} FROM base, ${ROWS}${joins.join('')} ORDER BY ${at.join(', ')}, k`;
  } else if (ordered) select += ' ORDER BY k';
  return `INSERT INTO ${name} (${cols.join(', ')}) ${select}`;
}

/**
 * Every child row of one bulletin in one statement: each table an INSERT … SELECT over its rows
 * as a data-modifying CTE, then the one-row table `last` (bulletin_stats) from Ctx.values.
 */
export function pgInsertChildren(tables: Array<AnyTable>, last: AnyTable): Insert {
  const params: Insert['params'] = [];
  const ctes = tables.map((t) => `w_${t.name} AS (${pgInsertMany(t, params)})`);
  const one = insertOne(last, 'pg');
  const base = 'base AS (SELECT (SELECT coalesce(max(id), 0) FROM categories) AS categories, (SELECT coalesce(max(id), 0) FROM issues) AS issues)';
  return { sql: `WITH ${[base, ...ctes].join(',\n  ')}\n${one.sql}`, params: [...params, ...one.params] };
}

/** The names a table's rows look up, into their dictionary first (PostgreSQL: an identity number is never spent on a name already there). */
export function pgDictionary(dict: AnyTable, lookup: Column<any>): string[] {
  const s = lookup.source;
  if (s.kind !== 'lookup') throw new Error(`${lookup.name} is no lookup`);
  const key = `v->>'${s.key}'`;
  const others = Object.keys(s.with);
  const missing = `WHERE NOT EXISTS (SELECT 1 FROM ${dict.name} x WHERE x.${s.key} = ${key})`;
  if (!others.length) return [`INSERT INTO ${dict.name} (${s.key}) SELECT DISTINCT ${key} FROM jsonb_array_elements(CAST(? AS jsonb)) AS t(v) ${missing}`];
  const cols = [s.key, ...others];
  const firsts = `SELECT DISTINCT ON (${key}) ${cols.map((c) => `v->>'${c}' AS ${c}`).join(', ')} FROM ${ROWS}`;
  return [
    `INSERT INTO ${dict.name} (${cols.join(', ')}) ${firsts} ${missing} ORDER BY ${key}, k`,
    `UPDATE ${dict.name} d SET ${others.map((c) => `${c} = n.${c}`).join(', ')} FROM (${firsts} ORDER BY ${key}, k) n
      WHERE d.${s.key} = n.${s.key} AND (${others.map((c) => `d.${c} <> n.${c}`).join(' OR ')})`,
  ];
}
