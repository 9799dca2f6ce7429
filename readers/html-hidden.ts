// Text a page hides from the eye: a screen reader's hint (.sr-only, .visually-hidden,
// .screen-reader-text, clip:rect(0 0 0 0), a 1px box), a toggle's word said to screen readers
// (aria-hidden), markup kept for later (<template>), a mark set display:none or visibility:hidden,
// by its style attribute, the hidden attribute or a class the page's own stylesheet hides.
// Two kinds: what only a screen reader is meant to get (sr-only, clipped, <template>) is never
// text of the page; what is merely not shown now (display:none, hidden, aria-hidden) is left out
// when it is a mark inside a line or a short block. A hidden block of prose stays: a collapsed
// accordion's answer, or a WeChat article's body, hidden until the page's script shows it.
import type { HTMLElement } from 'node-html-parser';

/** Class names the common CSS frameworks and CMS themes give a screen reader's text. */
const SR_CLASS = /^(?:sr-only|sr-text|visually-?hidden|screen-?reader-?(?:text|only)|element-invisible|hidden-accessible|a11y-hidden|u-hidden-visually|offscreen|off-screen|hide-text|text-hide)$/i;
/** Class names that mean "not shown" (Bootstrap's d-none, hidden, hide, invisible …). */
const HIDE_CLASS = /^(?:hidden|hide|d-none|is-hidden|invisible|display-none|u-hidden)$/i;

type Hiding = 'sr' | 'hide';

/** How a list of CSS declarations hides what it styles, if it does. */
export function hidingOf(decl: string): Hiding | null {
  const d = decl.toLowerCase().replace(/\s+/g, '');
  const has = (re: RegExp) => re.test(d);
  if (has(/(?:^|;)clip:rect\((?:0|1px)(?:px)?,?(?:0|1px)(?:px)?,?(?:0|1px)(?:px)?,?(?:0|1px)(?:px)?\)/)) return 'sr';
  if (has(/(?:^|;)clip-path:inset\((?:50|100)%\)/)) return 'sr';
  if (has(/(?:^|;)(?:width|max-width):(?:0|1px)(?:;|$)/) && has(/(?:^|;)(?:height|max-height):(?:0|1px)(?:;|$)/) && has(/(?:^|;)overflow:hidden/)) return 'sr';
  if (has(/(?:^|;)text-indent:-\d{3,}(?:px|em)/) || (has(/(?:^|;)position:absolute/) && has(/(?:^|;)(?:left|top):-\d{3,}(?:px|em)/))) return 'sr';
  if (has(/(?:^|;)display:none/) || has(/(?:^|;)visibility:hidden/)) return 'hide';
  return null;
}

/**
 * A stylesheet's top-level rules on one class (`.x1{…}`, `div.t{…}`, each class of `.a, .b{…}`), in
 * the sheet's order, with their declarations' text: a @media or @font-face block is skipped (its
 * rules are not always in force), comments are no rules.
 */
export function classRuleBodies(css: string): Array<{ cls: string; body: string }> {
  const out: Array<{ cls: string; body: string }> = [];
  const clean = css.replace(/\/\*[\s\S]*?\*\//g, '');
  let depth = 0;
  let start = 0;
  let selector = '';
  for (let i = 0; i < clean.length; i++) {
    const c = clean[i];
    if (c === '{') {
      if (depth === 0) selector = clean.slice(start, i).trim();
      depth++;
      start = i + 1;
    } else if (c === '}') {
      depth = Math.max(0, depth - 1);
      if (depth !== 0) continue;
      if (!selector.startsWith('@')) {
        const body = clean.slice(start, i);
        for (const sel of selector.split(',')) {
          const m = /^\s*[a-z]*\.([\w-]+)\s*$/i.exec(sel);
          if (m) out.push({ cls: m[1]!, body });
        }
      }
      start = i + 1;
    }
  }
  return out;
}

/** The classes the page's own stylesheets hide, from their top-level rules `.name{…}`. */
export function hiddenClasses(css: string): Map<string, Hiding> {
  const out = new Map<string, Hiding>();
  for (const { cls, body } of classRuleBodies(css)) {
    const how = hidingOf(body);
    if (how && out.get(cls) !== 'sr') out.set(cls, how);
  }
  return out;
}

/** The stylesheets' text of a page (its <style> elements). */
export function styleText(html: string): string {
  let css = '';
  for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi)) css += m[1] + '\n';
  return css;
}

function hidingOfElement(e: HTMLElement, classes: Map<string, Hiding>): Hiding | null {
  const tag = e.rawTagName?.toLowerCase() ?? '';
  if (tag === 'template') return 'sr';
  let how: Hiding | null = null;
  const raise = (h: Hiding | null | undefined) => { if (h === 'sr' || (h === 'hide' && !how)) how = h; };
  for (const cls of (e.getAttribute('class') ?? '').split(/\s+/).filter(Boolean)) {
    raise(SR_CLASS.test(cls) ? 'sr' : HIDE_CLASS.test(cls) ? 'hide' : classes.get(cls));
  }
  const style = e.getAttribute('style');
  if (style) raise(hidingOf(style));
  if (e.hasAttribute('hidden') || e.getAttribute('aria-hidden')?.trim().toLowerCase() === 'true') raise('hide');
  return how;
}

function cjk(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) { const c = s.charCodeAt(i); if (c >= 0x4e00 && c <= 0x9fff) n++; }
  return n;
}

/** Fewer Chinese characters than this make a hidden block a hint, not content. */
const SHORT_BLOCK = 20;

/** Remove from `root` the text its page hides from the eye (see the file's head); `blocks` are the block-level tags. */
export function dropHidden(root: HTMLElement, css: string, blocks: ReadonlySet<string>): void {
  const classes = hiddenClasses(css);
  const isBlock = (e: HTMLElement) => blocks.has(e.rawTagName?.toLowerCase() ?? '') || e.querySelectorAll('*').some((d) => blocks.has(d.rawTagName?.toLowerCase() ?? ''));
  for (const e of root.querySelectorAll('*')) {
    if (!e.parentNode) continue;
    const how = hidingOfElement(e, classes);
    if (!how) continue;
    if (how === 'sr' || !isBlock(e) || cjk(e.text) < SHORT_BLOCK) e.remove();
  }
}
