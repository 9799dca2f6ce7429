// Group commit over a LocalSink: documents that arrive together are written in one transaction,
// each still atomic (a failed one rolls the group back and the others are written again:
// store/sink-local.ts), and a document's write is settled only once that transaction has
// committed, so a file reported ingested is in the dataset whatever happens next. A commit writes
// the pages a document touched to the WAL, and consecutive documents touch many of the same ones
// (the last page of each table and index; each FTS5 index a segment a commit): one commit for
// several documents writes them once. A group is committed when it holds `groupDocs` documents,
// when `groupMs` has passed since it began, or before anything else is done with the dataset.
import { LocalSink } from './sink-local.js';
import type { DocPayload } from './rows.js';
import type { WriteStatus } from './write.js';
import type { Counts, Sink, SinkOptions } from './sink.js';

/**
 * The writer of a local dataset, in this thread: a pool's documents (`grouped`) in group commits,
 * unless --commit-every N asks for N at a time; else a commit a document.
 */
export function localSink(o: SinkOptions, grouped: boolean): Sink {
  const sink = new LocalSink(o);
  return grouped && o.commitEvery === 1 && (o.groupDocs ?? 1) > 1 ? new GroupedSink(sink, { groupDocs: o.groupDocs!, groupMs: o.groupMs ?? 150 }) : sink;
}

interface Waiting { status: WriteStatus; resolve: (s: WriteStatus) => void; reject: (e: Error) => void }

export class GroupedSink implements Sink {
  private group: Waiting[] = [];
  private open = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly sink: LocalSink, private readonly o: { groupDocs: number; groupMs: number }) {}

  get runId(): number { return this.sink.runId; }
  get known(): string[] { return this.sink.known; }

  /** Written into the open group at once; settled when the group commits (or with this document's own error). */
  write(doc: DocPayload): Promise<WriteStatus> {
    let status: WriteStatus;
    try {
      // a failure to begin (the write lock still held by another writer after busy_timeout) is
      // this document's rejection, never a throw
      if (!this.open) {
        this.sink.beginGroup();
        this.open = true;
        this.timer = setTimeout(() => this.flush(), this.o.groupMs);
      }
      status = this.sink.writeInGroup(doc);
    } catch (e) {
      return Promise.reject(e as Error);
    }
    const settled = new Promise<WriteStatus>((resolve, reject) => this.group.push({ status, resolve, reject }));
    if (this.group.length >= this.o.groupDocs) this.flush();
    return settled;
  }

  /** Commit the open group and settle its documents (each with the error, if the commit failed). */
  flush(): void {
    if (this.timer) { clearTimeout(this.timer); this.timer = null; }
    if (!this.open) return;
    this.open = false;
    const done = this.group;
    this.group = [];
    try {
      this.sink.commitGroup();
      for (const w of done) w.resolve(w.status);
    } catch (e) {
      for (const w of done) w.reject(new Error(`not committed: ${(e as Error).message}`));
    }
  }

  async addPath(sha256: string, path: string): Promise<void> {
    this.flush();
    await this.sink.addPath(sha256, path);
  }

  failed(path: string, sha256: string | null, code: string, message: string): void {
    this.flush();
    this.sink.failed(path, sha256, code, message);
  }

  async finish(c: Counts): Promise<void> {
    this.flush();
    await this.sink.finish(c);
  }
}
