// The pages of a scan read several at once (issue 24). onnxruntime-node runs a model in the thread
// that calls it, so pages are read at once only by several threads: up to `readers` reader threads
// in the OCR process, each with its own engine of `threads` onnxruntime threads (readers ×
// threads ≈ the cores), started on the first scan that needs them and kept for the next. The
// process's own thread renders the pages, one ahead of each reader, and gets the results back in
// page order: the same lines, warnings and confidence as reading them one by one. One reader
// reads in the process's own thread, as before. A reader thread is dist/ocr.mjs (readers/ocr-child.ts)
// started with workerData.zhenggaiOcrReader.
import { Worker, parentPort, workerData } from 'node:worker_threads';
import { availableParallelism, freemem } from 'node:os';
import { ZhenggaiError, toZhenggaiError, type ErrorCode } from '../core/errors.js';
import { ocrEngine, ocrImage, type PageRead } from './ocr-page.js';
import type { Raster } from './ocr-pixels.js';
import type { ReadOptions } from './options.js';

/**
 * Resident memory a reader takes beyond the first (a thread's V8 heap, the models' sessions, the
 * memory its allocator keeps after a page's tensors): the OCR process took 416 MB reading the
 * seed's scan a page at a time, 737 MB two at once. A document gets no more readers than free
 * memory holds, 512 MB kept aside.
 */
const READER_MB = 320;

/** How a document's pages are read: how many at once, and onnxruntime's threads for each. */
export interface Shape { readers: number; threads: number }

/**
 * `ocrJobs` pages at once (the batch gives each worker its share of --jobs; `extract`:
 * ZHENGGAI_OCR_JOBS, else the cores), never more than the pages to read or free memory holds;
 * onnxruntime's threads split among them (`ocrThreads` when the batch sets it).
 */
export function ocrShape(opts: ReadOptions, pages: number): Shape {
  const cores = availableParallelism();
  const jobs = opts.ocrJobs ?? (Number(process.env.ZHENGGAI_OCR_JOBS) || cores);
  const room = 1 + Math.floor(Math.max(0, freemem() / 2 ** 20 - 512) / READER_MB);
  const readers = Math.max(1, Math.min(jobs, pages, room));
  return { readers, threads: opts.ocrThreads ?? Math.max(1, Math.floor(cores / readers)) };
}

/** A page's picture, or why it has none (the page is then left out with a warning). */
export type Rendered = Raster | { failed: string };
const failedRead = (why: string): PageRead => ({ lines: null, confidence: null, failed: why });

/**
 * Pages 0…n-1, each rendered by `render` in this thread and read, `shape.readers` at once; their
 * reads in page order. `onPage(k)` is told as page k starts, in page order. A render that throws
 * (a picture that cannot be decoded) fails the document: no further page is started.
 */
export async function readPages(n: number, render: (k: number) => Promise<Rendered>, o: { shape: Shape; timeoutMs: number; onPage?: (k: number) => void }): Promise<PageRead[]> {
  const reads: PageRead[] = new Array<PageRead>(n);
  const read = o.shape.readers > 1 ? readerPool(o.shape) : null;
  let next = 0;
  let stop = false;
  const slot = async () => {
    try {
      while (!stop && next < n) {
        const k = next++;
        o.onPage?.(k);
        const img = await render(k);
        if ('failed' in img) reads[k] = failedRead(img.failed);
        else reads[k] = read ? await read.read(img, o.timeoutMs) : await ocrImage(img, o.timeoutMs, o.shape.threads);
      }
    } catch (e) {
      stop = true;
      throw e;
    }
  };
  await Promise.all(Array.from({ length: read ? o.shape.readers : 1 }, slot));
  return reads;
}

// --- the reader threads

type Reply = { read: PageRead } | { fatal: { code: string; message: string } };

/** One reader thread: a page at a time. */
class Reader {
  private worker: Worker | null = null;
  private pending: { resolve: (r: PageRead) => void; reject: (e: Error) => void } | null = null;
  constructor(private readonly file: string, private readonly threads: number) {}

