// Which heading level holds the problems: the level with the most problem-like headings, or
// each category's own level where categories number their problems differently.
import { rx } from '../../core/rules.js';
import { decisionId } from '../../core/vocabulary.js';

import { type Frame, type Heading, type Layout } from './model.js';
import type { Parts } from './frame.js';
import { looksLikeProblemHead, headingCategory } from './headings.js';

/** The heading level the problems are at (0: none, the problems are labelled blocks) and whether it is certain. */
export interface ProblemLevel { level: number; strict: boolean; rule: string; /** per paragraph, where categories number their problems differently (一）(1)… 二）1．…) */ at?: number[] }

export function findProblemLevel(L: Layout, f: Frame, parts: Parts): ProblemLevel {
  const { paras, headings, r } = L;
  // candidates per level (a part settled as organizational in findParts had none to count)
  const cand = new Map<number, number>();
  for (let i = f.bodyStart; i < f.closing; i++) {
    const h = headings[i];
    if (!h || h.level < parts.minLevel || !parts.inProblemScope(i)) continue;
    if (looksLikeProblemHead(h, paras[i + 1])) cand.set(h.level, (cand.get(h.level) ?? 0) + 1);
  }
  let level = 0;
  let best = 0;
  for (const [lvl, c] of cand) if (c > best || (c === best && lvl > level)) { best = c; level = lvl; }
  let rule = level ? decisionId('problem_level') : decisionId('labelled_blocks');
  // Bare labels (1.X不够强) in a part that is declared to hold the problems, or under level-1
  // headings that are all aspects (一、党的政治建设方面存在的问题 ⏎ （一）X不够有力 ⏎ 1.… 2.…)
  const l1Aspects = parts.level1.length > 0 && parts.level1.every((h) => headingCategory(h) !== null);
  if (!level && ((parts.l1AreParts && parts.partKind.includes('problems')) || l1Aspects)) {
    const inScope = headings.filter((h, i): h is Heading => !!h && h.level >= 2 && !h.unitLine && parts.inProblemScope(i) && !headingCategory(h));
    const levels = [...new Set(inScope.map((h) => h.level))].filter((l) => inScope.filter((h) => h.level === l).length >= 2);
    // Two numbered levels (（一）学习贯彻不深入 ⏎ 1.制定计划… 2.举办培训… ⏎ 整改进展：已完成): the
    // problems are the level whose items each carry a status (整改进展：…) in their block; the
    // level under them is their measures. Otherwise the deepest (（一）党的建设 ⏎ 1.X不够强).
    const statusShare = (l: number) => {
      const items = inScope.filter((h) => h.level === l);
      const withStatus = items.filter((h) => {
        for (let i = h.para + 1; i < f.closing && !(headings[i] && headings[i]!.level <= l); i++) if (rx(r.labels.status).test(paras[i]!.text)) return true;
        return rx(r.labels.status).test(h.body);
      });
      return withStatus.length / items.length;
    };
    level = levels.length ? levels.reduce((best, l) => { const d = statusShare(l) - statusShare(best); return d > 0 || (d === 0 && l > best) ? l : best; }) : 0;
    if (level) rule = statusShare(level) > 0 ? decisionId('status_level') : decisionId('deepest_level');
  }
  if (level) L.doc.decide('segment', 'layout', rule, undefined, `problems are the headings of level ${level} (${best || 'no'} problem-like)`, level);
  return { level, strict: (cand.get(level) ?? 0) >= 2, rule };
}

/**
 * Categories that number their problems each in their own style (一）… (1)… ⏎ 二）… 1．…): per
 * paragraph, the shallowest heading level under the category it sits in (a region runs from a
 * heading of level 2 or above to the next). Offered only where two regions differ.
 */
export function perCategoryLevels(L: Layout, frame: Frame, parts: Parts): number[][] {
  const at = new Array<number>(L.paras.length).fill(0);
  const regions: Array<[number, number]> = [];
  let start = frame.bodyStart;
  for (let i = frame.bodyStart; i <= frame.closing; i++) {
    const h = L.headings[i];
    if (i === frame.closing || (h && h.level <= 2)) { if (i > start) regions.push([start, i]); start = i; }
  }
  const seen = new Set<number>();
  for (const [a, b] of regions) {
    let min = 0;
    for (let i = a + 1; i < b; i++) {
      const h = L.headings[i];
      if (h && !h.unitLine && h.level > 2 && parts.inProblemScope(i) && (!min || h.level < min)) min = h.level;
    }
    if (!min) continue;
    seen.add(min);
    for (let i = a; i < b; i++) at[i] = min;
  }
  return seen.size >= 2 ? [at] : [];
}
