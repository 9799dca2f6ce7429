// One document in a worker: path in; the validated record as the writer's payload (or
// "already known", or a coded error) out. Reading, hashing, parsing, search tokens and the
// rows to store all happen here, off the thread that writes.
import { readFileSync, statSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { extractBytes, sha256 } from '../stages/extract.js';
import { ZhenggaiError, toZhenggaiError } from '../core/errors.js';
import { DEFAULT_MAX_BYTES, type ReadOptions } from '../readers/index.js';
import { toPayload, type DocPayload } from '../store/rows.js';

/** path: as shown and stored; raw: the bytes to open when the name is not UTF-8 (GBK) */
export interface Task { path: string; raw?: Uint8Array; opts: ReadOptions; /** set by the batch: the worker says when this task starts */ id?: number }
export type TaskResult =
  | { ok: true; doc: DocPayload }
  | { ok: 'known'; sha256: string }
  | { ok: false; code: string; message: string; sha256?: string };

/** sha256s already in the dataset (set once per worker from the pool's workerData). */
let known: Set<string> = new Set();
export function setKnown(s: Set<string>): void {
  known = s;
}

export async function runTask(task: Task): Promise<TaskResult> {
  // the batch starts this document's time limit now: the worker has loaded (a worker terminated
  // while still loading its modules aborts the whole process under Node 20), and time spent
  // waiting behind other tasks does not count against this one
  if (task.id !== undefined) parentPort?.postMessage({ zhenggaiStarted: task.id });
  let hash: string | undefined;
  try {
    // synchronous reads: this thread has nothing else to do meanwhile, and each await on the
    // libuv thread pool costs more (hops, wake-ups) than reading a small cached file
    const at = task.raw ? Buffer.from(task.raw) : task.path;
    const st = statSync(at);
    if (!st.isFile()) throw new ZhenggaiError('not_a_file', undefined, task.path);
    const max = task.opts.maxBytes ?? DEFAULT_MAX_BYTES;
    if (st.size > max) throw new ZhenggaiError('too_large', `${st.size} bytes is over the ${max}-byte limit`);
    let bytes: Uint8Array | null = new Uint8Array(readFileSync(at));
    const size = bytes.length;
    hash = sha256(bytes);
    if (known.has(hash)) return { ok: 'known', sha256: hash };
    const onOcrPage = task.id !== undefined ? () => parentPort?.postMessage({ zhenggaiOcrPage: task.id }) : undefined;
    const record = await extractBytes(bytes, task.path, { ...task.opts, onOcrPage }, hash);
    bytes = null; // the file's bytes are not kept while the payload is built (a 50 MB text: 50 MB less at the peak)
    return { ok: true, doc: toPayload(record, size) };
  } catch (e) {
    const z = toZhenggaiError(e, task.path);
    return { ok: false, code: z.code, message: z.message, sha256: hash };
  }
}

export default runTask;
