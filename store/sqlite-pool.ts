// The web app's SQLite dataset, read off the event loop. better-sqlite3 answers synchronously, so
// a slow search (35 rare characters joined by OR reads every problem) held the whole server while
// it ran: four at once kept a 1 ms stylesheet waiting 5 s. Here a few worker threads
// (store/sqlite-pool-entry.ts), each with the dataset opened read-only, run the statements, one
// at a time each, behind the same Store interface the pages read (PostgreSQL's node-postgres is
// already asynchronous). Work started by a web request runs inside its `workScope`: when the
// request's time budget runs out (or its client goes), its queued statements are dropped and a
// running one's thread is stopped and replaced.
import { Worker } from 'node:worker_threads';
import { AsyncLocalStorage } from 'node:async_hooks';
import { availableParallelism } from 'node:os';
import { ensureBuilt } from '../bin/build.mjs';
import type { Row, Store } from './interface.js';
import type { BulletinPage, PageOptions } from './bulletin-page.js';
import type { PoolReply, PoolRequest } from './sqlite-pool-entry.js';

/** The signal that cancels the database work of the request running now (the web app sets it). */
export const workScope = new AsyncLocalStorage<AbortSignal>();

/** Threads by default: as many as cores, at least 2, at most 4 (each holds a connection of its own). */
export const defaultThreads = () => Math.min(4, Math.max(2, availableParallelism()));

interface Task {
  msg: PoolRequest;
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
  signal?: AbortSignal;
  onAbort?: () => void;
  onBatch?: (m: { batch: unknown[][]; columns: string[] }) => void;
}
interface Slot { worker: Worker; task: Task | null }

const named = (name: string, message: string) => Object.assign(new Error(message), { name });
const cancelled = (signal: AbortSignal) => (signal.reason instanceof Error ? signal.reason : named('AbortError', String(signal.reason ?? 'cancelled')));

/** BLOBs come back from a thread as Uint8Arrays; the rest of the code reads Buffers (as better-sqlite3 gives them). */
function buffers<T>(v: T): T {
  const fix = (x: unknown) => (x instanceof Uint8Array && !Buffer.isBuffer(x) ? Buffer.from(x.buffer, x.byteOffset, x.byteLength) : x);
  const row = (r: unknown) => {
    if (Array.isArray(r)) { for (let i = 0; i < r.length; i++) r[i] = fix(r[i]); } else if (r && typeof r === 'object') { for (const k of Object.keys(r)) (r as Row)[k] = fix((r as Row)[k]); }
    return r;
  };
  if (Array.isArray(v)) v.forEach(row);
  else row(v);
  return v;
}

export class SqlitePool implements Store {
  readonly dialect = 'sqlite' as const;
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private closed = false;

  private constructor(readonly label: string, private readonly file: string, readonly threads: number) {}

  /** Open `path` read-only in `threads` threads (the first now: a missing or foreign dataset fails here). */
  static async open(path: string, o: { threads?: number } = {}): Promise<SqlitePool> {
    const file = await ensureBuilt('sqlite-pool');
    const pool = new SqlitePool(path, file, Math.max(1, Math.floor(o.threads ?? defaultThreads())));
    const slot = pool.spawn();
    await new Promise<void>((resolve, reject) => {
      const onMessage = (m: PoolReply) => {
        slot.worker.off('message', onMessage);
        if ('ready' in m) resolve();
        else if ('ok' in m && !m.ok) reject(named(m.name, m.message));
      };
      slot.worker.on('message', onMessage);
      slot.worker.once('error', reject);
    }).catch(async (e: Error) => { await pool.close(); throw e; });
    return pool;
  }

  private spawn(): Slot {
    const worker = new Worker(this.file, { workerData: { path: this.label } });
    const slot: Slot = { worker, task: null };
    this.slots.push(slot);
    worker.on('message', (m: PoolReply) => {
      const t = slot.task;
      if (!t || 'ready' in m) return;
      if ('batch' in m) { t.onBatch?.(m); return; }
      this.settle(slot, t);
      if (m.ok) t.resolve(m.value);
      else t.reject(named(m.name, m.message));
    });
    const gone = (e: Error) => {
      if (!this.slots.includes(slot)) return; // stopped on purpose
      this.slots.splice(this.slots.indexOf(slot), 1);
      const t = slot.task;
      if (t) { this.settle(slot, t); t.reject(e); }
      this.dispatch();
    };
    worker.on('error', gone);
    worker.on('exit', (code) => gone(named('Error', `a database thread of the web app stopped (exit code ${code})`)));
    return slot;
  }

