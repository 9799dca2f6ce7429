// The words the issue reader looks for, from rules/: the shared structure rules (core/vocabulary.ts)
// and the reader's own group, rules/structure.json `issue_reader` (where a quoted title ends,
// what numbers a measure), and the punctuation it reads, as characters.
import { loadRules, type RegexRule } from '../../core/rules.js';

export interface IssueReaderRules {
  /** the words after a closing quote that make it the title's end */
  quote_tail: RegexRule;
  quoted_alone: RegexRule;
  /** what may follow a quoted title that closes with no stop */
  title_next: RegexRule;
  /** 关于“: a title opening a quote */
  about_quote: RegexRule;
  /** a line closing a quote and reaching 问题: the second half of a broken title */
  quote_close_line: RegexRule;
  /** what is not the number in a series marker (一是， → 一) */
  series_number: RegexRule;
  /** a 一是 series anywhere in a paragraph */
  series_in: RegexRule;
  /** a 一是 series at a clause's start */
  series_clause: RegexRule;
  /** the number of a measure paragraph (1. / （1） / ①) */
  item: RegexRule;
}

export const issueReaderRules = () => loadRules<{ issue_reader: IssueReaderRules }>('structure.json').issue_reader;

/** The characters of a punctuation set of rules/punctuation.json, as they are (for indexOf and includes, not a regex). */
export function punctChars(name: string): string {
  const set = loadRules<{ sets: Record<string, { chars: string }> }>('punctuation.json').sets[name];
  if (!set) throw new Error(`rules/punctuation.json has no set "${name}"`);
  return set.chars;
}

/** The quote marks that open a quotation and those that close one (a straight quote " is both). */
export const openQuotes = () => `${punctChars('cn_open_quote')}"`;
export const closeQuotes = () => `${punctChars('cn_close_quote')}"`;
