// Saved web pages → the article's paragraphs. Charset from BOM, <meta>, then the
// bytes; the article body is the known content container or else the block with
// the most Chinese prose; navigation, share/print buttons, related links and footers
// are left out, and so is text the page hides from the eye (html-hidden.ts). A single-page app's
// shell with no article is read from the state in its scripts (page-state.ts). Disclosure tables
// and meta tags (or the state's fields) fill title/published_date/doc_number/publisher.
import { parse, type HTMLElement, type Node } from 'node-html-parser';
import { decodeText } from './decode.js';
import { ZhenggaiError } from '../core/errors.js';
import { tableLines, gridOf } from './tables.js';
import type { ReadResult } from '../core/doc.js';
import type { ReaderBlock } from '../core/blocks.js';
import { isDocNumber, startsParagraph, structureRules } from '../core/vocabulary.js';
import { pattern, punct, rx } from '../core/rules.js';
import { readerRules, type PageField } from './reader-rules.js';
import { dropHidden, styleText } from './html-hidden.js';
import { pageState } from './page-state.js';
import { headlineDate } from './date-line.js';
import { iconWords } from './html-alt.js';
import { wholeArticle } from './html-pages.js';
import { cellFields, spacedLabel } from './html-fields.js';
import { tabsToHeadings } from './html-tabs.js';
import { readPositioned } from './html-positioned.js';
import { ledgerContainer, leadParagraphs, leadRows } from './html-sheet.js';

// Content containers of common government CMSs (TRS, Hanweb, UCAP), WeChat articles and blogs;
// when none holds enough prose, the block with the most Chinese text is taken instead.
const CONTENT_SELECTORS = ['#zoom', '#Zoom', '.TRS_Editor', '.TRS_UEDITOR', '.Custom_UnionStyle', '#UCAP-CONTENT', '#js_content', '.rich_media_content',
  '.article-content', '.article_content', '.news_content', '.pages_content', '.view', '#content', '.content', 'article', '.article', '.main-txt', '.detail', '.entry-content', '.post-content'];
// (not <form>: CMSs and ASP.NET pages wrap the whole article in one; only its controls go)
const DROP = 'script,style,noscript,iframe,nav,header,footer,button,select,input,textarea,svg,canvas,object';
const NOISE_CLASS = /(nav|menu|breadcrumb|location|crumb|share|print|footer|foot|header|top-bar|related|relate|sidebar|comment|pager|toolbar|tools|font-size|fontsize|copyright|search|login|friend|link)/i;
const BLOCK = new Set(['p', 'div', 'br', 'li', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article', 'table', 'ul', 'ol', 'blockquote', 'pre', 'dd', 'dt',
  'details', 'summary', 'main', 'dl', 'figure', 'figcaption', 'center', 'address']);
const PARSE_OPTIONS = { comment: false, blockTextElements: { script: false, style: false, noscript: false, pre: true } };
/** A visible body with fewer Chinese characters than this may be a single-page app's shell: its scripts' state is looked into. */
const STATE_LOOK = 1000;

export function sniffCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  return /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1] ?? null;
}

function cjkCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) { const c = s.charCodeAt(i); if (c >= 0x4e00 && c <= 0x9fff) n++; }
  return n;
}

const HEADING = /^h([1-6])$/;
const compactText = (e: Node) => e.text.replace(/\s+/g, '');
/** Is all of an element's text inside <strong>/<b> (a paragraph set in bold: a heading in all but name)? */
function allBold(e: HTMLElement): boolean {
  const all = compactText(e);
  if (!all || all.length > 160) return false;
  const bold = e.querySelectorAll('strong,b').filter((b) => !b.closest('strong,b') || b.closest('strong,b') === b).map(compactText).join('');
  return bold.length > 0 && bold.length >= all.length;
}

/**
 * Text of an element with block boundaries as newlines; the headings, bold paragraphs, list items and tables seen go to `blocks`.
 * `alts`: an icon that is all its block holds is read as its text alternative (html-alt.ts; the article's text, not the page's chrome).
 */
