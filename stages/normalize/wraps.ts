// Lines a wrap broke inside a paragraph, joined again: a fixed-width wrap (every full line
// reaches the same width), or lines broken mid-sentence at varying widths (PDF copies).
import { loadRules, pattern, rx } from '../../core/rules.js';
import { startsParagraph, structureRules } from '../../core/vocabulary.js';
import { layout, isCjkCode, displayWidth } from './normalize-rules.js';

// a closing quote ends a line only after a stop (。” ends a sentence; “双签” ⏎ 制度 goes on)
const terminal = () => pattern('(?:[{{p.wide_sentence_end}}{{p.wide_semicolon}}{{p.wide_colon}}]|[{{p.wide_sentence_end}}][{{p.end_quote}}])$');

/** Does the line end with a status in brackets after a stop (…把关。（已完成）, rules status.bracket_tail): its paragraph's end? */
const statusClosed = (line: string) => {
  const m = rx(structureRules().bracket_status_tail).exec(line);
  return m !== null && pattern('[{{p.wide_sentence_end}}{{p.wide_semicolon}}]$').test(line.slice(0, m.index));
};

/** Does the line start the closing (欢迎…, 联系电话：…)? */
const closes = (line: string) => rx(layout().closing).test(line) || rx(layout().closing_contact).test(line);

/**
 * The width a hard-wrapped text was wrapped at, with the measure it is counted in: none when the
 * text does not look wrapped. Wrapped text has a width that no line exceeds and that many lines
 * reach: the longest length must be shared by a fifth of the lines (a text of whole paragraphs
 * has one longest). Measured in characters (a copy wrapped by count), else in display width (a
 * PDF's lines, where digits and Latin letters are half as wide as Chinese).
 */
function wrapWidth(lines: string[]): { width: number; len: (l: string) => number } | null {
  const widthIn = (len: (l: string) => number, slack: number) => {
    const lens = lines.map((l) => len(l.trim())).filter((n) => n >= 15);
    if (lens.length < 8) return null;
    const sorted = [...lens].sort((a, b) => b - a);
    const width = sorted[Math.floor(sorted.length * 0.03)]!; // tolerate a stray longer line or two
    const atWidth = lens.filter((n) => n >= width - slack && n <= width + 1).length;
    return atWidth >= 3 && atWidth / lens.length >= 0.2 ? { width: width - slack + 1, len } : null;
  };
  // (in display columns a full line may fall a column or two short: a half-width digit or a
  // full-width mark that did not fit)
  // (display width only for a text whose lines mostly stop mid-sentence: one of whole sentences is no wrapped text)
  const long = lines.filter((l) => l.trim().length >= 15);
  const midSentence = long.filter((l) => !terminal().test(l.trim())).length > long.length / 2;
  return widthIn((l) => l.length, 1) ?? (midSentence ? widthIn(displayWidth, 3) : null);
}

/**
 * The width a hard-wrapped text was wrapped at (wrapWidth), its lines that start a paragraph (numbered, labelled)
 * and are longer than that width let be: whole paragraphs the wrap did not touch, as the lines a table pasted as
 * text was rewritten into (readers/tables.ts: N.问题：…, 整改措施：…, each measure its own line) are.
 */
function wrapWidthAround(lines: string[]): { width: number; len: (l: string) => number } | null {
  const measured = wrapWidth(lines);
  if (measured) return measured;
  const whole = (l: string) => startsParagraph(l.trim());
  const rest = lines.filter((l) => !whole(l));
  const found = rest.length < lines.length ? wrapWidth(rest) : null;
  // (only where the lines let be are longer than the width: in a wrapped text no other line is)
  return found && lines.filter(whole).some((l) => found.len(l.trim()) > found.width + 1) ? found : null;
}

/**
 * Does the reader say a paragraph starts (`start`: never joined to the line before) or ends
 * (`end`: never joined to the line after) with this line? (normalize.ts, from core/blocks.ts hardLines)
 */
export type HardTest = (line: string, side: 'start' | 'end') => boolean;

