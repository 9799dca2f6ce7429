// The OCR process (bundled to dist/ocr.mjs): decoding pictures (sharp), rendering PDF pages
// (pdf.js onto @napi-rs/canvas) and OCR (onnxruntime) are native code that can abort a process
// on a file no limit foresaw. A worker thread cannot contain that: the whole ingest would die.
// So that work runs here, in a child process of the worker (readers/ocr-client.ts): if
// it dies, only the document it was reading fails (worker_crashed) and the next one starts a new
// process. It ends when its parent goes (the IPC channel closes).
// The same file, started as a worker thread with workerData.zhenggaiOcrReader, is one of this
// process's reader threads, which read the pages of a scan several at once (readers/ocr-readers.ts):
// it loads only the engine, not pdf.js, the readers and sharp (about 60 MB less a thread).
import { isMainThread, workerData } from 'node:worker_threads';
import { serveReader, setReaderEntry } from './ocr-readers.js';
import { toZhenggaiError } from '../core/errors.js';
import type { ReadOptions } from './options.js';
import type { OcrRequest } from './ocr-client.js';

if (!isMainThread && (workerData as { zhenggaiOcrReader?: unknown } | null)?.zhenggaiOcrReader) serveReader();
else serveParent();

function serveParent(): void {
  setReaderEntry(process.argv[1]!);
  process.on('disconnect', () => process.exit(0));
  process.on('message', (m: OcrRequest) => void handle(m));
  process.send?.({ ready: true });
}

async function handle(m: OcrRequest): Promise<void> {
  const send = (x: unknown) => process.send?.(x);
  const opts: ReadOptions = { ...m.opts, onOcrPage: (page, pages) => send({ id: m.id, page, pages }) };
  // a test's way to stand for a native abort (the reason this process exists)
  if (process.env.ZHENGGAI_OCR_CRASH_TEST) process.abort();
  try {
    const [{ getDocumentProxy }, { ocrPdfPages, readImage }, { PDF_OPTIONS }] = await Promise.all([import('unpdf'), import('./ocr.js'), import('./pdf.js')]);
    if (m.kind === 'image') {
      send({ id: m.id, ok: true, value: await readImage(m.bytes, opts) });
      return;
    }
    const pdf = await getDocumentProxy(new Uint8Array(m.bytes), PDF_OPTIONS as never);
    try {
      send({ id: m.id, ok: true, value: await ocrPdfPages(pdf, m.pages, opts) });
    } finally {
      await pdf.loadingTask.destroy().catch(() => {});
    }
  } catch (e) {
    const z = toZhenggaiError(e);
    send({ id: m.id, ok: false, code: z.code, message: z.message });
  }
}
