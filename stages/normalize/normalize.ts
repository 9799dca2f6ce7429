import { createRequire } from 'node:module';
import { loadRules } from '../../core/rules.js';
import { rx, type RegexRule } from '../../core/rules.js';
import { canonicalNumbering } from '../../core/numbering.js';
import { textLedgers } from '../../readers/tables.js';
import { structureRules } from '../../core/vocabulary.js';

// Reader text → the normalized text that every span points into.
// Each step is a pure string → string function; the record keeps only the result,
// so spans are honest by construction (they are computed on this output).

const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff';
const CJK_PUNCT = '，。、；：？！“”‘’（）《》【】—…';

export function stripMarkup(t: string): string {
  return t
    .replace(/^\uFEFF/, '')
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/^---\n[\s\S]*?\n---\n/, '') // YAML front matter of blog/markdown copies
    .replace(/<!--[\s\S]*?-->/g, '') // <!--more--> and other comments
    .replace(/\*\*|__/g, '') // **bold**
    .replace(/(^|[^*\w])\*(?![\s*])([^*\n]+?)\*(?![\w*])/gm, '$1$2') // *italic* (not a * bullet: no space after the first)
    .replace(/^(?:-{3,}|\*{3,}|_{3,})[ \t]*$/gm, '') // a thematic break
    .replace(/^#{1,6}\s+/gm, '') // markdown headings
    .replace(/^>\s?/gm, '');
}

/** Full-width ASCII letters and digits to half-width; odd spaces to plain ones. */
export function foldWidth(t: string): string {
  return t
    .replace(/[０-９Ａ-Ｚａ-ｚ％＠]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\u3000\u00a0\u2002-\u200a\u202f\t]/g, ' ')
    .replace(/[－‐‑]/g, '-');
}

const isCjkCode = (c: number) => (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
const WIDE: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };
const NUMBERING_PAREN = /(^|\n)[ \t]*\((\d{1,3}|[一二三四五六七八九十]{1,3})\)/g;
const HAS_CJK = new RegExp(`[${CJK}]`);

/** Half-width punctuation next to Chinese becomes full-width (web copies turn ，：；（） into , : ; ( )). */
export function widenPunctuation(t: string): string {
  // "(1)" / "(一)" at a line start are numbering: widen them too
  t = t.replace(NUMBERING_PAREN, (_m, lead, n) => `${lead}（${n}）`);
  const near = (c: number) => isCjkCode(c) || (c > 0x2000 && CJK_PUNCT.includes(String.fromCharCode(c)));
  const out = t.replace(/[,;:?!()]/g, (c, i: number) => {
    const prev = t.charCodeAt(i - 1);
    const next = t.charCodeAt(i + 1);
    if (!(near(prev) || near(next))) return c;
    // keep digits' time colons ("10:30")
    if (c === ':' && prev >= 48 && prev <= 57 && next >= 48 && next <= 57) return c;
    return WIDE[c]!;
  });
  // Straight quotes inside Chinese text: alternate open/close within a line.
  if (!out.includes('"')) return out;
  return out
    .split('\n')
    .map((line) => {
      if (!line.includes('"') || !HAS_CJK.test(line)) return line;
      let open = true;
      return line.replace(/"/g, () => ((open = !open) ? '”' : '“'));
    })
    .join('\n');
}

/** Spaces between Chinese and digits/Chinese (PDF and web artefacts: "5 月 16 日"); real spacing in ASCII stays. */
const CJK_SPACE = new RegExp(`([${CJK}${CJK_PUNCT}]) +(?=[${CJK}${CJK_PUNCT}0-9])|([0-9]) +(?=[${CJK}${CJK_PUNCT}])`, 'g');
export function closeCjkSpaces(t: string): string {
  return t.replace(CJK_SPACE, (_m, a, b) => a ?? b);
}

type LayoutRules = { bare_number: RegexRule; bracket_label: RegexRule; page_number: RegexRule; line_head: RegexRule; web_chrome: RegexRule; web_footer: RegexRule; pinyin: RegexRule; run_on: { problem_lead: RegexRule; series_item: RegexRule; answer_item: RegexRule; numbering: RegexRule; label: RegexRule; title_end: RegexRule; closing: RegexRule; chrome: RegexRule; heading_label: RegexRule; marker: RegexRule } };

// Characters written differently in traditional script (們 這 與 會 …): a text with many of
// them is a traditional-script mirror and is converted to simplified (OpenCC) first.
const TRADITIONAL = new Uint8Array(0x9fff - 0x4e00 + 1);
for (const ch of '們這個與會過說時來為國發經問題對從現當進開動點裡後將實體並無麼應車東見長門間書學習機構關係導區縣黨組織單員資達準網頁報記錄講議讓認識協調費務關於檢査監幹領導規範紀製') TRADITIONAL[ch.charCodeAt(0) - 0x4e00] = 1;
let toCn: ((s: string) => string) | null = null;
export function toSimplified(t: string): string {
  let trad = 0;
  let cjk = 0;
  const n = Math.min(t.length, 5000);
  for (let i = 0; i < n; i++) {
    const c = t.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) { cjk++; trad += TRADITIONAL[c - 0x4e00]!; }
  }
  if (cjk < 20 || trad / cjk < 0.03) return t;
  // loaded on first need, and only the traditional → simplified tables (opencc-js/t2cn)
  const conv = (toCn ??= (createRequire(import.meta.url)('opencc-js/t2cn') as typeof import('opencc-js')).Converter({ from: 'tw', to: 'cn' }));
  return conv(t);
}