/**
 * Join lines that a fixed-width wrap broke inside a paragraph. Only when the text
 * looks hard-wrapped: many lines share the maximal length.
 */
const count = (t: string, re: RegExp) => t.match(re)?.length ?? 0;

export function unwrapHardBreaks(lines: string[], hard: HardTest = () => false): string[] {
  const measured = wrapWidthAround(lines);
  if (!measured) return lines;
  const { width, len } = measured;
  const out: string[] = [];
  const titleLike = pattern('(?:{{title_end}})$');
  const openingStart = pattern('^(?:{{opening_word}})');
  const stopEnd = pattern('[{{p.full_stop}}{{p.wide_semicolon}}{{p.wide_colon}}]$');
  // (no paragraph ends inside brackets: a line after one left open goes on with it, though it starts 3）… or
  // 8）或…, the wrap having cut （3） or （0377-6626982⏎8）)
  const unclosed = (t: string) => count(t, /[\uff08(]/g) > count(t, /[\uff09)]/g);
  let lastPhysical = 0; // length of the last physical line appended to out's last paragraph
  let lastLine = '';
  for (const raw of lines) {
    const line = raw.trim();
    const prev = out.length ? out[out.length - 1]! : null;
    // a line that reaches the width continues on the next, even after a stop when it fills the
    // width exactly (a wrap lands after 。 more often than a paragraph ends at the width), unless
    // the next line starts a paragraph
    // (a status in brackets after a stop closes its paragraph as the stop does: …把关。（已完成） ⏎ 下一步，…)
    const full = lastPhysical >= width - 2 && (!terminal().test(prev ?? '') || (lastPhysical >= width && stopEnd.test(prev ?? ''))) && !statusClosed(prev ?? '');
    const prevFull = prev !== null && full && !(out.length <= 3 && titleLike.test(prev)) && !(out.length <= 4 && openingStart.test(line));
    // (the reader's paragraphs asked last: only where the text would join two lines)
    if (prevFull && line && (!startsParagraph(line) || unclosed(prev)) && !(terminal().test(prev ?? '') && closes(line)) && !hard(line, 'start') && !hard(lastLine, 'end')) out[out.length - 1] = joinWrapped(prev, line);
    else out.push(line);
    lastPhysical = len(line);
    lastLine = line;
  }
  return out;
}

/**
 * A wrapped line joined to the one before: a hyphen that broke a Latin word at the wrap
 * (In-⏎SAR, jmzrzy-⏎ghj@…) goes; one between digits stays (0724-⏎2356718 is a phone number).
 */
export function joinWrapped(prev: string, line: string): string {
  if (/[A-Za-z]-$/.test(prev) && /^[a-z]/i.test(line)) return prev.slice(0, -1) + line;
  // a number hyphenated at the wrap (12-⏎86.4亩) is one number; an area code (0724-⏎2356718) or a year
  // starting a range (2021-⏎2025年) keeps its hyphen
  if (/\d-$/.test(prev) && /^\d/.test(line) && !/(?:^|\D)(?:0\d{2,3}|(?:19|20)\d{2})-$/.test(prev)) return prev.slice(0, -1) + line;
  return prev + line;
}

/**
 * Lines broken mid-sentence where no fixed width shows (PDF copies wrapped at varying widths):
 * a line that ends inside a sentence — after a comma or 顿号, or on a Chinese character after
 * twenty or more characters — continues on the next, unless the line is a title or a bare
 * heading, or the next line starts a paragraph (numbering, a label, 一是, the opening, a date
 * or the signature).
 */
export function joinBrokenSentences(lines: string[], hard: HardTest = () => false): string[] {
  const r = layout().normalize;
  const out: string[] = [];
  let last: string | null = null; // the last line taken (a paragraph of the reader's may end with it)
  const wrapped = hardWrapped(lines);
  for (const line of lines) {
    const prev = out.length ? out[out.length - 1]! : null;
    const opensPart = startsParagraph(line) || rx(r.opening).test(line) || closes(line);
    // (the reader's paragraphs asked last: only where the text would join the two lines)
    const joins = prev !== null && line && ((!opensPart && midSentence(prev, rx(r.title), wrapped)) || numberGoesOn(prev, line));
    if (joins && !hard(line, 'start') && !(last !== null && hard(last, 'end'))) out[out.length - 1] = prev + line;
    else out.push(line);
    last = line;
  }
  return out;
}

