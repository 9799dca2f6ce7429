// One reading of the problem list: its categories and problem blocks, by the numbered level,
// by labelled blocks, or by one-line problems under category headings.
import { pattern, rx } from '../../core/rules.js';
import { structureRules, decisionId, saysStatus, stripQuotes, groupStatus } from '../../core/vocabulary.js';

import type { Paragraph } from '../../core/doc.js';
import { clip, cnOrdinal, spanOf, type CategoryBlock, type Frame, type Heading, type Layout, type ProblemBlock } from './model.js';
import type { Parts } from './frame.js';
import type { ProblemLevel } from './level.js';
import { headingOf, headingCategory, categoryTitle, problemReason, saysProblemsPart, partTitle, groupTitle, beforeMeasures } from './headings.js';

/**
 * Does a paragraph in [from, to) start a list numbered in the style of heading rule `rule` at 1,
 * after an optional label (整改情况：（1）…)? Then later items of that style are the list's.
 */
export function numberingRestarts(paras: Paragraph[], from: number, to: number, rule: string): boolean {
  const style = structureRules().headings.find((h) => h.id === rule);
  if (!style) return false;
  for (let i = from; i < to; i++) {
    const t = paras[i]!.text.replace(pattern('^[^{{p.colon}}{{p.full_stop}}]{1,10}[{{p.colon}}]\\s*'), '');
    const m = rx(style).exec(t);
    if (m && cnOrdinal((m[1] ?? m[2])!) === 1) return true;
  }
  return false;
}

/** Categories and problem blocks, in document order. */
/**
 * A short unnumbered line that states a problem: not a label, a measure series or a result, no
 * longer than a problem's one sentence, followed by its paragraphs, and coming right after a
 * heading, or after a paragraph that closed the previous problem (its status), or after a
 * paragraph at least twice as long (measures) when it does not end as a sentence does.
 */
export function oneLineProblem(L: Layout, i: number): boolean {
  const { paras, headings, r } = L;
  const p = paras[i]!;
  const next = paras[i + 1];
  if (!next || headings[i + 1] || p.text.length > 60 || p.text.length < 6) return false;
  if (rx(r.labels.measures).test(p.text) || rx(r.labels.status).test(p.text) || rx(r.labels.deadline).test(p.text)) return false;
  if (rx(r.outcome).test(p.text) || rx(r.note_start).test(p.text) || rx(r.series).exec(p.text)?.index === 0 || saysStatus(p.text)) return false;
  if (headings[i - 1]) return true;
  const prev = paras[i - 1];
  if (!prev) return false;
  return saysStatus(prev.text) || (prev.text.length >= 2 * p.text.length && !pattern('[{{p.full_stop}}{{p.semicolon}}]$').test(p.text));
}

/** A table's category column as the reader wrote it (问题类别：X): a category heading without numbering. */
export function cellCategory(L: Layout, i: number, ordinal: number): Heading | null {
  const p = L.paras[i]!;
  const m = rx(L.r.category_cell).exec(p.text);
  if (!m) return null;
  // its own numbering (四、X方面) gives the ordinal; its words are read like a heading's (X方面 → X)
  const start = p.start + m[0].length - m[1]!.length;
  const own = headingOf({ start, end: p.end, text: m[1]! }, i);
  const body = own?.body ?? m[1]!;
  const title = categoryTitle(body) ?? stripQuotes(body.replace(pattern('[{{p.full_stop}}{{p.colon}}]$'), ''));
  return { para: i, level: 2, ordinal: own?.ordinal || ordinal, bodyStart: own?.bodyStart ?? start, body: title, label: own?.label ?? '', rule: L.r.category_cell.id };
}

export type ReadingMode = 'numbered' | 'labelled' | 'lines';

/** What a reading builds as it walks the paragraphs: its categories and problems, and where it stands. */
class Blocks {
  categories: CategoryBlock[] = [];
  problems: ProblemBlock[] = [];
  currentCat: number | null = null;
  /** level of the current category when it names an aspect (方面): headings under it are groups */
  aspectLevel: number | null = null;
  // since the last problem: an item of the problem level seen / a category heading seen
  sameLevelSinceProblem = false;
  categorySinceProblem = false;
  constructor(private readonly L: Layout) {}

  /** `counted`: numbered by the categories before it, not by its printed number (a part after an organizational one) */
  addCategory(h: Heading, title: string, rule: string, aspect: boolean, counted = false): void {
    this.categories.push({ ordinal: h.unitLine || counted ? this.categories.length + 1 : h.ordinal, title, para: h.para, rule });
    this.currentCat = this.categories[this.categories.length - 1]!.ordinal;
    this.aspectLevel = aspect ? h.level : null;
    this.categorySinceProblem = true;
    this.L.doc.decide('segment', 'category', rule, spanOf(this.L, h.para), `category ${this.currentCat}: ${title}`, this.currentCat);
  }

