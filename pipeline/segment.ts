// Segmentation: paragraphs → title block, opening, parts (organizational vs problems),
// categories, problem blocks, closing. Only structure here; reading the inside of a
// problem block (measures, outcome, status) is extractors/issue.ts.
import { loadRules } from './rules.js';
import { rx, type RegexRule } from './rules.js';
import { parseChineseNumeral } from '../extractors/numerals.js';
import { pattern as totalsPattern } from '../extractors/totals.js';
import { isStatusValue } from '../extractors/status.js';
import type { Doc, Paragraph } from './doc.js';

interface StructureRules {
  headings: Array<RegexRule & { level: number }>;
  labels: Record<'problem' | 'measures' | 'status' | 'deadline', RegexRule>;
  series: RegexRule;
  outcome: RegexRule;
  category: RegexRule;
  category_label: RegexRule;
  problem_about: RegexRule;
  problem_tail: RegexRule;
  org_part: RegexRule;
  problem_part: RegexRule;
  closing: RegexRule;
  closing_contact: RegexRule;
  opening_team: RegexRule;
  run_in_measures: RegexRule;
  signature: RegexRule;
  work_heading: RegexRule;
  bracket_status: RegexRule;
  opening: RegexRule;
  title_line: RegexRule;
  front_noise: RegexRule;
}
export const structureRules = () => loadRules<StructureRules>('structure.json');

export interface Heading {
  para: number;
  level: number;
  ordinal: number;
  /** offset in text where the heading's words start (after the marker) */
  bodyStart: number;
  body: string;
  rule: string;
}

export interface CategoryBlock {
  ordinal: number;
  title: string;
  para: number;
  rule: string;
}

export interface ProblemBlock {
  number: number;
  category: number | null;
  /** paragraph indexes [first, last] */
  first: number;
  last: number;
  /** where the problem's own words start (after numbering / 问题：) */
  headStart: number;
  rule: string;
}

export interface Segmentation {
  title: Paragraph[];
  opening: Paragraph[];
  /** first paragraph of the closing (contact, 欢迎…监督), or paragraphs.length */
  closing: number;
  categories: CategoryBlock[];
  problems: ProblemBlock[];
  /** paragraph indexes of organizational/other parts (their numbered points are not problems) */
  orgParas: Set<number>;
}

const cnOrdinal = (s: string): number => (/^\d+$/.test(s) ? Number(s) : s.length === 1 && '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳'.includes(s) ? '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳'.indexOf(s) + 1 : parseChineseNumeral(s) ?? 0);

export function headingOf(p: Paragraph, index: number): Heading | null {
  for (const h of structureRules().headings) {
    const m = rx(h).exec(p.text);
    if (m) {
      const body = p.text.slice(m[0].length);
      if (!body) return null;
      return { para: index, level: h.level, ordinal: cnOrdinal(m[1]!), bodyStart: p.start + m[0].length, body, rule: h.id };
    }
  }
  return null;
}

/** A heading that names a category rather than a problem: （一）“X”方面, 一、在X方面, 反馈问题：X */
export function categoryTitle(body: string): string | null {
  const r = structureRules();
  const t = body.replace(/[。：:]$/, '').trim();
  const lab = rx(r.category_label).exec(t);
  if (lab) return stripQuotes(lab[1]!);
  // a run-in heading is read by its first sentence: （一）关于X方面。一是… is a theme, not a problem
  const first = t.split(/[。：:](?=.)/)[0]!;
  const m = rx(r.category).exec(t) ?? (first !== t ? rx(r.category).exec(first) : null);
  if (!m) return null;
  // "（一）关于“X”问题" is a problem, not a category; a category names an aspect (方面)
  return stripQuotes(m[1]!.replace(/^在/, '').trim());
}

/** A problem-group heading used as a category: 关于“X”问题的整改 → X */
function groupTitle(body: string): string {
  const t = body.replace(/^关于\s*/, '').replace(/(?:的|等)?(?:方面)?(?:问题)?(?:的?整改(?:情况|落实情况)?)?[。：:]?$/, '');
  return stripQuotes(t) || body;
}

