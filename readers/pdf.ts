// PDF → paragraphs, with pdf.js through unpdf (one pdf.js in the process).
// Lines are rebuilt from text positions; a paragraph starts at a first-line indent
// (or after a short line that ends a sentence); page numbers and running
// headers/footers repeated on most pages are dropped.
import { getDocumentProxy, type StructuredTextItem } from 'unpdf';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ZhenggaiError } from '../core/errors.js';
import { isPageNumber } from '../core/vocabulary.js';
import { rootPath } from '../core/paths.js';
import type { ReadResult } from '../core/doc.js';
import type { ReadOptions } from './options.js';

import { linesToDocument, type Line } from './pdf-lines.js';
import { readingRows } from './pdf-columns.js';
import { ledgerRows, wantsBorders, type LedgerHead, type OpenTable, type TableRow } from './pdf-tables.js';
import { fieldRows, type OpenFields } from './pdf-fields.js';
import { joinItems, pageLetterSpacing } from './pdf-words.js';
import { orientedPages, type OrientedPage } from './pdf-rotation.js';
import type { Borders } from './pdf-borders.js';
import { rowLines, joinBrokenRows } from './pdf-row-lines.js';
export { linesToText, linesToDocument, type Line } from './pdf-lines.js';


/** What goes on over a page break: a ledger's table, a table of fields. */
interface Open { ledger: OpenTable | null; fields: OpenFields | null; /** the document's last ledger header */ doc?: LedgerHead }

function toLines(items: StructuredTextItem[], page: number, open: Open = { ledger: null, fields: null }, borders: Borders | null = null): { lines: Line[]; open: Open } {
  // group items by baseline, then read each line left to right (content-stream order is not
  // reading order: a quote mark set in a fallback font can come before or after its line)
  // (a page set in two columns: each column top to bottom, pdf-columns.ts)
  // (a ledger table: its rows of cells rebuilt from the items' places, pdf-tables.ts; a table of fields, pdf-fields.ts)
  const rows = readingRows(items);
  // (a line of a few glyphs is read with its page's letter spacing)
  const spacing = pageLetterSpacing(rows.map((r) => r.items));
  const lineText = (its: StructuredTextItem[]) => textOf(its, spacing);
  const read = ledgerRows(rows, open.ledger, borders, lineText, open.doc);
  const fields = fieldRows(read.rows, open.fields);
  return { lines: rowLines(fields.rows, page, lineText), open: { ledger: read.open, fields: fields.open, ...(open.doc ? { doc: open.doc } : {}) } };
}


/**
 * One line's text from its items, left to right. Some producers (LibreOffice with a fallback
 * font) write a run with spaces where a glyph of another font goes and draw that glyph as a
 * separate item on top: such overlay glyphs replace the space under them. Word spaces against
 * letter spacing: pdf-words.ts.
 */
function textOf(items: StructuredTextItem[], spacing: number | null): string {
  const sorted = [...items].sort((a, b) => a.x - b.x);
  const base: StructuredTextItem[] = [];
  const overlays: StructuredTextItem[] = [];
  for (const it of sorted) {
    if (!it.str.trim()) continue; // spacer items: positions say enough
    const host = base.find((b) => it.str.length <= 2 && it.x > b.x + 0.5 && it.x < b.x + b.width - 0.5 && / /.test(b.str));
    if (host) overlays.push(it);
    else base.push(it);
  }
  const chars = base.map((b) => ({ b, chars: [...b.str] }));
  for (const o of overlays) {
    const h = chars.find(({ b }) => o.x > b.x && o.x < b.x + b.width);
    if (!h) continue;
    const per = h.b.width / h.chars.length;
    const at = Math.round((o.x - h.b.x) / per);
    for (const k of [at, at - 1, at + 1]) {
      if (h.chars[k] === ' ') { h.chars[k] = o.str; break; }
    }
  }
  return joinItems(chars.map(({ b, chars: cs }) => ({ ...b, str: cs.join('') })), spacing);
}

/**
 * Character maps (cMaps) and standard fonts for pdf.js, read from the pdfjs-dist package's
 * data folders (its code is never loaded: the only pdf.js in the process is unpdf's).
 * Chinese PDFs set in a non-embedded font with a predefined CMap (UniGB-UCS2-H) have no
 * text without them. pdf.js's own Node reader needs Node 22, so this one reads the files.
 */
