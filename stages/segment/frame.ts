// The document's frame and parts: title, opening, body and closing (findFrame); level-1 parts,
// organizational or holding problems (findParts); where the bulletin states its own figures (front).
import { pattern, rx } from '../../core/rules.js';
import { decisionId } from '../../core/vocabulary.js';

import type { Doc } from '../../core/doc.js';
import { clip, spanOf, type Frame, type Heading, type Layout, type Segmentation } from './model.js';
import { headingCategory, looksLikeProblemHead, saysProblemsPart, beforeMeasures } from './headings.js';

export function findFrame(L: Layout): Frame {
  const { paras, headings, r, doc } = L;
  const n = paras.length;
  // --- opening: the first paragraph that reads like one (根据…部署，…巡察组…) within the first lines
  let opening = -1;
  let openingRule = '';
  // (the lines of a table of contents do not count: the opening follows them)
  for (let i = 0, seen = 0; i < n && seen < 15; i++) {
    if (L.toc?.has(i)) continue;
    seen++;
    const t = paras[i]!.text;
    if (rx(r.front_noise).test(t)) continue;
    if (rx(r.opening).test(t) && pattern('{{inspection_kind}}').test(t)) { opening = i; openingRule = r.opening.id; break; }
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
  const titleShaped = (t: string) => pattern('{{about_word}}').test(t) && pattern('(?:{{title_end}})$').test(t);
  const title = paras.slice(0, opening).filter((p, i) => !L.toc?.has(i) && (!rx(r.front_noise).test(p.text) || titleShaped(p.text)));
  let bodyStart = opening;
  // (the opening runs on over the next paragraphs, up to a heading, a problem's label or lead (一是关于X的问题。…), or
  // a subhead the reader saw (a news article's bold 狠抓落实 见行见效 over its problems))
  const subhead = new Set(doc.blocks.filter((b) => b.paras && b.paras[0] === b.paras[1] && b.paras[0] > opening && (b.kind === 'heading' || (b.kind === 'paragraph' && b.emphasis))).map((b) => b.paras![0]));
  const startsBody = (i: number) => rx(r.labels.problem).test(paras[i]!.text) || rx(r.problem_lead).test(paras[i]!.text) || subhead.has(i);
  while (bodyStart < n && headings[bodyStart] === null && bodyStart < opening + 3 && (bodyStart === opening || !startsBody(bodyStart))) bodyStart++;
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

export type PartKind = 'org' | 'problems' | 'unknown';

/** Level-1 headings as parts (organizational or holding the problems), or as the problems themselves. */
export interface Parts {
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

export function findParts(L: Layout, f: Frame): Parts {
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
    return rx(r.org_part).test(head) && !pattern('^(?:{{about_word}})').test(head) && !pattern('{{problem_word}}').test(head);
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
      const b = h.body.split(pattern('[{{p.full_stop}}{{p.colon}}]'))[0]!;
      // a part's title decides only when it is explicit (反馈问题…, 下一步工作打算); otherwise what
      // is in it does: a part with problem-like headings holds problems (二、党的思想建设 is not
      // organizational because it says 思想)
      if (saysProblemsPart(b)) { partKind.push('problems'); partRule.push(r.problem_part.id); }
      else if (rx(r.problem_kind).test(b)) { partKind.push('problems'); partRule.push(r.problem_kind.id); }
      // a part that counts the problems under it (一、由党委书记牵头整改的问题（共4个）) holds them
      else if (rx(r.count_tail).test(h.body)) { partKind.push('problems'); partRule.push(r.count_tail.id); }
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
      // (or paragraphs that each name a problem and answer it, 针对“X”问题，…/巡视指出，X。…: two at least)
      const labelled = paras.some((p, i) => partOf[i] === idx && (rx(r.labels.problem).test(p.text) || beforeMeasures(L, i))) || paras.filter((p, i) => partOf[i] === idx && rx(r.problem_lead).test(p.text)).length >= 2;
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
export function frontParas(L: Layout, frame: Frame, parts: Parts): boolean[] {
  const label = rx(L.r.labels.problem);
  let first = L.paras.length;
  for (let i = frame.bodyStart; i < frame.closing; i++) {
    if (!parts.inProblemScope(i)) continue;
    const p = L.paras[i]!;
    if (L.headings[i] || label.test(p.text) || rx(L.r.category_cell).test(p.text)) { first = i; break; }
  }
  return L.paras.map((_, i) => i < first || (!parts.inProblemScope(i) && i >= frame.closing));
}
