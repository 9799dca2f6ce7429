// Character-level steps of normalization, each a pure string → string function: the script
// (traditional → simplified), markup, pinyin, widths, punctuation beside Chinese, spaces, emoji.
import { createRequire } from 'node:module';
import { pattern, rx, vocabularyList } from '../../core/rules.js';
import { layout, chars, wide, CJK, isCjkCode } from './normalize-rules.js';

// Characters written differently in traditional script (們 這 與 會 …, rules/vocabulary.json
// traditional_char): a text with many of them is a traditional-script mirror and is converted to
// simplified (OpenCC) first.
let traditional: Uint8Array | null = null;
function traditionalTable(): Uint8Array {
  if (!traditional) {
    traditional = new Uint8Array(0x9fff - 0x4e00 + 1);
    for (const ch of vocabularyList('traditional_char')) traditional[ch.charCodeAt(0) - 0x4e00] = 1;
  }
  return traditional;
}

let toCn: ((s: string) => string) | null = null;
export function toSimplified(t: string): string {
  const table = traditionalTable();
  let trad = 0;
  let cjk = 0;
  const n = Math.min(t.length, 5000);
  for (let i = 0; i < n; i++) {
    const c = t.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) { cjk++; trad += table[c - 0x4e00]!; }
  }
  if (cjk < 20 || trad / cjk < 0.03) return t;
  // loaded on first need, and only the traditional → simplified tables (opencc-js/t2cn)
  const conv = (toCn ??= (createRequire(import.meta.url)('opencc-js/t2cn') as typeof import('opencc-js')).Converter({ from: 'tw', to: 'cn' }));
  return conv(t);
}

export function stripMarkup(t: string): string {
  return t
    .replace(/^\uFEFF/, '')
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/^---\n[\s\S]*?\n---\n/, '') // YAML front matter of blog/markdown copies
    .replace(/<!--[\s\S]*?-->/g, '') // <!--more--> and other comments
    .replace(/^[ \t]*<a\s[^>\n]*>[ \t]*<\/a>[ \t]*$/gim, '') // an editor's empty anchor on its own line (Yuque's <a name="…"></a>)
    .replace(/!\[[^\]\n]*\]\([^)\n]*\)/g, '') // a markdown image
    .replace(/^[ \t]*\[TOC\][ \t]*$/gim, '') // a table-of-contents marker
    .replace(/\[([^\]\n]+)\]\((?:https?:\/\/|\/|\.\/)[^)\s]*\)/g, '$1') // a markdown link: its words
    .replace(/\*\*|__/g, '') // **bold**
    .replace(/(^|[^*\w])\*(?![\s*])([^*\n]+?)\*(?![\w*])/gm, '$1$2') // *italic* (not a * bullet: no space after the first)
    .replace(/^(?:-{3,}|\*{3,}|_{3,})[ \t]*$/gm, '') // a thematic break
    .replace(/^#{1,6}\s+/gm, '') // markdown headings
    .replace(/^[ \t]*[-*+][ \t]+(?=\S)(?!\d{1,3}[ \t]*[-*+]?[ \t]*$)/gm, '') // a markdown list item's bullet (its indentation with it; - 3 - is a page number)
    .replace(/^>\s?/gm, '');
}

/** Pinyin readings injected after characters: 巡察（xún chá） → 巡察. */
export const dropPinyin = (t: string) => t.replace(rx(layout().pinyin, 'g'), '');

/**
 * Full-width ASCII letters and digits (and ％ ＠) to half-width; odd spaces to plain ones; the
 * full-width and Unicode hyphens to -. (Code points: the full-width block is ASCII shifted by 0xFEE0.)
 */
export function foldWidth(t: string): string {
  return foldCharacters(t).replace(/[\u3000\u00a0\u2002-\u200a\u202f\t]/g, ' ');
}

/** foldWidth's letters, digits and hyphens only, spaces and tabs kept: before tables pasted as text are read (１｜X, a tab-separated row). */
export function foldCharacters(t: string): string {
  return t
    .replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff05\uff20]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\uff0d\u2010\u2011]/g, '-');
}

const HAS_CJK = new RegExp(`[${CJK}]`);

