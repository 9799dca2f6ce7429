// The batch runner behind `zhenggai ingest`: collect files, skip known content by
// sha256, parse in a worker pool (or in-process for small batches), and let one
// writer own the SQLite connection. Every failure becomes a row in ingest_errors.
import { availableParallelism } from 'node:os';
// @ts-expect-error plain JS helper without types
import { ensureBuilt } from '../bin/build.mjs';
import PQueue from 'p-queue';
import { Piscina } from 'piscina';
import { collectFiles } from './files.js';
import { PIPELINE_VERSION } from './extract.js';
import { toZhenggaiError } from './errors.js';
import { DEFAULT_MAX_BYTES, type ReadOptions } from './readers/index.js';
import { runTask, setKnown, type Task, type TaskResult } from './worker-task.js';
import { openDb, type DB } from '../output/db.js';
import { Writer } from '../output/writer.js';
import { rulesHash } from '../rules/index.js';

export interface IngestOptions {
  db: string;
  jobs?: number;
  reprocess?: boolean;
  maxBytes?: number;
  timeoutMs?: number;
  maxMemoryMb?: number;
  /**
   * Documents per commit. 1 (default): one transaction per document. N > 1: documents are
   * still written atomically (each in its own savepoint) but committed N at a time, so a
   * crash loses at most the last N-1 documents, which a rerun ingests again.
   */
  commitEvery?: number;
  onFile?: (e: FileEvent) => void;
  onStart?: (total: number) => void;
}

export interface FileEvent {
  event: 'file';
  path: string;
  status: 'ingested' | 'unchanged' | 'reprocessed' | 'failed';
  code?: string;
  message?: string;
  sha256?: string;
  warnings?: number;
  ms: number;
}

export interface IngestSummary {
  event: 'summary';
  run: number;
  ingested: number;
  unchanged: number;
  reprocessed: number;
  failed: number;
  seconds: number;
  peak_rss_mb: number;
}

export const DEFAULT_TIMEOUT_MS = 60_000;

