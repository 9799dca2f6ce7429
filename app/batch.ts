// The batch runner behind `zhenggai ingest`: collect files, skip known content by
// sha256, parse in worker threads (one for a small batch, a pool for a large one), and let one
// writer own the SQLite connection. Every failure becomes a row in ingest_errors.
import { DEFAULT_OCR_TIMEOUT_MS } from '../readers/ocr-limits.js';
import { availableParallelism } from 'node:os';
import { extname, resolve } from 'node:path';
import PQueue from 'p-queue';
import { collectFiles } from './files.js';
import { PIPELINE_VERSION } from '../core/version.js';
import { toZhenggaiError } from '../core/errors.js';
import { DEFAULT_MAX_BYTES, type ReadOptions } from '../readers/index.js';
import { ParsePool } from './parse-pool.js';
import { readKnown, type Sink, type SinkOptions } from '../store/sink.js';
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
  const sinkOptions = sinkOptionsOf(paths, opts, readOpts);

  // a PostgreSQL dataset: its writer connects first (creating the schema on a new server), and
  // tells the workers which contents the dataset has already
  const server = isServerUrl(opts.db);
  const pgSink = server ? await import('../store/sink-pg.js').then(({ PgSink }) => PgSink.open(sinkOptions)) : null;
  const workers = new ParsePool({ jobs, timeoutMs: timeout, ocrTimeoutMs: Math.max(timeout, opts.ocrTimeoutMs ?? DEFAULT_OCR_TIMEOUT_MS), maxMemoryMb: opts.maxMemoryMb });
  // One writer owns the connection, in this thread: a pool's workers send it their payloads
  // (one structured clone each, worker → here), it writes them in group commits (store/sink-group.ts)
  // between handing out tasks (each worker holds a few ahead, so none waits while it commits).
  // A writer thread of its own cost each document a second copy, its deserialization and that
  // thread's own garbage and compiling: writer and main thread together 0.1-0.4 ms a document
  // more (4,000 bulletins, 4 of 4 runs alternately), for a wall time no shorter.
  const startParallel = (threads = jobs, pool = true) => {
    workers.start(threads, pool, pgSink ? pgSink.known : readKnown(opts.db, sinkOptions.versions, sinkOptions.reprocess));
    trace('pool started');
  };
  // Batches of POOL_MIN_FILES files or more parse in a pool of `jobs` workers, the writer grouping
  // their documents into commits; smaller ones in one worker, a commit a document. The pool starts
  // as soon as that many files are found, and loads (jieba's dictionary) while the walk goes on.
  const { files, errors, rawPaths, skipped } = await collectFiles(paths, (n) => { if (n === POOL_MIN_FILES && jobs > 1) startParallel(); });
  trace(`${files.length} files collected`);
  // a small batch parses in one worker thread too: only a thread can be stopped when a document
  // runs over the time limit
  const small = !workers.isStarted;
  if (small && files.length) startParallel(1, false);
  const usePool = workers.isStarted;
  // OCR's share of --jobs: a small batch's one worker reads a scan's pages `jobs` at once; each of
  // a pool's `jobs` workers reads one page at a time, onnxruntime's threads split among them
  const ocrShare: ReadOptions = small ? { ocrJobs: jobs } : { ocrJobs: 1, ocrThreads: Math.max(1, Math.floor(availableParallelism() / jobs)) };
  const sinkReady: Promise<Sink> = pgSink ? Promise.resolve(pgSink) : import('../store/sink-group.js').then(({ localSink }) => localSink(sinkOptions, !small));
  sinkReady.catch(() => {}); // awaited below; a failure is reported there

  const tally = new Tally(opts.onFile);
  opts.onStart?.(files.length + errors.length);
  for (const e of errors) tally.emit({ event: 'file', path: e.path, status: 'failed', code: e.code, message: e.message, ms: 0 });
  // every file is parsed in a worker (a time limit can stop it); no files, no pool
  if (usePool) await workers.ready();
  const sink = await sinkReady;
  trace('writer ready');
  tally.writeTo(sink);
  await parseAndWrite(files, { workers, sink, tally, readOpts: { ...readOpts, ...ocrShare }, rawPaths, concurrency: usePool && !small ? jobs * 24 : 1 });
  await workers.destroy();
  await sink.finish(tally.counts);
  const seconds = Math.round((performance.now() - t0) / 10) / 100;
  return { event: 'summary', run: sink.runId, ...tally.counts, problems_not_found: tally.problemsNotFound, ...skippedTypes(skipped, server ? null : opts.db), seconds, peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024) };
}

/** Batches of this many files or more parse in a pool of `jobs` workers. */
const POOL_MIN_FILES = 8;