  addProblem(i: number, h: Heading | null, headStart: number, rule: string, number: number): void {
    const { paras, doc, r } = this.L;
    // a mark no numbering rule read (A． ■ 1-1) is the problem's label, not its words
    const mk = headStart < paras[i]!.end ? rx(r.problem_marker).exec(doc.text.slice(headStart, paras[i]!.end)) : null;
    if (mk) doc.decide('segment', 'marker', r.problem_marker.id, [headStart, headStart + mk[0].length], `problem ${number}: marked ${mk[0].trim()}`);
    this.problems.push({ number, category: this.currentCat, first: i, last: i, headStart: headStart + (mk?.[0].length ?? 0), rule, numbering: h?.rule ?? null, label: h?.label || mk?.[0].trim() || null, ...(h?.tag ? { tag: h.tag } : {}) });
    this.sameLevelSinceProblem = false;
    this.categorySinceProblem = false;
  }
}

export function findBlocks(L: Layout, f: Frame, parts: Parts, level: ProblemLevel, mode: ReadingMode = level.level ? 'numbered' : 'labelled'): { categories: CategoryBlock[]; problems: ProblemBlock[] } {
  const b = new Blocks(L);
  if (mode === 'numbered') numberedBlocks(L, f, parts, level, b);
  else if (mode === 'lines') lineBlocks(L, f, parts, b);
  else labelledBlocks(L, f, parts, b);
  return { categories: b.categories, problems: b.problems };
}

/** Problems at the numbered level (per category where categories number differently), categories and groups above them. */
function numberedBlocks(L: Layout, f: Frame, parts: Parts, level: ProblemLevel, b: Blocks): void {
  const { paras, headings, r, doc } = L;
  const { partOf, partKind, l1AreParts, inProblemScope } = parts;
  const levelAt = (i: number) => level.at?.[i] || level.level;
  const problemLabel = rx(r.labels.problem);
  // the level right above the problems' (（一） over 1., and over （1） where no 1. is used)
  let parentLevel = 0;
  for (let i = f.bodyStart; i < f.closing; i++) {
    const h = headings[i];
    if (h && inProblemScope(i) && h.level < levelAt(i) && h.level > parentLevel && !(h.level === 1 && l1AreParts)) parentLevel = h.level;
  }
  for (let i = f.bodyStart; i < f.closing; i++) {
    const h = headings[i];
    if (!inProblemScope(i)) {
      if (h && h.level === 1) b.currentCat = null;
      continue;
    }
    if (!h) {
      const cc = cellCategory(L, i, b.categories.length + 1);
      if (cc) b.addCategory(cc, cc.body, cc.rule, false);
      continue;
    }
    if (h.level < levelAt(i)) {
      if (groupStatus(h.body)) { b.categorySinceProblem = true; continue; }
      const cat = headingCategory(h);
      const title = cat?.title ?? null;
      if (h.level === 1 && l1AreParts) {
        // a part that holds problems right under it, and whose title does not say it is
        // "the problems" (二、党的思想建设), names their category
        // (or that is worded as an area: 一、党的建设方面, a ledger's category row; or that names a unit: 一、黄陂镇党委 in a round's digest)
        const named = title !== null;
        const area = named || !rx(r.work_heading).test(h.body);
        const kind = rx(r.problem_kind).exec(h.body);
        if (parts.partCategories.has(partOf[i]!)) {
          b.addCategory(h, partTitle(h.body), decisionId('problem_parts'), false);
        } else if (kind && partKind[partOf[i]!] === 'problems') {
          // 一、共性问题整改情况: the kind of problems names their category
          b.addCategory(h, kind[0], r.problem_kind.id, false);
        } else if (partKind[partOf[i]!] === 'problems' && rx(r.count_tail).test(h.body) && !saysProblemsPart(h.body.replace(rx(r.count_tail), ''))) {
          // a group of problems with their count (一、由党委书记牵头整改的问题（共4个）): their category, by its words
          b.addCategory(h, title ?? stripQuotes(h.body.replace(rx(r.count_tail), '').trim()), r.count_tail.id, named);
        } else if (partKind[partOf[i]!] === 'problems' && !saysProblemsPart(h.body) && area && (named || levelAt(i) === 2 || rx(r.unit_line).test(h.body))) {
          b.addCategory(h, title ?? groupTitle(h.body), cat?.rule ?? decisionId('part_as_category'), named);
        } else { b.currentCat = null; b.aspectLevel = null; }
        b.categorySinceProblem = true;
        continue;
      }
      if (h.unitLine) { b.addCategory(h, h.body, h.rule, false); continue; }
      if (cat) { b.addCategory(h, cat.title, cat.rule, true); continue; }
      if (h.level === parentLevel) {
        // under an aspect category (（一）在X方面 → 1.关于X问题的整改 → （1）problems) this
        // level groups problems; otherwise it is their category
        if (b.aspectLevel !== null && b.aspectLevel < h.level) {
          b.categorySinceProblem = true;
          doc.decide('segment', 'group', decisionId('group'), spanOf(L, i), `group of problems: ${clip(groupTitle(h.body))}`);
        } else b.addCategory(h, rx(r.count_tail).test(h.body) ? stripQuotes(h.body.replace(rx(r.count_tail), '').trim()) : groupTitle(h.body), h.rule, false);
      }
      continue;
    }
    if (h.level === levelAt(i) && !headingCategory(h)) {
      // where the level has problem-like headings, items that are not (measures numbered like
      // problems: （1）关于X的问题 … （1）建立制度 （2）…) belong to the problem before them,
      // unless their number carries on the problems' own (4. after 3., with no item of this
      // level in between; 1. after a new category): 4.财务管理不规范。修订制度，… is a problem
      // whose one measure has no 一是
      const last = b.problems[b.problems.length - 1];
      const continues = last !== undefined && !b.sameLevelSinceProblem && (h.ordinal === last.number + 1 || (b.categorySinceProblem && h.ordinal === 1))
        && !numberingRestarts(paras, last.first + 1, i, h.rule);
      b.sameLevelSinceProblem = true;
      const reason = problemReason(h, paras[i + 1]);
      if (level.strict && last && !continues && !reason) continue;
      const label = problemLabel.exec(h.body);
      b.addProblem(i, h, h.bodyStart + (label ? label[0].length : 0), reason ?? (level.strict ? decisionId('numbered_item') : level.rule), h.ordinal);
    }
  }
}

