// Documents for `extract` and `explain`, each in a worker thread that a time limit can stop
// (app/extract-entry.ts). One thread serves file after file; a document over the limit
// costs its thread, and the next file gets a new one.
import { Worker } from 'node:worker_threads';
import { ensureBuilt } from '../bin/build.mjs';
import { ZhenggaiError } from '../core/errors.js';
import { DEFAULT_OCR_TIMEOUT_MS } from '../readers/ocr-limits.js';

type Reply = { ok: true; value: unknown } | { ok: false; code: string; message: string };

export class ExtractThread {
  private worker: Worker | null = null;
  private ready: Promise<void> | null = null;
  private pending: ((r: Reply) => void) | null = null;

  private onMessage: ((m: { ocrPage: number; pages: number }) => void) | null = null;

  constructor(
    private readonly timeoutMs: number,
    private readonly maxMemoryMb = 1024,
    /** OCR: on (default) or off, the time limit of one page, of a whole scanned document, and its most pages */
    private readonly ocr: { enabled: boolean; pageTimeoutMs?: number; timeoutMs?: number; maxPages?: number; onPage?: (path: string, page: number, pages: number) => void } = { enabled: true },
  ) {}

  private async start(): Promise<void> {
    const file = await (ensureBuilt('extract') as Promise<string>);
    const w = new Worker(file, { resourceLimits: { maxOldGenerationSizeMb: this.maxMemoryMb } });
    this.worker = w;
    this.ready = new Promise<void>((resolve, reject) => {
      w.once('message', () => resolve());
      w.once('error', reject);
    });
    w.on('message', (m: Reply | { booted: true } | { ocrPage: number; pages: number }) => {
      if ('ocrPage' in m) { this.onMessage?.(m); return; }
      if ('ok' in m && this.pending) { const p = this.pending; this.pending = null; p(m); }
    });
    w.on('error', (e: Error & { code?: string }) => {
      const p = this.pending; this.pending = null;
      p?.({ ok: false, code: e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'out_of_memory' : 'internal', message: e.message });
      this.worker = null;
    });
    await this.ready;
  }

  /** The record (or explanation) of one file; throws a ZhenggaiError (timeout, out_of_memory, the reader's codes). */
  async run<T>(path: string, maxBytes: number, mode: 'record' | 'explain'): Promise<T> {
    if (!this.worker) await this.start();
    const w = this.worker!;
    const reply = await new Promise<Reply>((resolve) => {
      let limit = this.timeoutMs;
      let what = '';
      const stop = () => {
        this.pending = null;
        this.worker = null;
        this.onMessage = null;
        void w.terminate();
        resolve({ ok: false, code: 'timeout', message: `over ${limit} ms${what}: stopped` });
      };
      const t0 = Date.now();
      let timer = setTimeout(stop, limit);
      // one limit for the whole document: a document that turns out to need OCR gets the OCR
      // document limit instead, once, counted from its start (never re-armed page by page)
      let extended = false;
      this.onMessage = (m) => {
        what = ` (OCR page ${m.ocrPage} of ${m.pages})`;
        if (!extended) {
          extended = true;
          clearTimeout(timer);
          limit = Math.max(this.timeoutMs, this.ocr.timeoutMs ?? DEFAULT_OCR_TIMEOUT_MS);
          timer = setTimeout(stop, Math.max(0, t0 + limit - Date.now()));
        }
        this.ocr.onPage?.(path, m.ocrPage, m.pages);
      };
      this.pending = (r) => { clearTimeout(timer); this.onMessage = null; resolve(r); };
      w.postMessage({ path, maxBytes, mode, ocr: this.ocr.enabled, ocrPageTimeoutMs: this.ocr.pageTimeoutMs, ocrMaxPages: this.ocr.maxPages });
    });
    if (!reply.ok) throw new ZhenggaiError(reply.code as never, reply.message, path);
    return reply.value as T;
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = null;
  }
}