function blockLines(el: Node, blocks?: ReaderBlock[], alts = false): string {
  let out = '';
  const lines = (e: Node) => blockLines(e, undefined, alts).split('\n').map((l) => l.trim()).filter(Boolean).join('\n');
  const walk = (n: Node) => {
    const e = n as HTMLElement;
    if (n.nodeType === 3) { out += n.text.replace(/\s+/g, ' '); return; } // .text decodes every entity
    if (n.nodeType !== 1) return;
    const tag = e.rawTagName?.toLowerCase() ?? '';
    if (tag === 'br') { out += '\n'; return; }
    if (alts) {
      const said = iconWords(e);
      if (said) { out += said; return; }
    }
    if (tag === 'table' && e.querySelector('tr')) {
      // a table's rows (a rectification ledger becomes labelled paragraphs)
      // cells keep their line breaks (<br>, <p>); rowspan/colspan fill every position they cover
      const span = (c: HTMLElement, a: string) => { const v = Number(c.getAttribute(a) ?? 1); return Number.isFinite(v) && v > 0 ? v : 1; };
      const rows = e.querySelectorAll('tr').filter((tr) => tr.closest('table') === e)
        .map((tr) => tr.childNodes.filter((c): c is HTMLElement => c.nodeType === 1 && /^t[dh]$/i.test((c as HTMLElement).rawTagName ?? ''))
          .map((c) => ({ text: blockLines(c, undefined, alts).split('\n').map((l) => l.trim()).filter(Boolean).join('\n'), rowspan: span(c, 'rowspan'), colspan: span(c, 'colspan') })));
      const whole = gridOf(rows);
      // (a sheet's title and prose in rows merged across above its ledger: paragraphs, html-sheet.ts)
      const lead = leadRows(whole);
      for (const p of leadParagraphs(whole, lead)) { blocks?.push({ kind: 'paragraph', text: p }); out += `\n${p}\n`; }
      const grid = whole.slice(lead);
      const text = tableLines(grid).join('\n');
      const header = e.querySelectorAll('tr').filter((tr) => tr.closest('table') === e).findIndex((tr) => !tr.querySelector('th'));
      blocks?.push({ kind: 'table', text, rows: grid, header_rows: header < 0 ? grid.length : Math.max(0, header - lead) });
      out += '\n' + text + '\n';
      return;
    }
    if (blocks) {
      const h = HEADING.exec(tag);
      if (h) blocks.push({ kind: 'heading', text: lines(e), level: Number(h[1]) });
      else if (tag === 'li') blocks.push({ kind: 'list_item', text: lines(e), depth: Math.max(0, e.closest('ul,ol') ? countLists(e) - 1 : 0) });
      else if ((tag === 'p' || tag === 'div') && !e.querySelector('p,div,table,li') && allBold(e)) blocks.push({ kind: 'paragraph', text: lines(e), emphasis: true });
      // (a <p> of its own is a paragraph the page keeps apart: normalization joins it to no other, core/blocks.ts hardLines)
      else if (tag === 'p' && !e.querySelector('p,div,table,li')) blocks.push({ kind: 'paragraph', text: lines(e) });
    }
    // a short inline mark holding only a status (<span class="badge">已完成</span> after the problem's words): a status in brackets
    if (INLINE.has(tag) && isBadge(e)) { out += `${open()}${compactText(e)}${close()}`; return; }
    // a card's number in a mark of its own before the card's first block (<span class="no">3</span><p>X</p>): numbering, 3．X
    if (INLINE.has(tag) && isCardNumber(e)) { out += `${compactText(e)}${punct('dot').charAt(1)}`; return; }
    // a problem's label in a mark of its own before its words (<span class="no">问题3</span>X): the label, 问题3：X
    if (INLINE.has(tag) && isLeadLabel(e)) { out += `${compactText(e)}${punct('colon').charAt(0)}`; return; }
    const block = BLOCK.has(tag);
    if (block) out += '\n';
    // an ordered list's item shows its number: written as the page displays it (start=, value=), by its depth (1. （1） ①)
    if (tag === 'li') out += listMarker(e);
    if (tag === 'td' || tag === 'th') out += ' ';
    for (const c of e.childNodes) walk(c);
    if (block) out += '\n';
  };
  walk(el);
  return out;
}

const INLINE = new Set(['span', 'em', 'i', 'font', 'label', 'small', 'mark', 'b', 'strong', 'sup', 'ins']);
const open = () => punct('open_bracket').charAt(0);
const close = () => punct('close_bracket').charAt(0);

/** The node after an element in its parent (blank text skipped), and whether it is a block element. */
function nextOf(e: HTMLElement): { node: Node | undefined; block: boolean } {
  const sibs = e.parentNode?.childNodes ?? [];
  const node = sibs.slice(sibs.indexOf(e) + 1).find((c) => c.nodeType === 1 || c.text.trim());
  return { node, block: !!node && node.nodeType === 1 && BLOCK.has((node as HTMLElement).rawTagName?.toLowerCase() ?? '') };
}