/** Pinyin readings injected after characters: 巡察（xún chá） → 巡察. */
export const dropPinyin = (t: string) => t.replace(rx(layout().pinyin, 'g'), '');
const layout = () => loadRules<LayoutRules>('structure.json');
export { isPageNumber, startsParagraph } from '../../core/vocabulary.js';
import { isPageNumber, startsParagraph } from '../../core/vocabulary.js';

/**
 * Page numbers, and the running header a PDF prints at the top of each page: the line right
 * after a page number, when it repeats after another page number or reads like a title
 * (short, no sentence in it, ending 通报/报告/情况).
 */
export function dropPageNumbers(lines: string[]): string[] {
  const afterPage = new Map<string, number>();
  lines.forEach((l, i) => {
    if (!isPageNumber(l)) return;
    const next = lines.slice(i + 1).find((x) => x.trim())?.trim();
    if (next) afterPage.set(next, (afterPage.get(next) ?? 0) + 1);
  });
  const header = (l: string) => {
    const n = afterPage.get(l.trim());
    if (!n) return false;
    return n >= 2 || (l.trim().length <= 40 && !/[。；，：]/.test(l) && /(?:通报|报告|情况)$/.test(l.trim()) && !startsParagraph(l.trim()));
  };
  return lines.filter((l) => !isPageNumber(l) && !header(l));
}

// a closing quote ends a line only after a stop (。” ends a sentence; “双签” ⏎ 制度 goes on)
const TERMINAL = /(?:[。！？；：]|[。！？][”」』])$/;

/**
 * Join lines that a fixed-width wrap broke inside a paragraph. Only when the text
 * looks hard-wrapped: many lines share the maximal length.
 */
