// One document in a worker: bytes in, validated record (or coded error) out.
import { extractBytes } from './extract.js';
import { toZhenggaiError } from './errors.js';
import type { ReadOptions } from './readers/index.js';
import type { BulletinRecord } from './record.js';
import { ftsRows, type FtsRows } from '../output/writer.js';

export interface Task { path: string; bytes: Uint8Array; opts: ReadOptions }
export type TaskResult = { ok: true; record: BulletinRecord; fts: FtsRows } | { ok: false; code: string; message: string };

export default async function run(task: Task): Promise<TaskResult> {
  try {
    const record = await extractBytes(task.bytes, task.path, task.opts);
    return { ok: true, record, fts: ftsRows(record) };
  } catch (e) {
    const z = toZhenggaiError(e, task.path);
    return { ok: false, code: z.code, message: z.message };
  }
}
