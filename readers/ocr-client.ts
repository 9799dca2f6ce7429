// The worker's side of the OCR process (readers/ocr-child.ts): one child process per
// worker, started on the first scan and kept for the next ones (the OCR models load once). A
// document whose OCR kills the process is tried once more on a fresh one, then fails alone with
// worker_crashed; the worker thread, and the batch, go on. ZHENGGAI_OCR_IN_THREAD=1 runs OCR in
// the calling thread instead (what it was before; for measuring what the process costs).
import { fork, type ChildProcess } from 'node:child_process';
import { ensureBuilt } from '../bin/build.mjs';
import { ZhenggaiError, type ErrorCode } from '../core/errors.js';
import type { ReadOptions } from './options.js';
import type { ReadResult } from '../core/doc.js';
import type { Line } from './pdf-lines.js';

/** What the worker asks of the OCR process (readers/ocr-child.ts). */
export type OcrRequest =
  | { id: number; kind: 'pdf'; bytes: Uint8Array; pages: number[]; opts: ReadOptions }
  | { id: number; kind: 'image'; bytes: Uint8Array; opts: ReadOptions };

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void; onPage?: ReadOptions['onOcrPage'] };
/** A request less its id (Omit of each member of the union). */
type Request = OcrRequest extends infer R ? (R extends OcrRequest ? Omit<R, 'id'> : never) : never;
type Reply = { id: number; page: number; pages: number } | { id: number; ok: true; value: unknown } | { id: number; ok: false; code: string; message: string } | { ready: true };

let ready: Promise<ChildProcess> | null = null;
const pending = new Map<number, Pending>();
let seq = 0;

function start(): Promise<ChildProcess> {
  ready ??= (async () => {
    const file = await (ensureBuilt('ocr') as Promise<string>);
    const c = fork(file, [], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: [] });
    await new Promise<void>((resolve, reject) => {
      c.once('message', () => resolve());
      c.once('exit', (code, signal) => reject(new ZhenggaiError('worker_crashed', `the OCR process did not start (${signal ?? `exit ${code}`})`)));
    });
    c.on('message', (m: Reply) => {
      if ('ready' in m) return;
      const p = pending.get(m.id);
      if (!p) return;
      if ('page' in m) { p.onPage?.(m.page, m.pages); return; }
      pending.delete(m.id);
      if (m.ok) p.resolve(m.value);
      else p.reject(new ZhenggaiError(m.code as ErrorCode, m.message));
      idle(c);
    });
    c.on('exit', (code, signal) => {
      ready = null;
      const why = `the OCR process died (${signal ?? `exit ${code}`}) while reading it`;
      for (const p of pending.values()) p.reject(new ZhenggaiError('worker_crashed', why));
      pending.clear();
    });
    return c;
  })();
  ready.catch(() => { ready = null; });
  return ready;
}

/** With nothing pending, the child does not keep the worker (or a test) alive. */
function idle(c: ChildProcess): void {
  if (pending.size) return;
  c.unref();
  c.channel?.unref();
}

async function once<T>(msg: Request, onPage: ReadOptions['onOcrPage']): Promise<T> {
  const c = await start();
  const id = ++seq;
  c.ref();
  c.channel?.ref();
  return new Promise<T>((resolve, reject) => {
    pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onPage });
    c.send({ ...msg, id } as OcrRequest);
  });
}

/** A request to the OCR process; a crash is tried once more on a fresh process, then is this document's failure. */
async function request<T>(msg: Request, onPage: ReadOptions['onOcrPage']): Promise<T> {
  try {
    return await once<T>(msg, onPage);
  } catch (e) {
    if (!(e instanceof ZhenggaiError) || e.code !== 'worker_crashed') throw e;
    try {
      return await once<T>(msg, onPage);
    } catch (e2) {
      if (e2 instanceof ZhenggaiError && e2.code === 'worker_crashed') throw new ZhenggaiError('worker_crashed', `${e2.message}, twice: left out`);
      throw e2;
    }
  }
}

/** What a child can be sent of the options (no callbacks). */
const plain = (opts: ReadOptions): ReadOptions => { const { onOcrPage: _, ...rest } = opts; return rest; };
export const inThread = () => process.env.ZHENGGAI_OCR_IN_THREAD === '1';

export function ocrPdfInChild(bytes: Uint8Array, pages: number[], opts: ReadOptions): Promise<{ lines: Map<number, Line[]>; warnings: NonNullable<ReadResult['warnings']>; confidence: number }> {
  return request({ kind: 'pdf', bytes, pages, opts: plain(opts) }, opts.onOcrPage);
}

export function readImageInChild(bytes: Uint8Array, opts: ReadOptions): Promise<ReadResult> {
  return request({ kind: 'image', bytes, opts: plain(opts) }, opts.onOcrPage);
}
