// Problems listed in one part and answered in a later one, each answer headed by its problem's
// title in quotes and no number (二、巡察反馈的主要问题 1.X … ⏎ 三、整改落实情况 关于‘X’的问题。 ⏎
// 整改情况：…; 针对“Y”问题：一是…), in any order, the title often shortened or reworded. Each answer
// is joined to the listed problem whose words its title shares most (pairs of adjacent characters,
// the best pairs first), only where the problems carry no measures of their own and most of the
// answers find a problem clearly like them.
import { rx } from '../../core/rules.js';
import { clip, type Frame, type Layout, type ProblemBlock } from './model.js';

/** The pairs of adjacent Han characters, letters or digits of a text. */
function pairs(t: string): Set<string> {
  const s = t.replace(/[^\p{Script=Han}\p{L}\p{N}]+/gu, '');
  const out = new Set<string>();
  for (let k = 0; k + 1 < s.length; k++) out.add(s.slice(k, k + 2));
  return out;
}

/** How much of the shorter of two texts the other has (shared pairs over the shorter's pairs). */
function likeness(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / Math.min(a.size, b.size);
}

/** Least likeness for an answer's title to name a problem. */
const LIKE = 0.5;

export function titleAnswers(L: Layout, f: Frame, problems: ProblemBlock[]): void {
  if (problems.length < 2 || problems.some((p) => p.answer || p.last > p.first)) return;
  const { paras, headings, doc, r } = L;
  const head = rx(r.answer_title);
  const after = problems[problems.length - 1]!.last + 1;
  const heads: Array<{ para: number; title: string; at: number }> = [];
  for (let i = after; i < f.closing; i++) {
    if (headings[i]?.level === 1 && heads.length) break;
    const m = headings[i] ? null : head.exec(paras[i]!.text);
    if (m) heads.push({ para: i, title: m[1]!, at: paras[i]!.start + m[0].length });
  }
  if (heads.length < 2 || heads.length < problems.length / 2) return;
  const words = problems.map((p) => pairs(doc.text.slice(p.headStart, paras[p.first]!.end)));
  const scored = heads.flatMap((h, k) => { const t = pairs(h.title); return problems.map((_, j) => ({ k, j, s: likeness(t, words[j]!) })); })
    .filter((x) => x.s >= LIKE).sort((a, b) => b.s - a.s);
  const headOf = new Map<number, number>();
  const taken = new Set<number>();
  for (const x of scored) if (!headOf.has(x.j) && !taken.has(x.k)) { headOf.set(x.j, x.k); taken.add(x.k); }
  if (taken.size < heads.length / 2) return;
  for (const [j, k] of headOf) {
    const h = heads[k]!;
    let last = h.para;
    const stop = k + 1 < heads.length ? heads[k + 1]!.para : f.closing;
    while (last + 1 < stop && !(headings[last + 1] && headings[last + 1]!.level <= 1)) last++;
    const p = problems[j]!;
    p.answer = { first: h.para, last, headStart: h.at, rule: r.answer_title.id };
    doc.decide('segment', 'measures', r.answer_title.id, [paras[h.para]!.start, paras[last]!.end], `answers problem ${p.number} by its title: ${clip(h.title)}`, p.number);
  }
}