class FsBinaryDataFactory {
  constructor(private readonly dirs: { cMapUrl?: string | null; standardFontDataUrl?: string | null; wasmUrl?: string | null }) {}
  async fetch({ kind, filename }: { kind: 'cMapUrl' | 'standardFontDataUrl' | 'wasmUrl'; filename: string }): Promise<Uint8Array> {
    const dir = this.dirs[kind];
    if (!dir) throw new Error(`no folder for ${kind}`);
    return new Uint8Array(await readFile(join(dir, filename)));
  }
}
const PDFJS_DATA = rootPath('node_modules', 'pdfjs-dist');
export const PDF_OPTIONS = {
  isEvalSupported: false,
  stopAtErrors: false,
  verbosity: 0,
  useWorkerFetch: false,
  cMapUrl: join(PDFJS_DATA, 'cmaps') + '/',
  cMapPacked: true,
  standardFontDataUrl: join(PDFJS_DATA, 'standard_fonts') + '/',
  BinaryDataFactory: FsBinaryDataFactory,
};

const CJK = /[\u4e00-\u9fff]/;

export async function readPdf(bytes: Uint8Array, opts: ReadOptions = {}): Promise<ReadResult> {
  let pdf;
  try {
    pdf = await getDocumentProxy(new Uint8Array(bytes), PDF_OPTIONS as never);
  } catch (e) {
    const name = (e as Error)?.name ?? '';
    const msg = (e as Error)?.message ?? String(e);
    if (name === 'PasswordException' || /password/i.test(msg)) throw new ZhenggaiError('pdf_encrypted', `encrypted PDF: ${msg}`);
    throw new ZhenggaiError('pdf_corrupt', `pdf.js cannot open it: ${msg}`);
  }
  try {
    // (each page read in its reading orientation: a landscape page under /Rotate, a table drawn turned, pdf-rotation.ts)
    let pages: OrientedPage[];
    try {
      pages = await orientedPages(pdf);
    } catch (e) {
      throw new ZhenggaiError('pdf_corrupt', `pdf.js cannot read the pages: ${(e as Error)?.message ?? e}`);
    }
    // (a ledger table may go on over a page: its open state is carried, and a row it breaks is joined again)
    let open: Open = { ledger: null, fields: null, doc: { head: null } };
    // (a page with a ledger on it has its borders read, pdf-borders.ts; text that runs another way on a page is read after
    // its main text, carrying no table over)
    const pageLines: Line[][] = [];
    for (const [p, page] of pages.entries()) {
      const [main = [], ...others] = page.groups;
      const borders = wantsBorders(main, open.ledger) ? await page.borders().catch(() => null) : null;
      const r = toLines(main, p, open, borders);
      open = r.open;
      pageLines.push([...r.lines, ...others.flatMap((items) => toLines(items, p).lines)]);
    }
    joinBrokenRows(pageLines);
    // a page without Chinese text is a scan (or blank): OCR reads it, unless --no-ocr
    const scanned = pageLines.map((ls, p) => (ls.some((l) => CJK.test(l.text)) ? -1 : p)).filter((p) => p >= 0);
    const warnings: NonNullable<ReadResult['warnings']> = [];
    let ocr: ReadResult['ocr'];
    if (scanned.length && opts.ocr !== false) {
      // rendered and read in the OCR process: a native crash there fails this PDF only
      const client = await import('./ocr-client.js');
      const read = client.inThread() ? await (await import('./ocr.js')).ocrPdfPages(pdf, scanned, opts) : await client.ocrPdfInChild(bytes, scanned, opts);
      for (const [p, lines] of read.lines) pageLines[p] = lines;
      warnings.push(...read.warnings);
      ocr = { pages: scanned.length, confidence: read.confidence };
    }
    if (pageLines.every((ls) => !ls.some((l) => CJK.test(l.text)))) {
      throw new ZhenggaiError('pdf_no_text', opts.ocr === false
        ? `no text layer on ${pages.length} page(s): a scanned PDF (OCR is off: --no-ocr)`
        : `no text on ${pages.length} page(s), not even by OCR`);
    }
    // sizes from a text layer only: an OCR line's size is its box's height
    const { text, blocks } = linesToDocument(pageLines, !ocr);
    return { format: 'pdf', encoding: null, text, meta: {}, blocks, ...(ocr ? { ocr } : {}), ...(warnings.length ? { warnings } : {}) };
  } finally {
    await pdf.loadingTask.destroy().catch(() => {});
  }
}

