// Problems listed in one part and answered in a later part by their numbers alone (二、巡察反馈的问题
// 1.X 2.Y … ⏎ 三、整改落实情况 1.一是… 2.一是…): the later part's items, numbered as the problems
// are and as many, are their answers, each joined to the problem of its number. Read only where
// the problems carry no measures of their own (one line each) and the later part is one the
// problems are not in, its items numbered like the problems (the same numbering rule, 1 … N in order).
import { decisionId } from '../../core/vocabulary.js';
import { rx } from '../../core/rules.js';
import { parseChineseNumeral } from '../../core/numerals.js';
import { clip, type CategoryBlock, type Frame, type Layout, type ProblemBlock } from './model.js';

export function numberedAnswers(L: Layout, f: Frame, problems: ProblemBlock[], categories: CategoryBlock[] = []): void {
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
  if (problems.some((p, k) => p.number !== k + 1)) return;
  // the items: numbered by the problems' rule, or else labelled with their numbers (问题1：…, 问题二：…)
  const byRule: Array<{ para: number; n: number; at: number }> = [];
  for (let i = part + 1; i < stop; i++) if (headings[i]?.rule === rule) byRule.push({ para: i, n: headings[i]!.ordinal, at: headings[i]!.bodyStart });
  const items = byRule.length ? byRule : labelledItems(L, part + 1, stop);
  if (items.length !== problems.length || items.some((x, k) => x.n !== k + 1)) return;
  const id = decisionId('numbered_answers');
  const han = (t: string) => t.replace(/[^\u3400-\u9fff]/g, '');
  items.forEach((x, k) => {
    const next = k + 1 < items.length ? items[k + 1]!.para : stop;
    // (up to the next item, or a heading over items before it: （二）X方面)
    const cut = headings.findIndex((h, i) => i > x.para && i < next && !!h && h.level < 3);
    const last = (cut > 0 ? cut : next) - 1;
    const p = problems[k]!;
    // (an item that first states its problem again, 问题1：关于“X”问题。 ⏎ 整改情况：…, answers from the paragraph after)
    const own = han(L.doc.text.slice(p.headStart, paras[p.first]!.end)).slice(0, 6);
    const restates = last > x.para && own.length >= 4 && han(L.doc.text.slice(x.at, paras[x.para]!.end)).includes(own);
    const first = restates ? x.para + 1 : x.para;
    p.answer = { first, last, headStart: restates ? paras[first]!.start : x.at, rule: id };
    // (problems listed with no category take the one their answer is under: the list names none, the answers do)
    if (p.category === null) p.category = [...categories].reverse().find((c) => c.para < x.para && c.para > part)?.ordinal ?? null;
    doc.decide('segment', 'measures', id, [paras[first]!.start, paras[last]!.end], `answers problem ${p.number} by its number: ${clip(paras[x.para]!.text)}`, p.number);
  });
}

/** Paragraphs of [from, stop) labelled with a problem's number (问题1：…, 问题二：…), none a heading: each with its number and where its words start. */
function labelledItems(L: Layout, from: number, stop: number): Array<{ para: number; n: number; at: number }> {
  const label = rx(L.r.labels.problem);
  const out: Array<{ para: number; n: number; at: number }> = [];
  for (let i = from; i < stop; i++) {
    if (L.headings[i] && L.headings[i]!.level < 3) continue;
    const m = label.exec(L.paras[i]!.text);
    const n = labelNumber(m?.[0]);
    if (m && n !== null) out.push({ para: i, n, at: L.paras[i]!.start + m[0].length });
  }
  return out;
}

/** The number a problem's label gives (问题1： → 1, 问题十二： → 12), or null. */
export function labelNumber(label: string | undefined): number | null {
  const num = label?.match(/[\d\u4e00\u4e8c\u4e09\u56db\u4e94\u516d\u4e03\u516b\u4e5d\u5341]{1,3}/)?.[0];
  if (!num) return null;
  return /^\d+$/.test(num) ? Number(num) : parseChineseNumeral(num);
}