export function unwrapHardBreaks(lines: string[], hard: (line: string) => boolean = () => false): string[] {
  // Wrapped text has a width that no line exceeds and that many lines reach: the longest
  // length must be shared by a fifth of the lines (a text of whole paragraphs has one longest).
  // Measured in characters (a copy wrapped by count), else in display width (a PDF's lines, where
  // digits and Latin letters are half as wide as Chinese)
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
  const midSentence = long.filter((l) => !TERMINAL.test(l.trim())).length > long.length / 2;
  const measured = widthIn((l) => l.length, 1) ?? (midSentence ? widthIn(displayWidth, 3) : null);
  if (!measured) return lines;
  const { width, len } = measured;
  const out: string[] = [];
  const titleLike = /(?:通报|报告|公告)$/;
  const openingStart = /^(?:根据|按照|依据)/;
  let lastPhysical = 0; // length of the last physical line appended to out's last paragraph
  let lastLine = '';
  for (const raw of lines) {
    const line = raw.trim();
    const prev = out.length ? out[out.length - 1]! : null;
    // a line that reaches the width continues on the next, even after a stop when it fills the
    // width exactly (a wrap lands after 。 more often than a paragraph ends at the width), unless
    // the next line starts a paragraph
    const full = lastPhysical >= width - 2 && (!TERMINAL.test(prev ?? '') || (lastPhysical >= width && /[。；]$/.test(prev ?? '')));
    const prevFull = prev !== null && full && !(out.length <= 3 && titleLike.test(prev)) && !(out.length <= 4 && openingStart.test(line));
    const closes = rx(closing()).test(line) || rx(closingContact()).test(line);
    if (prevFull && line && !startsParagraph(line) && !(TERMINAL.test(prev ?? '') && closes) && !hard(line) && !hard(lastLine)) out[out.length - 1] = joinWrapped(prev, line);
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
  return /[A-Za-z]-$/.test(prev) && /^[a-z]/i.test(line) ? prev.slice(0, -1) + line : prev + line;
}

/**
 * Lines broken mid-sentence where no fixed width shows (PDF copies wrapped at varying widths):
 * a line that ends inside a sentence — after a comma or 顿号, or on a Chinese character after
 * twenty or more characters — continues on the next, unless the line is a title or a bare
 * heading, or the next line starts a paragraph (numbering, a label, 一是, the opening, a date
 * or the signature).
 */
export function joinBrokenSentences(lines: string[], hard: (line: string) => boolean = () => false): string[] {
  const out: string[] = [];
  let prevHard = false;
  const titleLike = /(?:通报|报告|公告|通知|意见)$/;
  const openingStart = /^(?:根据|按照|依据|中共|\d{4}年|[〇零一二三四五六七八九十]{4}年)/;
  for (const line of lines) {
    const prev = out.length ? out[out.length - 1]! : null;
    const opensPart = startsParagraph(line) || openingStart.test(line) || rx(closing()).test(line) || rx(closingContact()).test(line);
    const isHard = hard(line);
    if (prev !== null && line && !isHard && !prevHard && ((!opensPart && midSentence(prev, titleLike)) || numberGoesOn(prev, line))) out[out.length - 1] = prev + line;
    else out.push(line);
    prevHard = isHard;
  }
  return out;
}

/** 已办结7 ⏎ 件。: a number at a line's end whose measure word (or 万元, %) starts the next line. */
let measureStart: RegExp | undefined;
function numberGoesOn(prev: string, line: string): boolean {
  if (!/\d$/.test(prev)) return false;
  if (!measureStart) {
    const words = Object.values(loadRules<{ classifiers: Record<string, string[]> }>('quantities.json').classifiers).flat();
    words.sort((a, b) => b.length - a.length);
    measureStart = new RegExp(`^(?:[万亿]?(?:余|多)?(?:${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})|万|亿)(?:[，。；、,;）)]|$)`);
  }
  return measureStart.test(line);
}

const closing = () => loadRules<{ closing: RegexRule }>('structure.json').closing;
const closingContact = () => loadRules<{ closing_contact: RegexRule }>('structure.json').closing_contact;

function midSentence(prev: string, titleLike: RegExp): boolean {
  if (!prev || titleLike.test(prev) || /关于/.test(prev) && !/[。；]/.test(prev)) return false;
  if (/[，、,]$/.test(prev)) return true;
  if (prev.length < 20 || !isCjkCode(prev.charCodeAt(prev.length - 1))) return false;
  // a line ending like a heading (…方面, …情况, …问题, …打算) is one, numbered or not
  if (/(?:方面|情况|问题|打算|意见)$/.test(prev)) return false;
  // a field with its short value (整改状态：完成) ends where it ends
  if (/[：:][^，。；：:,;]{1,12}$/.test(prev)) return false;
  // a heading line (一、X / （一）X / 1.X with no sentence in it) ends where it ends
  // (a short one may have a comma: 一、提高政治站位，以高度政治自觉抓好巡视整改)
  const heading = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d{1,3}[.．、](?!\d)|第[一二三四五六七八九十]+方面)/.test(prev) && !/[。；]/.test(prev) && (!/[，,]/.test(prev) || prev.length <= 30);
  return !heading;
}

