// What a paragraph is as a heading: its numbering and level (headingOf), whether it names a
// category, a part of problems or a group, whether it reads like a problem; unit lines and
// attachments as headings of their own; a paragraph followed by its measures.
import { pattern, rx } from '../../core/rules.js';
import { structureRules, decisionId, isStatusLine, stripQuotes } from '../../core/vocabulary.js';

import type { Paragraph } from '../../core/doc.js';
import { clip, cnOrdinal, spanOf, type Heading, type Layout } from './model.js';

/** A capital letter's place in the alphabet (A → 1), or null. */
const letterOrdinal = (v: string): number | null => (/^[A-Z]$/.test(v) ? v.charCodeAt(0) - 64 : null);

export function headingOf(p: Paragraph, index: number): Heading | null {
  const r = structureRules();
  // a status in brackets before the numbering (【已完成】1.X, （持续推进）3.X) is the problem's status: the heading is read after it
  // (a mark before it, ★1.X, is the problem's mark: a legend may give it a status, stages/issues/legend.ts)
  const bracket = rx(r.bracket_status_head).exec(p.text);
  const tag = bracket ?? rx(r.mark_head).exec(p.text);
  const tagRule = bracket ? r.bracket_status_head.id : r.mark_head.id;
  const off = tag ? tag[0].length : 0;
  const text = tag ? p.text.slice(off) : p.text;
  for (const h of r.headings) {
    const m = rx(h).exec(text);
    if (m) {
      const body = text.slice(m[0].length);
      if (!body) return null;
      // (the rule's first group that matched: a rule may say its number in more than one way)
      const value = m.slice(1).find((g) => g !== undefined) ?? '';
      const heading: Heading = { para: index, level: h.level, ordinal: letterOrdinal(value) ?? cnOrdinal(value), bodyStart: p.start + off + m[0].length, body, label: m[0].trim(), rule: h.id };
      if (tag) heading.tag = { phrase: tag[1]!, span: [p.start + tag[0].indexOf(tag[1]!), p.start + tag[0].indexOf(tag[1]!) + tag[1]!.length], rule: tagRule };
      return heading;
    }
  }
  return null;
}

/** A heading that names a category rather than a problem: （一）“X”方面, 一、在X方面, 反馈问题：X */
export function categoryTitle(body: string): string | null {
  const r = structureRules();
  const t = body.replace(pattern('[{{p.full_stop}}{{p.colon}}]$'), '').replace(rx(r.count_tail), '').trim();
  const lab = rx(r.category_label).exec(t);
  if (lab) return stripQuotes(lab[1]!);
  // a run-in heading is read by its first sentence: （一）关于X方面。一是… is a theme, not a problem
  const first = t.split(pattern('[{{p.full_stop}}{{p.colon}}](?=.)'))[0]!;
  const m = rx(r.category).exec(t) ?? (first !== t ? rx(r.category).exec(first) : null);
  if (!m) return null;
  // "（一）关于“X”问题" is a problem, not a category; a category names an aspect (方面)
  return stripQuotes(m[1]!.replace(pattern('^(?:{{aspect_prefix}})'), '').trim());
}

/**
 * The category a heading names and the rule that says so: its words (（一）X方面), or its
 * numbering (第一方面：X, whatever the words after it), or null.
 */
export function headingCategory(h: Heading): { title: string; rule: string } | null {
  const r = structureRules();
  const title = categoryTitle(h.body);
  if (title !== null) return { title, rule: r.category.id };
  const words = stripQuotes(h.body.replace(pattern('[{{p.full_stop}}{{p.colon}}]$'), '').trim());
  if (words && r.headings.some((x) => x.id === h.rule && x.category)) return { title: words, rule: h.rule };
  return null;
}

/**
 * Does a part's title say it holds the problems (二、巡察反馈问题整改情况)? Not when it names an
 * area (四、落实巡察、审计等监督发现问题整改方面): that is a category of problems, whatever words it has.
 */
export const saysProblemsPart = (body: string): boolean => rx(structureRules().problem_part).test(body) && categoryTitle(body) === null && !rx(structureRules().problem_kind).test(body);

/** A part of problems named as a category: 上轮巡察反馈问题整改情况 → 上轮巡察反馈问题 */
export const partTitle = (body: string): string => stripQuotes(body.replace(rx(structureRules().part_title_tail), '').trim()) || body;

/** A problem-group heading used as a category: 关于“X”问题的整改 → X */
export function groupTitle(body: string): string {
  // (…各类监督发现问题整改: the rectification of problems found is the title's own words)
  if (rx(structureRules().found_problems_title).test(body)) return stripQuotes(body.replace(pattern('[{{p.full_stop}}{{p.colon}}]$'), '').trim());
  const t = body.replace(rx(structureRules().group_title, 'g'), '');
  return stripQuotes(t) || body;
}