  /** Started now, so its models load while the first pages render. */
  start(): this {
    const w = new Worker(this.file, { workerData: { zhenggaiOcrReader: { threads: this.threads } } });
    w.unref();
    w.on('message', (m: Reply) => {
      const p = this.pending;
      this.pending = null;
      w.unref();
      if ('read' in m) p?.resolve(m.read);
      else p?.reject(new ZhenggaiError(m.fatal.code as ErrorCode, m.fatal.message));
    });
    const died = (why: string) => {
      if (this.worker === w) this.worker = null;
      const p = this.pending;
      this.pending = null;
      p?.reject(new ZhenggaiError('worker_crashed', `an OCR reader thread died (${why}) while reading it`));
    };
    w.on('error', (e) => died(e.message));
    w.on('exit', (code) => died(`exit ${code}`));
    this.worker = w;
    return this;
  }

  read(img: Raster, timeoutMs: number): Promise<PageRead> {
    const w = this.worker ?? this.start().worker!;
    return new Promise<PageRead>((resolve, reject) => {
      this.pending = { resolve, reject };
      w.ref();
      w.postMessage({ img, timeoutMs });
    });
  }

  close(): void {
    const w = this.worker;
    this.worker = null;
    void w?.terminate();
  }
}

/** Reader threads of one number of onnxruntime threads, handed to whoever waits first. */
class ReaderPool {
  private readonly idle: Reader[] = [];
  private readonly waiting: Array<(r: Reader) => void> = [];
  private size = 0;
  private closed = false;
  constructor(private readonly file: string, readonly threads: number) {}

  grow(n: number): this {
    for (; this.size < n; this.size++) this.idle.push(new Reader(this.file, this.threads).start());
    return this;
  }

  async read(img: Raster, timeoutMs: number): Promise<PageRead> {
    const r = this.idle.pop() ?? (await new Promise<Reader>((resolve) => this.waiting.push(resolve)));
    try {
      return await r.read(img, timeoutMs);
    } finally {
      const w = this.waiting.shift();
      if (w) w(r);
      else if (this.closed) r.close();
      else this.idle.push(r);
    }
  }

  /** Its idle readers end now, the others when their page is read. */
  close(): void {
    this.closed = true;
    for (const r of this.idle.splice(0)) r.close();
  }
}

let entry: string | (() => Promise<string>) = async () => (await import('../bin/build.mjs')).ensureBuilt('ocr') as Promise<string>;
/** The OCR process says which file it is: its reader threads run the same bundle. */
export function setReaderEntry(file: string): void { entry = file; }

let pool: ReaderPool | null = null;
/** The reader threads for this shape: the process's pool, grown to `readers` (a pool of another number of threads is closed). */
function readerPool(shape: Shape): { read: (img: Raster, timeoutMs: number) => Promise<PageRead> } {
  const ready = (async () => {
    const file = typeof entry === 'string' ? entry : await entry();
    if (!pool || pool.threads !== shape.threads) {
      pool?.close();
      pool = new ReaderPool(file, shape.threads);
    }
    return pool.grow(shape.readers);
  })();
  return { read: async (img, timeoutMs) => (await ready).read(img, timeoutMs) };
}

/** The reader thread's side: a page in, its read out. An engine that cannot start fails the document. */
export function serveReader(): void {
  const { threads } = (workerData as { zhenggaiOcrReader: { threads: number } }).zhenggaiOcrReader;
  ocrEngine(threads).catch(() => {}); // the models load now; a failure is reported with the first page
  parentPort!.on('message', async ({ img, timeoutMs }: { img: Raster; timeoutMs: number }) => {
    try {
      parentPort!.postMessage({ read: await ocrImage(img, timeoutMs, threads) } satisfies Reply);
    } catch (e) {
      const z = toZhenggaiError(e);
      parentPort!.postMessage({ fatal: { code: z.code, message: z.message } } satisfies Reply);
    }
  });
}