/** One-line problems under category headings: a short unnumbered line after the heading or after the previous problem's measures and status. */
function lineBlocks(L: Layout, f: Frame, parts: Parts, b: Blocks): void {
  const { paras, headings } = L;
  const { inProblemScope } = parts;
  // one-line problems: under a category heading, a short unnumbered line after the heading or
  // after the previous problem's measures and status; the paragraphs after it are its own
  let seenCategory = false;
  for (let i = f.bodyStart; i < f.closing; i++) {
    if (!inProblemScope(i)) continue;
    const h = headings[i];
    if (h) {
      // a part heading (二、巡察反馈问题整改情况) is no category
      if (h.level === 1 && parts.l1AreParts) { b.currentCat = null; continue; }
      const cat = h.unitLine ? { title: h.body, rule: h.rule } : headingCategory(h) ?? (h.level <= 2 ? { title: groupTitle(h.body), rule: h.rule } : null);
      if (cat) { b.addCategory(h, cat.title, cat.rule, !h.unitLine); seenCategory = true; }
      continue;
    }
    const cc = cellCategory(L, i, b.categories.length + 1);
    if (cc) { b.addCategory(cc, cc.body, cc.rule, false); seenCategory = true; continue; }
    if (seenCategory && oneLineProblem(L, i)) b.addProblem(i, null, paras[i]!.start, decisionId('one_line'), b.problems.length + 1);
  }
}

