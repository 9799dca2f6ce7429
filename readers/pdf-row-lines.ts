// A page's rows, once its ledger and field tables are read (pdf-tables.ts, pdf-fields.ts), as the
// lines pdf-lines.ts joins into paragraphs; and a ledger row a page break cut joined again. Shared by
// the PDF reader (pdf.ts) and the reader of positioned text in saved pages (positioned-lines.ts).
import type { Placed } from './pdf-columns.js';
import type { FieldRow } from './pdf-fields.js';
import type { Line } from './pdf-lines.js';

type PlacedRow<T extends Placed> = FieldRow<T> & { dx?: number; dRight?: number; columnStart?: boolean };

/**
 * Each row a line: a ledger's row its cells tab-separated, a field its label and value lines, else
 * its items' text (`lineText`), placed where its visible items stand; a row with no text is none.
 */
export function rowLines<T extends Placed & { fontFamily?: string }>(rows: Array<PlacedRow<T>>, page: number, lineText: (items: T[]) => string): Line[] {
  const lines: Line[] = [];
  for (const r of rows) {
    const field = r.field ? { ...r.field, lines: r.field.lines.map(lineText) } : null;
    const text = r.cells ? r.cells.join('\t') : field ? [field.label, ...field.lines].join(' ') : lineText(r.items);
    const xs = r.items.filter((i) => i.str.trim());
    if (!text.trim() || !xs.length) continue;
    // (a line set in one font says so: a heading in its own font ends where a numbered line in another starts)
    const font = xs.every((i) => i.fontFamily === xs[0]?.fontFamily) && xs[0]?.fontFamily ? { font: xs[0].fontFamily } : {};
    lines.push({
      text, x: Math.min(...xs.map((i) => i.x)) + (r.dx ?? 0), y: r.y, right: Math.max(...xs.map((i) => i.x + i.width)) + (r.dRight ?? 0), size: r.size, page,
      ...font, ...(r.columnStart ? { columnStart: true } : {}), ...(r.cells ? { cells: r.cells, ...(r.cont ? { cont: true } : {}) } : {}), ...(field ? { field } : {}),
    });
  }
  return lines;
}

/** A ledger row a page break cut (the next page's first cells, marked cont) joined to the last row of the page before, cell by cell. */
export function joinBrokenRows(pages: Line[][]): void {
  let last: Line | null = null;
  for (const lines of pages) {
    for (let k = 0; k < lines.length; k++) {
      const l = lines[k]!;
      if (l.cont && last?.cells && l.cells) {
        last.cells = last.cells.map((v, i) => v + (l.cells![i] ?? ''));
        last.text = last.cells.join('\t');
        lines.splice(k--, 1);
        continue;
      }
      if (l.cells) last = l;
    }
  }
}
