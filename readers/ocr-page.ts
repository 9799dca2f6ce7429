// One page read by OCR: the engine of this thread (readers/ocr-engine.ts, loaded once per
// thread and number of onnxruntime threads), the page's boxes grouped into lines, its mean
// confidence, and its time limit. The OCR process runs it in its main thread when the pages of a
// scan are read one at a time, and in each of its reader threads when they are read several at
// once (readers/ocr-readers.ts).
import { availableParallelism } from 'node:os';
import { ZhenggaiError } from '../core/errors.js';
import { OcrEngine, OcrLate, type OcrBox } from './ocr-engine.js';
import type { Raster } from './ocr-pixels.js';

const engines = new Map<number, Promise<OcrEngine>>();
/** onnxruntime's threads for one page read: ZHENGGAI_OCR_THREADS, else what the caller asks, else the cores. */
export const engineThreads = (asked?: number): number => Number(process.env.ZHENGGAI_OCR_THREADS) || asked || availableParallelism();

/** The models, loaded once per thread (and number of onnxruntime threads). */
export function ocrEngine(threads?: number): Promise<OcrEngine> {
  const n = engineThreads(threads);
  let engine = engines.get(n);
  if (!engine) {
    engine = (async () => {
      try {
        return await OcrEngine.create({ threads: n });
      } catch (e) {
        engines.delete(n);
        throw new ZhenggaiError('internal', `the OCR engine cannot start: ${(e as Error).message}`);
      }
    })();
    engines.set(n, engine);
  }
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
  const lines = rows.map((r) => {
    r.sort((a, b) => a.x - b.x);
    const chars = r.reduce((n, x) => n + x.text.length, 0);
    // the line's height is its longest box's: a short box beside it (Latin letters, digits, an
    // address) reaches lower or higher, and the joining reads a change of height as a new paragraph
    const main = r.reduce((m, x) => (x.right - x.x > m.right - m.x ? x : m), r[0]!);
    return {
      text: r.map((x) => x.text).join(''),
      confidence: r.reduce((s, x) => s + x.confidence * x.text.length, 0) / Math.max(1, chars),
      x: r[0]!.x,
      right: Math.max(...r.map((x) => x.right)),
      top: main.top,
      bottom: main.bottom,
    };
  }).sort((a, b) => a.top - b.top);
  // A box's height estimates its font size, give or take a pixel or two of the detector's map (a
  // point or two on the page) and the descenders of Latin letters (…@163.com), and the joining
  // reads a change of a point as a new paragraph: a line within 25% of the page's common height
  // (the height most characters are set at) is given that height. A title a size larger (22 pt
  // over 16) stays apart.
  const byHeight = lines.map((l) => ({ h: l.bottom - l.top, n: l.text.length })).sort((a, b) => a.h - b.h);
  const half = byHeight.reduce((n, x) => n + x.n, 0) / 2;
  let seen = 0;
  const common = byHeight.find((x) => (seen += x.n) >= half)?.h ?? 0;
  for (const l of lines) if (Math.abs(l.bottom - l.top - common) <= common * 0.25) l.bottom = l.top + common;
  return lines;
}

/** A page read: its lines and mean confidence, or why it was left out. */
export interface PageRead { lines: OcrLine[] | null; confidence: number | null; failed?: string }

/**
 * OCR one page with this thread's engine of `threads` onnxruntime threads. Its time limit runs from
 * when the engine starts on it; a page over it is given up between two model runs (it stops costing
 * CPU) and left out. An engine that cannot start throws: it fails the document, not a page.
 */
export async function ocrImage(img: Raster, timeoutMs: number, threads?: number): Promise<PageRead> {
  const ocr = await ocrEngine(threads);
  const start = performance.now();
  try {
    const boxes = await ocr.read(img, () => performance.now() - start > timeoutMs);
    if (performance.now() - start > timeoutMs) throw new OcrLate();
    const lines = boxesToLines(boxes);
    const chars = lines.reduce((n, l) => n + l.text.length, 0);
    return { lines, confidence: chars ? lines.reduce((s, l) => s + l.confidence * l.text.length, 0) / chars : null };
  } catch (e) {
    if (e instanceof OcrLate) return { lines: null, confidence: null, failed: `over the page time limit of ${timeoutMs} ms` };
    return { lines: null, confidence: null, failed: (e as Error).message };
  }
}
