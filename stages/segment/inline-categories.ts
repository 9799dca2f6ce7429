// Categories named at the head of each problem instead of by headings: one flat list whose items
// open with their category in brackets (1.【政治建设】X, 11.（落实全面从严治党方面）X). Read only
// where no reading found categories: most problems open with such a label, and the labels repeat
// (a category holds several problems), so a problem that merely starts with a bracket is no
// category. Each label becomes a category in the order it first appears (its title without the
// brackets and a trailing 方面), the problems carrying it are under it, and a problem's words
// start after it.
import { rx } from '../../core/rules.js';
import { stripQuotes } from '../../core/vocabulary.js';
import { categoryTitle } from './headings.js';
import { clip, type CategoryBlock, type Layout, type ProblemBlock } from './model.js';

export function inlineCategories(L: Layout, categories: CategoryBlock[], problems: ProblemBlock[]): void {
  if (categories.length || problems.length < 4) return;
  const re = rx(L.r.inline_category);
  const status = rx(L.r.bracket_status);
  const text = L.doc.text;
  const labels = problems.map((p) => {
    const m = re.exec(text.slice(p.headStart, p.headStart + 40));
    if (!m || status.test(m[0])) return null;
    const title = categoryTitle(m[1]!.trim()) ?? stripQuotes(m[1]!.trim());
    const open = m[0].search(/\S/);
    return title ? { title, length: m[0].length, span: [p.headStart + open, p.headStart + m[0].trimEnd().length] as [number, number] } : null;
  });
  const named = labels.filter((l) => l !== null);
  const distinct = new Set(named.map((l) => l.title));
  if (named.length < problems.length * 0.8 || distinct.size < 2 || distinct.size * 2 > named.length) return;
  const ordinals = new Map<string, number>();
  problems.forEach((p, k) => {
    const l = labels[k];
    if (!l) return;
    let ordinal = ordinals.get(l.title);
    if (ordinal === undefined) {
      ordinal = ordinals.size + 1;
      ordinals.set(l.title, ordinal);
      categories.push({ ordinal, title: l.title, para: p.first, rule: L.r.inline_category.id, span: l.span });
      L.doc.decide('segment', 'category', L.r.inline_category.id, l.span, `category ${ordinal} named at the head of its problems: ${clip(l.title)}`, ordinal);
    }
    p.category = ordinal;
    p.headStart += l.length;
  });
}