/**
 * Why a heading reads like a problem (a rule id), or null: 关于X的问题, a 问题： label, its
 * measures following (整改情况：… / 一是…), or measures run in after its first sentence.
 */
export function problemReason(h: Heading, next: Paragraph | undefined): string | null {
  const r = structureRules();
  if (h.unitLine || headingCategory(h)) return null;
  if (rx(r.problem_about).test(h.body)) return r.problem_about.id;
  if (rx(r.labels.problem).test(h.body)) return r.labels.problem.id;
  // followed by its measures (整改情况：… / 一是…); a status line after the last measure of a
  // numbered list (2.举办培训班… ⏎ 整改进展：已完成) is not that
  if (next && ((rx(r.labels.measures).test(next.text) && !isStatusLine(next.text)) || rx(r.series_first).test(next.text))) return decisionId('before_measures');
  return rx(r.run_in_measures).test(h.body) ? r.run_in_measures.id : null;
}
export const looksLikeProblemHead = (h: Heading, next: Paragraph | undefined) => problemReason(h, next) !== null;

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
export function annexLines(L: Layout): number | undefined {
  const re = rx(L.r.annex);
  let first: number | undefined;
  L.paras.forEach((p, i) => {
    const m = L.headings[i] ? null : re.exec(p.text);
    // (附件：1.X一览表 ⏎ 2.Y清单 before the signature lists the attachments by name: none of them is here)
    if (!m || /^\s*\d{1,2}\s*[.\uff0e\u3001]/.test(m[1] ?? '')) return;
    const ahead = L.paras.slice(i + 1, i + 6);
    if (!ahead.some((q, k) => L.headings[i + 1 + k] || rx(L.r.labels.problem).test(q.text) || rx(L.r.category_label).test(q.text))) return;
    L.headings[i] = { para: i, level: 1, ordinal: 0, bodyStart: p.start + m[0].length - (m[1]?.length ?? 0), body: m[1] || (L.paras[i + 1]?.text ?? ''), label: '', rule: L.r.annex.id };
    L.doc.decide('segment', 'part', L.r.annex.id, spanOf(L, i), `attachment: ${clip(p.text)}`);
    first ??= i;
  });
  return first;
}

/**
 * A table of contents (a report exported from Word or PDF): a run of at least three lines that end
 * in dot leaders and a page number, with the wrapped lines between them and a 目录 line before
 * them. Its numbered lines repeat the outline: they are no headings, and nothing in it is read as a
 * problem, a category or a part.
 */
export function tocLines(L: Layout): void {
  const entry = rx(L.r.toc_entry);
  const at = L.paras.flatMap((p, i) => (entry.test(p.text) ? [i] : []));
  let k = 0;
  while (k < at.length) {
    let end = k;
    // entries at most two lines apart (an entry wrapped over lines ends on its leaders)
    while (end + 1 < at.length && at[end + 1]! - at[end]! <= 3) end++;
    if (end - k >= 2) {
      let first = at[k]!;
      if (first > 0 && rx(L.r.toc_title).test(L.paras[first - 1]!.text.trim())) first--;
      const last = at[end]!;
      for (let i = first; i <= last; i++) { L.headings[i] = null; (L.toc ??= new Set()).add(i); }
      L.doc.decide('segment', 'layout', L.r.toc_entry.id, [L.paras[first]!.start, L.paras[last]!.end], `table of contents: ${last - first + 1} lines, no headings`);
    }
    k = end + 1;
  }
}

export function unitLines(L: Layout): void {
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

/**
 * An unnumbered paragraph that is followed by its measures (整改情况：…) and is neither a
 * label nor a heading itself: a problem stated in one sentence under an aspect heading.
 */
export function beforeMeasures(L: Layout, i: number): boolean {
  const p = L.paras[i]!;
  const next = L.paras[i + 1];
  if (L.headings[i] || !next || p.text.length > 160) return false;
  const { r } = L;
  if (rx(r.labels.measures).test(p.text) || rx(r.labels.problem).test(p.text) || rx(r.labels.status).test(p.text) || rx(r.labels.deadline).test(p.text)) return false;
  if (rx(r.outcome).test(p.text) || rx(r.series_start).test(p.text)) return false;
  if (rx(r.labels.measures).test(next.text) && !isStatusLine(next.text)) return true;
  // one sentence that names a problem (…的问题。) with a series of measures after it (一是…)
  return rx(r.problem_sentence).test(p.text) && rx(r.series_first_any).test(next.text);
}