/**
 * Web-page chrome copied along with the text: breadcrumbs, font-size and print/close
 * buttons, view counters anywhere; the site footer (主办单位, ICP备…) and everything after
 * it near the end. The site's phone number is not the bulletin's contact.
 */
/** A field label in brackets at a line start (【问题1】X, 【整改措施】X) becomes the label with a colon (问题1：X). */
export function bracketLabels(lines: string[]): string[] {
  if (!lines.some((l) => l.startsWith('【'))) return lines;
  const re = rx(layout().bracket_label);
  const inner = new RegExp(rx(layout().bracket_label).source.replace(/^\^/, ''), 'g');
  // a problem's fields in brackets on one line (【问题1】X【整改措施】…【整改时限】…): a line each
  const split = lines.flatMap((l) => {
    if (!re.test(l)) return [l];
    const cuts = [...l.matchAll(inner)].map((m) => m.index!).filter((i) => i > 0);
    return cuts.length ? [0, ...cuts].map((c, k) => l.slice(c, cuts[k] ?? l.length).trim()) : [l];
  });
  return split.map((l) => {
    const m = re.exec(l);
    return m ? `${m[1]!.replace(/\s+/g, '')}：${l.slice(m[0].length)}` : l;
  });
}

export function dropWebChrome(lines: string[]): string[] {
  const r = layout();
  const chrome = rx(r.web_chrome);
  const footer = rx(r.web_footer);
  let out = lines.filter((l) => !chrome.test(l));
  const nonEmpty = out.map((l, i) => (l.trim() ? i : -1)).filter((i) => i >= 0);
  const tail = nonEmpty.slice(-15);
  const cut = tail.find((i) => footer.test(out[i]!));
  if (cut !== undefined) out = out.slice(0, cut);
  return out;
}

/** Paragraphs separated by blank lines where every physical line is followed by one (PDF copies). */
export function dropInterleavedBlanks(lines: string[]): string[] {
  const n = lines.length;
  if (n < 10) return lines;
  const blank = lines.filter((l) => !l.trim()).length;
  let adjacent = 0;
  for (let i = 1; i < n; i++) if (lines[i]!.trim() && lines[i - 1]!.trim()) adjacent++;
  return blank / n >= 0.4 && adjacent / (n - blank) < 0.1 ? lines.filter((l) => l.trim()) : lines;
}

/** Identical consecutive lines (titles printed twice by web pages). */
export function dropRepeats(lines: string[]): string[] {
  return lines.filter((l, i) => !(l.length > 4 && i > 0 && l === lines[i - 1]));
}

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

/** A line that is not cut still moves the counters: a heading at its start is numbered. */
function countLine(line: string, r: LayoutRules['run_on'], last: Counters): void {
  const m = rx(r.numbering).exec(line);
  if (!m || m.index !== 0) return;
  const g = m.groups!;
  const level = LEVEL_OF[styleOf(g)]!;
  const word = g.part ?? g.paren ?? g.aspect ?? g.num ?? g.sub!;
  last[level] = /^\d+$/.test(word) ? Number(word) : cnNumber(word);
}

