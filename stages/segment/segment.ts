// Segmentation: paragraphs → title block, opening, parts (organizational vs problems),
// categories, problem blocks, closing. Only structure here; reading the inside of a
// problem block (measures, outcome, status) is stages/issues/issue.ts.
//
// It runs in steps that share one Layout (the Doc, its paragraphs and their headings) and
// add to it: frame → parts → problem level → blocks → extents. Every decision is traced on
// the Doc with the id of the rule that made it (rules/structure.json: regex rules, and
// `decisions` for what the layout logic decides), so `zhenggai explain` can say why a line
// became a title, a part, a category, a problem or an organizational point.
import { rx, expandRe } from '../../core/rules.js';
import { pattern as totalsPattern } from '../totals/totals.js';
import { structureRules, decisionId, isStatusLine, saysStatus, statusOnly, stripQuotes, groupStatus } from '../../core/vocabulary.js';
import { extractTotals } from '../totals/totals.js';
import { chooseAmong, type ReadingScore, type Evidence } from './readings.js';
import type { Doc, Paragraph } from '../../core/doc.js';
import { clip, cnOrdinal, spanOf, type CategoryBlock, type Frame, type Heading, type Layout, type ProblemBlock, type Segmentation } from './model.js';
import { linkAnswers, linkItemAnswers, readerHeadings, statusGroups, statusRoll, unitCategories } from './passes.js';

export { structureRules, stripQuotes };
export type { Heading, CategoryBlock, ProblemBlock, Segmentation } from './model.js';


/** Is an offset outside the parts that hold the problems (opening, organizational parts, closing)? */
export function frontOf(doc: Doc, seg: Segmentation): (offset: number) => boolean {
  const starts = doc.paragraphs.map((p) => p.start);
  return (off) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (starts[mid]! <= off) lo = mid; else hi = mid - 1; }
    return seg.front[lo] ?? true;
  };
}

/**
 * Per paragraph: before the first heading or labelled problem of the problem parts, or outside them and
 * in the closing. A part after the problems (下一步工作打算：对需长期坚持的1个问题…) restates figures for its
 * plans: it is read only for a key stated nowhere before.
 */
function frontParas(L: Layout, frame: Frame, parts: Parts): boolean[] {
  const label = rx(L.r.labels.problem);
  let first = L.paras.length;
  for (let i = frame.bodyStart; i < frame.closing; i++) {
    if (!parts.inProblemScope(i)) continue;
    const p = L.paras[i]!;
    if (L.headings[i] || label.test(p.text) || rx(L.r.category_cell).test(p.text)) { first = i; break; }
  }
  return L.paras.map((_, i) => i < first || (!parts.inProblemScope(i) && i >= frame.closing));
}