/**
 * 已办结7 ⏎ 件。: a number at a line's end whose measure word (or 万元, %) starts the next line:
 * a multiplier (万, 亿: rules/numbering.json's big units), a hedge that stands inside a quantity
 * (余, 多: rules/quantities.json), a measure word, then a clause mark or the line's end.
 */
let measureStart: RegExp | undefined;
function numberGoesOn(prev: string, line: string): boolean {
  if (!/\d$/.test(prev)) return false;
  measureStart ??= measureStartPattern();
  return measureStart.test(line);
}

function measureStartPattern(): RegExp {
  const q = loadRules<{ classifiers: Record<string, string[]>; hedges: Array<{ word: string; where: string[] }> }>('quantities.json');
  const big = Object.keys(loadRules<{ numerals: { big_units: Record<string, number> } }>('numbering.json').numerals.big_units);
  const alt = (words: string[]) => [...words].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  const words = alt(Object.values(q.classifiers).flat());
  const inside = alt(q.hedges.filter((h) => h.where.includes('inside')).map((h) => h.word));
  return pattern(`^(?:[${big.join('')}]?(?:${inside})?(?:${words})|${alt(big)})(?:[{{p.comma}}{{p.full_stop}}{{p.semicolon}}{{p.enum_comma}}{{p.close_paren}}]|$)`);
}

/**
 * Is the text wrapped at a width (a PDF's text layer, a copy from a terminal): most of its long
 * lines (20 characters or more) have one length, give or take two. Where it is not, a long
 * numbered heading with a comma in it is no line broken at the width.
 */
function hardWrapped(lines: readonly string[]): boolean {
  const long = lines.filter((l) => l.length >= 20);
  if (long.length < 5) return false;
  const count = new Map<number, number>();
  for (const l of long) count.set(l.length, (count.get(l.length) ?? 0) + 1);
  let best = 0;
  for (const [n] of count) { let c = 0; for (let d = -2; d <= 2; d++) c += count.get(n + d) ?? 0; best = Math.max(best, c); }
  return best >= long.length * 0.3;
}

/** Does the line stop inside a sentence, so that the next line goes on with it? */
function midSentence(prev: string, titleLike: RegExp, wrapped = true): boolean {
  const r = layout().normalize;
  if (!prev || titleLike.test(prev) || rx(r.about_title).test(prev)) return false;
  // a line that ends on an opening quote or bracket (…三是建立“ ⏎ 三会一课”…) ends inside it
  if (pattern('[{{p.comma}}{{p.enum_comma}}{{p.open_quote}}{{p.book_open}}{{p.open_paren}}]$').test(prev)) return true;
  if (prev.length < 20 || !isCjkCode(prev.charCodeAt(prev.length - 1))) return false;
  // a line ending like a heading (…方面, …情况, …问题, …打算) is one, numbered or not
  if (rx(r.heading_end).test(prev)) return false;
  // a field with its short value (整改状态：完成) ends where it ends
  if (pattern('[{{p.colon}}][^{{p.comma}}{{p.full_stop}}{{p.semicolon}}{{p.colon}}]{1,12}$').test(prev)) return false;
  // a heading line (一、X / （一）X / 1.X with no sentence in it) ends where it ends
  // (a short one may have a comma: 一、提高政治站位，以高度政治自觉抓好巡视整改)
  // (in a text wrapped at a width, only a short one: a long line with a comma may be a sentence the width broke)
  const heading = rx(r.heading).test(prev) && !pattern('[{{p.full_stop}}{{p.wide_semicolon}}]').test(prev) && (!pattern('[{{p.comma}}]').test(prev) || prev.length <= (wrapped ? 30 : 60));
  return !heading;
}
