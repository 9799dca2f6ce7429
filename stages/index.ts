// The pipeline as an ordered list of stages, each taking the one Doc and adding its result:
// read → normalize → segment → issues → totals → metadata → reconcile. A newcomer reads one
// file per stage; `zhenggai explain` prints what each stage decided, with rule ids.
import type { Doc } from '../core/doc.js';
import type { ReadOptions } from '../readers/index.js';
import { read } from './read.js';
import { normalizeStage } from './normalize/index.js';
import { segmentStage } from './segment/index.js';
import { issuesStage } from './issues/index.js';
import { totalsStage } from './totals/index.js';
import { metadataStage } from './metadata/index.js';
import { reconcileStage } from './reconcile/index.js';

export type { Stage } from './stage.js';
import type { Stage } from './stage.js';

export const STAGES: readonly Stage[] = [read, normalizeStage, segmentStage, issuesStage, totalsStage, metadataStage, reconcileStage];

/** Run the stages in order (the read stage only where the Doc has no reader result yet). */
export async function runStages(doc: Doc, opts: ReadOptions = {}): Promise<Doc> {
  for (const s of STAGES) {
    if (s === read && doc.read) continue;
    await s.run(doc, opts);
  }
  return doc;
}
