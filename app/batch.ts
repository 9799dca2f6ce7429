// The batch runner behind `zhenggai ingest`: collect files, skip known content by
// sha256, parse in worker threads (one for a small batch, a pool for a large one), and let one
// writer own the SQLite connection. Every failure becomes a row in ingest_errors.
import { DEFAULT_OCR_TIMEOUT_MS } from '../readers/ocr-limits.js';
import { availableParallelism } from 'node:os';
import { extname, resolve } from 'node:path';
import { ensureBuilt } from '../bin/build.mjs';
import PQueue from 'p-queue';
import { Piscina } from 'piscina';
import { collectFiles } from './files.js';
import { PIPELINE_VERSION } from '../core/version.js';
import { toZhenggaiError } from '../core/errors.js';
import { DEFAULT_MAX_BYTES, type ReadOptions } from '../readers/index.js';
import type { Task, TaskResult } from './worker-task.js';
import { threadSink, readKnown, type Sink, type SinkOptions } from '../store/sink.js';
import { rulesHash } from '../core/rules.js';
import { isServerUrl } from '../store/store.js';

export interface IngestOptions {
  db: string;
  jobs?: number;
  reprocess?: boolean;
  maxBytes?: number;
  timeoutMs?: number;
  /** read scans and pictures by OCR (default true) */
  ocr?: boolean;
  /** time limit of one OCR page (inside the OCR) */
  ocrPageTimeoutMs?: number;
  /** time limit of a whole document read by OCR, from its start (default 10 min): replaces timeoutMs once OCR starts */
  ocrTimeoutMs?: number;
  /** at most this many pages of a scan are read by OCR */
  ocrMaxPages?: number;
  maxMemoryMb?: number;
  /**
   * Documents per commit. 1 (default): one transaction per document. N > 1: documents are
   * still written atomically (each in its own savepoint) but committed N at a time, so a
   * crash loses at most the last N-1 documents, which a rerun ingests again.
   */
  commitEvery?: number;
  /** fsync every commit (SQLite synchronous=FULL) */
  syncFull?: boolean;
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
  /** read, but its problems were not found (none, or not the count it declares): see `zhenggai errors` */
  problems_not_found?: boolean;
  ms: number;
}

export interface IngestSummary {
  event: 'summary';
  run: number;
  ingested: number;
  unchanged: number;
  reprocessed: number;
  failed: number;
  /** bulletins read whose problems were not found (none, or not the count they declare) */
  problems_not_found: number;
  /** files inside folders left out as no document type, by extension (.xlsx: 2): never skipped silently */
  skipped: number;
  skipped_types: Record<string, number>;
  seconds: number;
  peak_rss_mb: number;
}

export const DEFAULT_TIMEOUT_MS = 60_000;

// ZHENGGAI_TRACE=1: when each start-up step of a batch ends (ms since the process started), on stderr
const trace = process.env.ZHENGGAI_TRACE ? (what: string) => process.stderr.write(`trace ${Math.round(performance.now())} ms ${what}\n`) : () => {};

