// Where a batch's results go: the one writer that owns the SQLite connection.
// LocalSink (sink-local.ts) writes in the calling thread; threadSink() runs one in a worker
// thread of its own, so that the commits' fsync waits do not stall the thread that hands out
// the parsing work and collects its results.
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Versions, WriteStatus } from './write.js';
import type { DocPayload } from './rows.js';

export interface SinkOptions {
  db: string;
  versions: Versions;
  reprocess: boolean;
  commitEvery: number;
  /** the writer thread's group commit (with commitEvery 1): at most this many documents per commit… */
  groupDocs?: number;
  /** …and a group open at most this long (ms) before it commits */
  groupMs?: number;
  /** fsync every commit (synchronous=FULL): commits survive a power cut, not only a killed process */
  syncFull?: boolean;
  runOptions: unknown;
}

export interface Counts { ingested: number; unchanged: number; reprocessed: number; failed: number }

export interface Sink {
  readonly runId: number;
  /** sha256s the dataset holds already (current ones only with reprocess) */
  readonly known: string[];
  write(doc: DocPayload): Promise<WriteStatus>;
  addPath(sha256: string, path: string): Promise<void>;
  failed(path: string, sha256: string | null, code: string, message: string): void;
  finish(counts: Counts): Promise<void>;
}

/**
 * The sha256s a dataset holds, read through a short-lived read-only connection (so the worker
 * pool can start while the writer thread is still opening the database). [] when there is
 * no dataset yet or it cannot be read: the writer still skips what it already has.
 */
export function readKnown(path: string, versions: Versions, reprocess: boolean): string[] {
  if (!existsSync(path)) return [];
  let db: Database.Database | null = null;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const rows = reprocess
      ? db.prepare('SELECT sha256 FROM documents WHERE rules_hash = ? AND pipeline_version = ?').all(versions.rules, versions.pipeline)
      : db.prepare('SELECT sha256 FROM documents').all();
    return rows.map((r) => (r as { sha256: string }).sha256);
  } catch {
    return [];
  } finally {
    db?.close();
  }
}

type Reply = { id: number; ok: true; value?: unknown } | { id: number; ok: false; error: string };

/** A LocalSink in a worker thread of its own (bundle: dist/writer.mjs). */
export async function threadSink(file: string, o: SinkOptions): Promise<Sink> {
  const worker = new Worker(file, { workerData: o, resourceLimits: { maxYoungGenerationSizeMb: 8 } });
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let next = 1;
  let dead: Error | null = null;
  worker.on('message', (m: Reply) => {
    const w = waiting.get(m.id);
    if (!w) return;
    waiting.delete(m.id);
    if (m.ok) w.resolve(m.value);
    else w.reject(new Error(m.error));
  });
  const die = (e: Error) => {
    dead = e;
    for (const w of waiting.values()) w.reject(e);
    waiting.clear();
  };
  worker.on('error', die);
  worker.on('exit', (code) => { if (code !== 0) die(new Error(`the writer thread stopped (${code})`)); });
  const call = <T>(type: string, ...args: unknown[]): Promise<T> => {
    if (dead) return Promise.reject(dead);
    const id = next++;
    return new Promise<T>((resolve, reject) => {
      waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ id, type, args });
    });
  };
  const recording: Array<Promise<void>> = [];
  const lost: string[] = [];
  const { runId, known } = await call<{ runId: number; known: string[] }>('start');
  return {
    runId,
    known,
    write: (doc) => call<WriteStatus>('write', doc),
    addPath: (sha, path) => call<void>('addPath', sha, path),
    // a failure to record a failure is not dropped: finish() says so
    failed: (path, sha, code, message) => { recording.push(call<void>('failed', path, sha, code, message).catch((e: Error) => { lost.push(`${path}: ${e.message}`); })); },
    finish: async (c) => {
      await Promise.all(recording);
      try {
        await call('finish', c);
      } finally {
        await worker.terminate();
      }
      if (lost.length) throw new SinkError(`${lost.length} failed file(s) could not be recorded in ingest_errors: ${lost.slice(0, 3).join('; ')}`);
    },
  };
}

/** The dataset could not take what the batch had to write: said, never swallowed. */
export class SinkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatasetError';
  }
}
