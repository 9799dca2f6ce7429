// A ledger's rows printed in a bordered table with no header row (PDF), as a Word table typed so prints:
//   （一）X方面（5个）                ← a paragraph (a heading) over each table
//   ┌ 1 │ 问题… │ 措施… │ 办公室 │ 2024年8月 │ 已完成 ┐   ← the category's problems, one a row
//   └ 2 │ …     │ …     │ …      │ …         │ 正在推进 ┘
// or a ledger cut into tables whose first alone has the header. With no header, the reader knew no
// columns, and each printed line ran its cells' lines together. Here the columns are the table's
// vertical borders, its rows the bands between its horizontal ones (pdf-grid.ts), so its rows are read
// as cells; they then take a header as a .docx's headerless table does (headless-tables.ts: the last
// ledger header the document gave, where they fill it, else the roles their cells show), and are read
// as any ledger. A table whose rows read as no ledger (no two long texts) stays as lines.
import type { Borders } from './pdf-borders.js';
import type { Placed, Row } from './pdf-columns.js';
import { gridRows, type GridTable } from './pdf-grid.js';
import { headlessGrid } from './headless-tables.js';

/** A row the page's reading gives: its cells where it is a table's row. */
export interface CellRow<T extends Placed> extends Row<T> { cells?: string[] }

/** Borders closer than this (points) are one. */
const SAME = 2;

/** A line led by its row's number standing apart (1 │ 问题…): its first item a number, text after it. */
export function numberLed<T extends Placed>(r: Row<T>): boolean {
  const s = r.items.filter((i) => i.str.trim()).sort((a, b) => a.x - b.x);
  return s.length >= 2 && /^\d{1,3}$/.test(s[0]!.str.trim()) && s[1]!.x - (s[0]!.x + s[0]!.width) >= r.size * 0.9;
}

/** The columns of the bordered table beside row `r`: its vertical borders' x, left to right (three columns or more), or null. */
function columnsAt<T extends Placed>(r: Row<T>, borders: Borders): number[] | null {
  const xs = borders.v.filter((v) => v.y0 <= r.y && v.y1 >= r.y).map((v) => v.x).sort((a, b) => a - b);
  const cols: number[] = [];
  for (const x of xs) if (!cols.length || x - cols[cols.length - 1]! > SAME) cols.push(x);
  if (cols.length < 4) return null;
  // (the row's number stands in the table's first column)
  const first = r.items.filter((i) => i.str.trim()).sort((a, b) => a.x - b.x)[0]!;
  return first.x > cols[0]! && first.x + first.width < cols[1]! ? cols : null;
}

/**
 * The headerless ledger whose first row is `rows[at]`, read by its borders: the table (for the page after), its
 * rows (a header row first) and the index of the first row after it; or null where it reads as no ledger.
 * `previous`: the last ledger header of the document.
 */
export function headlessTable<T extends Placed>(rows: Array<Row<T>>, at: number, borders: Borders, previous: readonly string[] | null, join?: (items: T[]) => string): { table: GridTable; rows: Array<CellRow<T>>; next: number } | null {
  const r = rows[at]!;
  if (!numberLed(r)) return null;
  const cols = columnsAt(r, borders);
  if (!cols) return null;
  // the table's top: the rule across it nearest above the row
  const above = borders.h.filter((h) => h.y > r.y && h.x0 <= cols[0]! + SAME && h.x1 >= cols[cols.length - 1]! - SAME).map((h) => h.y);
  if (!above.length) return null;
  const table: GridTable = { bounds: cols.slice(1, -1), heads: cols.slice(0, -1).map((x, k) => ({ x: x + 1, right: cols[k + 1]! - 1 })), no: 0, categories: true };
  const g = gridRows(rows.slice(at), table, borders, Math.min(...above) + 1, join);
  if (!g || g.before.length) return null;
  const grid = headlessGrid(g.grid.map((row) => row.cells), previous);
  if (!grid) return null;
  const first = g.grid[0]!.rows[0]!;
  const out: Array<CellRow<T>> = [{ y: first.y + 0.01, size: first.size, items: first.items, cells: grid[0]! }];
  g.grid.forEach((row) => out.push({ y: row.rows[0]!.y, size: row.rows[0]!.size, items: row.rows.flatMap((x) => x.items), cells: row.cells }));
  return { table, rows: out, next: rows.length - g.rest.length };
}
