// What normalization reads from rules/: the layout patterns of rules/structure.json (page chrome,
// bracket labels, bare numbers, pinyin, where a run-on line breaks, `normalize`: where a wrapped
// line goes on), the characters of rules/punctuation.json, and the character ranges it works in.
import { loadRules, type RegexRule } from '../../core/rules.js';

/** Where a bulletin pasted as one long line is broken (rules/structure.json `run_on`). */
export interface RunOnRules {
  problem_lead: RegexRule;
  series_item: RegexRule;
  answer_item: RegexRule;
  numbering: RegexRule;
  label: RegexRule;
  title_end: RegexRule;
  closing: RegexRule;
  chrome: RegexRule;
  heading_label: RegexRule;
  /** a heading mark or bullet right after a run-in heading's words (二、X■ Y方面) */
  heading_mark: RegexRule;
  /** a status in brackets after a stop that closes what it follows (。（已完成）下一步…) */
  status_tail: RegexRule;
  marker: RegexRule;
  /** the character before a number that makes it no numbering (第3, 1.2) */
  not_after: RegexRule;
}

/** Normalization's own rules (rules/structure.json `normalize`). */
export interface NormalizeRules {
  /** a page's badge before the label it repeats (问问：…) */
  repeated_badge: RegexRule;
  /** (1) / (一) at a line's start: numbering, widened */
  paren_numbering: RegexRule;
  /** a PDF's running header after a page number */
  running_header: RegexRule;
  /** a numbered item quoted whole (“1.X。 ⏎ “2.Y。”): the quote marks go (lines.ts unquoteItems) */
  quoted_item: RegexRule;
  inline_field: RegexRule;
  /** a line ending like a document's title */
  title: RegexRule;
  /** a line starting the opening, the issuer or a date */
  opening: RegexRule;
  /** a line with 关于 and no stop: a title or a heading */
  about_title: RegexRule;
  /** a line ending like a heading (…方面, …问题) */
  heading_end: RegexRule;
  /** a heading line's numbering (一、 （一） 1. 第一方面) */
  heading: RegexRule;
}

export interface LayoutRules {
  bare_number: RegexRule;
  bracket_label: RegexRule;
  page_number: RegexRule;
  line_head: RegexRule;
  web_chrome: RegexRule;
  web_footer: RegexRule;
  pinyin: RegexRule;
  closing: RegexRule;
  closing_contact: RegexRule;
  run_on: RunOnRules;
  normalize: NormalizeRules;
}

export const layout = () => loadRules<LayoutRules>('structure.json');

/** The characters of a punctuation set of rules/punctuation.json, as they are (not escaped for a regex). */
export function chars(name: string): string {
  const set = loadRules<{ sets: Record<string, { chars: string }> }>('punctuation.json').sets[name];
  if (!set) throw new Error(`rules/punctuation.json has no set "${name}"`);
  return set.chars;
}

/** The CJK ideographs (the unified block and the compatibility ideographs), for a character class. */
export const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff';
export const isCjkCode = (c: number) => (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);

/** The full-width form of an ASCII character (, → ，): the full-width block (U+FF01–FF5E) is ASCII shifted by 0xFEE0. */
export const wide = (c: string) => String.fromCharCode(c.charCodeAt(0) + 0xfee0);

/** Display width: Chinese and full-width characters two columns, others one. */
export const displayWidth = (s: string): number => { let w = 0; for (const ch of s) w += ch.charCodeAt(0) > 0x2e80 ? 2 : 1; return w; };
