// Lines of PDF pages (from the text layer or from OCR) → text and typed blocks: paragraphs at a
// first-line indent or after a short line that ends a sentence, headings in a larger font, page
// numbers and running headers/footers kept apart.
import type { ReaderBlock } from '../core/blocks.js';
import { isPageNumber, startsParagraph } from '../core/vocabulary.js';
import { rx } from '../core/rules.js';
import { readerPatterns } from './reader-rules.js';
import { tableLines } from './tables.js';
import { cellParagraphs } from './pdf-fields.js';

/** A line of a page, in PDF points (y grows upwards), from the text layer or from OCR. */
export interface Line { text: string; x: number; y: number; right: number; size: number; page: number; /** the font family of a line set in one font (a text layer's) */ font?: string; /** the first line of a column of text (pdf-columns.ts) */ columnStart?: boolean; /** a ledger table's row, its cells (pdf-tables.ts), and whether it goes on with the last row of the page before */ cells?: string[]; cont?: boolean;
  /** a cell of a table of fields (pdf-fields.ts): its label and its value's lines, going on with the cell before (cont) or starting a table (first) */
  field?: { label: string; lines: string[]; cont?: boolean; first?: boolean };
  /** a line of a table read whole (a paragraph of its own), the first carrying the table's block */
  own?: boolean; table?: ReaderBlock }

// a line holding only a number is a page number in a PDF (not in running text)
const isPdfPageNumber = (t: string) => isPageNumber(t) || /^\s*\d{1,3}\s*$/.test(t);

/**
 * Pages of lines → paragraphs: page numbers and running headers/footers (the same text at the
 * same height on most pages) dropped; a paragraph starts at a first-line indent, after a line
 * that stops short of the right edge, or at numbering after a stop. Lines from a text layer and
 * lines read by OCR go through the same joining.
 */
export function linesToText(pages: Line[][]): string {
  return linesToDocument(pages, false).text;
}

/**
 * The same, with the blocks the layout shows (pipeline/blocks.ts): each running header or footer
 * dropped (once, with its first page), and, from a text layer (`sizes`), a short paragraph set in
 * a larger font than the body's as a heading, the largest size level 1.
 */