export function stripQuotes(s: string): string {
  let t = s.trim();
  const pairs: Array<[string, string]> = [['“', '”'], ['‘', '’'], ['"', '"'], ['「', '」']];
  for (const [o, c] of pairs) {
    if (t.startsWith(o) && t.endsWith(c) && t.length >= 2) {
      const inner = t.slice(1, -1);
      // only strip if the outer pair really encloses the whole (no unbalanced inner close first)
      if (balanced(inner, o, c)) t = inner.trim();
    }
  }
  return t;
}

function balanced(s: string, o: string, c: string): boolean {
  if (o === c) return true;
  let d = 0;
  for (const ch of s) {
    if (ch === o) d++;
    else if (ch === c && --d < 0) return false;
  }
  return true;
}

/** 整改进展：已完成。 / 整改状态：阶段性完成 — a status field line (its label also reads as a measures label). */
function isStatusLine(t: string): boolean {
  const m = rx(structureRules().labels.status).exec(t);
  if (!m || m.index !== 0) return false;
  return isStatusValue(m[1]!.trim());
}

function looksLikeProblemHead(h: Heading, next: Paragraph | undefined): boolean {
  const r = structureRules();
  if (categoryTitle(h.body)) return false;
  if (rx(r.problem_about).test(h.body)) return true;
  if (rx(r.labels.problem).test(h.body)) return true;
  // followed by its measures (整改情况：… / 一是…); a status line after the last measure of a
  // numbered list (2.举办培训班… ⏎ 整改进展：已完成) is not that
  if (next && ((rx(r.labels.measures).test(next.text) && !isStatusLine(next.text)) || /^[一1]是/.test(next.text))) return true;
  return rx(r.run_in_measures).test(h.body);
}

// segment() runs in stages, each a function of its own: a document's structure is read once
// per document, and small functions are also what the JIT compiles (and recompiles) cheaply.

/** Where the body starts and ends: title block, opening paragraphs, closing. */
interface Frame { title: Paragraph[]; opening: Paragraph[]; bodyStart: number; closing: number }

function findFrame(paras: Paragraph[], headings: Array<Heading | null>, r: StructureRules): Frame {
  const n = paras.length;
  // --- opening: the first paragraph that reads like one (根据…部署，…巡察组…) within the first lines
  let opening = -1;
  for (let i = 0; i < Math.min(n, 15); i++) {
    const t = paras[i]!.text;
    if (rx(r.front_noise).test(t)) continue;
    if ((rx(r.opening).test(t) && /巡[视察]/.test(t)) || rx(r.opening_team).test(t)) {
      opening = i;
      break;
    }
  }
  if (opening < 0) {
    // no opening sentence: the body starts at the first heading or the first long paragraph
    opening = headings.findIndex((h) => h !== null);
    if (opening < 0) opening = Math.min(n, paras.findIndex((p) => p.text.length > 60));
    if (opening < 0) opening = 0;
  }
  const title = paras.slice(0, opening).filter((p) => !rx(r.front_noise).test(p.text));
  let bodyStart = opening;
  while (bodyStart < n && headings[bodyStart] === null && bodyStart < opening + 3 && !rx(r.labels.problem).test(paras[bodyStart]!.text)) bodyStart++;

  // --- closing: from the last heading on, the first paragraph that reads like a closing
  let lastHead = -1;
  for (let i = n - 1; i >= 0; i--) if (headings[i]) { lastHead = i; break; }
  let closing = n;
  for (let i = Math.max(bodyStart, lastHead + 1); i < n; i++) {
    const t = paras[i]!.text;
    if (rx(r.closing).test(t) || (rx(r.closing_contact).test(t) && t.length < 200)) { closing = i; break; }
  }
  // trailing signature lines (issuer name, date) also close the document
  while (closing > bodyStart + 1 && closing - 1 > lastHead) {
    const t = paras[closing - 1]!.text;
    if (rx(r.signature).test(t)) closing--;
    else break;
  }
  return { title, opening: paras.slice(opening, bodyStart), bodyStart, closing };
}

