// The bounds of a `zhenggai query` result as a store fetches it: rows (--limit), a cell's length
// (--max-cell: cut, ending with CUT_MARK) and the bytes fetched (a lower bound of the output;
// app/query-output.ts formats within --max-bytes-out).
import type { Row } from './interface.js';

/** The end of a text cell cut at --max-cell. */
export const CUT_MARK = '…[cut]';

export interface QueryLimits {
  /** rows */
  limit: number;
  /** bytes of formatted output */
  maxBytes: number;
  /** characters of a text cell, bytes of a binary one */
  maxCell: number;
}

export interface QueryResult {
  columns: string[];
  rows: Row[];
  /** more rows than --limit */
  truncated: boolean;
  /** stopped at --timeout */
  timedOut: boolean;
  /** stopped at --max-bytes-out: more rows were left out */
  bytesCut: boolean;
  /** cells cut at --max-cell */
  cellsCut: number;
}

/**
 * A cell at most `max` characters (text; code points, as SQLite's substr and PostgreSQL's left
 * count them) or bytes (binary) long, and whether it was cut.
 */
export function cutCell(v: unknown, max: number): [unknown, boolean] {
  if (typeof v === 'string') {
    if (v.length <= max) return [v, false];
    let i = 0;
    for (let n = 0; n < max && i < v.length; n++) {
      const c = v.charCodeAt(i);
      i += c >= 0xd800 && c <= 0xdbff && i + 1 < v.length ? 2 : 1;
    }
    return i >= v.length ? [v, false] : [v.slice(0, i) + CUT_MARK, true];
  }
  if (v instanceof Uint8Array && v.length > max) return [Buffer.from(v.subarray(0, max)), true];
  return [v, false];
}

/** About the bytes a cell takes (a lower bound of its formatted size): the fetch stops once the rows' sum passes --max-bytes-out. */
export function rawSize(v: unknown): number {
  if (v == null) return 4;
  if (typeof v === 'string') return v.length;
  if (v instanceof Uint8Array) return v.length;
  if (typeof v === 'object') return v instanceof Date ? 24 : (JSON.stringify(v)?.length ?? 4);
  return 8;
}

export const rowSize = (cells: unknown[]) => cells.reduce<number>((s, v) => s + rawSize(v) + 1, 2);

