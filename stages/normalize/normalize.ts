// Reader text → the normalized text that every span points into.
// Each step is a pure string → string (or lines → lines) function; the record keeps only the
// result, so spans are honest by construction (they are computed on this output). The steps,
// by concern: characters.ts (script, markup, widths, punctuation, spaces), lines.ts (page
// numbers, web chrome, bracket labels…), run-on.ts (a bulletin pasted as one line), wraps.ts
// (lines a wrap broke), problem-lines.ts (several problems in one paragraph).
import { canonicalNumbering } from '../../core/numbering.js';
import { textLedgers } from '../../readers/tables.js';
import { barRows } from '../../readers/bar-rows.js';
import { toSimplified, stripMarkup, dropPinyin, foldWidth, foldCharacters, curlyQuotes, ocrDigits, dropLeadingEmoji, closeCjkSpaces, widenPunctuation } from './characters.js';
import { dropPageNumbers, dropWebChrome, bracketLabels, dropRepeatedBadges, joinBareNumbers, dropInterleavedBlanks, dropRepeats, unquoteItems } from './lines.js';
import { splitRunOn } from './run-on.js';
import { unwrapHardBreaks, joinBrokenSentences, type HardTest } from './wraps.js';
import type { HardLines } from '../../core/blocks.js';
import { splitProblemLeads, splitProblemLists, splitInlineFields } from './problem-lines.js';

export { toSimplified, widenPunctuation, closeCjkSpaces } from './characters.js';
export { unwrapHardBreaks, joinBrokenSentences } from './wraps.js';

/**
 * The reader's text → the normalized text. `hard`: where the reader's paragraphs start and end
 * (core/blocks.ts hardLines: a Word paragraph, an HTML <p>, a heading, a paragraph in bold), as
 * compact normalized text: a line that starts one is never joined to the line before it, one that
 * ends one never to the line after, whatever their punctuation says.
 */
export function normalize(raw: string, hard?: HardLines | (() => HardLines)): string {
  // (given as a function: made only when a line would be joined to another, most documents never)
  let h: HardLines | undefined = typeof hard === 'function' ? undefined : hard;
  const isHard: HardTest | undefined = hard
    ? (l, side) => { h ??= (hard as () => HardLines)(); return (side === 'start' ? h.starts : h.ends).has(l.replace(/\s+/g, '')); }
    : undefined;
  let t = raw.replace(/\r\n?/g, '\n');
  t = toSimplified(t);
  t = canonicalNumbering(t);
  // a table pasted as text (Markdown pipes, spreadsheet tabs): read after the script is simplified, so 問題 heads a column as 问题 does
  // (its digits folded first: a row numbered １｜ or a count ３个 in a cell reads as one in ASCII does)
  t = textLedgers(barRows(foldCharacters(t)));
  t = stripMarkup(t);
  t = dropPinyin(t);
  t = curlyQuotes(foldWidth(t));
  t = ocrDigits(t);
  t = dropLeadingEmoji(t);
  t = splitRunOn(t.split('\n')).join('\n');
  t = closeCjkSpaces(t);
  t = widenPunctuation(t);
  let lines = t.split('\n').map((l) => l.replace(/ {2,}/g, ' ').trim());
  lines = dropPageNumbers(lines);
  lines = dropWebChrome(lines);
  lines = bracketLabels(dropRepeatedBadges(lines));
  lines = joinBareNumbers(lines);
  lines = dropInterleavedBlanks(lines);
  lines = unwrapHardBreaks(lines, isHard);
  lines = joinBrokenSentences(lines.filter((l) => l.length > 0), isHard);
  lines = splitRunOn(lines); // a one-line bulletin that was also hard-wrapped is one line only now
  lines = unquoteItems(lines);
  lines = splitProblemLeads(lines);
  lines = splitProblemLists(lines);
  lines = splitInlineFields(lines);
  lines = dropRepeats(lines.filter((l) => l.length > 0));
  return lines.join('\n');
}