type PartKind = 'org' | 'problems' | 'unknown';

/** Level-1 headings as parts (organizational or holding the problems), or as the problems themselves. */
interface Parts {
  level1: Heading[];
  /** part index of each paragraph (-1: none) */
  partOf: number[];
  partKind: PartKind[];
  l1AreParts: boolean;
  /** paragraphs of organizational/other parts */
  orgParas: Set<number>;
  inProblemScope: (i: number) => boolean;
  /** lowest heading level that can hold problems */
  minLevel: number;
}

function findParts(paras: Paragraph[], headings: Array<Heading | null>, f: Frame, r: StructureRules): Parts {
  const n = paras.length;
  const { bodyStart, closing } = f;
  const level1 = headings.filter((h, i): h is Heading => !!h && h.level === 1 && i >= bodyStart && i < closing);
  const partOf = new Array<number>(n).fill(-1);
  const partKind: PartKind[] = [];
  // Level-1 headings are parts (一、组织整改情况 / 二、问题整改情况) unless they are the problems
  // (一、关于“X”的问题) or the categories themselves. Mixed (一、整改工作情况 then 二、关于“X”的问题 …):
  // the problem-like ones are problems and the others organizational sections.
  const l1Problems = level1.filter((h) => looksLikeProblemHead(h, paras[h.para + 1]));
  const deeperCandidates = headings.filter((h, i) => h && h.level > 1 && i >= bodyStart && i < closing && looksLikeProblemHead(h, paras[i + 1])).length;
  const l1AreProblems = l1Problems.length >= 2 && l1Problems.length >= deeperCandidates;
  const l1AreParts = !l1AreProblems && level1.length > 0 && level1.some((h) => !categoryTitle(h.body) && !rx(r.problem_about).test(h.body));
  if (l1AreParts) {
    level1.forEach((h, k) => {
      const end = k + 1 < level1.length ? level1[k + 1]!.para : closing;
      for (let i = h.para; i < end; i++) partOf[i] = k;
      const b = h.body;
      // a part's title decides only when it is explicit (反馈问题…, 下一步工作打算); otherwise what
      // is in it does: a part with problem-like headings holds problems (二、党的思想建设 is not
      // organizational because it says 思想)
      partKind.push(rx(r.problem_part).test(b) ? 'problems' : rx(r.org_part).test(b) ? 'org' : 'unknown');
    });
  }
  const orgParas = new Set<number>();
  if (l1AreProblems) {
    level1.forEach((h, k) => {
      if (l1Problems.includes(h)) return;
      const end = k + 1 < level1.length ? level1[k + 1]!.para : closing;
      for (let i = h.para; i < end; i++) orgParas.add(i);
    });
  }
  const inProblemScope = (i: number) => i >= bodyStart && i < closing && !orgParas.has(i) && (!l1AreParts || (partOf[i]! >= 0 && partKind[partOf[i]!] !== 'org'));
  const minLevel = l1AreParts ? 2 : 1;
  // unknown parts with no problem-like heading or label at all are organizational too, unless
  // the part is named as an area of problems (一、X方面存在的问题) and has numbered items
  if (l1AreParts) {
    partKind.forEach((k, idx) => {
      if (k !== 'unknown') return;
      const has = headings.some((h, i) => h && partOf[i] === idx && h.level >= minLevel && looksLikeProblemHead(h, paras[i + 1]));
      const labelled = paras.some((p, i) => partOf[i] === idx && rx(r.labels.problem).test(p.text));
      const area = categoryTitle(level1[idx]!.body) !== null && headings.some((h, i) => h && partOf[i] === idx && h.level >= minLevel);
      partKind[idx] = has || labelled || area ? 'problems' : 'org';
    });
    for (let i = 0; i < n; i++) if (partOf[i]! >= 0 && partKind[partOf[i]!] === 'org') orgParas.add(i);
  }
  return { level1, partOf, partKind, l1AreParts, orgParas, inProblemScope, minLevel };
}