function runOnCuts(line: string, r: LayoutRules['run_on'], mostOfText: boolean, last: Counters): number[] {
  const before0 = { ...last };
  let lastCut = -1000;
  let lastLevel = 0;
  const numbered: number[] = [];
  /** where the words of each numbered heading of level 1–2 start */
  const headingWords: number[] = [];
  let higher = 0;
  for (const m of line.matchAll(rx(r.numbering, 'g'))) {
    const g = m.groups!;
    const level = LEVEL_OF[styleOf(g)]!;
    const word = g.part ?? g.paren ?? g.aspect ?? g.num ?? g.sub!;
    const k = /^\d+$/.test(word) ? Number(word) : cnNumber(word);
    const at = m.index!;
    const before = line[at - 1] ?? '';
    if (/[第\d.．%]/.test(before)) continue;
    const stop = at === 0 || /[。；！？”：:\s]/.test(before);
    const next = last[level]! >= 1 && k === last[level]! + 1;
    // a restart at 1 stands after a stop, or right after a heading of a higher level (its title has no stop)
    const restart = k === 1 && (stop || (lastLevel > 0 && lastLevel < level && at - lastCut <= 60));
    if (!next && !restart) continue;
    numbered.push(at);
    if (level < 3) headingWords.push(at + m[0].length);
    if (level < 3 && at > 0) higher++;
    last[level] = k; // lower levels keep counting: problems are often numbered through categories
    lastCut = at;
    lastLevel = level;
  }
  if (numbered.length < 2 || (!mostOfText && !higher)) {
    Object.assign(last, before0);
    countLine(line, r, last);
    return [];
  }
  const cuts = new Set(numbered);
  // the title's end (and a document number printed after it), in the line's first characters
  for (const head of line.slice(0, 200).matchAll(rx(r.title_end, 'g'))) cuts.add(head.index! + head[0].length);
  for (const rule of [r.label, r.closing, r.marker]) for (const m of line.matchAll(rx(rule, 'g'))) cuts.add(m.index! + m[0].length);
  // a heading's words have no stop of their own: a problem label right after them (第一方面：X问题：Y) starts a line
  for (const w of headingWords) {
    const m = rx(r.heading_label).exec(line.slice(w, w + 80));
    if (m) cuts.add(w + m[0].length);
  }
  for (const m of line.matchAll(rx(r.chrome, 'g'))) { cuts.add(m.index!); cuts.add(m.index! + m[0].length); }
  for (const m of line.matchAll(/[ \t]+(?=\S)/g)) {
    // a run of spaces between Chinese words (or after a stop) stood for a line break; a space
    // next to a digit is a PDF or web artefact (5 月 16 日), not one
    const before = line[m.index! - 1] ?? '';
    const after = line[m.index! + m[0].length] ?? '';
    if (/\d/.test(before) || /\d/.test(after)) continue;
    if (isCjkCode(before.charCodeAt(0)) || /[。：；！”]/.test(before)) cuts.add(m.index! + m[0].length);
  }
  return [...cuts].filter((c) => c > 0 && c < line.length).sort((a, b) => a - b);
}

const CN_DIGIT: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
/** 一…九十九 (numbering ordinals only) */
function cnNumber(w: string): number {
  if (w === '十') return 10;
  const [a, b] = w.split('十') as [string, string | undefined];
  if (b === undefined) return CN_DIGIT[a] ?? 0;
  return (a ? CN_DIGIT[a] ?? 0 : 1) * 10 + (b ? CN_DIGIT[b] ?? 0 : 0);
}

/**
 * Emoji a WeChat or social-media copy sets in front of its lines as markers (▶️一、, 🔹（一）,
 * 👉一是, ✅已完成, 📌通过整改): the line starts where its words do.
 */
export function dropLeadingEmoji(t: string): string {
  if (!/\p{Extended_Pictographic}/u.test(t)) return t;
  return t.replace(/^([ \t]*)(?:[\p{Extended_Pictographic}\u{FE0F}\u{20E3}\u{200D}\u{1F3FB}-\u{1F3FF}]+[ \t]*)+/gmu, '$1');
}

/**
 * Several problems in one paragraph, each named and answered (针对“A”问题，一是…。针对B的问题，…):
 * in a paragraph that starts with a problem so named, each later one starts a paragraph.
 */