export async function ingest(paths: string[], opts: IngestOptions): Promise<IngestSummary> {
  const t0 = performance.now();
  const db: DB = openDb(opts.db);
  const versions = { pipeline: PIPELINE_VERSION, rules: rulesHash() };
  const writer = new Writer(db, versions);
  const readOpts: ReadOptions = { maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES };
  const runId = Number(db.prepare('INSERT INTO ingest_runs (started_at, options) VALUES (?, ?)').run(new Date().toISOString(), JSON.stringify({ paths, jobs: opts.jobs, reprocess: !!opts.reprocess, maxBytes: readOpts.maxBytes, timeoutMs: opts.timeoutMs })).lastInsertRowid);
  const insError = db.prepare('INSERT INTO ingest_errors (run_id, path, sha256, code, message) VALUES (?, ?, ?, ?, ?)');
  const counts = { ingested: 0, unchanged: 0, reprocessed: 0, failed: 0 };
  const commitEvery = Math.max(1, opts.commitEvery ?? 1);
  let pending = 0;
  let groupStart = 0;
  const beforeWrite = () => {
    if (commitEvery > 1 && !db.inTransaction) { db.exec('BEGIN IMMEDIATE'); pending = 0; groupStart = performance.now(); }
  };
  const afterWrite = () => {
    if (!db.inTransaction) return;
    if (++pending >= commitEvery || performance.now() - groupStart > 2000) db.exec('COMMIT');
  };
  const emit = (e: FileEvent) => {
    counts[e.status]++;
    if (e.status === 'failed') insError.run(runId, e.path, e.sha256 ?? null, e.code ?? 'internal', e.message ?? '');
    opts.onFile?.(e);
  };

  const { files, errors } = await collectFiles(paths);
  opts.onStart?.(files.length + errors.length);
  for (const e of errors) emit({ event: 'file', path: e.path, status: 'failed', code: e.code, message: e.message, ms: 0 });

  const jobs = Math.max(1, opts.jobs ?? availableParallelism());
  const timeout = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const usePool = jobs > 1 && files.length >= 8;
  // what the dataset holds already (and is current): those files are hashed, not parsed
  const known = (opts.reprocess
    ? db.prepare('SELECT sha256 FROM documents WHERE rules_hash = ? AND pipeline_version = ?').all(versions.rules, versions.pipeline)
    : db.prepare('SELECT sha256 FROM documents').all()).map((r) => (r as { sha256: string }).sha256);
  if (!usePool) setKnown(new Set(known));
  const pool = usePool
    ? new Piscina({
        filename: (await ensureBuilt('worker')) as string,
        minThreads: jobs, maxThreads: jobs,
        // tasks posted ahead, so a worker never waits while the writer is in a commit
        concurrentTasksPerWorker: 4,
        workerData: { known },
        resourceLimits: { maxOldGenerationSizeMb: opts.maxMemoryMb ?? 1024 },
      })
    : null;

  // A worker that dies between tasks (memory limit at start-up, say) is replaced by the pool;
  // the failure of a task it was running reaches that task's promise below.
  // Workers that keep dying before they run anything (a memory limit too small to start)
  // break the pool: the pending tasks fail with that error instead of waiting forever.
  let deadWorkers = 0;
  let doneTasks = 0;
  const broken = new AbortController();
  let brokenReason: { code: string; message: string } = { code: 'internal', message: 'the worker pool stopped' };
  pool?.on('error', (e: Error & { code?: string }) => {
    if (++deadWorkers >= jobs && doneTasks === 0) {
      brokenReason = { code: e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'out_of_memory' : 'internal', message: `workers cannot start: ${e.message}` };
      broken.abort();
    }
  });

  const parse = async (task: Task): Promise<TaskResult> => {
    if (!pool) {
      let timer: NodeJS.Timeout | undefined;
      const limit = new Promise<TaskResult>((res) => { timer = setTimeout(() => res({ ok: false, code: 'timeout', message: `over ${timeout} ms` }), timeout); });
      try { return await Promise.race([runTask(task), limit]); } finally { clearTimeout(timer); }
    }
    // our own (ref'd) timer: AbortSignal.timeout() is unref'd and would let the process exit
    const ctl = new AbortController();
    const timer = setTimeout(() => ctl.abort(), timeout);
    try {
      const r = (await pool.run(task, { signal: AbortSignal.any([ctl.signal, broken.signal]) })) as TaskResult;
      doneTasks++;
      return r;
    } catch (e) {
      const err = e as Error & { code?: string };
      if (broken.signal.aborted) return { ok: false, ...brokenReason };
      if (ctl.signal.aborted) return { ok: false, code: 'timeout', message: `over ${timeout} ms: the worker was stopped` };
      if (err.code === 'ERR_WORKER_OUT_OF_MEMORY' || /out of memory|heap/i.test(err.message)) return { ok: false, code: 'out_of_memory', message: err.message };
      return { ok: false, code: 'internal', message: err.message };
    } finally {
      clearTimeout(timer);
    }
  };

  // Bounded in-flight work so memory stays flat on large collections.
  const queue = new PQueue({ concurrency: usePool ? jobs * 8 : 1 });
  for (const path of files) {
    void queue.add(async () => {
      const start = performance.now();
      const ms = () => Math.round(performance.now() - start);
      try {
        const r = await parse({ path, opts: readOpts });
        if (r.ok === 'known') {
          writer.addPath(r.sha256, path);
          emit({ event: 'file', path, status: 'unchanged', ms: ms() });
          return;
        }
        if (!r.ok) {
          emit({ event: 'file', path, status: 'failed', code: r.code, message: r.message, sha256: r.sha256, ms: ms() });
          return;
        }
        beforeWrite();
        const status = writer.write(r.record, r.size, { reprocess: opts.reprocess, fts: r.fts, validated: true });
        afterWrite();
        emit({ event: 'file', path, status, warnings: r.record.warnings.length, ms: ms() });
      } catch (e) {
        const z = toZhenggaiError(e, path);
        emit({ event: 'file', path, status: 'failed', code: z.code, message: z.message, ms: ms() });
      }
    });
  }
  await queue.onIdle();
  if (db.inTransaction) db.exec('COMMIT');
  await pool?.destroy();
  const seconds = Math.round((performance.now() - t0) / 10) / 100;
  db.prepare('UPDATE ingest_runs SET ended_at = ?, ingested = ?, unchanged = ?, reprocessed = ?, failed = ? WHERE id = ?')
    .run(new Date().toISOString(), counts.ingested, counts.unchanged, counts.reprocessed, counts.failed, runId);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { event: 'summary', run: runId, ...counts, seconds, peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024) };
}
