// A rectification ledger set as a table in a PDF (序号 | 问题 | 整改措施 | 责任单位 | 完成情况, cells
// wrapped over several lines, category rows across the table, the header repeated on the next
// page): its rows rebuilt from the text items' places, each a row of cells, so the ledger is read
// as a pasted spreadsheet's (readers/tables.ts). Anything else on the page is left to the line reader.
//
// The header row names a problem and a measures column among three or more; each column runs from
// the gap before its header word to the gap after. Below it, an item belongs to the column its
// start falls in; a line whose first column holds a number starts a row, one whose first column is
// empty goes on with the row before (a wrapped cell); a line across the columns that reads as a
// category (（一）X方面) is a category row; any other line across them ends the table.
import { rx } from '../core/rules.js';
import { isPageNumber, structureRules } from '../core/vocabulary.js';
import { headerRole } from './tables.js';
import type { Placed, Row } from './pdf-columns.js';

/** A row's items grouped where a gap wider than a character separates them: [start, end, text]. */
export function cellsOf<T extends Placed>(r: Row<T>): Array<{ x: number; right: number; text: string }> {
  const s = r.items.filter((i) => i.str.trim()).sort((a, b) => a.x - b.x);
  const out: Array<{ x: number; right: number; text: string }> = [];
  for (const i of s) {
    const last = out[out.length - 1];
    if (last && i.x - last.right < r.size * 0.9) { last.text += i.str.trim(); last.right = Math.max(last.right, i.x + i.width); } else out.push({ x: i.x, right: i.x + i.width, text: i.str.trim() });
  }
  return out;
}

/**
 * The column bounds a header row gives, or null for a row that is no ledger's header. A header
 * word may stand in the middle of its column: a column starts where the rows below it start text
 * between the header word before and its own (the leftmost such start), else midway between them.
 */
export function headerBounds<T extends Placed>(r: Row<T>, below: Array<Row<T>> = []): number[] | null {
  const cells = cellsOf(r);
  const roles = cells.map((c) => headerRole(c.text));
  if (cells.length < 3 || !roles.includes('problem') || !roles.includes('measures') || roles.filter(Boolean).length < cells.length - 1) return null;
  const starts = below.slice(0, 30).flatMap((row) => cellsOf(row).map((c) => c.x));
  return cells.slice(1).map((c, k) => {
    const from = cells[k]!.right;
    const inGap = starts.filter((x) => x > from && x <= c.x + 0.5);
    return inGap.length ? Math.min(...inGap) - 0.5 : (from + c.x) / 2;
  });
}

/** The state a table carries over a page break: its bounds and header, and whether a row is open. */
export interface OpenTable { bounds: number[]; header: string }

/** A page's rows with the ledger rows rebuilt: `cells` on a table row, `cont` on one that goes on with the last row of the page before. */
export interface TableRow<T extends Placed> extends Row<T> { cells?: string[]; cont?: boolean }

export function ledgerRows<T extends Placed>(rows: Array<Row<T>>, open: OpenTable | null): { rows: Array<TableRow<T>>; open: OpenTable | null } {
  const out: Array<TableRow<T>> = [];
  const category = (t: string) => structureRules().headings.some((h) => h.level <= 2 && rx(h).test(t));
  let table = open;
  let current: TableRow<T> | null = null;
  let cont = !!open;
  for (const [k, r] of rows.entries()) {
    const bounds = headerBounds(r, rows.slice(k + 1));
    const text = cellsOf(r).map((c) => c.text).join(' ');
    if (bounds) {
      // the header again (a table going on over a page): no row of its own
      if (table && text === table.header) continue;
      table = { bounds, header: text };
      out.push({ ...r, cells: cellsOf(r).map((c) => c.text) });
      current = null;
      cont = false;
      continue;
    }
    // (a page's number or running footer inside the table's band is no cell's text)
    if (!table || isPageNumber(text)) { out.push(r); continue; }
    const col = (x: number) => table!.bounds.filter((b) => x >= b).length;
    const items = r.items.filter((i) => i.str.trim()).sort((a, b) => a.x - b.x);
    // an item across a column's bound by more than a character: a line across the table
    const across = items.some((i) => table!.bounds.some((b) => i.x < b - r.size && i.x + i.width > b + r.size));
    if (across || items.length === 0) {
      if (category(text)) {
        out.push({ ...r, cells: [text.replace(/\s+/g, ''), ...table.bounds.map(() => '')] });
        current = null;
        cont = false;
        continue;
      }
      table = null;
      current = null;
      out.push(r);
      continue;
    }
    const filled = table.bounds.map(() => '').concat('');
    for (const i of items) filled[col(i.x + Math.min(i.width, r.size) / 2)] += i.str.trim();
    if (filled[0] && /^\d{1,3}$/.test(filled[0])) {
      current = { ...r, cells: filled };
      out.push(current);
      cont = false;
    } else if (current) {
      current.cells = current.cells!.map((v, k) => v + filled[k]!);
    } else {
      // the first lines of a page, going on with the last row of the page before
      current = { ...r, cells: filled, cont };
      out.push(current);
    }
  }
  return { rows: out, open: table };
}