/** Unnumbered blocks: 问题：X / 整改：…, one-sentence problems each followed by 整改情况：…, problems as a series or led by 针对…问题. */
function labelledBlocks(L: Layout, f: Frame, parts: Parts, b: Blocks): void {
  const { paras, headings, r } = L;
  const { inProblemScope, partOf } = parts;
  const problemLabel = rx(r.labels.problem);
  const problemNumbered = pattern('^(?:{{problem_word}})\\s*[\\d\u4e00\u4e8c\u4e09\u56db\u4e94\u516d\u4e03\u516b\u4e5d\u5341]{1,3}\\s*[{{p.colon}}]');
  // unnumbered blocks: 问题：X / 整改：…, or one-sentence problems each followed by 整改情况：…
  let inSeries = false;
  const leadParts = new Set(parts.level1.map((h) => partOf[h.para]!).filter((k) => k >= 0 && parts.partKind[k] === 'problems' && !saysProblemsPart(parts.level1[k]!.body)
    && paras.some((q, j) => partOf[j] === k && rx(r.problem_lead).test(q.text)) && !headings.some((x, j) => x && partOf[j] === k && x.level > 1)));
  for (let i = f.bodyStart; i < f.closing; i++) {
    if (!inProblemScope(i)) continue;
    const h = headings[i];
    if (h && h.level < 3) {
      // (a heading whose problems are listed right under it, 巡察发现的问题有：（1）…, names their category whatever its words)
      const listed = paras[i + 1] && rx(r.problem_list).test(paras[i + 1]!.text) ? { title: groupTitle(h.body), rule: r.problem_list.id } : null;
      // (and so does a heading under a part whose next paragraph is a problem labelled with its number, （一）X ⏎ 问题1：…)
      const labelledNext = !listed && h.level === 2 && paras[i + 1] && !headings[i + 1] && problemNumbered.test(paras[i + 1]!.text) ? { title: groupTitle(h.body), rule: r.labels.problem.id } : null;
      // (a part whose problems are paragraphs that name them, 巡视指出，X。…, with no heading under it, is their category;
      // not the one such part over them all, a news article's subhead over its list (对账销号 逐项晒出成绩单): one group of all is none)
      const leads = h.level === 1 && leadParts.size >= 2 && leadParts.has(partOf[i]!);
      const cat = h.unitLine ? { title: h.body, rule: h.rule } : h.level === 1 && parts.partCategories.has(partOf[i]!) ? { title: partTitle(h.body), rule: decisionId('problem_parts') } : headingCategory(h) ?? listed ?? labelledNext ?? (leads ? { title: stripQuotes(h.body.trim()), rule: decisionId('part_as_category') } : null);
      if (cat) b.addCategory(h, cat.title, cat.rule, !h.unitLine, cat.rule === decisionId('part_as_category'));
    }
    const cc = h ? null : cellCategory(L, i, b.categories.length + 1);
    if (cc) { b.addCategory(cc, cc.body, cc.rule, false); continue; }
    const p = paras[i]!;
    // a category's problems as a series (存在问题：一是X； ⏎ 二是Y； …): each item a problem, its marker no part of it
    const list = h ? null : rx(r.problem_list).exec(p.text);
    const marker = (t: string) => rx(r.series_marker).exec(t)?.[0].length ?? 0;
    if (list) { inSeries = true; b.addProblem(i, null, p.start + list[0].length + marker(p.text.slice(list[0].length)), r.problem_list.id, b.problems.length + 1); continue; }
    if (inSeries && (!h || h.level >= 3) && marker(p.text)) { b.addProblem(i, null, p.start + marker(p.text), r.problem_list.id, b.problems.length + 1); continue; }
    // (items with no marker, each closed by its status in brackets: A（已完成）； ⏎ B（持续推进）；)
    if (inSeries && !h && rx(r.bracket_status_tail).test(p.text)) { b.addProblem(i, null, p.start, r.problem_list.id, b.problems.length + 1); continue; }
    inSeries = false;
    // a line that only labels the problem after it (第1个问题 ⏎ 问题：X): the problem starts at the label, its words on the next line
    const next = paras[i + 1];
    if (!h && next && i + 1 < f.closing && !headings[i + 1] && rx(r.problem_label_line).test(p.text)) {
      const nl = problemLabel.exec(next.text);
      b.addProblem(i, null, next.start + (nl?.[0].length ?? 0), r.problem_label_line.id, b.problems.length + 1);
      b.problems[b.problems.length - 1]!.label = p.text.trim();
      i++;
      continue;
    }
    const m = problemLabel.exec(h ? h.body : p.text);
    if (m) b.addProblem(i, h ?? null, (h ? h.bodyStart : p.start) + m[0].length, r.labels.problem.id, b.problems.length + 1);
    else if (beforeMeasures(L, i)) b.addProblem(i, null, p.start, decisionId('before_measures'), b.problems.length + 1);
    else if (!h && paras[i + 1] && !headings[i + 1] && rx(r.problem_about_line).test(p.text)) b.addProblem(i, null, p.start, r.problem_about_line.id, b.problems.length + 1);
    else if (!h && rx(r.problem_lead).test(p.text)) {
      // a series of problems (一是针对“X”问题，… 二是针对…): the marker is no part of the problem; such an item
      // is a problem only where problems are so listed, not as a measure under a problem of another kind
      const marker = rx(r.lead_marker).exec(p.text);
      const last = b.problems[b.problems.length - 1];
      if (!marker || !last || last.category !== b.currentCat || last.rule === r.lead_marker.id) b.addProblem(i, null, p.start + (marker?.[0].length ?? 0), marker ? r.lead_marker.id : r.problem_lead.id, b.problems.length + 1);
    }
  }
}
