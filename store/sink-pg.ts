// The batch's writer for a dataset on a PostgreSQL server. node-postgres does its I/O without
// blocking, so it runs in the batch's own thread; each document is one transaction under the
// dataset's write lock (store/pg-store.ts), so several ingests (from several machines) can run at once.
import { openPg, type PgStore } from './pg-store.js';
import { PgWriter } from './pg-writer.js';
import type { WriteStatus } from './write.js';
import type { DocPayload } from './rows.js';
import { SinkError, type Counts, type Sink, type SinkOptions } from './sink.js';

export class PgSink implements Sink {
  private lost: string[] = [];
  private recording: Array<Promise<unknown>> = [];
  private constructor(private o: SinkOptions, private store: PgStore, private writer: PgWriter, readonly runId: number, readonly known: string[]) {}

  static async open(o: SinkOptions): Promise<PgSink> {
    const store = await openPg(o.db);
    try {
      const writer = new PgWriter(store, o.versions);
      const run = await store.get<{ id: number }>('INSERT INTO ingest_runs (started_at, options) VALUES (?, ?) RETURNING id', [new Date().toISOString(), JSON.stringify(o.runOptions)]);
      return new PgSink(o, store, writer, run!.id, await writer.known(o.reprocess));
    } catch (e) {
      // a role that may only read (read-only transactions, SELECT only) cannot ingest: say so plainly
      const code = (e as { code?: string }).code;
      await store.close().catch(() => {});
      if (code === '25006' || code === '42501') throw Object.assign(new Error(`this URL's role cannot write the dataset (${(e as Error).message}): ingest with the owner's URL`), { name: 'DatasetError' });
      throw e;
    }
  }

  write(doc: DocPayload): Promise<WriteStatus> {
    return this.writer.write(doc, { reprocess: this.o.reprocess });
  }

  addPath(sha256: string, path: string): Promise<void> {
    return this.writer.addPath(sha256, path);
  }

  failed(path: string, sha256: string | null, code: string, message: string): void {
    this.recording.push(this.store.run('INSERT INTO ingest_errors (run_id, path, sha256, code, message) VALUES (?, ?, ?, ?, ?)', [this.runId, path, sha256, code, message])
      .catch((e: Error) => { this.lost.push(`${path}: ${e.message}`); }));
  }

  async finish(c: Counts): Promise<void> {
    await Promise.all(this.recording);
    try {
      await this.store.run('UPDATE ingest_runs SET ended_at = ?, ingested = ?, unchanged = ?, reprocessed = ?, failed = ? WHERE id = ?',
        [new Date().toISOString(), c.ingested, c.unchanged, c.reprocessed, c.failed, this.runId]);
    } finally {
      await this.store.close();
    }
    if (this.lost.length) throw new SinkError(`${this.lost.length} failed file(s) could not be recorded in ingest_errors: ${this.lost.slice(0, 3).join('; ')}`);
  }
}
