// Problems listed in one part and answered in a later part by their numbers alone (二、巡察反馈的问题
// 1.X 2.Y … ⏎ 三、整改落实情况 1.一是… 2.一是…): the later part's items, numbered as the problems
// are and as many, are their answers, each joined to the problem of its number. Read only where
// the problems carry no measures of their own (one line each) and the later part is one the
// problems are not in, its items numbered like the problems (the same numbering rule, 1 … N in order).
import { decisionId } from '../../core/vocabulary.js';
import { clip, type Frame, type Layout, type ProblemBlock } from './model.js';

export function numberedAnswers(L: Layout, f: Frame, problems: ProblemBlock[]): void {
  if (problems.length < 2 || problems.some((p) => p.answer || p.last > p.first)) return;
  const { paras, headings, doc } = L;
  const rule = problems[0]!.numbering;
  if (!rule || problems.some((p) => p.numbering !== rule)) return;
  const after = problems[problems.length - 1]!.last + 1;
  // the next part after the problems (a level-1 heading), and its items numbered by the same rule
  const part = headings.findIndex((h, i) => i >= after && i < f.closing && h?.level === 1);
  if (part < 0) return;
  const end = headings.findIndex((h, i) => i > part && h?.level === 1);
  const stop = Math.min(end < 0 ? f.closing : end, f.closing);
  const items: number[] = [];
  for (let i = part + 1; i < stop; i++) if (headings[i]?.rule === rule) items.push(i);
  if (items.length !== problems.length || items.some((i, k) => headings[i]!.ordinal !== k + 1) || problems.some((p, k) => p.number !== k + 1)) return;
  const id = decisionId('numbered_answers');
  items.forEach((i, k) => {
    const last = (k + 1 < items.length ? items[k + 1]! : stop) - 1;
    const p = problems[k]!;
    p.answer = { first: i, last, headStart: headings[i]!.bodyStart, rule: id };
    doc.decide('segment', 'measures', id, [paras[i]!.start, paras[last]!.end], `answers problem ${p.number} by its number: ${clip(headings[i]!.body)}`, p.number);
  });
}
