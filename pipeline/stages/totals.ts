// Stage 5, totals: what the bulletin declares about itself (N个问题, 已完成N个, 完成率, money,
// people…), read outside the issues; every declared figure keeps its rule and span.
import type { Stage } from './index.js';
import { extractTotals } from '../../extractors/totals.js';
import { frontOf } from '../segment.js';

export const totalsStage: Stage = {
  name: 'totals',
  run(doc) {
    const { summary, hits } = extractTotals(doc.outside, frontOf(doc, doc.structure!));
    doc.summary = summary;
    doc.totalHits = hits;
    for (const [key, value] of Object.entries(summary)) {
      // the statements that gave the value: the last one of its key (or all, for sums)
      const of = hits.filter((h) => h.key === key);
      const used = of.length > 1 && of.reduce((s, h) => s + h.value, 0) === value ? of : of.slice(-1);
      for (const h of used) doc.decide('totals', 'totals', h.rule, [h.index, h.index + h.text.length], `declared ${key} = ${h.value}: ${h.text}`, key);
    }
  },
};
