// The pipeline as an ordered list of stages, each taking the one Doc and adding its result:
// read → normalize → segment → issues → totals → metadata → reconcile. A newcomer reads one
// file per stage; `zhenggai explain` prints what each stage decided, with rule ids.
import type { Doc } from '../doc.js';
import type { ReadOptions } from '../readers/index.js';
import { read } from './read.js';
import { normalizeStage } from './normalize.js';
import { segmentStage } from './segment.js';
import { issuesStage } from './issues.js';
import { totalsStage } from './totals.js';
import { metadataStage } from './metadata.js';
import { reconcileStage } from './reconcile.js';

export interface Stage {
  name: string;
  run(doc: Doc, opts: ReadOptions): void | Promise<void>;
}

export const STAGES: readonly Stage[] = [read, normalizeStage, segmentStage, issuesStage, totalsStage, metadataStage, reconcileStage];

/** Run the stages in order (the read stage only where the Doc has no reader result yet). */
export async function runStages(doc: Doc, opts: ReadOptions = {}): Promise<Doc> {
  for (const s of STAGES) {
    if (s === read && doc.read) continue;
    await s.run(doc, opts);
  }
  return doc;
}
