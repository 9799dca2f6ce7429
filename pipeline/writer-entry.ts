// Writer thread entry (bundled to dist/writer.mjs): owns the SQLite connection of a batch
// and answers the main thread's write/addPath/failed/finish messages in order.
import { parentPort, workerData } from 'node:worker_threads';
import { LocalSink } from './sink-local.js';
import type { SinkOptions } from './sink.js';

const sink = new LocalSink(workerData as SinkOptions);
// each message is answered after its work is done, with its error if it failed: a failure in
// the writer (a full disk, a locked file) reaches the batch instead of vanishing
parentPort!.on('message', async (m: { id: number; type: string; args: unknown[] }) => {
  try {
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
