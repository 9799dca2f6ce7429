// PDF → paragraphs, with pdf.js through unpdf (one pdf.js in the process).
// Lines are rebuilt from text positions; a paragraph starts at a first-line indent
// (or after a short line that ends a sentence); page numbers and running
// headers/footers repeated on most pages are dropped.
import { getDocumentProxy, extractTextItems, type StructuredTextItem } from 'unpdf';
import { ZhenggaiError } from '../errors.js';
import type { ReadResult } from '../doc.js';

interface Line { text: string; x: number; y: number; right: number; size: number; page: number }

import { isPageNumber, startsParagraph } from '../normalize.js';

// a line holding only a number is a page number in a PDF (not in running text)
const isPdfPageNumber = (t: string) => isPageNumber(t) || /^\s*\d{1,3}\s*$/.test(t);

function toLines(items: StructuredTextItem[], page: number): Line[] {
  const lines: Line[] = [];
  for (const it of items) {
    if (!it.str) continue;
    const last = lines[lines.length - 1];
    if (last && Math.abs(last.y - it.y) < Math.max(2, it.fontSize * 0.3)) {
      const gap = it.x - last.right;
      last.text += gap > it.fontSize * 0.8 && /[A-Za-z0-9]$/.test(last.text) ? ' ' + it.str : it.str;
      last.right = Math.max(last.right, it.x + it.width);
    } else {
      lines.push({ text: it.str, x: it.x, y: it.y, right: it.x + it.width, size: it.fontSize, page });
    }
  }
  return lines.filter((l) => l.text.trim());
}

export async function readPdf(bytes: Uint8Array): Promise<ReadResult> {
  let pdf;
  try {
    pdf = await getDocumentProxy(new Uint8Array(bytes), { isEvalSupported: false, stopAtErrors: false, verbosity: 0 } as never);
  } catch (e) {
    const name = (e as Error)?.name ?? '';
    const msg = (e as Error)?.message ?? String(e);
    if (name === 'PasswordException' || /password/i.test(msg)) throw new ZhenggaiError('pdf_encrypted', `encrypted PDF: ${msg}`);
    throw new ZhenggaiError('pdf_corrupt', `pdf.js cannot open it: ${msg}`);
  }
  let pages: StructuredTextItem[][];
  try {
    pages = (await extractTextItems(pdf)).items;
  } catch (e) {
    throw new ZhenggaiError('pdf_corrupt', `pdf.js cannot read the pages: ${(e as Error)?.message ?? e}`);
  } finally {
    await pdf.loadingTask.destroy().catch(() => {});
  }
  const all = pages.flatMap((items, p) => toLines(items, p));
  if (all.filter((l) => /[\u4e00-\u9fff]/.test(l.text)).length === 0) {
    throw new ZhenggaiError('pdf_no_text', `no text layer on ${pages.length} page(s): a scanned PDF needs OCR first`);
  }
  // running headers/footers: the same text at the same height on most pages
  const counts = new Map<string, number>();
  for (const l of all) {
    const key = `${Math.round(l.y)}|${l.text.replace(/\d+/g, '#')}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const running = (l: Line) => pages.length >= 3 && (counts.get(`${Math.round(l.y)}|${l.text.replace(/\d+/g, '#')}`) ?? 0) >= Math.ceil(pages.length * 0.6);
  const lines = all.filter((l) => !isPdfPageNumber(l.text) && !running(l));

  const margin = quantileX(lines);
  const width = Math.max(...lines.map((l) => l.right - margin));
  // Documents printed from Word mark paragraphs by a first-line indent: trust it alone there.
  const usesIndent = lines.filter((l) => l.x - margin > l.size * 1.2 && l.x - margin < l.size * 4).length >= 3;
  const out: string[] = [];
  let prev: Line | null = null;
  for (const l of lines) {
    const indented = l.x - margin > l.size * 1.2;
    const prevShort = prev ? prev.right - margin < width * 0.85 : true;
    const prevEnds = prev ? /[。！？；：”）]$/.test(prev.text.trim()) : true;
    const sizeChange = prev && Math.abs(prev.size - l.size) > 1;
    const newPara = !prev || indented || sizeChange || (!usesIndent && ((prevShort && prevEnds) || (prevEnds && startsParagraph(l.text.trim())) || (prevShort && prev.right - margin < width * 0.6)));
    if (newPara) out.push(l.text.trim());
    else {
      const last = out[out.length - 1]!;
      const sep = /[A-Za-z]$/.test(last) && /^[A-Za-z]/.test(l.text.trim()) ? ' ' : '';
      out[out.length - 1] = last + sep + l.text.trim();
    }
    prev = l;
  }
  return { format: 'pdf', encoding: null, text: out.join('\n'), meta: {} };
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
