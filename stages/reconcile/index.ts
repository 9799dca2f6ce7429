// Stage 7, reconcile: the declared totals against what the problems say (every mismatch a
// warning, never a silent correction), and documents that are not bulletins at all.
import type { Stage } from '../stage.js';
import { reconcile } from './reconcile.js';

export const reconcileStage: Stage = {
  name: 'reconcile',
  run(doc) {
    reconcile(doc, doc.summary, doc.issues, doc.structure!);
  },
};
