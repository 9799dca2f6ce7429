// The competing readings of the problem list, each scored on the bulletin's own evidence
// (readings.ts), and the choice among them.
import { rx } from '../../core/rules.js';
import { decisionId, isStatusLine, saysStatus, statusOnly } from '../../core/vocabulary.js';
import { extractTotals } from '../totals/totals.js';
import { chooseAmong, type ReadingScore, type Evidence } from './readings.js';
import type { Doc } from '../../core/doc.js';
import { type CategoryBlock, type Frame, type Layout, type ProblemBlock } from './model.js';
import type { Parts } from './frame.js';
import { perCategoryLevels, type ProblemLevel } from './level.js';
import { findBlocks, type ReadingMode } from './blocks.js';
import { headingCategory } from './headings.js';
import { setExtents } from './extents.js';
import { frontParas } from './frame.js';

export interface Read { categories: CategoryBlock[]; problems: ProblemBlock[]; messages: Doc['messages'] }

const EVIDENCE_KEYS: ReadonlySet<string> = new Set(['problems', 'tasks', 'aspects']);

/** What the bulletin declares of its problems and aspects, read outside the problems of a reading. */
export function evidenceOutside(L: Layout, frame: Frame, parts: Parts, problems: ProblemBlock[]): Evidence {
  const inside = new Uint8Array(L.paras.length);
  for (const p of problems) for (let i = p.first; i <= p.last; i++) inside[i] = 1;
  const pieces = L.paras.filter((_, i) => !inside[i]).map((p) => ({ text: p.text, start: p.start }));
  const front = frontParas(L, frame, parts);
  const starts = new Map(L.paras.map((p, i) => [p.start, i]));
  // each piece is one paragraph here, and a sentence starts in one: walk back to its paragraph's start
  const { summary } = extractTotals(pieces, (off) => { let i = off; while (i > 0 && !starts.has(i)) i--; return front[starts.get(i) ?? 0] ?? true; }, EVIDENCE_KEYS);
  return { problems: summary.problems, tasks: summary.tasks, aspects: summary.aspects };
}

/** Does a problem block carry its measures or a status (more than its one line, or 整改：/一是/已完成 in it)? */
export function supported(L: Layout, b: ProblemBlock): boolean {
  if (b.last > b.first) return true;
  const t = L.doc.text.slice(b.headStart, L.paras[b.first]!.end);
  return rx(L.r.run_in_measures).test(t) || rx(L.r.series).test(t) || rx(L.r.labels.measures_inline).test(t) || saysStatus(t);
}

/**
 * The problem list as competing readings, chosen on the bulletin's own evidence. The default
 * (the problem level found above) stands alone when it agrees with the declared count, or when
 * nothing is declared and most of its problems carry measures or a status, and no problem of it
 * states two statuses (two problems read as one); otherwise every other
 * numbered level, labelled blocks and one-line problems are read too, each scored
 * (stages/segment/readings.ts), and the best wins. Every reading and its score is traced for explain.
 */