  /** The task is over (answered, failed or cancelled): free its thread and forget its signal. */
  private settle(slot: Slot | null, t: Task): void {
    if (slot && slot.task === t) slot.task = null;
    if (t.onAbort) t.signal!.removeEventListener('abort', t.onAbort);
    queueMicrotask(() => this.dispatch());
  }

  private dispatch(): void {
    while (this.queue.length && !this.closed) {
      const slot = this.slots.find((s) => !s.task) ?? (this.slots.length < this.threads ? this.spawn() : null);
      if (!slot) return;
      const t = this.queue.shift()!;
      slot.task = t;
      slot.worker.postMessage(t.msg);
    }
  }

  private cancel(t: Task): void {
    const q = this.queue.indexOf(t);
    if (q >= 0) this.queue.splice(q, 1);
    const slot = this.slots.find((s) => s.task === t);
    if (slot) {
      // a statement cannot be interrupted from outside its thread: the thread goes (it ends as soon
      // as SQLite hands back control) and a fresh one takes its place when work comes
      this.slots.splice(this.slots.indexOf(slot), 1);
      void slot.worker.terminate();
    }
    this.settle(null, t);
    t.reject(cancelled(t.signal!));
  }

  private exec<T>(msg: PoolRequest, onBatch?: Task['onBatch']): Promise<T> {
    if (this.closed) return Promise.reject(new Error('the dataset is closed'));
    const signal = workScope.getStore();
    if (signal?.aborted) return Promise.reject(cancelled(signal));
    return new Promise<T>((resolve, reject) => {
      const t: Task = { msg, resolve: resolve as (v: unknown) => void, reject, onBatch };
      if (signal) {
        t.signal = signal;
        t.onAbort = () => this.cancel(t);
        signal.addEventListener('abort', t.onAbort, { once: true });
      }
      this.queue.push(t);
      this.dispatch();
    });
  }

  async all<T = Row>(sql: string, params: unknown[] = []): Promise<T[]> {
    return buffers(await this.exec<T[]>({ op: 'all', sql, params }));
  }
  async get<T = Row>(sql: string, params: unknown[] = []): Promise<T | undefined> {
    return buffers(await this.exec<T | undefined>({ op: 'get', sql, params }));
  }
  async arrays(sql: string, params: unknown[] = []): Promise<unknown[][]> {
    return buffers(await this.exec<unknown[][]>({ op: 'arrays', sql, params }));
  }
  /** Batches of 500 rows as the thread reads them, handed to onBatch one after another. */
  async stream(sql: string, params: unknown[], onBatch: (rows: unknown[][], columns: string[]) => void | Promise<void>): Promise<string[]> {
    let chain = Promise.resolve();
    let failed: unknown = null;
    const columns = await this.exec<string[]>({ op: 'stream', sql, params }, (m) => {
      chain = chain.then(() => onBatch(buffers(m.batch), m.columns)).catch((e) => { failed ??= e; });
    });
    await chain;
    if (failed) throw failed;
    return columns;
  }
  /** A page of a bulletin (store/bulletin-page.ts), read and cut in a thread: only the page comes back. */
  async bulletinPage(id: number, o: PageOptions): Promise<BulletinPage | undefined> {
    return this.exec<BulletinPage | undefined>({ op: 'bulletinPage', id, o });
  }
  async run(): Promise<number> {
    throw new Error('the web app reads the dataset only');
  }
  async transaction<T>(): Promise<T> {
    throw new Error('the web app reads the dataset only');
  }
  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.queue.splice(0)) { this.settle(null, t); t.reject(new Error('the dataset is closed')); }
    const slots = this.slots.splice(0);
    for (const s of slots) if (s.task) { const t = s.task; this.settle(s, t); t.reject(new Error('the dataset is closed')); }
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}
