// Stage 3, segment: paragraphs → title block, opening, parts, categories, problem blocks,
// closing (stages/segment/segment.ts), each decision traced on the Doc with its rule id.
import type { Stage } from '../stage.js';
import { segment } from './segment.js';

export const segmentStage: Stage = {
  name: 'segment',
  run(doc) {
    doc.structure = segment(doc);
  },
};