/** An inline element that holds only a status word, beside other words of its block (a status badge). */
function isBadge(e: HTMLElement): boolean {
  const t = compactText(e);
  if (!t || t.length > 8 || !pattern('^(?:{{bracket_status}})$').test(t)) return false;
  const parent = e.parentNode;
  if (!parent || compactText(parent).length <= t.length) return false;
  // a status word that the sentence goes on after (12个问题<span>已完成</span>整改9个: an editor's colour, no badge)
  const { node: next, block } = nextOf(e);
  if (block) return true;
  const after = next ? (next.nodeType === 1 ? compactText(next as HTMLElement) : next.text.trim()) : '';
  return !/^[\u3400-\u9fff\d]/.test(after);
}

/** A mark holding only a number (1 to 3 digits) that a block follows in the same parent: the number of what the block says. */
function isCardNumber(e: HTMLElement): boolean {
  return /^\d{1,3}$/.test(compactText(e)) && nextOf(e).block;
}

/** A mark holding only a problem's label (问题3, 第3项问题: rules/structure.json problem_label_line, no colon) first in its block, words after it. */
function isLeadLabel(e: HTMLElement): boolean {
  const t = compactText(e);
  if (!t || t.length > 10 || !rx(structureRules().problem_label_line).test(t) || pattern('[{{p.colon}}{{p.dot}}]$').test(t)) return false;
  const sibs = e.parentNode?.childNodes ?? [];
  const before = sibs.slice(0, sibs.indexOf(e)).some((c) => c.text.trim());
  const { node: next, block } = nextOf(e);
  return !before && !!next && !block && /^[\u3400-\u9fff\u201c]/.test(next.text.trim());
}

/** The number an <ol> item is displayed with, written by the list's depth (1. / （1） / ①); none for <ul> or where the item types its own. */
function listMarker(li: HTMLElement): string {
  const list = li.parentNode;
  if (!list || (list.rawTagName ?? '').toLowerCase() !== 'ol') return '';
  if (startsParagraph(compactText(li))) return '';
  const items = list.childNodes.filter((c): c is HTMLElement => c.nodeType === 1 && (c as HTMLElement).rawTagName?.toLowerCase() === 'li');
  let n = Number(list.getAttribute('start') ?? 1);
  if (!Number.isFinite(n)) n = 1;
  for (const it of items) {
    const value = it.getAttribute('value');
    if (value && Number.isFinite(Number(value))) n = Number(value);
    if (it === li) break;
    n++;
  }
  const depth = countLists(li) - 1;
  return depth <= 0 ? `${n}.` : `${punct('open_paren').charAt(0)}${n}${punct('close_paren').charAt(0)}`;
}

/** How many lists an element sits in. */
function countLists(e: HTMLElement): number {
  let n = 0;
  for (let p: HTMLElement | null = e.parentNode; p; p = p.parentNode) if (/^(ul|ol)$/i.test(p.rawTagName ?? '')) n++;
  return n;
}

/** The Chinese text of an element's own paragraphs (its <p>, <span>, <font> and text children). */
function ownProse(el: HTMLElement): number {
  const direct = el.childNodes.filter((c) => ['p', 'span', 'font', 'br'].includes((c as HTMLElement).rawTagName?.toLowerCase() ?? '') || !(c as HTMLElement).rawTagName);
  return direct.reduce((s, c) => s + cjkCount(c.text), 0);
}

/** The article's element: a known content container, else the element whose own paragraphs hold the most Chinese text; with its sibling boxes when it is one of several (html-pages.ts). */
function pickBody(root: HTMLElement): HTMLElement | null {
  for (const sel of CONTENT_SELECTORS) {
    const el = root.querySelector(sel);
    if (el && cjkCount(el.text) > 100) return wholeArticle(el, ownProse);
  }
  let best: HTMLElement | null = null;
  let bestScore = 0;
  for (const el of root.querySelectorAll('div,td,section,article')) {
    const score = ownProse(el);
    if (score > bestScore) { bestScore = score; best = el; }
  }
  // (a cell of a ledger table: the ledger is read whole, html-sheet.ts)
  return best && bestScore > 50 ? wholeArticle(ledgerContainer(best), ownProse) : null;
}

/**
 * What a page's container says of it (an MHTML file): the charset its part declares, read before the page's own <meta>;
 * a title for a page that names none; whether the page is cut short (its open elements are then closed where it ends,
 * as a browser shows it, rather than their content moved out of them).
 */
export interface PageContainer { charset?: string | null; title?: string; cut?: boolean }

