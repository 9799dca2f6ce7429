// A bulletin pasted as one long line (its line breaks lost), broken again where its structure
// is written inside the line (rules/structure.json `run_on`).
import { loadRules, pattern, rx } from '../../core/rules.js';
import { layout, isCjkCode, type RunOnRules } from './normalize-rules.js';
import { structureRules } from '../../core/vocabulary.js';

/**
 * A bulletin pasted as one long line (its line breaks lost): break it where the structure
 * is written inside the line — the title's end before the opening, part/category/problem
 * numbering, field labels after a full stop (。整改情况：), the closing (。欢迎…), and runs of
 * spaces that stood for line breaks. Numbering counts: 二、 after 一、, 3. after 2. (a
 * restart at 1 right after a heading or a stop), so 统一、规范 or 1.2万 never break a line.
 * Only a line that runs on is touched: one that holds most of the document, or one of several
 * hundred characters with a part or category number inside it, each with at least two numbered
 * boundaries in sequence. An ordinary paragraph never is, so inline measures (整改措施：1.…2.…)
 * stay in their paragraph.
 */
export function splitRunOn(lines: string[]): string[] {
  const r = layout().run_on;
  const out: string[] = [];
  const total = lines.reduce((n, l) => n + l.length, 0);
  const count: Counters = { 1: 0, 2: 0, 3: 0, 4: 0 };
  for (const line of lines) {
    // a line that runs on holds most of the document (its breaks were lost), or runs parts or
    // categories into each other (。二、… / 。（三）…) over several hundred characters
    const cuts = line.length < 200 ? (countLine(line, r, count), []) : runOnCuts(line, r, line.length >= total * 0.6, count);
    if (!cuts.length) { out.push(line); continue; }
    let prev = 0;
    for (const c of cuts) { out.push(line.slice(prev, c).trim()); prev = c; }
    out.push(line.slice(prev).trim());
  }
  return out.filter((l) => l.length > 0);
}

const LEVEL_OF: Record<string, number> = { part: 1, paren: 2, aspect: 2, num: 3, sub: 4 };
/** the last number seen per level, carried from line to line (numbering runs through the document) */
type Counters = Record<number, number>;

const styleOf = (g: Record<string, string | undefined>) => (g.part ? 'part' : g.paren ? 'paren' : g.aspect ? 'aspect' : g.num ? 'num' : 'sub');

/** A numbering match's level and number. */
function numberOf(g: Record<string, string | undefined>): { level: number; k: number } {
  const word = g.part ?? g.paren ?? g.aspect ?? g.num ?? g.sub!;
  return { level: LEVEL_OF[styleOf(g)]!, k: /^\d+$/.test(word) ? Number(word) : ordinalNumber(word) };
}

/** A line that is not cut still moves the counters: a heading at its start is numbered. */
function countLine(line: string, r: RunOnRules, last: Counters): void {
  const m = rx(r.numbering).exec(line);
  if (!m || m.index !== 0) return;
  const { level, k } = numberOf(m.groups!);
  last[level] = k;
}

/** Where a run-on line breaks: its numbered boundaries in sequence, and the labels, closing, chrome and spaces around them. */
function runOnCuts(line: string, r: RunOnRules, mostOfText: boolean, last: Counters): number[] {
  const before0 = { ...last };
  const { numbered, levels, headingWords, higher } = numberedCuts(line, r, last);
  if (numbered.length < 2 || (!mostOfText && !higher)) {
    Object.assign(last, before0);
    countLine(line, r, last);
    return [];
  }
  // a status in brackets between two items (…把关。（已完成）十四、关于…) closes the item before it where the first item
  // of its level has none before it, and heads the next only where that one has one too (【已完成】1.X …【已完成】2.Y)
  const tails = tagsAreTails(line, numbered, levels);
  const cuts = new Set(numbered.map((at) => at + (tails ? tagLength(line, at) : 0)));
  if (tails) for (const m of line.matchAll(rx(r.status_tail, 'g'))) cuts.add(m.index! + m[0].length);
  // the title's end (and a document number printed after it), in the line's first characters
  for (const head of line.slice(0, 200).matchAll(rx(r.title_end, 'g'))) cuts.add(head.index! + head[0].length);
  for (const rule of [r.label, r.closing, r.marker]) for (const m of line.matchAll(rx(rule, 'g'))) cuts.add(m.index! + m[0].length);
  // a heading's words have no stop of their own: a mark right after them (二、X■ Y方面) starts a line, and so does a
  // problem label right after them or after a mark's words (第一方面：X问题：Y, ■ Y方面巡察指出：Z)
  for (const w of headingWords) {
    const m = rx(r.heading_mark).exec(line.slice(w, w + 80));
    if (m) cuts.add(w + m[0].length);
  }
  const marks = [...cuts].filter((c) => pattern('^[{{p.heading_mark}}]').test(line.slice(c, c + 1))).map((c) => c + 1);
  for (const w of [...headingWords, ...marks]) {
    const m = rx(r.heading_label).exec(line.slice(w, w + 80));
    if (m) cuts.add(w + m[0].length);
  }
  for (const m of line.matchAll(rx(r.chrome, 'g'))) { cuts.add(m.index!); cuts.add(m.index! + m[0].length); }
  for (const c of spaceCuts(line)) cuts.add(c);
  return [...cuts].filter((c) => c > 0 && c < line.length).sort((a, b) => a - b);
}

