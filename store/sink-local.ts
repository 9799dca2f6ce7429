// The writer of a SQLite dataset, in the batch's thread (a pool's documents through sink-group.ts).
import { openDb, type DB } from './db.js';
import { Writer, type WriteStatus } from './writer.js';
import type { DocPayload } from './rows.js';
import { SinkError, knownIn, type Counts, type Sink, type SinkOptions } from './sink.js';

export class LocalSink implements Sink {
  readonly runId: number;
  private db: DB;
  private writer: Writer;
  private insError;
  private pending = 0;
  private groupStart = 0;
  /** the open group's documents written so far (written again if one after them fails) */
  private group: DocPayload[] = [];
  /** set when the open group could not be written again: its commit fails */
  private broken: Error | null = null;

  constructor(private o: SinkOptions) {
    this.db = openDb(o.db, { syncFull: o.syncFull });
    // a checkpoint (copying the WAL's pages into the database; with synchronous=NORMAL, the only
    // fsyncs) every ~40 MB of WAL instead of SQLite's 4 MB: the pages written over and over (the
    // last page of each table and index) are copied once per checkpoint, not ten times
    this.db.pragma('wal_autocheckpoint = 10000');
    this.writer = new Writer(this.db, o.versions);
    this.runId = Number(this.db.prepare('INSERT INTO ingest_runs (started_at, options) VALUES (?, ?)').run(new Date().toISOString(), JSON.stringify(o.runOptions)).lastInsertRowid);
    this.insError = this.db.prepare('INSERT INTO ingest_errors (run_id, path, sha256, code, message) VALUES (?, ?, ?, ?, ?)');
  }

  /** Read when asked (a batch gives its workers readKnown()'s list, read before this opens): not a scan of every document a run. */
  get known(): string[] {
    return knownIn(this.db, this.o.versions, this.o.reprocess);
  }

  writeSync(doc: DocPayload): WriteStatus {
    if (this.o.commitEvery <= 1) return this.writer.write(doc, { reprocess: this.o.reprocess });
    // --commit-every N: documents still atomic (a failed one leaves the others), committed N at a time
    if (!this.db.inTransaction) { this.beginGroup(); this.pending = 0; this.groupStart = performance.now(); }
    const status = this.writeInGroup(doc);
    if (++this.pending >= this.o.commitEvery || performance.now() - this.groupStart > 2000) this.commitGroup();
    return status;
  }

  /** Open a group of documents committed together (a pool's group commit: sink-group.ts). */
  beginGroup(): void {
    this.db.exec('BEGIN IMMEDIATE');
    this.group = [];
    this.broken = null;
  }

  /**
   * One document of the open group, atomic: written with no savepoint (each would make the FTS5
   * tables flush, doubling their cost), so a document that fails rolls the group back and the
   * group's earlier documents are written again, as they were, before its error is thrown. Should
   * one of them fail this time, the group is broken: its commit fails, and so every document of it.
   */
  writeInGroup(doc: DocPayload): WriteStatus {
    if (this.broken) throw this.broken;
    try {
      const status = this.writer.writeInOpen(doc, { reprocess: this.o.reprocess });
      this.group.push(doc);
      return status;
    } catch (e) {
      this.replayGroup();
      throw e;
    }
  }

  /** The open group rolled back and its documents written again (a document of it failed). */
  private replayGroup(): void {
    this.writer.forget();
    if (this.db.inTransaction) this.db.exec('ROLLBACK');
    try {
      this.db.exec('BEGIN IMMEDIATE');
      for (const d of this.group) this.writer.writeInOpen(d, { reprocess: this.o.reprocess });
    } catch (e) {
      this.broken = new SinkError(`the group could not be written again after a document failed: ${(e as Error).message}`);
      this.writer.forget();
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
    }
  }

  commitGroup(): void {
    const broken = this.broken;
    this.group = [];
    this.broken = null;
    try {
      if (broken) throw broken;
      this.writer.finishOpen();
      this.db.exec('COMMIT');
    } catch (e) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      this.writer.forget();
      throw e;
    }
  }

  async write(doc: DocPayload): Promise<WriteStatus> {
    return this.writeSync(doc);
  }

  async addPath(sha256: string, path: string): Promise<void> {
    this.writer.addPath(sha256, path);
  }

  private lost: string[] = [];

  failed(path: string, sha256: string | null, code: string, message: string): void {
    try {
      this.insError.run(this.runId, path, sha256, code, message);
    } catch (e) {
      this.lost.push(`${path}: ${(e as Error).message}`);
    }
  }

  async finish(c: Counts): Promise<void> {
    if (this.lost.length) {
      const lost = this.lost;
      this.lost = [];
      this.finishRun(c);
      throw new SinkError(`${lost.length} failed file(s) could not be recorded in ingest_errors: ${lost.slice(0, 3).join('; ')}`);
    }
    this.finishRun(c);
  }

  private finishRun(c: Counts): void {
    if (this.db.inTransaction) this.commitGroup();
    this.db.prepare('UPDATE ingest_runs SET ended_at = ?, ingested = ?, unchanged = ?, reprocessed = ?, failed = ? WHERE id = ?')
      .run(new Date().toISOString(), c.ingested, c.unchanged, c.reprocessed, c.failed, this.runId);
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    this.db.close();
  }
}

