// The title and its issuer: the title's lines (a title may be broken over two, printed twice, or
// glued to page text), the issuer before 关于, else the signature's party body.
import { rx, pattern } from '../../core/rules.js';
import { structureRules } from '../../core/vocabulary.js';
import type { Doc, Paragraph } from '../../core/doc.js';
import { metadataRules } from './rules.js';

/** Where the title word 关于 stands in a line (-1: nowhere). */
const aboutAt = (line: string) => line.search(rx(metadataRules().about));

/**
 * The title inside a line that a copy has glued page text to (•公开方式：主动公开•中共X党组关于…的通报,
 * 公告公示X党委关于…, http://…中共X…, an 索引号 or 文号 in front): the part with a title's shape.
 * Noise is stripped from the start (rules/metadata.json title_noise), and where the words
 * before 关于 name a 中共 body, the title starts there. Returns the cut and what was cut.
 */
export function titleInLine(full: string): { title: string; noise: string } {
  // a date in brackets after the title is the site's, not the title's
  const line = full.replace(rx(metadataRules().title_date), '');
  const about = aboutAt(line);
  const limit = about < 0 ? line.length : about;
  const noise = rx(metadataRules().title_noise);
  let at = 0;
  for (let guard = 0; guard < 12 && at < limit; guard++) {
    const m = noise.exec(line.slice(at, limit));
    if (!m || !m[0]) break;
    at += m[0].length;
  }
  const party = line.slice(at, limit).search(pattern('{{party_name}}'));
  if (party > 0) at += party;
  return { title: line.slice(at), noise: line.slice(0, at) };
}

/** The index of the last line that ends like a title (a title broken before its last words ends like one only when joined), or -1. */
function titleEnd(lines: string[]): number {
  const titleLine = rx(structureRules().title_line);
  const ends = rx(metadataRules().title_end);
  for (let i = lines.length - 1; i >= 0; i--) {
    // (关于…巡察整改 ⏎ 进展情况的通报)
    if (titleLine.test(lines[i]!) || (i > 0 && ends.test(lines[i]!) && titleLine.test(lines[i - 1]! + lines[i]!))) return i;
  }
  return -1;
}

export function readTitle(title: Paragraph[], fallback?: string): string | null {
  const r = metadataRules();
  const titleLine = rx(structureRules().title_line);
  const ends = rx(r.title_end);
  const lines = title.map((p) => titleInLine(p.text).title).filter((t) => !pattern('[{{p.full_stop}}]$').test(t) && t.length <= 80);
  // the last line that ends like a title, joined with the lines before it that continue it
  const end = titleEnd(lines);
  if (end < 0) return fallback?.trim() || null;
  let startIdx = end;
  while (startIdx > 0 && end - startIdx < 2) {
    const prev = lines[startIdx - 1]!;
    // a field line above the title (公开类别：…　公开时间：…) is no part of it
    if (pattern('[{{p.colon}}]').test(prev)) break;
    // an issuer line before "关于…", or a title broken in the middle
    // a line that already names its issuer before 关于 (中共X党组关于…) is a whole title
    if (issuerOf(lines[startIdx]!) && rx(r.party_prefix).test(lines[startIdx]!)) break;
    if (aboutAt(lines[startIdx]!) === 0 || !ends.test(prev)) {
      if (titleLine.test(prev) && ends.test(prev)) break; // the same title printed twice
      startIdx--;
      // (an issuer's line: not the title's own first line 关于集团党委 that ends as an issuer does)
      if (aboutAt(lines[startIdx]!) !== 0 && rx(r.issuer_line).test(lines[startIdx]!)) break;
    } else break;
  }
  return lines.slice(startIdx, end + 1).join('').replace(/\s+/g, '');
}

/** The issuer a title names: its words before 关于. */
export function issuerOf(title: string | null): string | null {
  if (!title) return null;
  const i = aboutAt(title);
  if (i <= 0) return null;
  return title.slice(0, i).trim() || null;
}

/**
 * A title without its issuer (关于区委第三巡察组…的通报) leaves the signature at the end to name
 * it: the last short line that is a party body (中共某某区财政局党组), before the date.
 */
export function signatureIssuer(doc: Doc): string | null {
  const r = metadataRules();
  const paras = doc.paragraphs;
  const clausePunct = pattern('[{{p.comma}}{{p.full_stop}}{{p.colon}}{{p.semicolon}}{{p.enum_comma}}]');
  const bodies: string[] = [];
  for (let i = paras.length - 1; i >= Math.max(0, paras.length - 4); i--) {
    const t = paras[i]!.text.trim();
    if (t.length <= 40 && !clausePunct.test(t) && rx(r.issuer_suffix).test(t) && !pattern('{{inspection_kind}}').test(t)) bodies.push(t);
  }
  // signed by two bodies (中共X村支部委员会 ⏎ X村村民委员会): the Party's one issues a rectification bulletin
  return bodies.find((t) => pattern('^(?:{{party_name}})').test(t)) ?? bodies[0] ?? null;
}

/**
 * A 红头文件's 版头: the issuer's name printed large over the title, most often with 文件 after it
 * (中共X党组文件; rules/metadata.json letterhead), a line of its own among the lines before the
 * opening, where the title names no issuer. Letter-spaced as red headers are (中 共 … 文 件).
 * The issuer and its line's span, or null.
 */
export function letterheadIssuer(lines: readonly Paragraph[]): { issuer: string; span: [number, number] } | null {
  const kind = pattern('{{inspection_kind}}');
  for (const p of lines) {
    const t = p.text.replace(/\s+/g, '');
    const m = kind.test(t) ? null : rx(metadataRules().letterhead).exec(t);
    if (m?.groups?.issuer) return { issuer: m.groups.issuer, span: [p.start, p.end] };
  }
  return null;
}

/**
 * No title names the issuer and no signature is printed (a news re-post: a news headline, a byline):
 * the body its lead says published the bulletin (近日，X党组向社会公布了…整改进展情况; rules/metadata.json
 * issuer_announced), in the text before `before` (the problems). Only a full name, one that carries its
 * area (营山县医疗保障局党组, not 县医保局党组): a short form names no unit of its own. Its span, or null.
 */
export function announcedIssuer(text: string, before: number, hasArea: (name: string) => boolean): { issuer: string; span: [number, number] } | null {
  const head = text.slice(0, before);
  for (const m of head.matchAll(rx(metadataRules().issuer_announced, 'g'))) {
    const issuer = m.groups!.issuer!;
    if (!hasArea(issuer)) continue;
    const at = m.index! + m[0].indexOf(issuer);
    return { issuer, span: [at, at + issuer.length] };
  }
  return null;
}
