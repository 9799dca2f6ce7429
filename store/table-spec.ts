// How a table is declared (store/tables.ts declares them): its columns in the dataset's order, each
// with its type, where its value comes from, and the note `zhenggai export` writes for it. From a
// declaration come a document's payload (store/rows.ts: each table's rows as JSON objects named
// by column, built where the record was made), both stores' INSERTs (store/table-sql.ts) and the
// export's metadata.json. The CREATE TABLEs are the migrations' (store/sqlite/, store/pg/): a test
// holds the declarations and the migrations to the same columns.
import type { BulletinRecord } from '../core/record.js';

export type ColumnType = 'text' | 'int' | 'bigint' | 'real' | 'blob' | 'jsonb';
/** Ids a store gives a document's rows: the next after the largest given (store/table-sql.ts). */
export type Counter = 'categories' | 'issues' | 'quantities';

/** Where a column's value comes from. */
export type Source<T> =
  /** the record: in the payload under the column's name */
  | { kind: 'record'; get: (item: T) => unknown }
  /** this row's own id, counted on from the largest given */
  | { kind: 'rowId'; counter: Counter }
  /** the id of the document's bulletin */
  | { kind: 'bulletin' }
  /** the id of another row of the same document: the payload holds its index under `key` */
  | { kind: 'ref'; counter: Counter; key: string; get: (item: T) => number | null }
  /** the id of a dictionary's row (rules, themes) by its name, held under `key` with the dictionary's other columns (`with`) */
  | { kind: 'lookup'; table: string; key: string; get: (item: T) => unknown; with: Record<string, (item: T) => unknown> }
  /** PostgreSQL only: an expression over the payload (v->>'name'), for the search index's tsvector */
  | { kind: 'pg'; sql: string }
  /** set by the code that writes the table (a document's stored text, a unit's id, an ingest's counts) */
  | { kind: 'writer' }
  /** given by the database: an INTEGER PRIMARY KEY / identity, or a DEFAULT */
  | { kind: 'database' };

export interface Column<T = never> { name: string; type: ColumnType; source: Source<T>; note?: string }
type ColumnDef<T> = Omit<Column<T>, 'name'>;

export interface Table<T = never> {
  name: string;
  /** what the table holds (metadata.json's description) */
  note: string;
  columns: Array<Column<T>>;
  /** the rows a record gives this table (the tables a document fills) */
  rows?: (rec: BulletinRecord) => T[];
  /** several rows per document, written from a JSON array (else one row, written from named values) */
  many?: boolean;
  /** rows whose key is already there are skipped (SQLite INSERT OR IGNORE; PostgreSQL the first of each key) */
  firstPerKey?: string[];
  /** a dictionary of names (rules, themes): each name once, written before the rows that look it up; `update`: its other columns follow the latest rows */
  dictionary?: { key: string; update: boolean };
  /**
   * a search index (SQLite: an FTS5 table): SQLite writes its rows last in a transaction, those of
   * every document of a group commit together (store/writer.ts)
   */
  searchIndex?: boolean;
  /** PostgreSQL keeps this table under another name and shape (the search index) */
  pg?: { name: string; columns: Array<Column<T>> };
}

/** A table of any row type (the code that reads declarations does not need it). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyTable = Table<any>;

/** A view's description and the notes of some of its columns (its columns are the SQL's). */
export interface View { name: string; note: string; notes?: Record<string, string> }

// --- columns -----------------------------------------------------------------------------

const fromRecord = (type: ColumnType) => <T>(get: (item: T) => unknown, note?: string): ColumnDef<T> => ({ type, source: { kind: 'record', get }, note });
/** a value of the record */
export const text = fromRecord('text');
export const int = fromRecord('int');
export const bigint = fromRecord('bigint');
export const real = fromRecord('real');
/** a value of the record kept as JSON text */
export const json = <T>(get: (item: T) => unknown, note?: string): ColumnDef<T> => fromRecord('text')((x: T) => JSON.stringify(get(x)), note);
/** set by the code that writes it (the document's stored text, a unit's id …) */
export const writer = <T>(type: ColumnType, note?: string): ColumnDef<T> => ({ type, source: { kind: 'writer' }, note });
/** given by the database (an id it numbers, a DEFAULT) */
export const database = <T>(type: ColumnType, note?: string): ColumnDef<T> => ({ type, source: { kind: 'database' }, note });
/** this row's id, the next of `counter` */
export const rowId = <T>(counter: Counter): ColumnDef<T> => ({ type: 'bigint', source: { kind: 'rowId', counter } });
/** the document's bulletin */
export const bulletinId = <T>(): ColumnDef<T> => ({ type: 'bigint', source: { kind: 'bulletin' } });
/** another row of the document, by its index among that table's rows */
export const ref = <T>(counter: Counter, key: string, get: (item: T) => number | null, note?: string): ColumnDef<T> => ({ type: 'bigint', source: { kind: 'ref', counter, key, get }, note });
/** a dictionary row, by name */
export const lookup = <T>(table: string, key: string, get: (item: T) => unknown, withColumns: Record<string, (item: T) => unknown> = {}, note?: string): ColumnDef<T> =>
  ({ type: 'bigint', source: { kind: 'lookup', table, key, get, with: withColumns }, note });
/** PostgreSQL: an expression over the payload */
export const pgExpr = <T>(type: ColumnType, sql: string): ColumnDef<T> => ({ type, source: { kind: 'pg', sql } });

/** A table from its columns, in the dataset's order (an object's keys keep the order they are written in). */
export function table<T>(name: string, note: string, columns: Record<string, ColumnDef<T>>, more: Omit<Table<T>, 'name' | 'note' | 'columns'> = {}): Table<T> {
  return { name, note, columns: Object.entries(columns).map(([n, c]) => ({ name: n, ...c })), ...more };
}

// --- payload -----------------------------------------------------------------------------

type Field<T> = [string, (item: T) => unknown];
const fieldsOf = new WeakMap<object, Array<Field<never>>>();

/** The payload's fields of a table's row: each value of the record under its name (a column's, a ref's or a lookup's key). */
export function fields<T>(t: Table<T>): Array<Field<T>> {
  let f = fieldsOf.get(t) as Array<Field<T>> | undefined;
  if (f) return f;
  f = [];
  for (const c of t.columns) {
    const s = c.source;
    if (s.kind === 'record') f.push([c.name, s.get]);
    else if (s.kind === 'ref') f.push([s.key, s.get]);
    else if (s.kind === 'lookup') f.push([s.key, s.get], ...Object.entries(s.with));
  }
  fieldsOf.set(t, f as Array<Field<never>>);
  return f;
}

/** One row as named values (undefined kept as null). */
function named<T>(f: Array<Field<T>>, item: T): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (let i = 0; i < f.length; i++) o[f[i]![0]] = f[i]![1](item) ?? null;
  return o;
}

/** One row of a table as named values. */
export function valuesOf<T>(t: Table<T>, item: T): Record<string, unknown> {
  return named(fields(t), item);
}

/** A record's rows of a table, as the payload carries them: one JSON array of objects. */
export function rowsJson<T>(t: Table<T>, rec: BulletinRecord): string {
  const items = t.rows!(rec);
  if (!items.length) return '[]';
  const f = fields(t);
  return JSON.stringify(items.map((x) => named(f, x)));
}
