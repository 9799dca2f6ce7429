// PDF → paragraphs, with pdf.js through unpdf (one pdf.js in the process).
// Lines are rebuilt from text positions; a paragraph starts at a first-line indent
// (or after a short line that ends a sentence); page numbers and running
// headers/footers repeated on most pages are dropped.
import { getDocumentProxy, extractTextItems, type StructuredTextItem } from 'unpdf';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ZhenggaiError } from '../errors.js';
import { rootPath } from '../paths.js';
import type { ReadResult } from '../doc.js';
import type { ReaderBlock } from '../blocks.js';
import type { ReadOptions } from './index.js';

/** A line of a page, in PDF points (y grows upwards), from the text layer or from OCR. */
export interface Line { text: string; x: number; y: number; right: number; size: number; page: number }

import { isPageNumber, startsParagraph } from '../normalize.js';

// a line holding only a number is a page number in a PDF (not in running text)
const isPdfPageNumber = (t: string) => isPageNumber(t) || /^\s*\d{1,3}\s*$/.test(t);

function toLines(items: StructuredTextItem[], page: number): Line[] {
  // group items by baseline, then read each line left to right (content-stream order is not
  // reading order: a quote mark set in a fallback font can come before or after its line)
  const rows: Array<{ y: number; size: number; items: StructuredTextItem[] }> = [];
  for (const it of items) {
    if (!it.str) continue;
    const row = rows.find((r) => Math.abs(r.y - it.y) < Math.max(2, Math.max(r.size, it.fontSize) * 0.35));
    if (row) { row.items.push(it); row.size = Math.max(row.size, it.fontSize); } else rows.push({ y: it.y, size: it.fontSize, items: [it] });
  }
  rows.sort((a, b) => b.y - a.y); // PDF y grows upwards: top of the page first
  const lines: Line[] = [];
  for (const r of rows) {
    const text = lineText(r.items);
    const xs = r.items.filter((i) => i.str.trim());
    if (text.trim() && xs.length) lines.push({ text, x: Math.min(...xs.map((i) => i.x)), y: r.y, right: Math.max(...xs.map((i) => i.x + i.width)), size: r.size, page });
  }
  return lines;
}

/**
 * One line's text from its items, left to right. Some producers (LibreOffice with a fallback
 * font) write a run with spaces where a glyph of another font goes and draw that glyph as a
 * separate item on top: such overlay glyphs replace the space under them.
 */
function lineText(items: StructuredTextItem[]): string {
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
  let text = '';
  let right = -Infinity;
  for (const { b, chars: cs } of chars) {
    const str = cs.join('');
    const gap = b.x - right;
    text += gap > b.fontSize * 0.8 && /[A-Za-z0-9]$/.test(text) && /^[A-Za-z0-9]/.test(str) ? ' ' + str : str;
    right = Math.max(right, b.x + b.width);
  }
  return text;
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
    let pages: StructuredTextItem[][];
    try {
      pages = (await extractTextItems(pdf)).items;
    } catch (e) {
      throw new ZhenggaiError('pdf_corrupt', `pdf.js cannot read the pages: ${(e as Error)?.message ?? e}`);
    }
    const pageLines = pages.map((items, p) => toLines(items, p));
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
  const running = (l: Line) => pages.length >= 3 && (counts.get(key(l)) ?? 0) >= Math.ceil(pages.length * 0.6);
  const blocks: ReaderBlock[] = [];
  const seenRunning = new Set<string>();
  for (const l of all) {
    if (!running(l) || isPdfPageNumber(l.text) || seenRunning.has(key(l))) continue;
    seenRunning.add(key(l));
    // y grows upwards: a line above the page's middle is its header
    const mid = (Math.max(...(pages[l.page] ?? [l]).map((x) => x.y)) + Math.min(...(pages[l.page] ?? [l]).map((x) => x.y))) / 2;
    blocks.push({ kind: l.y >= mid ? 'page_header' : 'page_footer', text: l.text.trim(), page: l.page + 1 });
  }
  const lines = all.filter((l) => !isPdfPageNumber(l.text) && !running(l));
  // the body's size: the size most characters are set in
  const bySize = new Map<number, number>();
  for (const l of lines) bySize.set(Math.round(l.size), (bySize.get(Math.round(l.size)) ?? 0) + l.text.length);
  const body = [...bySize].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
  const paraSizes: number[] = [];

  const margin = quantileX(lines);
  // the right edge full lines reach (justified Chinese text fills the line)
  const rights = lines.map((l) => l.right).sort((a, b) => a - b);
  const rightEdge = rights[Math.floor(rights.length * 0.9)] ?? 0;
  // Documents printed from Word often mark paragraphs by a first-line indent.
  const usesIndent = lines.filter((l) => l.x - margin > l.size * 1.2 && l.x - margin < l.size * 4).length >= 3;
  const out: string[] = [];
  let prev: Line | null = null;
  for (const l of lines) {
    const t = l.text.trim();
    const indented = l.x - margin > l.size * 1.2;
    // a line that stops short of the right edge ends its paragraph
    const prevFull = prev ? prev.right >= rightEdge - prev.size * 2.5 : false;
    // a word, number or address broken at the line end (010-⏎62751234)
    const brokenWord = prev ? /[-\w@.]$/.test(prev.text.trim()) && /^\w/.test(t) && prev.right >= rightEdge - prev.size * 6 : false;
    const prevEnds = prev ? /[。！？；：”）]$/.test(prev.text.trim()) : true;
    const sizeChange = prev && Math.abs(prev.size - l.size) > 1;
    const newPara = !prev || indented || sizeChange || (!prevFull && !brokenWord) || (!usesIndent && prevEnds && startsParagraph(t));
    if (newPara) { out.push(t); paraSizes.push(l.size); }
    else {
      const last = out[out.length - 1]!;
      const sep = /[A-Za-z]$/.test(last) && /^[A-Za-z]/.test(t) ? ' ' : '';
      out[out.length - 1] = last + sep + t;
      paraSizes[paraSizes.length - 1] = Math.min(paraSizes[paraSizes.length - 1]!, l.size);
    }
    prev = l;
  }
  if (sizes && body) {
    const big = (k: number) => paraSizes[k]! >= body + 1.5 && out[k]!.length <= 120;
    const levels = [...new Set(out.map((_, k) => (big(k) ? Math.round(paraSizes[k]!) : 0)).filter((x) => x > 0))].sort((a, b) => b - a);
    const headed: ReaderBlock[] = [];
    out.forEach((t, k) => { if (big(k)) headed.push({ kind: 'heading', text: t, level: Math.min(9, levels.indexOf(Math.round(paraSizes[k]!)) + 1) }); });
    blocks.push(...headed);
  }
  return { text: out.join('\n'), blocks };
}

/** The left margin: the most common starting x of lines (body lines start there). */
function quantileX(lines: Line[]): number {
  const freq = new Map<number, number>();
  for (const l of lines) freq.set(Math.round(l.x), (freq.get(Math.round(l.x)) ?? 0) + 1);
  let best = 0;
  let x = 0;
  for (const [k, v] of freq) if (v > best || (v === best && k < x)) { best = v; x = k; }
  return x;
}
