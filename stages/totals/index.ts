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
function unitTotals(doc: Doc): { units: Doc['units']; leads: Array<[number, number]> } {
  const seg = doc.structure!;
  const out: Doc['units'] = [];
  const leads: Array<[number, number]> = [];
  for (const c of seg.categories.filter((x) => x.unit)) {
    const mine = seg.problems.filter((p) => p.category === c.ordinal);
    const next = seg.categories.find((x) => x.para > c.para)?.para ?? seg.closing;
    const firstProblem = mine.length ? mine[0]!.first : next;
    const lead = doc.paragraphs.slice(c.para + 1, firstProblem).map((p) => ({ text: p.text, start: p.start }));
    if (lead.length) leads.push([lead[0]!.start, doc.paragraphs[firstProblem - 1]!.end]);
    const { summary } = extractTotals(lead);
    const head = doc.paragraphs[c.para]!;
    const last = mine.length ? doc.paragraphs[mine[mine.length - 1]!.last]! : doc.paragraphs[Math.max(c.para, firstProblem - 1)]!;
    out.push({ unit: c.title, category: c.ordinal, problems_found: mine.length, summary, span: [head.start, last.end] });
    if (summary.problems !== undefined && summary.problems !== mine.length) {
      const k = checkOf('unit_problems');
      doc.message({ ruleId: k.id, stage: 'totals', severity: 'warning', code: k.code, span: [head.start, head.end], message: `${c.title}: declared ${summary.problems} problems, found ${mine.length}` });
    }
  }
  return { units: out, leads };
}

/** The pieces of text less the given ranges (each range cut out, the rest kept with its offsets). */
function without(pieces: Array<{ text: string; start: number }>, ranges: Array<[number, number]>): Array<{ text: string; start: number }> {
  const out: Array<{ text: string; start: number }> = [];
  for (const p of pieces) {
    let at = p.start;
    const end = p.start + p.text.length;
    for (const [a, b] of ranges) {
      if (b <= at || a >= end) continue;
      if (a > at) out.push({ text: p.text.slice(at - p.start, a - p.start), start: at });
      at = Math.max(at, b);
    }
    if (at < end) out.push({ text: p.text.slice(at - p.start), start: at });
  }
  return out;
}

export const totalsStage: Stage = {
  name: 'totals',
  run(doc) {
    const front = frontOf(doc, doc.structure!);
    const { units, leads } = unitTotals(doc);
    doc.units = units;
    // a round's own figures stand before its units' (本轮巡察共…清退资金10.7万元 ⏎ 一、X镇党委 …3.82万元):
    // a unit's figures are its own (units[]), and count in the round's only for what the round does not state
    const outer = extractTotals(leads.length ? without(doc.outside, leads) : doc.outside, front);
    const all = leads.length ? extractTotals(doc.outside, front) : outer;
    const summary = { ...outer.summary };
    const hits = [...outer.hits];
    for (const [k, v] of Object.entries(all.summary)) {
      if (k in summary) continue;
      summary[k] = v;
      hits.push(...all.hits.filter((h) => h.key === k));
    }
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
