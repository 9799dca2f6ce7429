// An element's text alternative, where it stands for words of the document: a ledger's status
// cell holding only an icon (<img alt="已完成">, an iconfont glyph <i class="iconfont" title="已整改">,
// <span role="img" aria-label="正在整改">) says what the icon shows. Read only when the icon is all
// its block holds (beside words, as in a legend 【icon】 已完成, the words are there already), and
// never a decorative alternative (图片, icon, a file name: rules/readers.json decorative_alts).
// html.ts reads alternatives in the article only, never in the page's chrome (logos, share bars).
import type { HTMLElement, Node } from 'node-html-parser';
import { loadRules, rx, type RegexRule } from '../core/rules.js';

/** Elements an icon is drawn with: an image, or an empty inline mark a font or stylesheet draws. */
const ICON_TAGS = new Set(['img', 'i', 'span', 'em', 'b', 'font', 'strong', 'small']);
/** The block an icon stands in. */
const CONTAINER = 'td,th,li,dd,dt,p,div,h1,h2,h3,h4,h5,h6,section,article,figure,center';
/** A text alternative longer than this is a picture's description, not an icon's word. */
const ALT_LENGTH = 12;

const decorative = () => rx(loadRules<{ decorative_alts: RegexRule }>('readers.json').decorative_alts);
const compact = (n: Node) => n.text.replace(/\s+/g, '');
const hasCjk = (s: string) => /[\u3400-\u9fff]/.test(s);

/** What an icon element says in words: its alt (an image), aria-label or title (an empty mark); '' for none. */
function alternativeOf(e: HTMLElement): string {
  const tag = e.rawTagName?.toLowerCase() ?? '';
  if (!ICON_TAGS.has(tag) && e.getAttribute('role') !== 'img') return '';
  if (tag !== 'img' && compact(e)) return '';
  const said = (tag === 'img' ? e.getAttribute('alt') : undefined) ?? e.getAttribute('aria-label') ?? e.getAttribute('title') ?? '';
  const words = said.replace(/\s+/g, '');
  if (!words || words.length > ALT_LENGTH || !hasCjk(words) || decorative().test(words)) return '';
  return words;
}

/**
 * The words an icon element stands for, where they carry meaning: its text alternative, when the
 * icon is all its block holds (no text of the block's own; other icons may stand beside it). '' else.
 */
export function iconWords(e: HTMLElement): string {
  const words = alternativeOf(e);
  if (!words) return '';
  const block = e.closest(CONTAINER);
  return block && !compact(block) ? words : '';
}
