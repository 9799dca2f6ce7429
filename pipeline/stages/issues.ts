// Stage 4, issues: each problem block → an issue (problem, measures, outcome, notes, status,
// cited documents, themes, quantities); the text outside every issue is kept for the totals,
// the as-of date and the bulletin's own quantities.
import type { Stage } from './index.js';
import type { Doc, Piece } from '../doc.js';
import type { Issue } from '../record.js';
import { readIssue } from '../../extractors/issue.js';
import { readStatus } from '../../extractors/status.js';
import { citedDocuments } from '../../extractors/documents.js';
import { extract as extractQuantities } from '../../extractors/quantities.js';
import { tagThemes } from '../../extractors/themes.js';
import { checkOf } from '../../extractors/reconcile.js';
import { decisionId } from '../vocabulary.js';

/** Pieces of text outside every issue. */
export function outside(text: string, spans: Array<[number, number]>): Piece[] {
  const out: Piece[] = [];
  let pos = 0;
  for (const [s, e] of [...spans].sort((a, b) => a[0] - b[0])) {
    if (s > pos) out.push({ text: text.slice(pos, s), start: pos });
    pos = Math.max(pos, e);
  }
  if (pos < text.length) out.push({ text: text.slice(pos), start: pos });
  return out;
}

/** A figure too long to be a number is no quantity: a warning on the document, not a failure. */
const notANumber = (doc: Doc) => (text: string, span: [number, number]) => {
  const c = checkOf('not_a_number');
  doc.message({ ruleId: c.id, stage: 'issues', severity: 'warning', code: c.code, message: `a figure of ${text.length} characters is not a number: left out of the quantities`, span });
};

export function buildIssues(doc: Doc): Issue[] {
  const seg = doc.structure!;
  const issues: Issue[] = [];
  for (const b of seg.problems) {
    const paras = doc.paragraphs.slice(b.first, b.last + 1);
    const span: [number, number] = [paras[0]!.start, paras[paras.length - 1]!.end];
    const parts = readIssue(paras, b.headStart, doc.text, { wholeHead: b.numbering === decisionId('reader_heading') });
    if (!parts.problem) {
      doc.message({ ruleId: b.rule, stage: 'issues', severity: 'warning', code: 'problem_text_missing', message: `problem ${b.number}: no problem text found`, span });
    }
    const st = readStatus(parts);
    const category = seg.categories.find((c) => c.ordinal === b.category)?.title ?? null;
    const at = st.phrase ? doc.text.indexOf(st.phrase, span[0]) : -1;
    doc.decide('issues', 'status', st.rule ?? 'status.none', at >= 0 && at < span[1] ? [at, at + st.phrase!.length] : span, `problem ${b.number}: ${st.status}${st.phrase ? ` (${st.phrase})` : ''}`, b.number);
    issues.push({
      number: b.number,
      category: b.category,
      problem: parts.problem || doc.text.slice(b.headStart, paras[0]!.end),
      measures: parts.measures,
      outcome: parts.outcome,
      notes: parts.notes,
      status: st.status,
      status_phrase: st.phrase,
      status_rule: st.rule,
      documents: citedDocuments(doc.text.slice(span[0], span[1])),
      themes: tagThemes(parts.problem, { category, measures: parts.measures }),
      quantities: extractQuantities(doc.text, span[0], span[1], notANumber(doc)),
      span,
      rule: b.rule,
      label: b.label,
      numbering_rule: b.numbering,
    });
  }
  return issues;
}

export const issuesStage: Stage = {
  name: 'issues',
  run(doc) {
    doc.issues = buildIssues(doc);
    doc.outside = outside(doc.text, doc.issues.map((i) => i.span));
    doc.quantities = doc.outside.flatMap((p) => extractQuantities(doc.text, p.start, p.start + p.text.length, notANumber(doc)));
  },
};