export function splitProblemLeads(lines: string[]): string[] {
  const lead = rx(structureRules().problem_lead);
  const next = rx(layout().run_on.problem_lead, 'g');
  return lines.flatMap((l) => {
    if (l.length < 60 || !lead.test(l)) return [l];
    const cuts = [...l.matchAll(next)].map((m) => m.index!);
    if (!cuts.length) return [l];
    return [0, ...cuts].map((c, k) => l.slice(c, cuts[k] ?? l.length).trim()).filter(Boolean);
  });
}

/** Display width: Chinese and full-width characters two columns, others one. */
const displayWidth = (s: string): number => { let w = 0; for (const ch of s) w += ch.charCodeAt(0) > 0x2e80 ? 2 : 1; return w; };

/**
 * A category's problems stated as a series in one paragraph (存在问题：一是X；二是Y。) and answered by
 * their number in the next (整改情况：针对问题一，…；针对问题二，…): each item and each answer a line.
 */
export function splitProblemLists(lines: string[]): string[] {
  const list = rx(structureRules().problem_list);
  const item = rx(layout().run_on.series_item, 'g');
  const answer = rx(layout().run_on.answer_item, 'g');
  const cut = (l: string, re: RegExp) => {
    const at = [...l.matchAll(re)].map((m) => m.index! + m[0].length).filter((i) => i > 0 && i < l.length);
    return at.length ? [0, ...at].map((c, k) => l.slice(c, at[k] ?? l.length).trim()).filter(Boolean) : [l];
  };
  let inList = false;
  return lines.flatMap((l) => {
    if (list.test(l)) { inList = true; return cut(l, item); }
    if (inList && [...l.matchAll(answer)].length + (rx(structureRules().answer_item).test(l) ? 1 : 0) >= 2) { inList = false; return cut(l, answer); }
    inList = false;
    return [l];
  });
}

/** A line holding only its numbering (第一条 ⏎ 巡察指出：…) goes with the line after it. */
export function joinBareNumbers(lines: string[]): string[] {
  const bare = rx(layout().bare_number);
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    let j = i + 1;
    while (j < lines.length && !lines[j]!.trim()) j++;
    if (bare.test(l.trim()) && j < lines.length && !bare.test(lines[j]!.trim())) { out.push(`${l.trim()} ${lines[j]!.trim()}`); i = j; continue; }
    out.push(l);
  }
  return out;
}

/**
 * The reader's text → the normalized text. `hard`: lines the reader marks as blocks of their own
 * (a heading, a paragraph in bold), as compact normalized text: never joined to the lines around
 * them, whatever their punctuation says.
 */
export function normalize(raw: string, hard?: ReadonlySet<string>): string {
  const isHard = hard?.size ? (l: string) => hard.has(l.replace(/\s+/g, '')) : undefined;
  let t = raw.replace(/\r\n?/g, '\n');
  t = toSimplified(t);
  t = canonicalNumbering(t);
  // a table pasted as text (Markdown pipes, spreadsheet tabs): read after the script is simplified, so 問題 heads a column as 问题 does
  t = textLedgers(t);
  t = stripMarkup(t);
  t = dropPinyin(t);
  t = foldWidth(t);
  t = dropLeadingEmoji(t);
  t = splitRunOn(t.split('\n')).join('\n');
  t = closeCjkSpaces(t);
  t = widenPunctuation(t);
  let lines = t.split('\n').map((l) => l.replace(/ {2,}/g, ' ').trim());
  lines = dropPageNumbers(lines);
  lines = dropWebChrome(lines);
  lines = bracketLabels(lines);
  lines = joinBareNumbers(lines);
  lines = dropInterleavedBlanks(lines);
  lines = unwrapHardBreaks(lines, isHard);
  lines = joinBrokenSentences(lines.filter((l) => l.length > 0), isHard);
  lines = splitRunOn(lines); // a one-line bulletin that was also hard-wrapped is one line only now
  lines = splitProblemLeads(lines);
  lines = splitProblemLists(lines);
  lines = dropRepeats(lines.filter((l) => l.length > 0));
  return lines.join('\n');
}
