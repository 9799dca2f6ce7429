// Lines a plain text sets apart by a mark and not by a number (core/blocks.ts markedLine: 【X方面】,
// ■ X方面, ◆ 党的政治建设): which of them are headings. The form alone does not say: a status tag
// (【已完成】), a label (【问题】), a bulleted measure (● 建立台账) or a bulleted problem (★ X不到位 over
// its measures) look the same. A marked line is a heading where it names an area (X方面, or the words
// of one: rules/marks.json area_name) or problems follow it, and never where its own measures or
// status follow it or the lines beside it carry the same mark (a list).
import { loadRules, rx, type RegexRule } from '../../core/rules.js';
import { markedLine } from '../../core/blocks.js';
import { isStatusLine, statusOnly } from '../../core/vocabulary.js';
import { categoryTitle, headingCategory, looksLikeProblemHead } from './headings.js';
import type { Frame, Layout } from './model.js';

const areaName = () => rx(loadRules<{ area_name: RegexRule }>('marks.json').area_name);

/** Is paragraph k led by the same mark (a symbol) or wholly in the same brackets: 'line' where it is a marked line itself, 'lead' where a sentence follows the mark. */
function sameMark(L: Layout, k: number, mark: string): 'line' | 'lead' | null {
  const t = L.paras[k]?.text.trim();
  if (!t) return null;
  if (markedLine(t)?.mark === mark) return 'line';
  return mark.length === 1 && t.startsWith(mark) ? 'lead' : null;
}

/**
 * The words of marked paragraph i when it is a heading, and where they start in the text; null when
 * it is not one. `mark`: the mark the reader saw (normalization may have rewritten the line since: a
 * bracketed label 【整改措施】 reads 整改措施：).
 */
export function markedHeading(L: Layout, f: Frame, i: number, mark: string): { words: string; start: number } | null {
  const { paras, headings, r } = L;
  const p = paras[i]!;
  const m = markedLine(p.text);
  if (!m || m.mark !== mark) return null;
  const { words } = m;
  const labels = [r.labels.measures, r.labels.problem, r.labels.status, r.labels.deadline, r.labels.cause];
  if (labels.some((x) => rx(x).test(words) || rx(x).test(p.text)) || statusOnly(words) || isStatusLine(words)) return null;
  // a list: the line before or after is marked alike (headings have what they head between them); where it is a sentence
  // after the mark, only a line naming an area (X方面) heads it (■ X方面 ⏎ ■ problem。 …)
  const area = categoryTitle(words) !== null;
  const beside = [i > f.bodyStart ? sameMark(L, i - 1, mark) : null, sameMark(L, i + 1, mark)];
  if (beside.includes('line') || (!area && beside.includes('lead'))) return null;
  const next = i + 1 < f.closing ? paras[i + 1] : undefined;
  if (!next) return null;
  // what follows: a problem (a numbered one that reads as a problem, or a category heading; 问题：/巡察指出：, 关于X的问题 …)
  const head = headings[i + 1];
  const problemsFollow = head ? looksLikeProblemHead(head, paras[i + 2]) || headingCategory(head) !== null
    : [r.labels.problem, r.problem_lead, r.problem_about_line, r.category_count].some((x) => rx(x).test(next.text));
  // or its own measures or status: a problem (or a measure) with a bullet; never a line naming its area (X方面), whose
  // problems may be a series (第一，X …)
  if (!problemsFollow && !area && (rx(r.labels.measures).test(next.text) || rx(r.series_first_any).test(next.text) || statusOnly(next.text) || isStatusLine(next.text))) return null;
  // (a bullet in front of what follows: under X方面, bulleted problems; under anything else, its bulleted measures)
  if (!area && !head && rx(r.bullet).test(next.text)) return null;
  if (!area && !areaName().test(words) && !problemsFollow) return null;
  const at = p.text.indexOf(words);
  return { words, start: p.start + (at >= 0 ? at : 0) };
}

/**
 * The marked lines of the body that are headings (paragraphs not in `skip`, numbered or already
 * taken), each with its rank (stages/segment/passes.ts readerHeadings): one rank per mark, in the
 * order the marks first appear, from `from` on. Read from the text: the reader's marked blocks
 * (core/blocks.ts textBlocks) and the lines a run-on text was cut into at a mark alike.
 */
export function markedHeadings(L: Layout, f: Frame, skip: (i: number) => boolean, from: number): Array<{ para: number; rank: number; words: { words: string; start: number } }> {
  const ranks = new Map<string, number>();
  const out: Array<{ para: number; rank: number; words: { words: string; start: number } }> = [];
  for (let i = f.bodyStart; i < f.closing; i++) {
    if (skip(i)) continue;
    const m = markedLine(L.paras[i]!.text);
    if (!m) continue;
    if (!ranks.has(m.mark)) ranks.set(m.mark, from + ranks.size);
    const words = markedHeading(L, f, i, m.mark);
    if (words) out.push({ para: i, rank: ranks.get(m.mark)!, words });
  }
  return out;
}
