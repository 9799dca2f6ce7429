// Positioned text of any origin (a PDF's text layer, a page saved by pdf2htmlEX or a PDF.js viewer)
// → lines and paragraphs, as the PDF reader reads them: each page's items grouped by baseline and
// read left to right (pdf-columns.ts: a page in two columns column by column), a ledger table's rows
// rebuilt from where its cells stand (pdf-tables.ts), a table of fields (pdf-fields.ts), then the
// pages' lines joined into paragraphs at first-line indents and short lines, page numbers and running
// headers dropped, a larger face a heading (pdf-lines.ts). Items carry their place in PDF fashion:
// x from the left, y growing upwards, width and font size in the same unit.
import type { ReaderBlock } from '../core/blocks.js';
import { readingRows, type Placed } from './pdf-columns.js';
import { ledgerRows, type OpenTable, type TableRow } from './pdf-tables.js';
import type { Row } from './pdf-columns.js';
import { fieldRows, type OpenFields } from './pdf-fields.js';
import { joinItems, pageLetterSpacing } from './pdf-words.js';
import { linesToDocument, type Line } from './pdf-lines.js';
import { rowLines, joinBrokenRows } from './pdf-row-lines.js';

/** A positioned run of text, with the face it is set in where known (a heading's own face ends where a numbered line starts). */
export interface PosItem extends Placed { fontFamily?: string }

/** What goes on over a page break: a ledger's table (and the size its cells are set in), a table of fields. */
interface Open { ledger: OpenTable | null; fields: OpenFields | null; cellSize?: number }

/** A ledger's row that holds words in its first cell alone: a category's row across the table. */
const acrossRow = (r: TableRow<PosItem>) => !!r.cells?.[0]?.trim() && r.cells.slice(1).every((c) => !c.trim());

/**
 * A page's rows with its ledger tables' rows rebuilt (pdf-tables.ts), where a line across a table set
 * in another size than its cells ends the table instead of reading as a category's row: a part's
 * heading in the body's face after a ledger set smaller (三、下一步工作打算 under the table, or at the
 * top of the next page), which a category row set in the table's own face is not.
 */
function ledgerPage(rows: Array<Row<PosItem>>, open: Open, join: (items: PosItem[]) => string): { rows: Array<TableRow<PosItem>>; ledger: OpenTable | null; cellSize?: number } {
  const read = ledgerRows(rows, open.ledger, null, join);
  const sizes = read.rows.filter((r) => r.cells && !acrossRow(r)).map((r) => r.size).sort((a, b) => a - b);
  const cellSize = sizes.length ? sizes[Math.floor(sizes.length / 2)]! : open.ledger ? open.cellSize : undefined;
  const bad = read.rows.find((r) => r.cells && acrossRow(r) && cellSize !== undefined && Math.abs(r.size - cellSize) > 1);
  const k = bad ? rows.findIndex((r) => r.y === bad.y) : -1;
  if (k < 0) return { rows: read.rows, ledger: read.open, ...(read.open && cellSize !== undefined ? { cellSize } : {}) };
  const head = k > 0 ? ledgerRows(rows.slice(0, k), open.ledger, null, join).rows : [];
  const tail = ledgerPage(rows.slice(k), { ledger: null, fields: null }, join);
  // (from the line that ended it on, the rows are read afresh: a table may start again below)
  return { ...tail, rows: [...head, ...tail.rows] };
}

/** One line's text: its items left to right, word spaces told from the page's letter spacing (pdf-words.ts). */
const textOf = (items: PosItem[], spacing: number | null) => joinItems([...items].filter((i) => i.str.trim()).sort((a, b) => a.x - b.x), spacing);

/** A page's items → its lines (table rows with their cells, fields with their label), in reading order. */
function pageLines(items: PosItem[], page: number, open: Open): { lines: Line[]; open: Open } {
  const rows = readingRows(items);
  const spacing = pageLetterSpacing(rows.map((r) => r.items));
  const lineText = (its: PosItem[]) => textOf(its, spacing);
  const read = ledgerPage(rows, open, lineText);
  const fields = fieldRows(read.rows, open.fields);
  return { lines: rowLines(fields.rows, page, lineText), open: { ledger: read.ledger, fields: fields.open, ...(read.cellSize !== undefined ? { cellSize: read.cellSize } : {}) } };
}


/** Pages of positioned items → the pages' lines, a ledger going on over a page break carried and its broken row joined. */
export function positionedLines(pages: PosItem[][]): Line[][] {
  let open: Open = { ledger: null, fields: null };
  const out: Line[][] = [];
  pages.forEach((items, p) => {
    const r = pageLines(items, p, open);
    open = r.open;
    out.push(r.lines);
  });
  joinBrokenRows(out);
  return out;
}

/** Pages of positioned items → text (paragraphs a line each, a ledger row its cells joined by tabs) and typed blocks. */
export function positionedDocument(pages: PosItem[][]): { text: string; blocks: ReaderBlock[] } {
  return linesToDocument(positionedLines(pages), true);
}
