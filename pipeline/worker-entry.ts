// Worker thread entry (bundled to dist/worker.mjs): workerData carries the sha256s the
// dataset already holds, so unchanged files are hashed and skipped, not parsed.
import { workerData } from 'piscina';
import { runTask, setKnown } from './worker-task.js';
import { getJieba } from '../extractors/tokens.js';

if (workerData?.known) setKnown(new Set(workerData.known as string[]));
// load the jieba dictionary now, while the main thread is still walking the folders
getJieba();
export default runTask;