export function linesToDocument(pages: Line[][], sizes = true): { text: string; blocks: ReaderBlock[] } {
  const all = pages.flat();
  const key = (l: Line) => `${Math.round(l.y / 4)}|${l.text.replace(/\d+/g, '#')}`;
  const counts = new Map<string, number>();
  for (const l of all) counts.set(key(l), (counts.get(key(l)) ?? 0) + 1);
  // (a table of fields' cell is never one: each problem's table may stand at the same place on its page)
  const running = (l: Line) => !l.field && pages.length >= 3 && (counts.get(key(l)) ?? 0) >= Math.ceil(pages.length * 0.6);
  const blocks: ReaderBlock[] = [];
  const seenRunning = new Set<string>();
  for (const l of all) {
    if (!running(l) || isPdfPageNumber(l.text) || seenRunning.has(key(l))) continue;
    seenRunning.add(key(l));
    // y grows upwards: a line above the page's middle is its header
    const mid = (Math.max(...(pages[l.page] ?? [l]).map((x) => x.y)) + Math.min(...(pages[l.page] ?? [l]).map((x) => x.y))) / 2;
    blocks.push({ kind: l.y >= mid ? 'page_header' : 'page_footer', text: l.text.trim(), page: l.page + 1 });
  }
  const kept = all.filter((l) => !isPdfPageNumber(l.text) && !running(l));
  // the body's size: the size most characters are set in, outside tables (a long ledger set smaller than the text around it)
  const bySize = new Map<number, number>();
  const prose = kept.filter((l) => !l.cells && !l.field);
  for (const l of prose.length ? prose : kept) bySize.set(Math.round(l.size), (bySize.get(Math.round(l.size)) ?? 0) + l.text.length);
  const body = [...bySize].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
  // footnotes: below a page's last line of body text, set smaller (①此处所称…), kept out of the text as the page's footer
  const lowest = new Map<number, number>();
  for (const l of kept) if (l.size >= body - 0.5) lowest.set(l.page, Math.min(lowest.get(l.page) ?? Infinity, l.y));
  // (a line right under a table's row is the table's, a line across it: no footnote)
  const underRow = new Set(kept.filter((l, k) => k > 0 && kept[k - 1]!.cells && kept[k - 1]!.page === l.page));
  const footnote = (l: Line) => !l.cells && !l.field && l.size < body - 1 && l.y < (lowest.get(l.page) ?? -Infinity) && !underRow.has(l);
  for (const l of kept) if (footnote(l)) blocks.push({ kind: 'page_footer', text: l.text.trim(), page: l.page + 1 });
  const lines = fieldTables(kept.filter((l) => !footnote(l)));
  const paraSizes: number[] = [];
  const tables: Array<{ at: number; block: ReaderBlock }> = [];

  const margin = quantileX(lines), step = sizeStep(lines, body);
  // the right edge full lines reach (justified Chinese text fills the line)
  const rights = lines.map((l) => l.right).sort((a, b) => a - b);
  const rightEdge = rights[Math.floor(rights.length * 0.9)] ?? 0;
  // Documents printed from Word often mark paragraphs by a first-line indent: where every paragraph
  // is seen to start so, a line at the margin after a full line goes on with its paragraph, whatever
  // it starts with (…完成。⏎二是… , …增强。⏎【已完成】: a sentence's end at a line's end is no paragraph's)
  const byIndent = indentLed(lines, margin, rightEdge);
  const out: string[] = [];
  let prev: Line | null = null;
  for (const l of lines) {
    // (a table row keeps its empty first and last cells: a category merged down from the page before leaves its cell empty)
    const t = l.cells ? l.text.replace(/^ +| +$/g, '') : l.text.trim();
    const indented = l.x - margin > l.size * 1.2;
    // a line that stops short of the right edge ends its paragraph
    const prevFull = prev ? prev.right >= rightEdge - prev.size * 2.5 : false;
    // a word, number or address broken at the line end (010-⏎62751234)
    const brokenWord = prev ? /[-\w@.]$/.test(prev.text.trim()) && /^\w/.test(t) && prev.right >= rightEdge - prev.size * 6 : false;
    const prevEnds = prev ? rx(readerPatterns().pdf_paragraph_end).test(prev.text.trim()) : true;
    const sizeChange = prev && Math.abs(prev.size - l.size) > step;
    // a line in one font and a numbered line in another: a heading that fills its line, then the item under it
    const fontChange = !!prev?.font && !!l.font && prev.font !== l.font && startsParagraph(t);
    // (a numbered line after a finished sentence starts a paragraph, indents or not: a paragraph's last line may fill the width)
    const newPara = !prev || !!l.cells || !!prev.cells || !!l.own || !!prev.own || indented || sizeChange || fontChange || (!prevFull && !brokenWord) || (prevEnds && !byIndent && startsParagraph(t));
    if (newPara) { out.push(t); paraSizes.push(l.size); if (l.table) tables.push({ at: out.length - 1, block: l.table }); }
    else {
      const last = out[out.length - 1]!;
      const sep = /[A-Za-z]$/.test(last) && /^[A-Za-z]/.test(t) ? ' ' : '';
      out[out.length - 1] = last + sep + t;
      paraSizes[paraSizes.length - 1] = Math.min(paraSizes[paraSizes.length - 1]!, l.size);
    }
    prev = l;
  }
  const placed: Array<{ at: number; block: ReaderBlock }> = [...tables];
  if (sizes && body) {
    const big = (k: number) => paraSizes[k]! >= body + 1.5 && out[k]!.length <= 120;
    const levels = [...new Set(out.map((_, k) => (big(k) ? Math.round(paraSizes[k]!) : 0)).filter((x) => x > 0))].sort((a, b) => b - a);
    out.forEach((t, k) => { if (big(k)) placed.push({ at: k, block: { kind: 'heading', text: t, level: Math.min(9, levels.indexOf(Math.round(paraSizes[k]!)) + 1) } }); });
  }
  // (the headings and tables in the order of the text)
  blocks.push(...placed.sort((a, b) => a.at - b.at).map((p) => p.block));
  return { text: out.join('\n'), blocks };
}