/** The writer's settings: the dataset, the versions stored with each document, how it commits. */
function sinkOptionsOf(paths: string[], opts: IngestOptions, readOpts: ReadOptions): SinkOptions {
  return {
    db: opts.db,
    versions: { pipeline: PIPELINE_VERSION, rules: rulesHash() },
    reprocess: !!opts.reprocess,
    commitEvery: Math.max(1, opts.commitEvery ?? 1),
    // a pool's documents are committed as they come together (at most 12 per worker, 150 ms):
    // each commit makes a segment in each FTS5 index, merged again later; against 4 a worker and
    // 50 ms, the writer's CPU ÷ the parsers' 4% lower (3,000 bulletins, 4 of 4 runs alternately)
    groupDocs: Math.max(1, opts.jobs ?? availableParallelism()) * 12,
    groupMs: 150,
    syncFull: !!opts.syncFull,
    runOptions: { paths, jobs: opts.jobs, reprocess: !!opts.reprocess, maxBytes: readOpts.maxBytes, timeoutMs: opts.timeoutMs },
  };
}

/**
 * The run's counts, and each file's event to the caller. A failure is also a row of the run's
 * errors: those that come before the writer is ready (unreadable paths) wait for it.
 */
class Tally {
  readonly counts = { ingested: 0, unchanged: 0, reprocessed: 0, failed: 0 };
  problemsNotFound = 0;
  private sink: Sink | null = null;
  private readonly later: FileEvent[] = [];
  constructor(private readonly onFile?: (e: FileEvent) => void) {}

  emit(e: FileEvent): void {
    this.counts[e.status]++;
    if (e.problems_not_found) this.problemsNotFound++;
    if (e.status === 'failed') {
      if (this.sink) this.sink.failed(e.path, e.sha256 ?? null, e.code ?? 'internal', e.message ?? '');
      else this.later.push(e);
    }
    this.onFile?.(e);
  }

  /** The writer, ready: the failures so far go to it, and the next ones as they come. */
  writeTo(sink: Sink): void {
    this.sink = sink;
    for (const e of this.later) sink.failed(e.path, e.sha256 ?? null, e.code ?? 'internal', e.message ?? '');
  }
}

/**
 * Every file parsed in a worker and its record written, a bounded number in flight so memory
 * stays flat on large collections (room for a writer's group of jobs × 12 documents waiting on its
 * commit while as many are parsed).
 */
async function parseAndWrite(files: string[], o: { workers: ParsePool; sink: Sink; tally: Tally; readOpts: ReadOptions; rawPaths: Map<string, Uint8Array>; concurrency: number }): Promise<void> {
  const { sink, tally } = o;
  let firstParsed = false;
  const queue = new PQueue({ concurrency: o.concurrency });
  for (const path of files) {
    void queue.add(async () => {
      const start = performance.now();
      const ms = () => Math.round(performance.now() - start);
      try {
        const r = await o.workers.parse({ path, raw: o.rawPaths.get(path), opts: o.readOpts });
        if (!firstParsed) { firstParsed = true; trace('first document parsed'); }
        if (r.ok === 'known') {
          await sink.addPath(r.sha256, path);
          tally.emit({ event: 'file', path, status: 'unchanged', ms: ms() });
          return;
        }
        if (!r.ok) {
          tally.emit({ event: 'file', path, status: 'failed', code: r.code, message: r.message, sha256: r.sha256, ms: ms() });
          return;
        }
        const status = await sink.write(r.doc);
        tally.emit({ event: 'file', path, status, warnings: r.doc.warnings, ...(r.doc.problemsNotFound ? { problems_not_found: true } : {}), ms: ms() });
      } catch (e) {
        const z = toZhenggaiError(e, path);
        tally.emit({ event: 'file', path, status: 'failed', code: z.code, message: z.message, ms: ms() });
      }
    });
  }
  await queue.onIdle();
}

/**
 * Files in the folders left out as no document type, counted by extension; the dataset's own
 * files (ingest . --db zhenggai.db) are no skipped input.
 */
function skippedTypes(skipped: string[], dbFile: string | null): Pick<IngestSummary, 'skipped' | 'skipped_types'> {
  const types: Record<string, number> = {};
  const own = new Set(dbFile === null ? [] : ['', '-wal', '-shm', '-journal'].map((x) => resolve(dbFile + x)));
  const notOwn = skipped.filter((p) => !own.has(resolve(p)));
  for (const p of notOwn) { const x = extname(p).toLowerCase() || '(none)'; types[x] = (types[x] ?? 0) + 1; }
  return { skipped: notOwn.length, skipped_types: types };
}
