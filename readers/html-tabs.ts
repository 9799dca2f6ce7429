// A page whose sections are tabs (Bootstrap's .nav-tabs, ARIA role=tablist, layui's .layui-tab-title):
// the labels stand in a strip, each tied to its panel (href="#id", aria-controls, data-target, or
// by place: the strip's Nth item, the panel box's Nth child), and only one panel shows at a time.
// Saved, the page holds every panel; what names a panel's content is its tab's label, away from it.
// Each panel is read with its label as its heading, and the strip goes: its labels are no lines of
// the article (a strip in a sidebar of links is chrome, and goes with it).
import type { HTMLElement } from 'node-html-parser';
import { parse } from 'node-html-parser';

const STRIP_CLASS = /(?:^|[\s_-])(?:nav-tabs|tab-?(?:title|nav|head|header|menu|bar|list|btns?)|tabs?-?(?:hd|tt))(?:$|[\s_-])|^tabs?$/i;
const BOX_CLASS = /(?:^|[\s_-])tab-?(?:content|contents|panels?|panes?|body|bd|con|cont|box)(?:$|[\s_-])/i;
/** A count in a tab's label (a badge: <span class=badge>3</span>, （3）): no part of its name. */
const COUNT = /^[(\uff08[]?\d{1,3}[)\uff09\]]?$/;

const children = (e: HTMLElement) => e.childNodes.filter((c): c is HTMLElement => c.nodeType === 1);
const tagOf = (e: HTMLElement) => e.rawTagName?.toLowerCase() ?? '';

/** A tab's label: its words without a count badge. */
function labelOf(tab: HTMLElement): string {
  const copy = parse(tab.outerHTML);
  for (const e of copy.querySelectorAll('*')) if (e.parentNode && COUNT.test(e.text.replace(/\s+/g, ''))) e.remove();
  return copy.text.replace(/\s+/g, ' ').trim().replace(/\s*[(\uff08]\d{1,3}[)\uff09]$/, '');
}

/** The strip's tabs: its items (li, or the links or buttons it holds directly). */
function tabsOf(strip: HTMLElement): HTMLElement[] {
  const own = children(strip);
  const items = own.filter((c) => tagOf(c) === 'li');
  if (items.length) return items;
  return own.filter((c) => ['a', 'button', 'span', 'div'].includes(tagOf(c)) || c.getAttribute('role') === 'tab');
}

/** The id a tab points its panel by (aria-controls, data-target="#id", data-bs-target, href="#id"), on it or inside it. */
function targetOf(tab: HTMLElement): string | null {
  for (const e of [tab, ...tab.querySelectorAll('a,button,[role=tab]')]) {
    const v = e.getAttribute('aria-controls') ?? e.getAttribute('data-target') ?? e.getAttribute('data-bs-target') ?? e.getAttribute('href');
    const id = v?.trim().replace(/^#/, '');
    if (id && /^[\w-]+$/.test(id) && (v!.startsWith('#') || e.getAttribute('aria-controls'))) return id;
  }
  return null;
}

/** The box of panels after a strip, matched by place: the next element (or its descendant) of a tab-content class with as many children as tabs. */
function panelsByPlace(strip: HTMLElement, n: number): HTMLElement[] | null {
  const sibs = strip.parentNode ? children(strip.parentNode) : [];
  for (const s of sibs.slice(sibs.indexOf(strip) + 1)) {
    const box = BOX_CLASS.test(s.getAttribute('class') ?? '') ? s : s.querySelector('[class*=tab]');
    if (box && BOX_CLASS.test(box.getAttribute('class') ?? '') && children(box).length === n) return children(box);
    break;
  }
  return null;
}

/** Each tab strip of the page with two panels at least: its labels become the panels' headings (<h4>), the strip goes. */
export function tabsToHeadings(root: HTMLElement): void {
  const strips = root.querySelectorAll('[role=tablist],ul,ol,div').filter((e) => e.getAttribute('role') === 'tablist' || STRIP_CLASS.test(e.getAttribute('class') ?? ''));
  for (const strip of strips) {
    if (!strip.parentNode || strips.some((o) => o !== strip && o.parentNode && strip.closest('[role=tablist]') === o)) continue;
    const tabs = tabsOf(strip);
    if (tabs.length < 2) continue;
    const byId = tabs.map((t) => { const id = targetOf(t); return id ? root.querySelector(`[id="${id}"]`) : null; });
    const panels = byId.every((p) => p && !strip.querySelector(`[id="${p.id}"]`)) ? (byId as HTMLElement[]) : panelsByPlace(strip, tabs.length);
    if (!panels || new Set(panels).size !== panels.length) continue;
    tabs.forEach((t, k) => {
      const label = labelOf(t);
      if (label) panels[k]!.insertAdjacentHTML('afterbegin', `<h4>${label.replace(/[<&>]/g, (c) => `&#${c.charCodeAt(0)};`)}</h4>`);
    });
    strip.remove();
  }
}
