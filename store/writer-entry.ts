// Writer thread entry (bundled to dist/writer.mjs): owns the SQLite connection of a batch
// and answers the main thread's write/addPath/failed/finish messages in order.
//
// Group commit: documents that arrive together are written in one transaction, each still atomic
// (a failed one rolls the group back and the others are written again: store/sink-local.ts), and answered only once that transaction has
// committed, so a file reported ingested is in the dataset whatever happens next. A commit
// writes the pages a document touched to the WAL, and consecutive documents touch many of the
// same ones (the last page of each table and index): one commit for several documents writes
// them once. A group is committed when it holds `groupDocs` documents, when `groupMs` has passed
// since it began, or before anything else is answered.
import { parentPort, workerData } from 'node:worker_threads';
import { LocalSink } from './sink-local.js';
import type { SinkOptions } from './sink.js';
import { THREAD_NAMES, nameThread } from '../core/thread-name.js';

nameThread(THREAD_NAMES.writer);

const o = workerData as SinkOptions;
const sink = new LocalSink(o);
const grouped = o.commitEvery === 1 && (o.groupDocs ?? 1) > 1;
let group: Array<{ id: number; value: unknown }> = [];
let open = false;
let timer: NodeJS.Timeout | null = null;

/** Commit the open group and answer its documents (each with the error, if the commit failed). */
function flush(): void {
  if (timer) { clearTimeout(timer); timer = null; }
  if (!open) return;
  open = false;
  const done = group;
  group = [];
  try {
    sink.commitGroup();
    for (const r of done) parentPort!.postMessage({ id: r.id, ok: true, value: r.value });
  } catch (e) {
    for (const r of done) parentPort!.postMessage({ id: r.id, ok: false, error: `not committed: ${(e as Error).message}` });
  }
}

// each message is answered after its work is done, with its error if it failed: a failure in
// the writer (a full disk, a locked file) reaches the batch instead of vanishing
parentPort!.on('message', async (m: { id: number; type: string; args: unknown[] }) => {
  try {
    if (m.type === 'write' && grouped) {
      if (!open) {
        sink.beginGroup();
        open = true;
        timer = setTimeout(flush, o.groupMs ?? 50);
      }
      group.push({ id: m.id, value: sink.writeInGroup(...(m.args as Parameters<LocalSink['writeSync']>)) });
      if (group.length >= o.groupDocs!) flush();
      return;
    }
    flush();
    let value: unknown;
    switch (m.type) {
      case 'start': value = { runId: sink.runId, known: sink.known }; break;
      case 'write': value = sink.writeSync(...(m.args as Parameters<LocalSink['writeSync']>)); break;
      case 'addPath': await sink.addPath(...(m.args as [string, string])); break;
      case 'failed': sink.failed(...(m.args as [string, string | null, string, string])); break;
      case 'finish': await sink.finish(...(m.args as Parameters<LocalSink['finish']>)); break;
      default: throw new Error(`unknown message ${m.type}`);
    }
    parentPort!.postMessage({ id: m.id, ok: true, value });
  } catch (e) {
    parentPort!.postMessage({ id: m.id, ok: false, error: (e as Error).message });
  }
});
