// Answers that name the problems they answer by number (针对第1个问题：… ⏎ 针对第1、2个问题，… ⏎
// 对第三个问题，…), away from where the problems are stated: each, up to the next such answer or a
// part or category heading, is joined to its problem; one that names several (第1、2个, 第3至5个) is
// the shared answer of each, its figures the bulletin's (counted once, not in each problem).
import { pattern, rx } from '../../core/rules.js';
import { cnOrdinal, clip, type CategoryBlock, type Frame, type Layout, type ProblemBlock } from './model.js';

/** Per paragraph: 1 where it is one of a problem's own paragraphs. */
function insideProblems(n: number, problems: ProblemBlock[]): Uint8Array {
  const inside = new Uint8Array(n);
  for (const p of problems) for (let i = p.first; i <= p.last; i++) inside[i] = 1;
  return inside;
}

/** The numbers a reference names (1 → [1]; 1、2 → [1, 2]; 1个、第3 → [1, 3]; 3至5 / 3-5 → [3, 4, 5]). */
export function refNumbers(s: string): number[] {
  const out: number[] = [];
  const num = pattern('[\\d{{n.ordinal}}]+');
  const range = /[\u81f3\u5230\-\uff0d\u2014~\uff5e]/; // 至 到 - － — ~ ～
  let prevEnd = -1;
  for (const m of s.matchAll(new RegExp(num.source, 'g'))) {
    const n = cnOrdinal(m[0]);
    const last = out[out.length - 1];
    if (last !== undefined && range.test(s.slice(prevEnd, m.index)) && n > last && n - last < 20) for (let k = last + 1; k < n; k++) out.push(k);
    out.push(n);
    prevEnd = m.index! + m[0].length;
  }
  return out;
}

/**
 * Problems stated in one part and rectified in another, each answer naming its problem by number
 * (二、巡察反馈问题 1.… 9. ⏎ 三、整改落实情况 针对第1个问题：一是…): each answer, up to the next one or a
 * part or category heading, is joined to its problem. Two problems answered at least, each by an
 * answer not inside any problem's own paragraphs.
 */
export function linkAnswers(L: Layout, f: Frame, problems: ProblemBlock[], categories: CategoryBlock[] = []): void {
  if (problems.length < 2) return;
  const { paras, headings, r, doc } = L;
  const ref = rx(r.problem_ref);
  const inside = insideProblems(paras.length, problems);
  const refs: Array<{ para: number; ns: number[]; at: number }> = [];
  for (let i = f.bodyStart; i < f.closing; i++) {
    if (inside[i]) continue;
    const m = ref.exec(paras[i]!.text);
    const ns = m ? refNumbers(m[1]!) : [];
    if (m && ns.length) refs.push({ para: i, ns, at: paras[i]!.start + m[0].length });
  }
  // numbers that start again in each category (对第一个问题 … under （二） again) count in the category they stand in
  const restart = categories.length > 1 && refs.some((x, k) => k > 0 && Math.min(...x.ns) <= Math.max(...refs[k - 1]!.ns));
  const byNumber = new Map(problems.map((p) => [p.number, p]));
  const categoryAt = (i: number) => [...categories].filter((c) => c.para <= i).sort((a, b) => b.para - a.para)[0]?.ordinal;
  const hits: Array<{ para: number; problems: ProblemBlock[]; at: number }> = [];
  const taken = new Set<ProblemBlock>();
  for (const x of refs) {
    const mine = restart ? problems.filter((q) => q.category === categoryAt(x.para)) : [];
    const ps = x.ns.map((n) => (restart ? mine[n - 1] : byNumber.get(n))).filter((p): p is ProblemBlock => !!p && !taken.has(p));
    if (ps.length !== x.ns.length) continue;
    ps.forEach((p) => taken.add(p));
    hits.push({ para: x.para, problems: ps, at: x.at });
  }
  if (taken.size < 2) return;
  hits.forEach((h, k) => {
    const stop = k + 1 < hits.length ? hits[k + 1]!.para : f.closing;
    let last = h.para;
    while (last + 1 < stop && !inside[last + 1] && !(headings[last + 1] && headings[last + 1]!.level <= 2)) last++;
    const shared = h.problems.length > 1;
    for (const p of h.problems) p.answer = { first: h.para, last, headStart: h.at, rule: r.problem_ref.id, ...(shared ? { shared } : {}) };
    const names = h.problems.map((p) => p.number).join(', ');
    doc.decide('segment', 'measures', r.problem_ref.id, [paras[h.para]!.start, paras[last]!.end], `answers problem${shared ? 's' : ''} ${names}${shared ? ' together' : ''}: ${clip(paras[h.para]!.text)}`, h.problems[0]!.number);
  });
}