/**
 * Letters an OCR reads for digits: O beside digits in a number (2O23年, 1O次: a letter O never stands
 * inside a number), and l for 1 where a line's numbering starts (l.关于…, l、), I only before a digit (I0.关于…).
 */
export function ocrDigits(t: string): string {
  return t
    .replace(/(?<=\d)O(?=\d|\s*[\u4e00-\u9fff%])/g, '0')
    // (I alone may be a Roman numeral, I.党的领导方面: only I before a digit, I0.)
    .replace(pattern('^([ \\t]*)(?:l(?=\\d?[{{p.dot}}{{p.enum_comma}}](?![\\d.]))|I(?=\\d[{{p.dot}}{{p.enum_comma}}](?![\\d.])))', 'gm'), '$11');
}

/**
 * Corner brackets used as quotation marks (「X」, 『X』: Hong Kong, Taiwan and some mainland copies)
 * become the curly quotes the rules read (“X”, ‘X’): a quoted name, title or alias reads the same.
 */
export function curlyQuotes(t: string): string {
  return t.replace(/\u300c/g, '\u201c').replace(/\u300d/g, '\u201d').replace(/\u300e/g, '\u2018').replace(/\u300f/g, '\u2019');
}

/** Half-width punctuation next to Chinese becomes full-width (web copies turn ，：；（） into , : ; ( )). */
export function widenPunctuation(t: string): string {
  // "(1)" / "(一)" at a line start are numbering: widen them too
  t = t.replace(rx(layout().normalize.paren_numbering), (_m, lead, n) => `${lead}${wide('(')}${n}${wide(')')}`);
  const cnPunct = pattern('[{{p.cn_punct}}]');
  const near = (c: number) => isCjkCode(c) || (c > 0x2000 && cnPunct.test(String.fromCharCode(c)));
  const out = t.replace(/[,;:?!()]/g, (c, i: number) => {
    const prev = t.charCodeAt(i - 1);
    const next = t.charCodeAt(i + 1);
    if (!(near(prev) || near(next))) return c;
    // keep digits' time colons ("10:30")
    if (c === ':' && prev >= 48 && prev <= 57 && next >= 48 && next <= 57) return c;
    return wide(c);
  });
  // Straight quotes inside Chinese text: each opens a quote, or closes the one open before it, curly or
  // straight (an OCR or a hand edit mixes them: “三张清单" closes with the straight one); a quote open at
  // a line's end goes on in the next line where the line ends inside a sentence (a hard wrap)
  if (!out.includes('"')) return out;
  const [open, close] = [chars('left_double_quote'), chars('right_double_quote')];
  const marks = new RegExp(`["${open}${close}]`, 'g');
  const ends = pattern('[{{p.sentence_end}}{{p.semicolon}}{{p.colon}}]\\s*$');
  let inside = false;
  return out
    .split('\n')
    .map((line) => {
      const cjk = HAS_CJK.test(line);
      const read = line.replace(marks, (q) => {
        if (q !== '"') { inside = q === open; return q; }
        if (!cjk) return q;
        inside = !inside;
        return inside ? open : close;
      });
      if (!cjk || !line.trim() || ends.test(line)) inside = false;
      return read;
    })
    .join('\n');
}

/** Spaces between Chinese and digits/Chinese (PDF and web artefacts: "5 月 16 日"); real spacing in ASCII stays. */
export function closeCjkSpaces(t: string): string {
  const re = pattern(`([${CJK}{{p.cn_punct}}]) +(?=[${CJK}{{p.cn_punct}}0-9])|([0-9]) +(?=[${CJK}{{p.cn_punct}}])`, 'g');
  return t.replace(re, (_m, a, b) => a ?? b);
}

/**
 * Emoji a WeChat or social-media copy sets in front of its lines as markers (▶️一、, 🔹（一）,
 * 👉一是, ✅已完成, 📌通过整改): the line starts where its words do.
 */
export function dropLeadingEmoji(t: string): string {
  if (!/\p{Extended_Pictographic}/u.test(t)) return t;
  return t.replace(/^([ \t]*)(?:[\p{Extended_Pictographic}\u{FE0F}\u{20E3}\u{200D}\u{1F3FB}-\u{1F3FF}]+[ \t]*)+/gmu, '$1');
}