export function readHtml(bytes: Uint8Array, container: PageContainer = {}): ReadResult {
  const { text: html, encoding } = decodeText(bytes, container.charset || sniffCharset(bytes));
  // (Word's conditional markers, <![if !supportLists]>…<![endif]> around a list item's number, are no text)
  const root = parse(html.replace(/<!\[(?:if[^\]]*|endif)\]>/gi, ''), { ...PARSE_OPTIONS, parseNoneClosedTags: !!container.cut });
  const meta: ReadResult['meta'] = {};
  const metaContent = (name: string) => root.querySelector(`meta[name="${name}"]`)?.getAttribute('content')?.trim();
  meta.title = metaContent('ArticleTitle') ?? root.querySelector('h1')?.text.trim() ?? root.querySelector('title')?.text.split(/[_|-]/)[0]?.trim();
  if (!meta.title && container.title) meta.title = container.title.split(/[_|]/)[0]!.trim();
  // (a WeChat article gives its time in <em id="publish_time">)
  const pub = metaContent('PubDate') ?? metaContent('pubdate') ?? metaContent('publishdate') ?? root.querySelector('#publish_time')?.text.trim();
  // disclosure table / info line: 发布机构 成文日期 发布时间 文号 索引号
  const pageText = blockLines(root);
  const { page_fields: labels, patterns } = readerRules();
  // a field: its label (rules/readers.json page_fields, perhaps spaced out) in a cell with the value in the next, or in a line before a colon
  const cells = cellFields(root, labels);
  const field = (name: PageField) => cells[name] ?? pattern(spacedLabel(labels[name]) + patterns.page_field.re).exec(pageText)?.[1]?.trim();
  const date = (s?: string) => s && rx(patterns.page_date).exec(s);
  const iso = (d: RegExpExecArray) => `${d[1]}-${d[2]!.padStart(2, '0')}-${d[3]!.padStart(2, '0')}`;
  // (else a news page's unlabelled date line under its headline: 2023-11-08 10:15 来源：…)
  const d = date(field('written_date')) || date(pub) || date(field('published_time')) || date(field('published_date')) || headlineDate(pageText, meta.title);
  if (d) meta.published_date = iso(d);
  // 文号 first, then 索引号, each only if it reads as a number (an empty 文号 cell lets the label reach the title)
  const num = [field('doc_number'), field('index_number')].find(isDocNumber);
  if (num) meta.doc_number = num;
  meta.publisher = field('publisher') || metaContent('ContentSource') || field('source') || undefined;

  const css = styleText(html);
  const clean = (el: HTMLElement) => {
    for (const e of el.querySelectorAll(DROP)) e.remove();
    dropHidden(el, css, BLOCK);
  };
  clean(root);
  // (the sections of a page in tabs: each panel headed by its tab's label, html-tabs.ts)
  tabsToHeadings(root);
  // (a PDF's text laid out line by line, pdf2htmlEX or a PDF.js text layer: read by the boxes' places, html-positioned.ts)
  readPositioned(root, css);
  let body = pickBody(root);
  // a single-page app's shell shows no article (or a teaser): the state in its scripts holds it
  const shown = body ? cjkCount(body.text) : 0;
  if (shown < STATE_LOOK) {
    const state = pageState(html);
    if (state && state.cjk > Math.max(50, shown * 3)) {
      const stateRoot = parse(state.html, PARSE_OPTIONS);
      clean(stateRoot);
      // (a whole document kept in the state has its own navigation and footer: its article block is picked as a page's is)
      body = (/<body[\s>]/i.test(state.html) && pickBody(stateRoot)) || stateRoot;
      meta.title = state.title ?? meta.title;
      meta.publisher = state.publisher ?? meta.publisher;
      const sd = date(state.published);
      if (sd) meta.published_date = iso(sd);
    }
  }
  if (!body) throw new ZhenggaiError('html_no_body', 'no block of Chinese prose found in the page, nor in its scripts');
  for (const el of body.querySelectorAll('*')) {
    const cls = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (cls.trim() && NOISE_CLASS.test(cls) && cjkCount(el.text) < 200) el.remove();
  }
  const blocks: ReaderBlock[] = [];
  const fields = Object.fromEntries(Object.entries(meta).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].length > 0));
  if (Object.keys(fields).length) blocks.push({ kind: 'front_matter', text: '', fields });
  const lines = blockLines(body, blocks, true).split('\n').map((l) => l.trim()).filter(Boolean);
  return { format: 'html', encoding, text: lines.join('\n'), meta, blocks };
}