export function headingOf(p: Paragraph, index: number): Heading | null {
  const r = structureRules();
  // a status in brackets before the numbering (【已完成】1.X, （持续推进）3.X) is the problem's status: the heading is read after it
  const tag = rx(r.bracket_status_head).exec(p.text);
  const off = tag ? tag[0].length : 0;
  const text = tag ? p.text.slice(off) : p.text;
  for (const h of r.headings) {
    const m = rx(h).exec(text);
    if (m) {
      const body = text.slice(m[0].length);
      if (!body) return null;
      const heading: Heading = { para: index, level: h.level, ordinal: cnOrdinal((m[1] ?? m[2])!), bodyStart: p.start + off + m[0].length, body, label: m[0].trim(), rule: h.id };
      if (tag) heading.tag = { phrase: tag[1]!, span: [p.start + tag[0].indexOf(tag[1]!), p.start + tag[0].indexOf(tag[1]!) + tag[1]!.length], rule: r.bracket_status_head.id };
      return heading;
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

/**
 * The category a heading names and the rule that says so: its words (（一）X方面), or its
 * numbering (第一方面：X, whatever the words after it), or null.
 */
function headingCategory(h: Heading): { title: string; rule: string } | null {
  const r = structureRules();
  const title = categoryTitle(h.body);
  if (title !== null) return { title, rule: r.category.id };
  const words = stripQuotes(h.body.replace(/[。：:]$/, '').trim());
  if (words && r.headings.some((x) => x.id === h.rule && x.category)) return { title: words, rule: h.rule };
  return null;
}

/**
 * Does a part's title say it holds the problems (二、巡察反馈问题整改情况)? Not when it names an
 * area (四、落实巡察、审计等监督发现问题整改方面): that is a category of problems, whatever words it has.
 */
const saysProblemsPart = (body: string): boolean => rx(structureRules().problem_part).test(body) && categoryTitle(body) === null && !rx(structureRules().problem_kind).test(body);

/** A part of problems named as a category: 上轮巡察反馈问题整改情况 → 上轮巡察反馈问题 */
const partTitle = (body: string): string => stripQuotes(body.replace(rx(structureRules().part_title_tail), '').trim()) || body;

/** A problem-group heading used as a category: 关于“X”问题的整改 → X */
function groupTitle(body: string): string {
  const t = body.replace(/^关于\s*/, '').replace(/(?:的|等)?(?:方面)?(?:问题)?(?:的?整改(?:情况|落实情况)?)?[。：:]?$/, '');
  return stripQuotes(t) || body;
}

/**
 * Why a heading reads like a problem (a rule id), or null: 关于X的问题, a 问题： label, its
 * measures following (整改情况：… / 一是…), or measures run in after its first sentence.
 */
function problemReason(h: Heading, next: Paragraph | undefined): string | null {
  const r = structureRules();
  if (h.unitLine || headingCategory(h)) return null;
  if (rx(r.problem_about).test(h.body)) return r.problem_about.id;
  if (rx(r.labels.problem).test(h.body)) return r.labels.problem.id;
  // followed by its measures (整改情况：… / 一是…); a status line after the last measure of a
  // numbered list (2.举办培训班… ⏎ 整改进展：已完成) is not that
  if (next && ((rx(r.labels.measures).test(next.text) && !isStatusLine(next.text)) || /^[一1]是/.test(next.text))) return decisionId('before_measures');
  return rx(r.run_in_measures).test(h.body) ? r.run_in_measures.id : null;
}
const looksLikeProblemHead = (h: Heading, next: Paragraph | undefined) => problemReason(h, next) !== null;


/**
 * Unnumbered lines that name a unit, each followed by problems numbered from 1 (round
 * digests: 区财政局 ⏎ 1.… 2.… ⏎ 区市场监督管理局 ⏎ 1.…): headings of the level above those
 * problems. Two such lines at least, so a lone signature line never is one.
 */
/**
 * An attachment line (附件 / 附件1：X整改台账) that starts content of its own — headings or
 * labelled problems within the next lines — is a part of the document, level 1: what it holds
 * decides its kind (a ledger appended after the signature holds the problems).
 */
function annexLines(L: Layout): number | undefined {
  const re = rx(L.r.annex);
  let first: number | undefined;
  L.paras.forEach((p, i) => {
    const m = L.headings[i] ? null : re.exec(p.text);
    if (!m) return;
    const ahead = L.paras.slice(i + 1, i + 6);
    if (!ahead.some((q, k) => L.headings[i + 1 + k] || rx(L.r.labels.problem).test(q.text) || rx(L.r.category_label).test(q.text))) return;
    L.headings[i] = { para: i, level: 1, ordinal: 0, bodyStart: p.start + m[0].length - (m[1]?.length ?? 0), body: m[1] || (L.paras[i + 1]?.text ?? ''), label: '', rule: L.r.annex.id };
    L.doc.decide('segment', 'part', L.r.annex.id, spanOf(L, i), `attachment: ${clip(p.text)}`);
    first ??= i;
  });
  return first;
}

function unitLines(L: Layout): void {
  const found: Heading[] = [];
  L.paras.forEach((p, i) => {
    if (L.headings[i] || !rx(L.r.unit_line).test(p.text)) return;
    const next = L.headings[i + 1];
    if (!next || next.ordinal !== 1 || next.level < 2) return;
    found.push({ para: i, level: next.level - 0.5, ordinal: found.length + 1, bodyStart: p.start, body: p.text, label: '', rule: L.r.unit_line.id, unitLine: true });
  });
  if (found.length < 2) return;
  for (const h of found) L.headings[h.para] = h;
}


function findFrame(L: Layout): Frame {
  const { paras, headings, r, doc } = L;
  const n = paras.length;
  // --- opening: the first paragraph that reads like one (根据…部署，…巡察组…) within the first lines
  let opening = -1;
  let openingRule = '';
  for (let i = 0; i < Math.min(n, 15); i++) {
    const t = paras[i]!.text;
    if (rx(r.front_noise).test(t)) continue;
    if (rx(r.opening).test(t) && /巡[视察]/.test(t)) { opening = i; openingRule = r.opening.id; break; }
    if (rx(r.opening_team).test(t)) { opening = i; openingRule = r.opening_team.id; break; }
  }
  if (opening < 0) {
    // no opening sentence: the body starts at the first heading or the first long paragraph
    opening = headings.findIndex((h) => h !== null);
    if (opening < 0) opening = Math.min(n, paras.findIndex((p) => p.text.length > 60));
    if (opening < 0) opening = 0;
    openingRule = decisionId('no_opening');
  }
  // front matter is not the title, unless the title was glued to it (成文日期：…•中共X关于…的通报)
  const titleShaped = (t: string) => t.includes('关于') && /(?:通报|报告|公告)$/.test(t);
  const title = paras.slice(0, opening).filter((p) => !rx(r.front_noise).test(p.text) || titleShaped(p.text));
  let bodyStart = opening;
  while (bodyStart < n && headings[bodyStart] === null && bodyStart < opening + 3 && !rx(r.labels.problem).test(paras[bodyStart]!.text)) bodyStart++;
  if (opening < n) {
    const last = Math.max(opening, bodyStart - 1);
    doc.decide('segment', 'opening', openingRule, [paras[opening]!.start, paras[last]!.end], `opening: ${clip(paras[opening]!.text)}`);
  }

  // --- closing: from the last heading on, the first paragraph that reads like a closing
  let lastHead = -1;
  for (let i = n - 1; i >= 0; i--) if (headings[i]) { lastHead = i; break; }
  let closing = n;
  for (let i = Math.max(bodyStart, lastHead + 1); i < n; i++) {
    const t = paras[i]!.text;
    if (rx(r.closing).test(t)) { closing = i; doc.decide('segment', 'closing', r.closing.id, spanOf(L, i), `closing: ${clip(t)}`); break; }
    if (rx(r.closing_contact).test(t) && t.length < 200) { closing = i; doc.decide('segment', 'closing', r.closing_contact.id, spanOf(L, i), `closing: ${clip(t)}`); break; }
  }
  // trailing signature lines (issuer name, date) also close the document
  while (closing > bodyStart + 1 && closing - 1 > lastHead) {
    const t = paras[closing - 1]!.text;
    if (!rx(r.signature).test(t)) break;
    closing--;
    doc.decide('segment', 'signature', r.signature.id, spanOf(L, closing), `signature: ${clip(t)}`);
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
  /** level-1 parts that each say they hold problems, two or more with no category inside: each a category (上轮…/本轮巡察反馈问题) */
  partCategories: Set<number>;
}

function findParts(L: Layout, f: Frame): Parts {
  const { paras, headings, r, doc } = L;
  const n = paras.length;
  const { bodyStart, closing } = f;
  const level1 = headings.filter((h, i): h is Heading => !!h && h.level === 1 && i >= bodyStart && i < closing);
  const partOf = new Array<number>(n).fill(-1);
  const partKind: PartKind[] = [];
  const partRule: string[] = [];
  // Level-1 headings are parts (一、组织整改情况 / 二、问题整改情况) unless they are the problems
  // (一、关于“X”的问题) or the categories themselves. Mixed (一、整改工作情况 then 二、关于“X”的问题 …):
  // the problem-like ones are problems and the others organizational sections.
  // a heading that says it is the plans (十一、下一步工作打算, run on with its text when line breaks
  // were lost) is never a problem, whatever follows it
  const saysPlans = (h: Heading) => {
    const head = h.body.slice(0, 12);
    return rx(r.org_part).test(head) && !/^关于/.test(head) && !head.includes('问题');
  };
  const l1Problems = level1.filter((h) => !saysPlans(h) && looksLikeProblemHead(h, paras[h.para + 1]));
  const deeperCandidates = headings.filter((h, i) => h && h.level > 1 && i >= bodyStart && i < closing && looksLikeProblemHead(h, paras[i + 1])).length;
  const l1AreProblems = l1Problems.length >= 2 && l1Problems.length >= deeperCandidates;
  const l1AreParts = !l1AreProblems && level1.length > 0 && level1.some((h) => !headingCategory(h) && !rx(r.problem_about).test(h.body));
  if (l1AreParts) {
    level1.forEach((h, k) => {
      const end = k + 1 < level1.length ? level1[k + 1]!.para : closing;
      for (let i = h.para; i < end; i++) partOf[i] = k;
      // a run-in part heading (一、提高政治站位，…。巡视反馈会后，…) is named by its first sentence only
      const b = h.body.split(/[。：:]/)[0]!;
      // a part's title decides only when it is explicit (反馈问题…, 下一步工作打算); otherwise what
      // is in it does: a part with problem-like headings holds problems (二、党的思想建设 is not
      // organizational because it says 思想)
      if (saysProblemsPart(b)) { partKind.push('problems'); partRule.push(r.problem_part.id); }
      else if (rx(r.problem_kind).test(b)) { partKind.push('problems'); partRule.push(r.problem_kind.id); }
      else if (rx(r.org_part).test(b)) { partKind.push('org'); partRule.push(r.org_part.id); }
      else { partKind.push('unknown'); partRule.push(decisionId('part_content')); }
    });
  }
  const orgParas = new Set<number>();
  if (l1AreProblems) {
    level1.forEach((h, k) => {
      if (l1Problems.includes(h)) return;
      const end = k + 1 < level1.length ? level1[k + 1]!.para : closing;
      for (let i = h.para; i < end; i++) orgParas.add(i);
      doc.decide('segment', 'part', decisionId('l1_problems'), spanOf(L, h.para), `part (organizational, among problem headings): ${clip(h.body)}`, 'org');
    });
  }
  const inProblemScope = (i: number) => i >= bodyStart && i < closing && !orgParas.has(i) && (!l1AreParts || (partOf[i]! >= 0 && partKind[partOf[i]!] !== 'org'));
  const minLevel = l1AreParts ? 2 : 1;
  // unknown parts with no problem-like heading or label at all are organizational too, unless
  // the part is named as an area of problems (一、X方面存在的问题) and has numbered items, or
  // holds unnumbered problems each followed by their measures
  if (l1AreParts) {
    partKind.forEach((k, idx) => {
      if (k !== 'unknown') return;
      const has = headings.some((h, i) => h && partOf[i] === idx && h.level >= minLevel && looksLikeProblemHead(h, paras[i + 1]));
      const labelled = paras.some((p, i) => partOf[i] === idx && (rx(r.labels.problem).test(p.text) || beforeMeasures(L, i)));
      const area = headingCategory(level1[idx]!) !== null && headings.some((h, i) => h && partOf[i] === idx && h.level >= minLevel);
      partKind[idx] = has || labelled || area ? 'problems' : 'org';
    });
    level1.forEach((h, k) => doc.decide('segment', 'part', partRule[k]!, spanOf(L, h.para), `part (${partKind[k] === 'org' ? 'organizational' : 'problems'}): ${clip(h.body)}`, partKind[k]!));
    for (let i = 0; i < n; i++) if (partOf[i]! >= 0 && partKind[partOf[i]!] === 'org') orgParas.add(i);
  }
  // two parts or more that each say they hold problems (一、上轮巡察反馈问题整改情况 ⏎ 二、本轮…), with no
  // category heading inside any: each names the category of its problems
  const holdsItems = (k: number) => headings.some((h, i) => h && partOf[i] === k && h.level > 1);
  const problemParts = l1AreParts ? level1.map((_, k) => k).filter((k) => partRule[k] === r.problem_part.id && holdsItems(k)) : [];
  const hasCategory = (k: number) => headings.some((h, i) => h && partOf[i] === k && h.level > 1 && headingCategory(h) !== null);
  const partCategories = new Set(problemParts.length >= 2 && !problemParts.some(hasCategory) ? problemParts : []);
  return { level1, partOf, partKind, l1AreParts, orgParas, inProblemScope, minLevel, partCategories };
}

/**
 * An unnumbered paragraph that is followed by its measures (整改情况：…) and is neither a
 * label nor a heading itself: a problem stated in one sentence under an aspect heading.
 */
function beforeMeasures(L: Layout, i: number): boolean {
  const p = L.paras[i]!;
  const next = L.paras[i + 1];
  if (L.headings[i] || !next || p.text.length > 160) return false;
  const { r } = L;
  if (rx(r.labels.measures).test(p.text) || rx(r.labels.problem).test(p.text) || rx(r.labels.status).test(p.text) || rx(r.labels.deadline).test(p.text)) return false;
  if (rx(r.outcome).test(p.text) || /^[一二三四五六七八九十]+是/.test(p.text)) return false;
  return rx(r.labels.measures).test(next.text) && !isStatusLine(next.text);
}

/** The heading level the problems are at (0: none, the problems are labelled blocks) and whether it is certain. */
interface ProblemLevel { level: number; strict: boolean; rule: string; /** per paragraph, where categories number their problems differently (一）(1)… 二）1．…) */ at?: number[] }

function findProblemLevel(L: Layout, f: Frame, parts: Parts): ProblemLevel {
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
 * Does a paragraph in [from, to) start a list numbered in the style of heading rule `rule` at 1,
 * after an optional label (整改情况：（1）…)? Then later items of that style are the list's.
 */
function numberingRestarts(paras: Paragraph[], from: number, to: number, rule: string): boolean {
  const style = structureRules().headings.find((h) => h.id === rule);
  if (!style) return false;
  for (let i = from; i < to; i++) {
    const t = paras[i]!.text.replace(/^[^：:。]{1,10}[：:]\s*/, '');
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
function oneLineProblem(L: Layout, i: number): boolean {
  const { paras, headings, r } = L;
  const p = paras[i]!;
  const next = paras[i + 1];
  if (!next || headings[i + 1] || p.text.length > 60 || p.text.length < 6) return false;
  if (rx(r.labels.measures).test(p.text) || rx(r.labels.status).test(p.text) || rx(r.labels.deadline).test(p.text)) return false;
  if (rx(r.outcome).test(p.text) || rx(r.note_start).test(p.text) || rx(r.series).exec(p.text)?.index === 0 || saysStatus(p.text)) return false;
  if (headings[i - 1]) return true;
  const prev = paras[i - 1];
  if (!prev) return false;
  return saysStatus(prev.text) || (prev.text.length >= 2 * p.text.length && !/[。；;]$/.test(p.text));
}

/** A table's category column as the reader wrote it (问题类别：X): a category heading without numbering. */
function cellCategory(L: Layout, i: number, ordinal: number): Heading | null {
  const p = L.paras[i]!;
  const m = rx(L.r.category_cell).exec(p.text);
  if (!m) return null;
  // its own numbering (四、X方面) gives the ordinal; its words are read like a heading's (X方面 → X)
  const start = p.start + m[0].length - m[1]!.length;
  const own = headingOf({ start, end: p.end, text: m[1]! }, i);
  const body = own?.body ?? m[1]!;
  const title = categoryTitle(body) ?? stripQuotes(body.replace(/[。：:]$/, ''));
  return { para: i, level: 2, ordinal: own?.ordinal || ordinal, bodyStart: own?.bodyStart ?? start, body: title, label: own?.label ?? '', rule: L.r.category_cell.id };
}

type ReadingMode = 'numbered' | 'labelled' | 'lines';

function findBlocks(L: Layout, f: Frame, parts: Parts, level: ProblemLevel, mode: ReadingMode = level.level ? 'numbered' : 'labelled'): { categories: CategoryBlock[]; problems: ProblemBlock[] } {
  const { paras, headings, r, doc } = L;
  const categories: CategoryBlock[] = [];
  const problems: ProblemBlock[] = [];
  const { partOf, partKind, l1AreParts, inProblemScope } = parts;
  const problemLevel = level.level;
  const levelAt = (i: number) => level.at?.[i] || problemLevel;
  let currentCat: number | null = null;
  /** level of the current category when it names an aspect (方面): headings under it are groups */
  let aspectLevel: number | null = null;
  const problemLabel = rx(r.labels.problem);
  // since the last problem: an item of the problem level seen / a category heading seen
  let sameLevelSinceProblem = false;
  let categorySinceProblem = false;
  const addCategory = (h: Heading, title: string, rule: string, aspect: boolean) => {
    categories.push({ ordinal: h.unitLine ? categories.length + 1 : h.ordinal, title, para: h.para, rule });
    currentCat = categories[categories.length - 1]!.ordinal;
    aspectLevel = aspect ? h.level : null;
    categorySinceProblem = true;
    doc.decide('segment', 'category', rule, spanOf(L, h.para), `category ${currentCat}: ${title}`, currentCat);
  };
  const marker = rx(r.problem_marker);
  const addProblem = (i: number, h: Heading | null, headStart: number, rule: string, number: number) => {
    // a mark no numbering rule read (A． ■ 1-1) is the problem's label, not its words
    const mk = headStart < paras[i]!.end ? marker.exec(doc.text.slice(headStart, paras[i]!.end)) : null;
    if (mk) doc.decide('segment', 'marker', r.problem_marker.id, [headStart, headStart + mk[0].length], `problem ${number}: marked ${mk[0].trim()}`);
    problems.push({ number, category: currentCat, first: i, last: i, headStart: headStart + (mk?.[0].length ?? 0), rule, numbering: h?.rule ?? null, label: h?.label || mk?.[0].trim() || null, ...(h?.tag ? { tag: h.tag } : {}) });
    sameLevelSinceProblem = false;
    categorySinceProblem = false;
  };

  if (mode === 'numbered') {
    // the level right above the problems' (（一） over 1., and over （1） where no 1. is used)
    let parentLevel = 0;
    for (let i = f.bodyStart; i < f.closing; i++) {
      const h = headings[i];
      if (h && inProblemScope(i) && h.level < levelAt(i) && h.level > parentLevel && !(h.level === 1 && l1AreParts)) parentLevel = h.level;
    }
    for (let i = f.bodyStart; i < f.closing; i++) {
      const h = headings[i];
      if (!inProblemScope(i)) {
        if (h && h.level === 1) currentCat = null;
        continue;
      }
      if (!h) {
        const cc = cellCategory(L, i, categories.length + 1);
        if (cc) addCategory(cc, cc.body, cc.rule, false);
        continue;
      }
      if (h.level < levelAt(i)) {
        if (groupStatus(h.body)) { categorySinceProblem = true; continue; }
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
            addCategory(h, partTitle(h.body), decisionId('problem_parts'), false);
          } else if (kind && partKind[partOf[i]!] === 'problems') {
            // 一、共性问题整改情况: the kind of problems names their category
            addCategory(h, kind[0], r.problem_kind.id, false);
          } else if (partKind[partOf[i]!] === 'problems' && !saysProblemsPart(h.body) && area && (named || levelAt(i) === 2 || rx(r.unit_line).test(h.body))) {
            addCategory(h, title ?? groupTitle(h.body), cat?.rule ?? decisionId('part_as_category'), named);
          } else { currentCat = null; aspectLevel = null; }
          categorySinceProblem = true;
          continue;
        }
        if (h.unitLine) { addCategory(h, h.body, h.rule, false); continue; }
        if (cat) { addCategory(h, cat.title, cat.rule, true); continue; }
        if (h.level === parentLevel) {
          // under an aspect category (（一）在X方面 → 1.关于X问题的整改 → （1）problems) this
          // level groups problems; otherwise it is their category
          if (aspectLevel !== null && aspectLevel < h.level) {
            categorySinceProblem = true;
            doc.decide('segment', 'group', decisionId('group'), spanOf(L, i), `group of problems: ${clip(groupTitle(h.body))}`);
          } else addCategory(h, groupTitle(h.body), h.rule, false);
        }
        continue;
      }
      if (h.level === levelAt(i) && !headingCategory(h)) {
        // where the level has problem-like headings, items that are not (measures numbered like
        // problems: （1）关于X的问题 … （1）建立制度 （2）…) belong to the problem before them,
        // unless their number carries on the problems' own (4. after 3., with no item of this
        // level in between; 1. after a new category): 4.财务管理不规范。修订制度，… is a problem
        // whose one measure has no 一是
        const last = problems[problems.length - 1];
        const continues = last !== undefined && !sameLevelSinceProblem && (h.ordinal === last.number + 1 || (categorySinceProblem && h.ordinal === 1))
          && !numberingRestarts(paras, last.first + 1, i, h.rule);
        sameLevelSinceProblem = true;
        const reason = problemReason(h, paras[i + 1]);
        if (level.strict && last && !continues && !reason) continue;
        const label = problemLabel.exec(h.body);
        addProblem(i, h, h.bodyStart + (label ? label[0].length : 0), reason ?? (level.strict ? decisionId('numbered_item') : level.rule), h.ordinal);
      }
    }
  } else if (mode === 'lines') {
    // one-line problems: under a category heading, a short unnumbered line after the heading or
    // after the previous problem's measures and status; the paragraphs after it are its own
    let seenCategory = false;
    for (let i = f.bodyStart; i < f.closing; i++) {
      if (!inProblemScope(i)) continue;
      const h = headings[i];
      if (h) {
        // a part heading (二、巡察反馈问题整改情况) is no category
        if (h.level === 1 && parts.l1AreParts) { currentCat = null; continue; }
        const cat = h.unitLine ? { title: h.body, rule: h.rule } : headingCategory(h) ?? (h.level <= 2 ? { title: groupTitle(h.body), rule: h.rule } : null);
        if (cat) { addCategory(h, cat.title, cat.rule, !h.unitLine); seenCategory = true; }
        continue;
      }
      const cc = cellCategory(L, i, categories.length + 1);
      if (cc) { addCategory(cc, cc.body, cc.rule, false); seenCategory = true; continue; }
      if (seenCategory && oneLineProblem(L, i)) addProblem(i, null, paras[i]!.start, decisionId('one_line'), problems.length + 1);
    }
  } else {
    // unnumbered blocks: 问题：X / 整改：…, or one-sentence problems each followed by 整改情况：…
    let inSeries = false;
    for (let i = f.bodyStart; i < f.closing; i++) {
      if (!inProblemScope(i)) continue;
      const h = headings[i];
      if (h && h.level < 3) {
        const cat = h.unitLine ? { title: h.body, rule: h.rule } : h.level === 1 && parts.partCategories.has(partOf[i]!) ? { title: partTitle(h.body), rule: decisionId('problem_parts') } : headingCategory(h);
        if (cat) addCategory(h, cat.title, cat.rule, !h.unitLine);
      }
      const cc = h ? null : cellCategory(L, i, categories.length + 1);
      if (cc) { addCategory(cc, cc.body, cc.rule, false); continue; }
      const p = paras[i]!;
      // a category's problems as a series (存在问题：一是X； ⏎ 二是Y； …): each item a problem, its marker no part of it
      const list = h ? null : rx(r.problem_list).exec(p.text);
      const marker = (t: string) => rx(r.series_marker).exec(t)?.[0].length ?? 0;
      if (list) { inSeries = true; addProblem(i, null, p.start + list[0].length + marker(p.text.slice(list[0].length)), r.problem_list.id, problems.length + 1); continue; }
      if (inSeries && !h && marker(p.text)) { addProblem(i, null, p.start + marker(p.text), r.problem_list.id, problems.length + 1); continue; }
      inSeries = false;
      // a line that only labels the problem after it (第1个问题 ⏎ 问题：X): the problem starts at the label, its words on the next line
      const next = paras[i + 1];
      if (!h && next && i + 1 < f.closing && !headings[i + 1] && rx(r.problem_label_line).test(p.text)) {
        const nl = problemLabel.exec(next.text);
        addProblem(i, null, next.start + (nl?.[0].length ?? 0), r.problem_label_line.id, problems.length + 1);
        problems[problems.length - 1]!.label = p.text.trim();
        i++;
        continue;
      }
      const m = problemLabel.exec(h ? h.body : p.text);
      if (m) addProblem(i, h ?? null, (h ? h.bodyStart : p.start) + m[0].length, r.labels.problem.id, problems.length + 1);
      else if (beforeMeasures(L, i)) addProblem(i, null, p.start, decisionId('before_measures'), problems.length + 1);
      else if (!h && paras[i + 1] && !headings[i + 1] && rx(r.problem_about_line).test(p.text)) addProblem(i, null, p.start, r.problem_about_line.id, problems.length + 1);
      else if (!h && rx(r.problem_lead).test(p.text)) {
        // a series of problems (一是针对“X”问题，… 二是针对…): the marker is no part of the problem; such an item
        // is a problem only where problems are so listed, not as a measure under a problem of another kind
        const marker = rx(r.lead_marker).exec(p.text);
        const last = problems[problems.length - 1];
        if (!marker || !last || last.category !== currentCat || last.rule === r.lead_marker.id) addProblem(i, null, p.start + (marker?.[0].length ?? 0), marker ? r.lead_marker.id : r.problem_lead.id, problems.length + 1);
      }
    }
  }
  return { categories, problems };
}

/**
 * Does the paragraph declare the bulletin's totals (巡察反馈的5个问题中，已完成整改4个…)? Such a
 * paragraph after the last problem, with no heading before it, is not part of that problem.
 */
const PROGRESS_KEYS = new Set(['completed', 'in_progress', 'not_completed', 'completion_rate']);
let labelledRe: RegExp | undefined;
function declaresTotals(text: string): boolean {
  // most paragraphs name no count of problems: skip the rules for them
  if (!text.includes('问题') || !/[\d一二三四五六七八九十]\s*(?:个|项|条)/.test(text)) return false;
  // a paragraph under a measure or status label (整改情况：对上轮反馈的38个问题…已全部整改到位) is the problem's own
  labelledRe ??= new RegExp(`^\\s*(?:${expandRe('{{measure_label}}|{{status_label}}')})\\s*[:：]`);
  if (labelledRe.test(text)) return false;
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
  return hits((k) => k === 'problems') && hits((k) => PROGRESS_KEYS.has(k));
}

/** Each problem's last paragraph: up to the next problem, category, part heading, totals paragraph or the closing. */
function setExtents(L: Layout, problems: ProblemBlock[], categories: CategoryBlock[], level1: Heading[], closing: number, problemLevel: number, levelAt?: number[]): void {
  const { headings, paras, doc } = L;
  const stops = new Set<number>();
  for (const p of problems) stops.add(p.first);
  for (const c of categories) stops.add(c.para);
  for (const h of level1) stops.add(h.para);
  stops.add(closing);
  for (const p of problems) {
    let j = p.first + 1;
    while (j < closing && !stops.has(j)) {
      const h = headings[j];
      const lv = levelAt?.[p.first] || problemLevel;
      if (h && lv && h.level < lv) break;
      if (!h && declaresTotals(paras[j]!.text)) {
        p.endedByTotals = j;
        break;
      }
      // an answer to a problem by its number in the category (针对问题二，…) is that problem's, not this one's
      if (!h && rx(L.r.answer_item).test(paras[j]!.text)) break;
      // the statuses by number (第1、2个问题已完成整改) or the bulletin's conclusion (局党组将持续…) after the last problem
      if (!h && p === problems[problems.length - 1] && (rx(L.r.status_roll).test(paras[j]!.text) || rx(L.r.conclusion).test(paras[j]!.text))) break;
      j++;
    }
    p.last = j - 1;
  }
}

interface Read { categories: CategoryBlock[]; problems: ProblemBlock[]; messages: Doc['messages'] }

const EVIDENCE_KEYS: ReadonlySet<string> = new Set(['problems', 'tasks', 'aspects']);

/** What the bulletin declares of its problems and aspects, read outside the problems of a reading. */
function evidenceOutside(L: Layout, frame: Frame, parts: Parts, problems: ProblemBlock[]): Evidence {
  const inside = new Uint8Array(L.paras.length);
  for (const p of problems) for (let i = p.first; i <= p.last; i++) inside[i] = 1;
  const pieces = L.paras.filter((_, i) => !inside[i]).map((p) => ({ text: p.text, start: p.start }));
  const front = frontParas(L, frame, parts);
  const starts = new Map(L.paras.map((p, i) => [p.start, i]));
  // each piece is one paragraph here, and a sentence starts in one: walk back to its paragraph's start
  const { summary } = extractTotals(pieces, (off) => { let i = off; while (i > 0 && !starts.has(i)) i--; return front[starts.get(i) ?? 0] ?? true; }, EVIDENCE_KEYS);
  return { problems: summary.problems, tasks: summary.tasks, aspects: summary.aspects };
}

/** Does a problem block carry its measures or a status (more than its one line, or 整改：/一是/已完成 in it)? */
function supported(L: Layout, b: ProblemBlock): boolean {
  if (b.last > b.first) return true;
  const t = L.doc.text.slice(b.headStart, L.paras[b.first]!.end);
  return rx(L.r.run_in_measures).test(t) || rx(L.r.series).test(t) || rx(L.r.labels.measures_inline).test(t) || saysStatus(t);
}

/**
 * Categories that number their problems each in their own style (一）… (1)… ⏎ 二）… 1．…): per
 * paragraph, the shallowest heading level under the category it sits in (a region runs from a
 * heading of level 2 or above to the next). Offered only where two regions differ.
 */
function perCategoryLevels(L: Layout, frame: Frame, parts: Parts): number[][] {
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

/**
 * The problem list as competing readings, chosen on the bulletin's own evidence. The default
 * (the problem level found above) stands alone when it agrees with the declared count, or when
 * nothing is declared and most of its problems carry measures or a status, and no problem of it
 * states two statuses (two problems read as one); otherwise every other
 * numbered level, labelled blocks and one-line problems are read too, each scored
 * (stages/segment/readings.ts), and the best wins. Every reading and its score is traced for explain.
 */
function chooseReading(L: Layout, frame: Frame, parts: Parts, level: ProblemLevel): Read & { readings: ReadingScore[] } {
  const { doc } = L;
  const run = (lv: ProblemLevel, mode: ReadingMode) => (): Read => {
    const mark = doc.messages.length;
    const b = findBlocks(L, frame, parts, lv, mode);
    setExtents(L, b.problems, b.categories, parts.level1, frame.closing, mode === 'numbered' ? lv.level : 0, mode === 'numbered' ? lv.at : undefined);
    return { ...b, messages: doc.messages.splice(mark) };
  };
  const statusParas = (b: ProblemBlock) => { let n = 0; for (let i = b.first + 1; i <= b.last; i++) if (statusOnly(L.paras[i]!.text) || isStatusLine(L.paras[i]!.text)) n++; return n; };
  const defMode: ReadingMode = level.level ? 'numbered' : 'labelled';
  // numbered problems, and labelled ones where the numbering stops (01 … 08 ⏎ 问题九：…): both, in order
  const mixed = (none: ProblemLevel) => (): Read => {
    const mark = doc.messages.length;
    const a = findBlocks(L, frame, parts, level, 'numbered');
    const keep = doc.messages.length;
    const b = findBlocks(L, frame, parts, none, 'labelled');
    doc.messages.splice(keep);
    const firsts = new Set(a.problems.map((p) => p.first));
    const extra = b.problems.filter((p) => !firsts.has(p.first));
    for (const p of extra) p.category = [...a.categories].reverse().find((c) => c.para < p.first)?.ordinal ?? null;
    const problems = [...a.problems, ...extra].sort((x, y) => x.first - y.first);
    setExtents(L, problems, a.categories, parts.level1, frame.closing, level.level);
    return { categories: a.categories, problems, messages: doc.messages.splice(mark) };
  };
  const { read, scores } = chooseAmong<Read>((rule, message, n) => doc.decide('segment', 'layout', rule, undefined, message, n), {
    first: { id: level.level ? `level ${level.level}` : 'labelled', rule: decisionId('reading_default'), read: run(level, defMode) },
    evidence: (r) => evidenceOutside(L, frame, parts, r.problems),
    blocks: (r) => r.problems.map((b) => ({ ordinal: b.label ? b.number : 0, category: b.category, supported: supported(L, b), statuses: statusParas(b) })),
    categories: (r) => r.categories.length,
    alternatives: () => {
      const levels = new Set<number>();
      for (let i = frame.bodyStart; i < frame.closing; i++) {
        const h = L.headings[i];
        if (h && !h.unitLine && h.level >= parts.minLevel && parts.inProblemScope(i) && !headingCategory(h)) levels.add(h.level);
      }
      const none: ProblemLevel = { level: 0, strict: false, rule: decisionId('reading_labelled') };
      return [
        ...[...levels].sort().filter((l) => l !== level.level).map((l) => ({ id: `level ${l}`, rule: decisionId('reading_level'), read: run({ level: l, strict: false, rule: decisionId('reading_level') }, 'numbered') })),
        ...perCategoryLevels(L, frame, parts).map((at) => ({ id: 'level per category', rule: decisionId('reading_per_category'), read: run({ level: Math.min(...at.filter((x) => x > 0)), strict: false, rule: decisionId('reading_per_category'), at }, 'numbered') })),
        ...(defMode !== 'labelled' ? [{ id: 'labelled', rule: decisionId('reading_labelled'), read: run(none, 'labelled') }, { id: 'numbered and labelled', rule: decisionId('reading_mixed'), read: mixed(none) }] : []),
        { id: 'one-line', rule: decisionId('reading_lines'), read: run({ ...none, rule: decisionId('reading_lines') }, 'lines') },
      ];
    },
  });
  doc.messages.push(...read.messages);
  return { ...read, readings: scores };
}

export function segment(doc: Doc): Segmentation {
  const r = structureRules();
  const paras = doc.paragraphs;
  const L: Layout = { doc, paras, headings: paras.map((p, i) => headingOf(p, i)), r };
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
  linkAnswers(L, frame, problems);
  linkItemAnswers(L, frame, problems, categories);
  statusRoll(L, frame, problems);
  if (renumber && problems.some((p) => p.label)) doc.decide('segment', 'layout', decisionId('renumbered'), undefined, 'numbering restarts: problems numbered 1..N through the document, the printed labels kept');
  // a long paragraph that nothing could cut, and no problem found: say so
  if (!problems.length && paras.some((p) => p.text.length > 1500)) {
    doc.message({ ruleId: decisionId('unsegmented'), stage: 'segment', severity: 'warning', code: 'unsegmented_text', message: 'a long run of text with no structure that could be read (line breaks lost?): no problems found in it' });
  }
  return { title: frame.title, opening: frame.opening, closing: frame.closing, ...(annex !== undefined ? { annex } : {}), categories, problems, orgParas: parts.orgParas, readings, front: frontParas(L, frame, parts) };
}
