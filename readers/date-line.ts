// A news page's date line: the date it prints under its headline with no label (2023-11-08 10:15 来源：…
// 作者：…), read as the page's publication date where no field or meta tag gives one.
import { loadRules, rx, type RegexRule } from '../core/rules.js';

const dateLine = () => loadRules<{ patterns: { date_line: RegexRule } }>('readers.json').patterns.date_line;

const compact = (s: string) => s.replace(/\s+/g, '');

/**
 * The date in the line right under the headline (or the one over it), in the page's text as lines:
 * year, month and day in groups 1 to 3 (rules/readers.json date_line), or null. Only lines next to the
 * headline are read: a date further down is an article's or a related headline's.
 */
export function headlineDate(pageText: string, title: string | undefined): RegExpExecArray | null {
  if (!title || compact(title).length < 4) return null;
  const lines = pageText.split('\n').map((l) => l.trim()).filter(Boolean);
  const head = compact(title);
  const at = lines.findIndex((l) => compact(l) === head);
  if (at < 0) return null;
  for (const l of [...lines.slice(at + 1, at + 4), ...lines.slice(Math.max(0, at - 1), at)]) {
    const m = rx(dateLine()).exec(l);
    if (m) return m;
  }
  return null;
}
