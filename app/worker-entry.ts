// Worker thread entry (bundled to dist/worker.mjs): workerData carries the sha256s the
// dataset already holds, so unchanged files are hashed and skipped, not parsed.
import { parentPort } from 'node:worker_threads';
import { setPriority } from 'node:os';
import { workerData } from 'piscina';
import { runTask, setKnown } from './worker-task.js';
import { getJieba } from '../core/tokens.js';
import { THREAD_NAMES, nameThread, threadId } from '../core/thread-name.js';

nameThread(THREAD_NAMES.parse);
const data = (workerData ?? {}) as { known?: string[]; nice?: number };
if (data.known) setKnown(new Set(data.known));
if (data.nice) {
  // Parsing is the parallel stage and writing the serial one: when the cores are busy, the
  // batch's thread, which writes, should not wait behind the parsers. Measured (2 cores): 800 txt
  // bulletins ~4% faster at nice 3 or 10; 60 PDFs (parse-bound) ~3.5% slower at nice 10, level
  // at 3. Linux gives each thread its own nice value; elsewhere this is skipped.
  try {
    const tid = threadId();
    if (tid !== null) setPriority(tid, data.nice);
  } catch {
    // not Linux, or not allowed: same priority as the rest
  }
}
// Into a new dataset every file will be parsed: load jieba's dictionary now, while the main
// thread may still be walking the folders. Into a dataset that already holds documents (a
// re-run over a growing folder), most files are only hashed: load it when a parse needs it.
if (!data.known?.length) getJieba();
// Tell the batch this worker has loaded: until then it must not be terminated (a time limit
// firing while Node 20 is still instantiating the worker's modules aborts the whole process).
// Said here, at the end of this module's body: the module graph is instantiated by now, and
// after this piscina waits for tasks without returning to the event loop.
parentPort?.postMessage({ zhenggaiBooted: true });
export default runTask;