export function chooseReading(L: Layout, frame: Frame, parts: Parts, level: ProblemLevel): Read & { readings: ReadingScore[] } {
  const { doc } = L;
  const run = (lv: ProblemLevel, mode: ReadingMode) => (): Read => {
    const mark = doc.messages.length;
    const b = findBlocks(L, frame, parts, lv, mode);
    setExtents(L, b.problems, b.categories, parts.level1, frame.closing, mode === 'numbered' ? lv.level : 0, mode === 'numbered' ? lv.at : undefined);
    return { ...b, messages: doc.messages.splice(mark) };
  };
  const statusParas = (b: ProblemBlock) => { let n = 0; for (let i = b.first + 1; i <= b.last; i++) if (statusOnly(L.paras[i]!.text) || isStatusLine(L.paras[i]!.text)) n++; return n; };
  const defMode: ReadingMode = level.level ? 'numbered' : 'labelled';
  // numbered problems, and labelled ones where the numbering stops (01 … 08 ⏎ 问题九：…): both, in order
  const mixed = (none: ProblemLevel) => (): Read => {
    const mark = doc.messages.length;
    const a = findBlocks(L, frame, parts, level, 'numbered');
    const keep = doc.messages.length;
    const b = findBlocks(L, frame, parts, none, 'labelled');
    doc.messages.splice(keep);
    const firsts = new Set(a.problems.map((p) => p.first));
    const extra = b.problems.filter((p) => !firsts.has(p.first));
    for (const p of extra) p.category = [...a.categories].reverse().find((c) => c.para < p.first)?.ordinal ?? null;
    const problems = [...a.problems, ...extra].sort((x, y) => x.first - y.first);
    setExtents(L, problems, a.categories, parts.level1, frame.closing, level.level);
    return { categories: a.categories, problems, messages: doc.messages.splice(mark) };
  };
  // a list that states the problems first and again, one by one with their measures, later (反馈问题清单：1.X；…
  // then 二、1.关于X的问题 ⏎ 整改措施：…): the first statement is a summary, the later one the problems
  const restated = (): Read => {
    const r = run(level, defMode)();
    const at = r.problems.findIndex((b) => supported(L, b));
    const printed = (b: ProblemBlock) => b.label?.match(/\d+/)?.[0] ?? null;
    const words = (b: ProblemBlock) => L.doc.text.slice(b.headStart, L.paras[b.first]!.end);
    const later = new Map(r.problems.slice(at).map((b) => [printed(b), words(b)]));
    const summary = r.problems.slice(0, Math.max(at, 0));
    // (each stated again: the same number, its first words among the later problem's)
    const han = (t: string) => t.replace(/[^\u3400-\u9fff]/g, '');
    const again = (b: ProblemBlock) => { const w = later.get(printed(b)); return printed(b) !== null && w !== undefined && han(w).includes(han(words(b)).slice(0, 6)); };
    if (at > 0 && summary.every(again)) return { ...r, problems: r.problems.slice(at) };
    // a problem stated twice in the same words (a narrative, then a ledger appended that repeats it): the first
    // statement that carries its measures or status stands (a bare summary line gives way to the later one)
    const key = (b: ProblemBlock) => { const h = han(words(b)); return h.length >= 8 ? h.slice(0, 16) : null; };
    const best = new Map<string, ProblemBlock>();
    for (const b of r.problems) {
      const k = key(b);
      if (!k) continue;
      const seen = best.get(k);
      if (!seen || (!supported(L, seen) && supported(L, b))) best.set(k, b);
    }
    const kept = r.problems.filter((b) => { const k = key(b); return !k || best.get(k) === b; });
    return kept.length < r.problems.length ? { ...r, problems: kept } : r;
  };
  const { read, scores } = chooseAmong<Read>((rule, message, n) => doc.decide('segment', 'layout', rule, undefined, message, n), {
    first: { id: level.level ? `level ${level.level}` : 'labelled', rule: decisionId('reading_default'), read: run(level, defMode) },
    evidence: (r) => evidenceOutside(L, frame, parts, r.problems),
    blocks: (r) => r.problems.map((b) => ({ ordinal: b.label ? b.number : 0, category: b.category, supported: supported(L, b), statuses: statusParas(b) })),
    categories: (r) => r.categories.length,
    alternatives: () => {
      const levels = new Set<number>();
      for (let i = frame.bodyStart; i < frame.closing; i++) {
        const h = L.headings[i];
        if (h && !h.unitLine && h.level >= parts.minLevel && parts.inProblemScope(i) && !headingCategory(h)) levels.add(h.level);
      }
      const none: ProblemLevel = { level: 0, strict: false, rule: decisionId('reading_labelled') };
      return [
        ...[...levels].sort().filter((l) => l !== level.level).map((l) => ({ id: `level ${l}`, rule: decisionId('reading_level'), read: run({ level: l, strict: false, rule: decisionId('reading_level') }, 'numbered') })),
        ...perCategoryLevels(L, frame, parts).map((at) => ({ id: 'level per category', rule: decisionId('reading_per_category'), read: run({ level: Math.min(...at.filter((x) => x > 0)), strict: false, rule: decisionId('reading_per_category'), at }, 'numbered') })),
        { id: 'restated', rule: decisionId('reading_restated'), read: restated },
        ...(defMode !== 'labelled' ? [{ id: 'labelled', rule: decisionId('reading_labelled'), read: run(none, 'labelled') }, { id: 'numbered and labelled', rule: decisionId('reading_mixed'), read: mixed(none) }] : []),
        { id: 'one-line', rule: decisionId('reading_lines'), read: run({ ...none, rule: decisionId('reading_lines') }, 'lines') },
      ];
    },
  });
  doc.messages.push(...read.messages);
  return { ...read, readings: scores };
}