/**
 * The numbered boundaries of a run-on line that count on from the numbers before them (`last`,
 * moved as they are found): where each starts, where the words of each heading of level 1–2
 * start, and how many such headings stand inside the line.
 */
function numberedCuts(line: string, r: RunOnRules, last: Counters): { numbered: number[]; levels: number[]; headingWords: number[]; higher: number } {
  let lastCut = -1000;
  let lastLevel = 0;
  const numbered: number[] = [];
  const levels: number[] = [];
  const headingWords: number[] = [];
  let higher = 0;
  const notAfter = rx(r.not_after);
  const afterStop = pattern('[{{p.wide_sentence_end}}{{p.wide_semicolon}}{{p.right_double_quote}}{{p.colon}}\\s]');
  for (const m of line.matchAll(rx(r.numbering, 'g'))) {
    const { level, k } = numberOf(m.groups!);
    const at = m.index!;
    const before = line[at - 1] ?? '';
    if (notAfter.test(before)) continue;
    const stop = at === 0 || afterStop.test(before);
    const next = last[level]! >= 1 && k === last[level]! + 1;
    // a restart at 1 stands after a stop, or right after a heading of a higher level (its title has no stop)
    const restart = k === 1 && (stop || (lastLevel > 0 && lastLevel < level && at - lastCut <= 60));
    if (!next && !restart) continue;
    numbered.push(at);
    levels.push(level);
    if (level < 3) headingWords.push(at + m[0].length);
    if (level < 3 && at > 0) higher++;
    last[level] = k; // lower levels keep counting: problems are often numbered through categories
    lastCut = at;
    lastLevel = level;
  }
  return { numbered, levels, headingWords, higher };
}

/** The length of the status in brackets a numbered boundary at `at` starts with (【已完成】2.X), or 0. */
const tagLength = (line: string, at: number): number => rx(structureRules().bracket_status_head).exec(line.slice(at, at + 24))?.[0].length ?? 0;

/**
 * Do the statuses in brackets before numbered boundaries close the items before them (tails: the first item of
 * their level has no status before it) rather than head the items after them (the first one has one too)?
 */
function tagsAreTails(line: string, numbered: readonly number[], levels: readonly number[]): boolean {
  const tagged = new Set(numbered.flatMap((at, k) => (tagLength(line, at) ? [levels[k]!] : [])));
  for (const level of tagged) {
    const first = numbered.find((_, k) => levels[k] === level)!;
    if (tagLength(line, first)) return false;
  }
  return true;
}

/**
 * A run of spaces between Chinese words (or after a stop) stood for a line break; a space next
 * to a digit is a PDF or web artefact (5 月 16 日), not one.
 */
function spaceCuts(line: string): number[] {
  const out: number[] = [];
  const stop = pattern('[{{p.full_stop}}{{p.wide_colon}}{{p.wide_semicolon}}{{p.wide_exclamation}}{{p.right_double_quote}}]');
  for (const m of line.matchAll(/[ \t]+(?=\S)/g)) {
    const before = line[m.index! - 1] ?? '';
    const after = line[m.index! + m[0].length] ?? '';
    if (/\d/.test(before) || /\d/.test(after)) continue;
    if (isCjkCode(before.charCodeAt(0)) || stop.test(before)) out.push(m.index! + m[0].length);
  }
  return out;
}

/**
 * 一…九十九 as numbering writes them, from the digits and 十 of rules/numbering.json's numerals;
 * anything else (一二, 十十) 0.
 */
function ordinalNumber(w: string): number {
  const { digits, units } = loadRules<{ numerals: { digits: Record<string, number>; units: Record<string, number> } }>('numbering.json').numerals;
  const ten = Object.keys(units).find((c) => units[c] === 10)!;
  if (w === ten) return 10;
  const [a, b] = w.split(ten) as [string, string | undefined];
  if (b === undefined) return digits[a] ?? 0;
  return (a ? digits[a] ?? 0 : 1) * 10 + (b ? digits[b] ?? 0 : 0);
}
