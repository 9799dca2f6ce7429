// Segmentation: paragraphs → title block, opening, parts (organizational vs problems),
// categories, problem blocks, closing. Only structure here; reading the inside of a
// problem block (measures, outcome, status) is stages/issues/issue.ts.
//
// It runs in steps that share one Layout (the Doc, its paragraphs and their headings) and
// add to it: frame → parts → problem level → blocks → extents. Every decision is traced on
// the Doc with the id of the rule that made it (rules/structure.json: regex rules, and
// `decisions` for what the layout logic decides), so `zhenggai explain` can say why a line
// became a title, a part, a category, a problem or an organizational point.
import { structureRules, decisionId, stripQuotes } from '../../core/vocabulary.js';
import type { Doc } from '../../core/doc.js';
import { clip, spanOf, type Layout, type Segmentation } from './model.js';
import { headingOf, unitLines, annexLines, tocLines } from './headings.js';
import { findFrame, findParts, frontParas } from './frame.js';
import { findProblemLevel } from './level.js';
import { chooseReading } from './choose.js';
import { inlineCategories } from './inline-categories.js';
import { numberedAnswers } from './numbered-answers.js';
import { titleAnswers } from './title-answers.js';
import { linkAnswers } from './answer-refs.js';
import { linkItemAnswers, sharedAnswers, listAnswers, statusByName, readerHeadings, statusGroups, statusRoll, unitCategories } from './passes.js';

export { structureRules, stripQuotes };
export { frontOf } from './frame.js';
export { headingOf, categoryTitle } from './headings.js';
export type { Heading, CategoryBlock, ProblemBlock, Segmentation } from './model.js';

export function segment(doc: Doc): Segmentation {
  const r = structureRules();
  const paras = doc.paragraphs;
  const L: Layout = { doc, paras, headings: paras.map((p, i) => headingOf(p, i)), r };
  tocLines(L);
  unitLines(L);
  const annex = annexLines(L);
  const frame = findFrame(L);
  readerHeadings(L, frame);
  const parts = findParts(L, frame);
  for (let i = frame.bodyStart; i < frame.closing; i++) {
    const h = L.headings[i];
    if (h && h.level > 1 && parts.orgParas.has(i)) doc.decide('segment', 'org_point', decisionId('org_point'), spanOf(L, i), `organizational point: ${clip(h.body)}`);
  }
  const level = findProblemLevel(L, frame, parts);
  const { categories, problems, readings } = chooseReading(L, frame, parts, level);
  inlineCategories(L, categories, problems);
  statusGroups(L, frame, problems);
  unitCategories(L, categories);
  // numbering restarts per category (or unnumbered blocks): number in order so numbers stay unique
  const seen = new Set<number>();
  for (const p of problems) seen.add(p.number);
  const renumber = seen.size !== problems.length;
  if (renumber) problems.forEach((p, k) => (p.number = k + 1));
  for (const p of problems) {
    const printed = p.label ? ` (printed ${p.label})` : '';
    doc.decide('segment', 'problem', p.rule, [paras[p.first]!.start, paras[p.last]!.end], `problem ${p.number}${printed}: ${clip(doc.text.slice(p.headStart, paras[p.first]!.end))}`, p.number);
  }
  for (const p of problems) {
    if (p.endedByTotals === undefined) continue;
    const t = paras[p.endedByTotals]!;
    doc.decide('segment', 'totals', decisionId('totals_after'), [t.start, t.end], `totals sentence (ends problem ${p.number}): ${clip(t.text)}`);
  }
  linkAnswers(L, frame, problems, categories);
  numberedAnswers(L, frame, problems, categories);
  titleAnswers(L, frame, problems);
  linkItemAnswers(L, frame, problems, categories);
  sharedAnswers(L, frame, problems);
  listAnswers(L, problems);
  statusRoll(L, frame, problems);
  statusByName(L, frame, problems);
  if (renumber && problems.some((p) => p.label)) doc.decide('segment', 'layout', decisionId('renumbered'), undefined, 'numbering restarts: problems numbered 1..N through the document, the printed labels kept');
  // a long paragraph that nothing could cut, and no problem found: say so
  if (!problems.length && paras.some((p) => p.text.length > 1500)) {
    doc.message({ ruleId: decisionId('unsegmented'), stage: 'segment', severity: 'warning', code: 'unsegmented_text', message: 'a long run of text with no structure that could be read (line breaks lost?): no problems found in it' });
  }
  return { title: frame.title, opening: frame.opening, closing: frame.closing, ...(annex !== undefined ? { annex } : {}), categories, problems, orgParas: parts.orgParas, readings, front: frontParas(L, frame, parts) };
}
