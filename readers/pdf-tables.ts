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
import { statusWord } from './table-headers.js';
import { rowsOf, type Placed, type Row } from './pdf-columns.js';
import type { Borders } from './pdf-borders.js';
import { gridRows, type GridTable } from './pdf-grid.js';
import { acrossBounds, cutAtBounds, cutItem, runsOf } from './pdf-pieces.js';
import { headlessTable, numberLed } from './pdf-headless.js';

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
 * A header row's cells: its groups of words (cellsOf), or, where that runs the words of narrow
 * columns side by side together (责任单位完成时限整改进展: their gap a cell's padding), its runs of
 * touching text, each cut at its spaces, when every run names a column.
 */
export function headerCells<T extends Placed>(r: Row<T>): Array<{ x: number; right: number; text: string }> {
  const cells = cellsOf(r);
  const runs = runsOf({ ...r, items: r.items.flatMap((i) => cutItem(i)) }).map((run) => ({ x: run.x, right: run.right, text: run.items.map((i) => i.str.trim()).join('') }));
  return runs.length > cells.length && runs.filter((c) => named(c.text)).length >= Math.max(runs.length - 1, 3) ? runs : cells;
}

/** A header cell's kind: its column's role (rules/readers.json table_columns), or a status value's (已完成 | 正在推进 over counts). */
const named = (c: string) => headerRole(c) ?? (statusWord(c) ? 'status' : null);

/**
 * Whether a row's cells head a table: a ledger's (a problem and a measures column among three or more, all
 * but one named), or another table of named columns a bulletin sets (序号 | 问题 | 完成情况, a problem's
 * 序号 | 整改措施 | 责任部门 | 完成时限, 问题总数 | 已完成 | 正在推进 | 完成率): two kinds of column or more,
 * a problem, measures or status among them, every cell but one named.
 */
function headsTable(texts: string[]): boolean {
  const roles = texts.map(named);
  const kinds = new Set(roles.filter(Boolean));
  if (texts.length < 3 || roles.filter(Boolean).length < texts.length - 1) return false;
  return (kinds.has('problem') && kinds.has('measures')) || (kinds.size >= 2 && ['problem', 'measures', 'status'].some((k) => kinds.has(k as never)));
}

/**
 * A ledger's header row with the words its cells wrap onto the lines under it (完成时⏎限, 责任⏎单位,
 * 整改⏎进展情况) joined into it: a line close under a header row (two roles or more) whose every run of
 * text stands under one of its cells, short and with no digit, and makes that cell's words a column's
 * name. The joined row has one item per cell, its words run together.
 */
export function joinHeaderWraps<T extends Placed>(rows: Array<Row<T>>): Array<Row<T>> {
  const out = [...rows];
  for (let k = 0; k < out.length - 1; k++) {
    let r = out[k]!;
    let cells = headerCells(r);
    if (cells.length < 3 || cells.filter((c) => headerRole(c.text)).length < 2) continue;
    for (let n = out[k + 1]; n && r.y - n.y <= r.size * 2 && Math.abs(n.size - r.size) < 1; n = out[k + 1]) {
      const texts = cells.map((c) => c.text);
      const fits = runsOf(n).every((run) => {
        const under = cells.map((c, i) => (run.x < c.right + 1 && run.right > c.x - 1 ? i : -1)).filter((i) => i >= 0);
        const words = run.items.map((i) => i.str.trim()).join('');
        if (under.length !== 1 || words.length > 6 || /\d/.test(words)) return false;
        texts[under[0]!] += words;
        return true;
      });
      if (!fits || !texts.every((t, i) => t === cells[i]!.text || headerRole(t))) break;
      const first = r.items.find((i) => i.str.trim())!;
      cells = cells.map((c, i) => ({ ...c, text: texts[i]! }));
      r = { ...r, items: cells.map((c) => ({ ...first, x: c.x, width: c.right - c.x, str: c.text })) };
      out.splice(k, 2, r);
    }
  }
  return out;
}

/**
 * The column bounds a header row gives, or null for a row that is no ledger's header. A header
 * word may stand in the middle of its column: a column starts where the rows below it start text
 * between the header word before and its own (the leftmost such start), else midway between them.
 */
export function headerBounds<T extends Placed>(r: Row<T>, below: Array<Row<T>> = []): number[] | null {
  const cells = headerCells(r);
  if (!headsTable(cells.map((c) => c.text))) return null;
  // (where the rows' runs of text start: a glyph that touches the one before is no cell's start)
  const starts = below.slice(0, 30).flatMap((row) => runsOf(row).map((run) => run.x));
  // (a column's lines start at one x, its edge: a start seen once may be a glyph a justified line stretched apart)
  const seen = new Map<number, number>();
  for (const x of starts) seen.set(Math.round(x), (seen.get(Math.round(x)) ?? 0) + 1);
  const edges = starts.filter((x) => (seen.get(Math.round(x)) ?? 0) >= 2);
  // (a run of the column before that goes on over x: a cell's line, justified, its glyphs set apart; x is no edge)
  const runs = below.slice(0, 30).flatMap((row) => runsOf(row));
  const bounds: number[] = [];
  cells.slice(1).forEach((c, k) => {
    const from = cells[k]!.right;
    const inGap = (xs: number[]) => xs.filter((x) => x > from && x <= c.x + 0.5);
    const at = inGap(edges).length ? inGap(edges) : inGap(starts);
    const prev = bounds[k - 1] ?? Infinity;
    const clear = at.filter((x) => !runs.some((run) => run.x >= prev - 1 && run.x < x - 1 && run.right > x + 1));
    bounds.push(at.length ? Math.min(...(clear.length ? clear : at)) - 0.5 : (from + c.x) / 2);
  });
  return bounds;
}

/**
 * Whether a page's ledger is worth reading by its borders (pdf.js then loads the page's drawing):
 * the page goes on with a table read so, or a ledger's header on it has a category column (merged
 * down over its rows, its name beside any of them) or rows whose number does not stand on their
 * first line (cells centred vertically). A table whose numbers start its rows is read by them.
 */
export function wantsBorders<T extends Placed>(items: T[], open: OpenTable | null): boolean {
  if (open?.ruled) return true;
  const rows = joinHeaderWraps(rowsOf(items));
  // (rows led by their numbers standing apart: a ledger's, perhaps in a bordered table with no header row)
  if (rows.filter(numberLed).length >= 2) return true;
  return rows.some((r, k) => {
    const bounds = headerBounds(r, rows.slice(k + 1));
    if (!bounds) return false;
    const roles = headerCells(r).map((c) => headerRole(c.text));
    if (roles.includes('category')) return true;
    const no = Math.max(0, roles.indexOf('no'));
    const first = rows.slice(k + 1).find((b) => b.items.some((i) => i.str.trim()) && !acrossBounds(b, bounds));
    const number = first?.items.filter((i) => i.str.trim() && bounds.filter((b) => i.x + Math.min(i.width, r.size) / 2 >= b).length === no).map((i) => i.str.trim()).join('');
    return !!first && !/^\d{1,3}$/.test(number ?? '');
  });
}

/**
 * Whether a table's number cell starts a row of its own: a number, or a category's heading ((一)X方面); at a
 * page's top anything else there (nothing, the rest of a category's words) goes on with the row the page broke.
 */
const startsRow = (no: string | undefined): boolean => !!no && (/^\d{1,3}$/.test(no) || structureRules().headings.some((h) => h.level <= 2 && rx(h).test(no.replace(/^[*#\s]+/, ''))));

/** What a document's reading keeps from table to table: the last ledger header it gave (a table without one may go on under it). */
export interface LedgerHead { head: string[] | null }

/** The state a table carries over a page break: its bounds, header words and the column of its numbers. */
export interface OpenTable extends GridTable {
  header: string;
  /** read by its borders: it goes on only where the next page's borders go on with it */
  ruled?: boolean;
}

/** A page's rows with the ledger rows rebuilt: `cells` on a table row, `cont` on one that goes on with the last row of the page before. */
export interface TableRow<T extends Placed> extends Row<T> { cells?: string[]; cont?: boolean }

/** A ledger's header row as the table it starts. */
function tableOf<T extends Placed>(r: Row<T>, bounds: number[]): OpenTable {
  const cells = headerCells(r);
  const no = cells.findIndex((c) => headerRole(c.text) === 'no');
  const categories = cells.some((c) => headerRole(c.text) === 'problem' || headerRole(c.text) === 'category');
  return { bounds, header: cells.map((c) => c.text).join(' '), heads: cells.map((c) => ({ x: c.x, right: c.right })), no: Math.max(0, no), ruled: false, categories };
}

/** What reading a page's table by its numbers keeps from line to line. */
interface ByNumbers<T extends Placed> { table: OpenTable | null; current: TableRow<T> | null; cont: boolean }

/**
 * One line of a table read by its numbers (no borders): a row it starts, a line it adds to the row
 * before, a category row across the table, or (a line across the columns) the table's end.
 */
function numberedLine<T extends Placed>(row: Row<T>, text: string, s: ByNumbers<T>, out: Array<TableRow<T>>, join?: (items: T[]) => string): void {
  const table = s.table!;
  const r = cutAtBounds(row, table.bounds);
  const items = r.items.filter((i) => i.str.trim()).sort((a, b) => a.x - b.x);
  if (acrossBounds(r, table.bounds) || items.length === 0) {
    s.current = null;
    if (table.categories !== false && structureRules().headings.some((h) => h.level <= 2 && rx(h).test(text))) {
      out.push({ ...r, cells: [text.replace(/\s+/g, ''), ...table.bounds.map(() => '')] });
      s.cont = false;
    } else {
      s.table = null;
      out.push(r);
    }
    return;
  }
  const col = (x: number) => table.bounds.filter((b) => x >= b).length;
  const byCol: T[][] = table.bounds.map(() => []).concat([[]]);
  for (const i of items) byCol[col(i.x + Math.min(i.width, r.size) / 2)]!.push(i);
  // (a cell's line read as a line is: a justified line's glyphs set apart close up, pdf-words.ts)
  const filled = byCol.map((its) => (join && its.length ? join(its) : its.map((i) => i.str.trim()).join('')).trim());
  if (filled[table.no] && /^\d{1,3}$/.test(filled[table.no]!)) {
    s.current = { ...r, cells: filled };
    out.push(s.current);
    s.cont = false;
  } else if (s.current) {
    s.current.cells = s.current.cells!.map((v, k) => v + filled[k]!);
  } else {
    // the first lines of a page, going on with the last row of the page before
    s.current = { ...r, cells: filled, cont: s.cont };
    out.push(s.current);
  }
}

/**
 * A page's rows with each ledger table on it rebuilt as rows of cells. A table with borders
 * (`borders`, pdf-borders.ts) is read by them (pdf-grid.ts); one without, by its numbers: a line
 * whose number column holds a number starts a row, one whose number column is empty goes on with
 * the row before. `join`: a cell's line of items as text (the page's letter spacing closed up).
 */
export function ledgerRows<T extends Placed>(pageRows: Array<Row<T>>, open: OpenTable | null, borders: Borders | null = null, join?: (items: T[]) => string, doc: LedgerHead = { head: null }): { rows: Array<TableRow<T>>; open: OpenTable | null } {
  const rows = joinHeaderWraps(pageRows);
  const out: Array<TableRow<T>> = [];
  const s: ByNumbers<T> = { table: open, current: null, cont: !!open };
  // (after a bordered table's last rule: the next line that is no page number ends the table)
  let closing = false;
  // a bordered table read from rows[from] on: the index to go on from, or -1 for a table without borders
  const ruled = (from: number, top: number): number => {
    const table = s.table;
    const g = table ? gridRows(rows.slice(from), table, borders, top, join) : null;
    if (!g || !table) return -1;
    // (lines above its first rule: the header's own wrapped words, or, on a page it goes on to, what stands above it)
    if (top === Infinity) out.push(...g.before);
    g.grid.forEach((row, k) => {
      const first = row.rows[0]!;
      out.push({ y: first.y, size: first.size, items: row.rows.flatMap((r) => r.items), cells: row.cells, ...(k === 0 && s.cont && !startsRow(row.cells[table.no]) ? { cont: true } : {}) });
    });
    s.current = null;
    s.cont = false;
    closing = true;
    table.ruled = true;
    return rows.length - g.rest.length;
  };
  // (a page that repeats the table's header: what stands above it, a running header or a caption, is no part of the table)
  const repeated = open ? rows.findIndex((r) => headerCells(r).map((c) => c.text).join(' ') === open.header && headerBounds(r)) : -1;
  if (repeated > 0) out.push(...rows.slice(0, repeated));
  let k = repeated >= 0 ? repeated : open ? ruled(0, Infinity) : 0;
  // (a bordered table the page does not go on with ended on the page before)
  if (k < 0) { k = 0; if (open?.ruled) Object.assign(s, { table: null, cont: false }); }
  for (; k < rows.length; k++) {
    const r = rows[k]!;
    const bounds = headerBounds(r, rows.slice(k + 1));
    const text = (bounds ? headerCells(r) : cellsOf(r)).map((c) => c.text).join(' ');
    if (bounds) {
      // the header again (a table going on over a page): no row of its own
      if (!(s.table && text === s.table.header)) {
        s.table = tableOf(r, bounds);
        const cells = headerCells(r).map((c) => c.text);
        out.push({ ...r, cells });
        if (cells.some((c) => headerRole(c) === 'problem') && cells.some((c) => headerRole(c) === 'measures')) doc.head = cells;
        s.cont = false;
      }
      s.current = null;
      closing = false;
      const next = ruled(k + 1, r.y);
      if (next >= 0) k = next - 1;
      continue;
    }
    // (a ledger's rows in a bordered table with no header row: pdf-headless.ts)
    const headless = borders && (!s.table || closing) ? headlessTable(rows, k, borders, doc.head, join) : null;
    if (headless) {
      out.push(...headless.rows);
      doc.head = headless.rows[0]!.cells!;
      s.table = { ...headless.table, header: doc.head.join(' '), ruled: true };
      Object.assign(s, { current: null, cont: false });
      closing = true;
      k = headless.next - 1;
      continue;
    }
    // (a page's number or running footer inside the table's band is no cell's text)
    if (!s.table || isPageNumber(text)) out.push(r);
    else if (closing) {
      // (a line across a table of no problems at the page's foot, its words going on in the table on the next page:
      // the table stays open, so the rest of the line there goes on with it, pdf.ts joinBrokenRows)
      const foot = s.table.categories === false && acrossBounds(r, s.table.bounds) && rows.slice(k + 1).every((x) => isPageNumber(cellsOf(x).map((c) => c.text).join(' ')));
      if (!foot) s.table = null;
      closing = false;
      out.push(r);
    }
    else numberedLine(r, text, s, out, join);
  }
  return { rows: out, open: s.table };
}