/**
 * The cells of tables of fields (pdf-fields.ts) → the lines a Word or HTML table of fields gives
 * (tables.ts tableLines), each a paragraph of its own, the first carrying the table's block; a
 * cell a page break cut joined again. Other lines as they are.
 */
function fieldTables(lines: Line[]): Line[] {
  const out: Line[] = [];
  let table: { at: Line; rows: Array<{ label: string; lines: string[] }> } | null = null;
  // (the category each problem's table repeats starts a category once)
  const shared = {};
  const flush = () => {
    if (!table) return;
    const rows = table.rows.map((r) => [r.label, cellParagraphs(r.lines)]);
    const read = tableLines(rows, { shared });
    const block: ReaderBlock = { kind: 'table', text: read.join('\n'), rows, header_rows: 0 };
    const { field: _, ...at } = table.at;
    out.push(...read.map((text, k) => ({ ...at, text, own: true, ...(k ? {} : { table: block }) })));
    table = null;
  };
  for (const l of lines) {
    if (!l.field) { flush(); out.push(l); continue; }
    if (l.field.cont && table) { table.rows[table.rows.length - 1]!.lines.push(...l.field.lines); continue; }
    if (l.field.first || !table) { flush(); table = { at: l, rows: [] }; }
    table.rows.push({ label: l.field.label, lines: [...l.field.lines] });
  }
  flush();
  return out;
}

/**
 * The left margin: the leftmost starting x that many lines share (body lines start there). The most
 * common start is no margin where most paragraphs are one line each (a list of ◆ measures): their
 * first-line indent is then the commonest x, and their wrapped lines start left of it.
 */
function quantileX(lines: Line[]): number {
  const freq = new Map<number, number>();
  for (const l of lines) freq.set(Math.round(l.x), (freq.get(Math.round(l.x)) ?? 0) + 1);
  const best = Math.max(0, ...freq.values());
  const shared = [...freq].filter(([, v]) => v >= Math.max(3, best * 0.25)).map(([k]) => k);
  if (shared.length) return Math.min(...shared);
  let x = 0;
  for (const [k, v] of freq) if (v === best && (x === 0 || k < x)) x = k;
  return x;
}

/**
 * Whether the document marks its paragraphs by a first-line indent alone: of the lines that surely
 * start a paragraph (after a line that stops short of the right edge, outside tables), five or more
 * and nearly all stand indented. A heading set at the margin among them makes it no such document.
 */
function indentLed(lines: Line[], margin: number, rightEdge: number): boolean {
  let indented = 0;
  let starts = 0;
  lines.forEach((l, k) => {
    const prev = lines[k - 1];
    if (!prev || l.cells || prev.cells || l.own || prev.own || l.page !== prev.page || prev.right >= rightEdge - prev.size * 2.5) return;
    starts++;
    if (l.x - margin > l.size * 1.2) indented++;
  });
  return starts >= 5 && indented >= starts * 0.9;
}

/**
 * The change of size between two lines that starts a paragraph: a point where every line of the
 * text is set in one size (a word processor's PDF), more where the sizes jitter from line to line
 * (an OCR text layer: each line's size is the engine's estimate from its box, 15.2, 16.4, 15.7 …
 * for one printed size): five times the median deviation of the sizes near the body's.
 */
function sizeStep(lines: Line[], body: number): number {
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  const near = lines.filter((l) => !l.cells && !l.field && Math.abs(l.size - body) <= 2).map((l) => l.size);
  const centre = median(near);
  return Math.max(1, 5 * median(near.map((x) => Math.abs(x - centre))));
}
