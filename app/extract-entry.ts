// Extract thread entry (bundled to dist/extract.mjs): `zhenggai extract` and `explain` run each
// document here, so a time limit can stop it (terminate) even when it is one file: extraction
// is synchronous work that a timer in the same thread could never interrupt. The thread says
// when it has loaded (Node 20 aborts the process if a worker is terminated while loading) and
// then takes one task at a time.
import { parentPort } from 'node:worker_threads';
import { extractFileDoc } from '../stages/extract.js';
import { explain } from './explain.js';
import { toZhenggaiError } from '../core/errors.js';
import { THREAD_NAMES, nameThread } from '../core/thread-name.js';

nameThread(THREAD_NAMES.extract);

interface Task { path: string; maxBytes: number; mode: 'record' | 'explain'; ocr?: boolean; ocrPageTimeoutMs?: number; ocrMaxPages?: number }

parentPort!.on('message', async (t: Task) => {
  try {
    const doc = await extractFileDoc(t.path, {
      maxBytes: t.maxBytes,
      ocr: t.ocr ?? true,
      ...(t.ocrPageTimeoutMs ? { ocrPageTimeoutMs: t.ocrPageTimeoutMs } : {}),
      ...(t.ocrMaxPages ? { ocrMaxPages: t.ocrMaxPages } : {}),
      onOcrPage: (page, pages) => parentPort!.postMessage({ ocrPage: page, pages }),
    });
    parentPort!.postMessage({ ok: true, value: t.mode === 'explain' ? explain(doc) : doc.record });
  } catch (e) {
    const z = toZhenggaiError(e, t.path);
    parentPort!.postMessage({ ok: false, code: z.code, message: z.message });
  }
});
parentPort!.postMessage({ booted: true });
