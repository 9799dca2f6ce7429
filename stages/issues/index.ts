// Stage 4, issues: each problem block → an issue (problem, measures, outcome, notes, status,
// cited documents, themes, quantities); the text outside every issue is kept for the totals,
// the as-of date and the bulletin's own quantities.
import type { Stage } from '../stage.js';
import type { Doc, Piece } from '../../core/doc.js';
import type { Issue } from '../../core/record.js';
import { readIssue } from './issue.js';
import { readStatus } from './status.js';
import { citedDocuments } from './documents.js';
import { extract as extractQuantities } from './quantities.js';
import { tagThemes } from './themes.js';
import { checkOf } from '../../core/checks.js';
import { decisionId, structureRules } from '../../core/vocabulary.js';
import { rx } from '../../core/rules.js';
import { listsOf } from '../../core/blocks.js';
import { legendOf, problemMark } from './legend.js';

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
  const lists = listsOf(doc.blocks, doc.paragraphs.length);
  // (marks a legend explains: ★ 已完成整改, ☆ 正在整改 …)
  const legend = legendOf(doc.paragraphs);
  for (const b of seg.problems) {
    // (a legend after the list's last problem, 说明：★为已完成…, ends it: no words of that problem)
    const own = doc.paragraphs.slice(b.first, legend && legend.para > b.first && legend.para <= b.last ? legend.para : b.last + 1);
    const stated: [number, number] = [own[0]!.start, own[own.length - 1]!.end];
    // answered elsewhere by its number (针对第N个问题：…): the answer's paragraphs are its measures (answer_span)
    const answer = b.answer ? doc.paragraphs.slice(b.answer.first, b.answer.last + 1).map((p, k) => (k === 0 ? { start: b.answer!.headStart, end: p.end, text: doc.text.slice(b.answer!.headStart, p.end) } : p)) : [];
    // (a photo's caption among its paragraphs, ▲…（资料图）, is none of its words)
    const kept = [...own, ...answer].map((p, k) => k === 0 || !rx(structureRules().photo_caption).test(p.text));
    const paras = [...own, ...answer].filter((_, k) => kept[k]);
    const answerSpan: [number, number] | null = answer.length ? [doc.paragraphs[b.answer!.first]!.start, answer[answer.length - 1]!.end] : null;
    const span = stated;
    // (the words may start a paragraph or two into the block: 第1个问题 ⏎ 问题：X)
    const headAt = paras.findIndex((p) => b.headStart >= p.start && b.headStart <= p.end);
    const paraLists = [...lists.slice(b.first, b.last + 1), ...answer.map(() => null)].filter((_, k) => kept[k]);
    const parts = readIssue(headAt > 0 ? paras.slice(headAt) : paras, b.headStart, doc.text, { wholeHead: b.numbering === decisionId('reader_heading'), statusTag: b.tag && b.tag.rule !== structureRules().mark_head.id ? b.tag.phrase : undefined, lists: headAt > 0 ? paraLists.slice(headAt) : paraLists, ...(answer.length ? { answerAt: paras.length - answer.filter((_, k) => kept[own.length + k]).length - Math.max(headAt, 0) } : {}) });
    if (!parts.problem) {
      doc.message({ ruleId: b.rule, stage: 'issues', severity: 'warning', code: 'problem_text_missing', message: `problem ${b.number}: no problem text found`, span });
    }
    // a heading over the problem's group states its status (三、需长期坚持的问题): that is the status
    // (a mark the legend explains before it, ★1.X: the mark says it)
    const mark = legend ? problemMark(b) : null;
    const marked = mark ? legend!.marks.get(mark) : undefined;
    const ownStatus = marked ? { status: marked.status, phrase: mark, rule: legend!.rule } : readStatus(parts);
    const st = b.group ? { status: b.group.status, phrase: b.group.phrase, rule: b.group.rule } : ownStatus;
    const category = seg.categories.find((c) => c.ordinal === b.category)?.title ?? null;
    // the status phrase's place, recorded here once (explain, serve and the record read this one): the
    // heading over its group, or the last time the phrase occurs in the problem (status is read from the tail)
    // (in its answer where it has one, else, a status in brackets by its words, A（已完成）, in its own statement)
    const inAnswer = answerSpan && st.phrase ? doc.text.slice(answerSpan[0], answerSpan[1]).includes(st.phrase) : false;
    const where = answerSpan && (inAnswer || !st.phrase) ? answerSpan : span;
    // (a status in brackets at the problem's head: there)
    const fixed = b.group?.span ?? (b.tag && st.phrase === b.tag.phrase ? b.tag.span : null);
    const at = fixed ? fixed[0] : st.phrase ? doc.text.slice(where[0], where[1]).lastIndexOf(st.phrase) + where[0] : -1;
    const found = fixed !== null || (st.phrase !== null && at >= where[0]);
    const statusSpan: [number, number] = fixed ?? (found ? [at, at + st.phrase!.length] : span);
    doc.decide('issues', 'status', st.rule ?? 'status.none', statusSpan, `problem ${b.number}: ${st.status}${st.phrase ? ` (${st.phrase})` : ''}${b.group ? ', from the heading over its group' : ''}`, b.number);
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
      status_span: found ? statusSpan : null,
      ...(answerSpan ? { answer_span: answerSpan } : {}),
      unit: seg.categories.find((c) => c.ordinal === b.category && c.unit)?.title ?? null,
      documents: citedDocuments(answerSpan ? doc.text.slice(span[0], span[1]) + '\n' + doc.text.slice(answerSpan[0], answerSpan[1]) : doc.text.slice(span[0], span[1])),
      themes: tagThemes(parts.problem, { category, measures: parts.measures }),
      // (an answer shared by several problems, 针对上述问题，…: its figures are the bulletin's, not counted again in each)
      quantities: [...extractQuantities(doc.text, span[0], span[1], notANumber(doc)), ...(answerSpan && !b.answer?.shared ? extractQuantities(doc.text, answerSpan[0], answerSpan[1], notANumber(doc)) : [])],
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
    // a problem answered elsewhere covers both where it is stated and its answer
    doc.outside = outside(doc.text, [...doc.issues.map((i) => i.span), ...doc.issues.flatMap((i) => (i.answer_span ? [i.answer_span] : []))]);
    // the bulletin's own figures: outside every issue, and in an answer several problems share (its figures counted once, here)
    const shared = [...new Map(doc.structure!.problems.filter((b) => b.answer?.shared).map((b) => [b.answer!.first, b.answer!] as const)).values()]
      .map((a) => ({ start: doc.paragraphs[a.first]!.start, end: doc.paragraphs[a.last]!.end }));
    doc.quantities = [...doc.outside.map((p) => ({ start: p.start, end: p.start + p.text.length })), ...shared].sort((a, b) => a.start - b.start)
      .flatMap((p) => extractQuantities(doc.text, p.start, p.end, notANumber(doc)));
  },
};
