// Line-level clean-up of normalization, each a pure lines → lines function: page numbers and
// running headers, web-page chrome, blank lines between every line, repeated lines, field labels
// in brackets, numbering alone on its line.
import { rx } from '../../core/rules.js';
import { isPageNumber, startsParagraph } from '../../core/vocabulary.js';
import { layout, wide } from './normalize-rules.js';

/**
 * Page numbers, and the running header a PDF prints at the top of each page: the line right
 * after a page number, when it repeats after another page number or reads like a title
 * (short, no sentence in it, ending 通报/报告/情况: rules/structure.json normalize.running_header).
 */
export function dropPageNumbers(lines: string[]): string[] {
  const afterPage = new Map<string, number>();
  // (a header that carries its page's number, 第3页, repeats with another number on the next page)
  const key = (l: string) => l.trim().replace(/\d+/g, '#');
  lines.forEach((l, i) => {
    if (!isPageNumber(l)) return;
    const next = lines.slice(i + 1).find((x) => x.trim());
    if (next) afterPage.set(key(next), (afterPage.get(key(next)) ?? 0) + 1);
  });
  const titleLike = rx(layout().normalize.running_header);
  const header = (l: string) => {
    const n = afterPage.get(key(l));
    if (!n) return false;
    return n >= 2 || (titleLike.test(l.trim()) && !startsParagraph(l.trim()));
  };
  return lines.filter((l) => !isPageNumber(l) && !header(l));
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

/** A field label in brackets at a line start (【问题1】X, 【整改措施】X) becomes the label with a colon (问题1：X). */
export function bracketLabels(lines: string[]): string[] {
  const re = rx(layout().bracket_label);
  if (!lines.some((l) => re.test(l))) return lines;
  const inner = new RegExp(re.source.replace(/^\^/, ''), 'g');
  // a problem's fields in brackets on one line (【问题1】X【整改措施】…【整改时限】…): a line each
  const split = lines.flatMap((l) => {
    if (!re.test(l)) return [l];
    const cuts = [...l.matchAll(inner)].map((m) => m.index!).filter((i) => i > 0);
    return cuts.length ? [0, ...cuts].map((c, k) => l.slice(c, cuts[k] ?? l.length).trim()) : [l];
  });
  return split.map((l) => {
    const m = re.exec(l);
    return m ? `${m[1]!.replace(/\s+/g, '')}${wide(':')}${l.slice(m[0].length)}` : l;
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

/** A page's badge before the label it repeats (<span>问</span>问：… → 问问：…): the label once. */
export function dropRepeatedBadges(lines: string[]): string[] {
  const re = rx(layout().normalize.repeated_badge);
  return lines.map((l) => { const m = re.exec(l); return m ? l.slice(m[0].length) : l; });
}

/** The closing mark of each opening quote mark (“ → ”, 「 → 」): written as escapes, the code holds no full-width form. */
const CLOSE_OF: Record<string, string> = { '\u201c': '\u201d', '\u300c': '\u300d', '\u300e': '\u300f', '\u2018': '\u2019' };

/**
 * A numbered item quoted whole (rules/structure.json normalize.quoted_item): a quotation over several
 * paragraphs opens each with a quote mark and closes only the last (巡察组指出： ⏎ “1.X。 ⏎ “2.Y。”), so
 * the item's numbering starts its paragraph once the mark before it goes, and the last one's closing
 * mark goes with it. A line whose mark closes inside it (“1.2”讲话…) is left as it is.
 */
export function unquoteItems(lines: string[]): string[] {
  const re = rx(layout().normalize.quoted_item);
  const count = (s: string, c: string) => s.split(c).length - 1;
  return lines.map((l) => {
    const m = re.exec(l);
    if (!m) return l;
    const close = CLOSE_OF[m[0].trim()];
    if (!close) return l;
    const body = l.slice(m[0].length);
    const opens = count(body, m[0].trim());
    const closes = count(body, close);
    if (closes === opens) return body; // the quotation goes on in the next paragraph
    if (closes === opens + 1 && body.trimEnd().endsWith(close)) return body.trimEnd().slice(0, -1); // its last paragraph
    return l;
  });
}
