// The worker threads that parse an ingest's documents (app/worker-entry.ts runs each task): a
// piscina pool started before the file walk ends, each task under its time limit, and a pool whose
// workers cannot start reported as such instead of waited on. app/batch.ts drives it.
import { setFlagsFromString } from 'node:v8';
import { ensureBuilt } from '../bin/build.mjs';
import { Piscina } from 'piscina';
import type { Task, TaskResult } from './worker-task.js';

export interface ParsePoolOptions {
  /** the batch's --jobs: workers that die before any task has finished, this many, break the pool */
  jobs: number;
  /** a document's time limit, from when a worker starts it */
  timeoutMs: number;
  /** a document read by OCR: its limit instead, from the same start (at least timeoutMs) */
  ocrTimeoutMs: number;
  /** heap limit of a worker */
  maxMemoryMb?: number;
}

/** What a worker says to the batch: loaded, a task started, a task's document needs OCR. */
type WorkerMessage = { zhenggaiBooted?: boolean; zhenggaiStarted?: number; zhenggaiOcrPage?: number } | null;

/**
 * Each parsing worker is a V8 isolate of its own that optimizes the whole pipeline again, and a
 * batch's workers parse a few hundred to a few thousand documents each: over its first 2,000, one
 * worker's optimizing compiler (TurboFan, on V8's helper threads) spends about 3 s, more than a
 * third of the CPU the parsing itself takes, most of it compiling again large functions (the
 * issues' builder, ~100 ms a time) with their callees inlined. Without inlining it compiles in
 * half the time. Measured on this project's 2-core machine, alternately: one isolate's CPU over
 * 400 documents -14% (3 of 3 runs), 2,000 -8% (5 of 6), 6,000 level (its code no slower than
 * inlined code once warm); ingest of 3,000 with 2 workers, its helper threads 2.0 -> 1.4 ms a
 * document and all its threads' CPU -4% (3 of 3). V8's flags are the process's: set before the
 * workers start, once.
 */
let lean = false;
function leanCompiler(): void {
  if (lean) return;
  lean = true;
  setFlagsFromString('--no-turbo-inlining');
}

export class ParsePool {
  private poolReady: Promise<Piscina> | null = null;
  private pool: Piscina | null = null;
  // A worker must not be terminated (time limit) while Node 20 is still loading its modules: that
  // aborts the whole process. Each worker says when it has loaded (worker-entry.ts); tasks are
  // handed out once the first workers all have (or the pool is found broken, or a time limit's
  // worth of waiting has passed).
  private bootedWorkers = 0;
  private markBooted: () => void = () => {};
  private readonly booted = new Promise<void>((resolve) => { this.markBooted = resolve; });
  /** task id → start its time limit (the worker says when the task starts: worker-task.ts) */
  private readonly started = new Map<number, () => void>();
  // one time limit a document, from its start: a document that needs OCR gets the OCR document
  // limit instead, once (a scan of 5,000 pages is stopped by it, not re-armed page by page)
  private readonly ocrPage = new Map<number, () => void>();
  private nextTaskId = 0;
  // Workers that keep dying before they run anything (a memory limit too small to start) break
  // the pool: the pending tasks fail with that error instead of waiting forever.
  private deadWorkers = 0;
  private doneTasks = 0;
  private readonly broken = new AbortController();
  private brokenReason: { code: string; message: string } = { code: 'internal', message: 'the worker pool stopped' };

  constructor(private readonly o: ParsePoolOptions) {}

  /** Started (by start()) at all. */
  get isStarted(): boolean {
    return this.poolReady !== null;
  }

  /**
   * Start `threads` workers, loading while the caller goes on. A pool's tasks are posted ahead
   * (4 a worker), so a worker never waits while the batch's thread writes and commits; a small
   * batch's single worker gets one at a time.
   */
  start(threads: number, tasksAhead: boolean, known: unknown): void {
    leanCompiler();
    this.poolReady = (ensureBuilt('worker') as Promise<string>).then((filename) => {
      const p = new Piscina({
        filename,
        minThreads: threads, maxThreads: threads,
        concurrentTasksPerWorker: tasksAhead ? 4 : 1,
        workerData: { known, nice: 3 },
        // a small young generation keeps each worker's resident memory down (documents are small)
        resourceLimits: { maxOldGenerationSizeMb: this.o.maxMemoryMb ?? 1024, maxYoungGenerationSizeMb: 16 },
      });
      p.on('message', (m: WorkerMessage) => {
        if (m?.zhenggaiBooted && ++this.bootedWorkers >= threads) this.markBooted();
        if (m?.zhenggaiStarted !== undefined) this.started.get(m.zhenggaiStarted)?.();
        if (m?.zhenggaiOcrPage !== undefined) this.ocrPage.get(m.zhenggaiOcrPage)?.();
      });
      setTimeout(() => this.markBooted(), this.o.timeoutMs).unref();
      return p;
    });
  }

  /**
   * Wait for the pool to exist. A worker that dies between tasks (memory limit at start-up, say)
   * is replaced by the pool; the failure of a task it was running reaches that task's result.
   */
  async ready(): Promise<void> {
    this.pool = await this.poolReady!;
    this.pool.on('error', (e: Error & { code?: string }) => {
      if (++this.deadWorkers >= this.o.jobs && this.doneTasks === 0) {
        this.brokenReason = { code: e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'out_of_memory' : 'internal', message: `workers cannot start: ${e.message}` };
        this.broken.abort();
        this.markBooted();
      }
    });
  }

  /** Parse one document in a worker, under its time limit; a failure is a result, never thrown. */
  async parse(task: Task): Promise<TaskResult> {
    const pool = this.pool;
    if (!pool) throw new Error('no worker pool'); // files exist only with a pool
    await this.booted;
    const { timeoutMs: timeout, ocrTimeoutMs: ocrTimeout } = this.o;
    // our own (ref'd) timer: AbortSignal.timeout() is unref'd and would let the process exit.
    // It starts when the worker starts the task, never while a worker is still loading.
    const ctl = new AbortController();
    const id = this.nextTaskId++;
    let timer: NodeJS.Timeout | undefined;
    let finished = false;
    let t0 = 0;
    let limit = timeout;
    this.started.set(id, () => { if (!finished) { t0 = Date.now(); timer = setTimeout(() => ctl.abort(), timeout); } });
    this.ocrPage.set(id, () => {
      if (finished || limit === ocrTimeout) return;
      limit = ocrTimeout;
      clearTimeout(timer);
      timer = setTimeout(() => ctl.abort(), Math.max(0, t0 + ocrTimeout - Date.now()));
    });
    try {
      const r = (await pool.run({ ...task, id }, { signal: AbortSignal.any([ctl.signal, this.broken.signal]) })) as TaskResult;
      this.doneTasks++;
      return r;
    } catch (e) {
      const err = e as Error & { code?: string };
      if (this.broken.signal.aborted) return { ok: false, ...this.brokenReason };
      if (ctl.signal.aborted) return { ok: false, code: 'timeout', message: `over ${limit} ms${limit === ocrTimeout && limit !== timeout ? ' (the time limit of a document read by OCR, --ocr-timeout)' : ''}: the worker was stopped` };
      if (err.code === 'ERR_WORKER_OUT_OF_MEMORY' || /out of memory|heap/i.test(err.message)) return { ok: false, code: 'out_of_memory', message: err.message };
      return { ok: false, code: 'internal', message: err.message };
    } finally {
      finished = true;
      this.started.delete(id);
      this.ocrPage.delete(id);
      clearTimeout(timer);
    }
  }

  async destroy(): Promise<void> {
    await this.pool?.destroy();
  }
}
