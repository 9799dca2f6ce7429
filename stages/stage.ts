// A stage: one step of the pipeline, taking the Doc (stages/index.ts lists them in order).
import type { Doc } from '../core/doc.js';
import type { ReadOptions } from '../readers/index.js';

export interface Stage {
  name: string;
  run(doc: Doc, opts: ReadOptions): void | Promise<void>;
}
