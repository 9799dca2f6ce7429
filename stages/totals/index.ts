// Stage 5, totals: what the bulletin declares about itself (N个问题, 已完成N个, 完成率, money,
// people…), read outside the issues; every declared figure keeps its rule and span.
import type { Stage } from '../stage.js';
import { extractTotals } from './totals.js';
import { frontOf } from '../segment/segment.js';
import { checkOf } from '../../core/checks.js';
import type { Doc } from '../../core/doc.js';

/**
 * A bulletin covering several units: each unit's own figures, stated at the head of its list
 * (区教育局党委收到反馈问题4个，已完成整改4个), between the unit's heading and its first problem;
 * a unit's declared problem count that differs from the problems under it is a warning.
 */
function unitTotals(doc: Doc): Doc['units'] {
  const seg = doc.structure!;
  const out: Doc['units'] = [];
  for (const c of seg.categories.filter((x) => x.unit)) {
    const mine = seg.problems.filter((p) => p.category === c.ordinal);
    const next = seg.categories.find((x) => x.para > c.para)?.para ?? seg.closing;
    const firstProblem = mine.length ? mine[0]!.first : next;
    const lead = doc.paragraphs.slice(c.para + 1, firstProblem).map((p) => ({ text: p.text, start: p.start }));
    const { summary } = extractTotals(lead);
    const head = doc.paragraphs[c.para]!;
    const last = mine.length ? doc.paragraphs[mine[mine.length - 1]!.last]! : doc.paragraphs[Math.max(c.para, firstProblem - 1)]!;
    out.push({ unit: c.title, category: c.ordinal, problems_found: mine.length, summary, span: [head.start, last.end] });
    if (summary.problems !== undefined && summary.problems !== mine.length) {
      const k = checkOf('unit_problems');
      doc.message({ ruleId: k.id, stage: 'totals', severity: 'warning', code: k.code, span: [head.start, head.end], message: `${c.title}: declared ${summary.problems} problems, found ${mine.length}` });
    }
  }
  return out;
}

export const totalsStage: Stage = {
  name: 'totals',
  run(doc) {
    const { summary, hits } = extractTotals(doc.outside, frontOf(doc, doc.structure!));
    doc.summary = summary;
    doc.totalHits = hits;
    doc.units = unitTotals(doc);
    for (const [key, value] of Object.entries(summary)) {
      // the statements that gave the value: the last one of its key (or all, for sums)
      const of = hits.filter((h) => h.key === key);
      const used = of.length > 1 && of.reduce((s, h) => s + h.value, 0) === value ? of : of.slice(-1);
      for (const h of used) doc.decide('totals', 'totals', h.rule, [h.index, h.index + h.text.length], `declared ${key} = ${h.value}: ${h.text}`, key);
    }
  },
};
