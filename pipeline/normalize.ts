import { createRequire } from 'node:module';
import { loadRules } from './rules.js';
import { rx, type RegexRule } from './rules.js';

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

type LayoutRules = { page_number: RegexRule; line_head: RegexRule; web_chrome: RegexRule; web_footer: RegexRule; pinyin: RegexRule };

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
/** Page numbers: — 3 —, -3-, 第3页 共8页, 3/8 (rules/structure.json layout.page_number). */
export const isPageNumber = (line: string) => rx(layout().page_number).test(line);
/** A line that starts a paragraph (numbering, 一是, 整改情况：). */
export const startsParagraph = (line: string) => rx(layout().line_head).test(line);

export function dropPageNumbers(lines: string[]): string[] {
  return lines.filter((l) => !isPageNumber(l));
}

const TERMINAL = /[。！？；：”」』]$/;

/**
 * Join lines that a fixed-width wrap broke inside a paragraph. Only when the text
 * looks hard-wrapped: many lines share the maximal length.
 */
export function unwrapHardBreaks(lines: string[]): string[] {
  const lens = lines.map((l) => l.trim().length).filter((n) => n >= 15);
  if (lens.length < 8) return lines;
  // Wrapped text has a width that no line exceeds and that many lines reach: the longest
  // length must be shared by a fifth of the lines (a text of whole paragraphs has one longest).
  const sorted = [...lens].sort((a, b) => b - a);
  const width = sorted[Math.floor(sorted.length * 0.03)]!; // tolerate a stray longer line or two
  const atWidth = lens.filter((n) => n >= width - 1 && n <= width + 1).length;
  if (atWidth < 3 || atWidth / lens.length < 0.2) return lines;
  const out: string[] = [];
  const titleLike = /(?:通报|报告|公告)$/;
  const openingStart = /^(?:根据|按照|依据)/;
  let lastPhysical = 0; // length of the last physical line appended to out's last paragraph
  for (const raw of lines) {
    const line = raw.trim();
    const prev = out.length ? out[out.length - 1]! : null;
    const prevFull = prev !== null && lastPhysical >= width - 2 && !TERMINAL.test(prev) && !(out.length <= 3 && titleLike.test(prev)) && !(out.length <= 4 && openingStart.test(line));
    if (prevFull && line && !startsParagraph(line)) out[out.length - 1] = prev + line;
    else out.push(line);
    lastPhysical = line.length;
  }
  return out;
}

/**
 * Web-page chrome copied along with the text: breadcrumbs, font-size and print/close
 * buttons, view counters anywhere; the site footer (主办单位, ICP备…) and everything after
 * it near the end. The site's phone number is not the bulletin's contact.
 */
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

export function normalize(raw: string): string {
  let t = raw.replace(/\r\n?/g, '\n');
  t = toSimplified(t);
  t = stripMarkup(t);
  t = dropPinyin(t);
  t = foldWidth(t);
  t = closeCjkSpaces(t);
  t = widenPunctuation(t);
  let lines = t.split('\n').map((l) => l.replace(/ {2,}/g, ' ').trim());
  lines = dropPageNumbers(lines);
  lines = dropWebChrome(lines);
  lines = dropInterleavedBlanks(lines);
  lines = unwrapHardBreaks(lines);
  lines = dropRepeats(lines.filter((l) => l.length > 0));
  return lines.join('\n');
}
