// Each problem block's last paragraph: up to the next problem, category, part heading, a totals
// statement, an answer by number, or the bulletin's conclusion.
import { pattern, rx } from '../../core/rules.js';
import { pattern as totalsPattern } from '../totals/totals.js';
import { structureRules, groupStatus, phraseStatus } from '../../core/vocabulary.js';
import { type CategoryBlock, type Heading, type Layout, type ProblemBlock } from './model.js';
import { listsOf } from '../../core/blocks.js';

/**
 * Does the paragraph declare the bulletin's totals (巡察反馈的5个问题中，已完成整改4个…)? Such a
 * paragraph after the last problem, with no heading before it, is not part of that problem.
 */
const PROGRESS_KEYS = new Set(['completed', 'in_progress', 'not_completed', 'completion_rate']);
export function declaresTotals(text: string): boolean {
  // a table's totals row as a line (合计 共14个问题 已完成11个 …: rules/structure.json totals_row)
  if (rx(structureRules().totals_row).test(text)) return true;
  // most paragraphs name no count of problems: skip the rules for them
  if (!pattern('{{problem_word}}').test(text) || !pattern('[\\d{{n.ordinal}}]\\s*(?:{{count_classifier}})').test(text)) return false;
  // a paragraph under a measure or status label (整改情况：对上轮反馈的38个问题…已全部整改到位) is the problem's own
  if (pattern('^\\s*(?:{{measure_label}}|{{status_label}})\\s*[{{p.colon}}]').test(text)) return false;
  // or under a result label, or opening with what came of it (整改成效：审计指出的9个问题已全部整改销号)
  if (rx(structureRules().outcome).exec(text)?.index === 0) return false;
  // nor one that opens with a measure of a series (一是对…指出的6个问题逐项整改；二是…)
  const series = rx(structureRules().series).exec(text);
  if (series && series.index === 0) return false;
  const hits = (keys: (k: string) => boolean) => totalsPattern().some(({ rule, re }) => {
    if (!keys(rule.key)) return false;
    re.lastIndex = 0;
    const hit = re.test(text);
    re.lastIndex = 0; // shared /g regexes: leave them as found
    return hit;
  });
  if (hits((k) => k === 'problems') && hits((k) => PROGRESS_KEYS.has(k))) return true;
  // the problems' progress by status, two figures at least (上述问题中已完成整改9个，取得阶段性成效2个…)
  return [...PROGRESS_KEYS].filter((key) => hits((k) => k === key)).length >= 2;
}

/** Each problem's last paragraph: up to the next problem, category, part heading, totals paragraph or the closing. */
/** Does a paragraph give a problem a status by its name (a status-by-name clause whose words read as a status)? */
function groupStatusIn(text: string): boolean {
  for (const m of text.matchAll(rx(structureRules().status_by_name, 'g'))) if (groupStatus(`${m[2]!.trim()}的问题`) ?? phraseStatus(m[2]!)) return true;
  return false;
}

export function setExtents(L: Layout, problems: ProblemBlock[], categories: CategoryBlock[], level1: Heading[], closing: number, problemLevel: number, levelAt?: number[]): void {
  const { headings, paras } = L;
  const stops = new Set<number>();
  for (const p of problems) stops.add(p.first);
  for (const c of categories) stops.add(c.para);
  for (const h of level1) stops.add(h.para);
  stops.add(closing);
  const lists = listsOf(L.doc.blocks, paras.length);
  for (const p of problems) {
    let j = p.first + 1;
    while (j < closing && !stops.has(j)) {
      const h = headings[j];
      const lv = levelAt?.[p.first] || problemLevel;
      if (h && lv && h.level < lv) break;
      // the next item of a list the problem's paragraphs are in (its <ul> of measures) is the problem's, whatever figures it gives
      if (!h && lists[j] !== null && lists[j] === lists[j - 1]) { j++; continue; }
      // an answer to a problem by its number (对第一个问题，…) is that problem's, whatever figures it gives
      if (!h && rx(L.r.problem_ref).test(paras[j]!.text)) break;
      if (!h && declaresTotals(paras[j]!.text)) {
        p.endedByTotals = j;
        break;
      }
      // a question of a press Q&A (问：…) starts another exchange
      if (!h && rx(L.r.qa_question).test(paras[j]!.text)) break;
      // statuses given by the problems' names (关于X的问题已取得阶段性成效；…) are no problem's own words
      if (!h && rx(L.r.status_by_name).test(paras[j]!.text) && groupStatusIn(paras[j]!.text)) break;
      // one answer to the problems listed before it (针对上述问题，…) is theirs together, not the last one's
      if (!h && rx(L.r.shared_answer).test(paras[j]!.text)) break;
      // an answer to a problem by its number in the category (针对问题二，…) is that problem's, not this one's
      if (!h && rx(L.r.answer_item).test(paras[j]!.text)) break;
      // the statuses by number (第1、2个问题已完成整改, after any problem: a part's roll), or the bulletin's conclusion (局党组将持续…) after the last problem
      if (!h && (rx(L.r.status_roll).test(paras[j]!.text) || (p === problems[problems.length - 1] && rx(L.r.conclusion).test(paras[j]!.text)))) break;
      j++;
    }
    p.last = j - 1;
    // a photo's caption after the problem's words (▲…（资料图）) stands between problems: none of this one's
    while (p.last > p.first && rx(L.r.photo_caption).test(paras[p.last]!.text)) p.last--;
  }
}