export async function ingest(paths: string[], opts: IngestOptions): Promise<IngestSummary> {
  const t0 = performance.now();
  trace('ingest');
  const readOpts: ReadOptions = { maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES, ocr: opts.ocr ?? true, ...(opts.ocrPageTimeoutMs ? { ocrPageTimeoutMs: opts.ocrPageTimeoutMs } : {}), ...(opts.ocrMaxPages ? { ocrMaxPages: opts.ocrMaxPages } : {}) };
  const jobs = Math.max(1, opts.jobs ?? availableParallelism());
  const timeout = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  // One writer owns the connection: in this thread for small batches, in a thread of its own
  // next to the worker pool (its fsync waits then hold up neither parsing nor dispatch).
  const sinkOptions: SinkOptions = {
    db: opts.db,
    versions: { pipeline: PIPELINE_VERSION, rules: rulesHash() },
    reprocess: !!opts.reprocess,
    commitEvery: Math.max(1, opts.commitEvery ?? 1),
    // the writer thread commits the documents that come together (at most a few per worker, 50 ms)
    groupDocs: Math.max(1, opts.jobs ?? availableParallelism()) * 4,
    groupMs: 50,
    syncFull: !!opts.syncFull,
    runOptions: { paths, jobs: opts.jobs, reprocess: !!opts.reprocess, maxBytes: readOpts.maxBytes, timeoutMs: opts.timeoutMs },
  };

  // Batches of 8 files or more parse in a pool of `jobs` workers with the writer in a thread of
  // its own; smaller ones in one worker, the writer in this thread. The pool and the writer
  // thread start as soon as the 8th file is found, and load (jieba's dictionary, SQLite) while
  // the walk goes on.
  const POOL_MIN_FILES = 8;
  // a PostgreSQL dataset: its writer connects first (creating the schema on a new server), and
  // tells the workers which contents the dataset has already
  const server = isServerUrl(opts.db);
  const pgSink = server ? await import('../store/sink-pg.js').then(({ PgSink }) => PgSink.open(sinkOptions)) : null;
  let sinkReady: Promise<Sink> | null = null;
  let poolReady: Promise<Piscina> | null = null;
  // A worker must not be terminated (time limit) while Node 20 is still loading its modules: that
  // aborts the whole process. Each worker says when it has loaded (worker-entry.ts); tasks are
  // handed out once the first workers all have (or the pool is found broken, or a time limit's
  // worth of waiting has passed).
  let bootedWorkers = 0;
  /** task id → start its time limit (the worker says when the task starts: worker-task.ts) */
  const started = new Map<number, () => void>();
  // one time limit a document, from its start: a document that needs OCR gets the OCR document
  // limit instead, once (a scan of 5,000 pages is stopped by it, not re-armed page by page)
  const ocrPage = new Map<number, () => void>();
  const ocrTimeout = Math.max(timeout, opts.ocrTimeoutMs ?? DEFAULT_OCR_TIMEOUT_MS);
  let nextTaskId = 0;
  let markBooted: () => void = () => {};
  const booted = new Promise<void>((resolve) => { markBooted = resolve; });
  const startParallel = (threads = jobs, threadWriter = true) => {
    const known = pgSink ? pgSink.known : readKnown(opts.db, sinkOptions.versions, sinkOptions.reprocess);
    poolReady = (ensureBuilt('worker') as Promise<string>).then((filename) => {
      const p = new Piscina({
        filename,
        minThreads: threads, maxThreads: threads,
        // tasks posted ahead, so a worker never waits while the writer is in a commit
        // (one at a time in a small batch's single worker: a task's time limit runs from when it is
        // handed out, so none may wait there behind a slow one)
        concurrentTasksPerWorker: threadWriter ? 4 : 1,
        workerData: { known, nice: 3 },
        // a small young generation keeps each worker's resident memory down (documents are small)
        resourceLimits: { maxOldGenerationSizeMb: opts.maxMemoryMb ?? 1024, maxYoungGenerationSizeMb: 16 },
      });
      p.on('message', (m: { zhenggaiBooted?: boolean; zhenggaiStarted?: number; zhenggaiOcrPage?: number } | null) => {
        if (m?.zhenggaiBooted && ++bootedWorkers >= threads) markBooted();
        if (m?.zhenggaiStarted !== undefined) started.get(m.zhenggaiStarted)?.();
        if (m?.zhenggaiOcrPage !== undefined) ocrPage.get(m.zhenggaiOcrPage)?.();
      });
      setTimeout(() => markBooted(), timeout).unref();
      return p;
    });
    if (pgSink) sinkReady = Promise.resolve(pgSink);
    else if (threadWriter) sinkReady = (ensureBuilt('writer') as Promise<string>).then((f) => threadSink(f, sinkOptions));
    trace('pool and writer started');
  };
  const { files, errors, rawPaths, skipped } = await collectFiles(paths, (n) => { if (n === POOL_MIN_FILES && jobs > 1) startParallel(); });
  trace(`${files.length} files collected`);
  // a small batch parses in one worker thread too (the writer stays in this one): only a thread
  // can be stopped when a document runs over the time limit
  const small = !poolReady;
  if (small && files.length) startParallel(1, false);
  const usePool = poolReady !== null;
  if (pgSink) sinkReady = Promise.resolve(pgSink);
  sinkReady ??= import('../store/sink-local.js').then(({ LocalSink }) => new LocalSink(sinkOptions));
  sinkReady.catch(() => {}); // awaited below; a failure is reported there
  const counts = { ingested: 0, unchanged: 0, reprocessed: 0, failed: 0 };
  const emitLater: FileEvent[] = [];
  let sink: Sink | null = null;
  let problemsNotFound = 0;
  const emit = (e: FileEvent) => {
    counts[e.status]++;
    if (e.problems_not_found) problemsNotFound++;
    if (e.status === 'failed') {
      if (sink) sink.failed(e.path, e.sha256 ?? null, e.code ?? 'internal', e.message ?? '');
      else emitLater.push(e);
    }
    opts.onFile?.(e);
  };
  opts.onStart?.(files.length + errors.length);
  for (const e of errors) emit({ event: 'file', path: e.path, status: 'failed', code: e.code, message: e.message, ms: 0 });
  // every file is parsed in a worker (a time limit can stop it); no files, no pool
  const pool = usePool ? await poolReady! : null;

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
      markBooted();
    }
  });

  const parse = async (task: Task): Promise<TaskResult> => {
    if (!pool) throw new Error('no worker pool'); // files exist only with a pool
    await booted;
    // our own (ref'd) timer: AbortSignal.timeout() is unref'd and would let the process exit.
    // It starts when the worker starts the task, never while a worker is still loading.
    const ctl = new AbortController();
    const id = nextTaskId++;
    let timer: NodeJS.Timeout | undefined;
    let finished = false;
    let t0 = 0;
    let limit = timeout;
    started.set(id, () => { if (!finished) { t0 = Date.now(); timer = setTimeout(() => ctl.abort(), timeout); } });
    ocrPage.set(id, () => {
      if (finished || limit === ocrTimeout) return;
      limit = ocrTimeout;
      clearTimeout(timer);
      timer = setTimeout(() => ctl.abort(), Math.max(0, t0 + ocrTimeout - Date.now()));
    });
    try {
      const r = (await pool.run({ ...task, id }, { signal: AbortSignal.any([ctl.signal, broken.signal]) })) as TaskResult;
      doneTasks++;
      return r;
    } catch (e) {
      const err = e as Error & { code?: string };
      if (broken.signal.aborted) return { ok: false, ...brokenReason };
      if (ctl.signal.aborted) return { ok: false, code: 'timeout', message: `over ${limit} ms${limit === ocrTimeout && limit !== timeout ? ' (the time limit of a document read by OCR, --ocr-timeout)' : ''}: the worker was stopped` };
      if (err.code === 'ERR_WORKER_OUT_OF_MEMORY' || /out of memory|heap/i.test(err.message)) return { ok: false, code: 'out_of_memory', message: err.message };
      return { ok: false, code: 'internal', message: err.message };
    } finally {
      finished = true;
      started.delete(id);
      ocrPage.delete(id);
      clearTimeout(timer);
    }
  };

  sink ??= await sinkReady;
  trace('writer ready');
  for (const e of emitLater) sink.failed(e.path, e.sha256 ?? null, e.code ?? 'internal', e.message ?? '');
  const writerSink = sink;
  let firstParsed = false;

  // Bounded in-flight work so memory stays flat on large collections.
  // (room for a writer's group of jobs × 4 documents waiting on its commit while as many are parsed)
  const queue = new PQueue({ concurrency: usePool && !small ? jobs * 12 : 1 });
  for (const path of files) {
    void queue.add(async () => {
      const start = performance.now();
      const ms = () => Math.round(performance.now() - start);
      try {
        const r = await parse({ path, raw: rawPaths.get(path), opts: readOpts });
        if (!firstParsed) { firstParsed = true; trace('first document parsed'); }
        if (r.ok === 'known') {
          await writerSink.addPath(r.sha256, path);
          emit({ event: 'file', path, status: 'unchanged', ms: ms() });
          return;
        }
        if (!r.ok) {
          emit({ event: 'file', path, status: 'failed', code: r.code, message: r.message, sha256: r.sha256, ms: ms() });
          return;
        }
        const status = await writerSink.write(r.doc);
        emit({ event: 'file', path, status, warnings: r.doc.warnings, ...(r.doc.problemsNotFound ? { problems_not_found: true } : {}), ms: ms() });
      } catch (e) {
        const z = toZhenggaiError(e, path);
        emit({ event: 'file', path, status: 'failed', code: z.code, message: z.message, ms: ms() });
      }
    });
  }
  await queue.onIdle();
  await pool?.destroy();
  await writerSink.finish(counts);
  const seconds = Math.round((performance.now() - t0) / 10) / 100;
  const skippedTypes: Record<string, number> = {};
  // the dataset's own files (ingest . --db zhenggai.db) are no skipped input
  const own = new Set(server ? [] : ['', '-wal', '-shm', '-journal'].map((x) => resolve(opts.db + x)));
  const notOwn = skipped.filter((p) => !own.has(resolve(p)));
  for (const p of notOwn) { const x = extname(p).toLowerCase() || '(none)'; skippedTypes[x] = (skippedTypes[x] ?? 0) + 1; }
  return { event: 'summary', run: writerSink.runId, ...counts, problems_not_found: problemsNotFound, skipped: notOwn.length, skipped_types: skippedTypes, seconds, peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024) };
}