/** The heading level the problems are at (0: none, the problems are labelled blocks) and whether it is certain. */
function findProblemLevel(paras: Paragraph[], headings: Array<Heading | null>, f: Frame, parts: Parts, r: StructureRules): { level: number; strict: boolean } {
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
  // Bare labels (1.X不够强) in a part that is declared to hold the problems
  if (!level && parts.l1AreParts && parts.partKind.includes('problems')) {
    const inScope = headings.filter((h, i): h is Heading => !!h && h.level >= 2 && parts.inProblemScope(i) && !categoryTitle(h.body));
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
  }
  return { level, strict: (cand.get(level) ?? 0) >= 2 };
}

/**
 * Does a paragraph in [from, to) start a list numbered in the style of heading rule `rule` at 1,
 * after an optional label (整改情况：（1）…)? Then later items of that style are the list's.
 */
function numberingRestarts(paras: Paragraph[], from: number, to: number, rule: string): boolean {
  const style = structureRules().headings.find((h) => h.id === rule);
  if (!style) return false;
  for (let i = from; i < to; i++) {
    const t = paras[i]!.text.replace(/^[^：:。]{1,10}[：:]\s*/, '');
    const m = rx(style).exec(t);
    if (m && cnOrdinal(m[1]!) === 1) return true;
  }
  return false;
}

/** Categories and problem blocks, in document order. */
function findBlocks(paras: Paragraph[], headings: Array<Heading | null>, f: Frame, parts: Parts, level: { level: number; strict: boolean }, r: StructureRules): { categories: CategoryBlock[]; problems: ProblemBlock[] } {
  const categories: CategoryBlock[] = [];
  const problems: ProblemBlock[] = [];
  const { partOf, partKind, l1AreParts, inProblemScope } = parts;
  const problemLevel = level.level;
  let currentCat: number | null = null;
  const problemLabel = rx(r.labels.problem);
  // since the last problem: an item of the problem level seen / a category heading seen
  let sameLevelSinceProblem = false;
  let categorySinceProblem = false;

  if (problemLevel) {
    for (let i = f.bodyStart; i < f.closing; i++) {
      const h = headings[i];
      if (!inProblemScope(i)) { if (h && h.level === 1) currentCat = null; continue; }
      if (!h) continue;
      if (h.level < problemLevel) {
        const title = categoryTitle(h.body);
        if (h.level === 1 && l1AreParts) {
          // a part that holds problems right under it, and whose title does not say it is
          // "the problems" (二、党的思想建设), names their category
          // (or that is worded as an area: 一、党的建设方面, a ledger's category row)
          const named = title !== null;
          const area = named || !rx(r.work_heading).test(h.body);
          if (partKind[partOf[i]!] === 'problems' && !rx(r.problem_part).test(h.body) && area && (named || problemLevel === 2)) {
            categories.push({ ordinal: h.ordinal, title: title ?? groupTitle(h.body), para: i, rule: h.rule });
            currentCat = h.ordinal;
          } else currentCat = null;
          categorySinceProblem = true;
          continue;
        }
        if (title !== null || h.level === problemLevel - 1) {
          categories.push({ ordinal: h.ordinal, title: title ?? groupTitle(h.body), para: i, rule: title !== null ? r.category.id : h.rule });
          currentCat = h.ordinal;
          categorySinceProblem = true;
        }
        continue;
      }
      if (h.level === problemLevel && !categoryTitle(h.body)) {
        // where the level has problem-like headings, items that are not (measures numbered like
        // problems: （1）关于X的问题 … （1）建立制度 （2）…) belong to the problem before them,
        // unless their number carries on the problems' own (4. after 3., with no item of this
        // level in between; 1. after a new category): 4.财务管理不规范。修订制度，… is a problem
        // whose one measure has no 一是
        const last = problems[problems.length - 1];
        const continues = last !== undefined && !sameLevelSinceProblem && (h.ordinal === last.number + 1 || (categorySinceProblem && h.ordinal === 1))
          && !numberingRestarts(paras, last.first + 1, i, h.rule);
        sameLevelSinceProblem = true;
        if (level.strict && last && !continues && !looksLikeProblemHead(h, paras[i + 1])) continue;
        const label = problemLabel.exec(h.body);
        problems.push({ number: h.ordinal, category: currentCat, first: i, last: i, headStart: h.bodyStart + (label ? label[0].length : 0), rule: h.rule });
        sameLevelSinceProblem = false;
        categorySinceProblem = false;
      }
    }
  } else {
    // 问题：X / 整改：… blocks without numbering
    for (let i = f.bodyStart; i < f.closing; i++) {
      if (!inProblemScope(i)) continue;
      const h = headings[i];
      if (h && h.level < 3) {
        const title = categoryTitle(h.body);
        if (title !== null) { categories.push({ ordinal: h.ordinal, title, para: i, rule: r.category.id }); currentCat = h.ordinal; }
      }
      const p = paras[i]!;
      const m = problemLabel.exec(h ? h.body : p.text);
      if (m) problems.push({ number: problems.length + 1, category: currentCat, first: i, last: i, headStart: (h ? h.bodyStart : p.start) + m[0].length, rule: r.labels.problem.id });
    }
  }
  return { categories, problems };
}

