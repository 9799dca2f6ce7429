// Worker thread entry (bundled to dist/worker.mjs): workerData carries the sha256s the
// dataset already holds, so unchanged files are hashed and skipped, not parsed.
import { workerData } from 'piscina';
import { runTask, setKnown } from './worker-task.js';

if (workerData?.known) setKnown(new Set(workerData.known as string[]));
export default runTask;