/**
 * Does the paragraph declare the bulletin's totals (巡察反馈的5个问题中，已完成整改4个…)? Such a
 * paragraph after the last problem, with no heading before it, is not part of that problem.
 */
const PROGRESS_KEYS = new Set(['completed', 'in_progress', 'not_completed', 'completion_rate']);
function declaresTotals(text: string): boolean {
  // most paragraphs name no count of problems: skip the rules for them
  if (!text.includes('问题') || !/[\d一二两三四五六七八九十]\s*(?:个|项|条)/.test(text)) return false;
  const hits = (keys: (k: string) => boolean) => totalsPattern().some(({ rule, re }) => {
    if (!keys(rule.key)) return false;
    re.lastIndex = 0;
    const hit = re.test(text);
    re.lastIndex = 0; // shared /g regexes: leave them as found
    return hit;
  });
  return hits((k) => k === 'problems') && hits((k) => PROGRESS_KEYS.has(k));
}

/** Each problem's last paragraph: up to the next problem, category, part heading, totals paragraph or the closing. */
function setExtents(problems: ProblemBlock[], categories: CategoryBlock[], level1: Heading[], headings: Array<Heading | null>, closing: number, problemLevel: number, paras: Paragraph[]): void {
  const stops = new Set<number>();
  for (const p of problems) stops.add(p.first);
  for (const c of categories) stops.add(c.para);
  for (const h of level1) stops.add(h.para);
  stops.add(closing);
  for (const p of problems) {
    let j = p.first + 1;
    while (j < closing && !stops.has(j)) {
      const h = headings[j];
      if (h && problemLevel && h.level < problemLevel) break;
      if (!h && declaresTotals(paras[j]!.text)) break;
      j++;
    }
    p.last = j - 1;
  }
}

export function segment(doc: Doc): Segmentation {
  const r = structureRules();
  const paras = doc.paragraphs;
  const headings = paras.map((p, i) => headingOf(p, i));
  const frame = findFrame(paras, headings, r);
  const parts = findParts(paras, headings, frame, r);
  const level = findProblemLevel(paras, headings, frame, parts, r);
  const { categories, problems } = findBlocks(paras, headings, frame, parts, level, r);
  setExtents(problems, categories, parts.level1, headings, frame.closing, level.level, paras);
  // numbering restarts per category (or unnumbered blocks): number in order so numbers stay unique
  const seen = new Set<number>();
  for (const p of problems) seen.add(p.number);
  if (seen.size !== problems.length) problems.forEach((p, k) => (p.number = k + 1));
  return { title: frame.title, opening: frame.opening, closing: frame.closing, categories, problems, orgParas: parts.orgParas };
}
