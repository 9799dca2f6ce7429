// Competing readings of a problem list, scored on the bulletin's own evidence (issue 20).
// The segmenter proposes readings (its default choice of the problem level; every other
// numbered level; labelled blocks; one-line problems under category headings) and each is
// scored here on: agreement with the declared problem and aspect counts, each problem
// having measures or a status and stating one status only, and numbering that runs without gaps. Declared totals are
// evidence, never forced: a bulletin that disagrees with its own list keeps the best list
// and gets the warning from reconcile. The default reading wins ties.

import { decisionId } from '../../core/vocabulary.js';

/** What a reading gives, as the scorer sees it. */
export interface ReadingBlock {
  /** the printed ordinal (0 when unnumbered) and the category it sits in */
  ordinal: number;
  category: number | null;
  /** the block carries its measures or a status (more than its heading line, or 一是/整改：/已完成 in it) */
  supported: boolean;
  /** paragraphs in the block that only state a status (已整改完成。/ 整改状态：完成): one problem has one */
  statuses: number;
}

/** What the bulletin says of itself, read before the problems are chosen. */
export interface Evidence { problems?: number; tasks?: number; aspects?: number }

export type { ReadingScore } from '../../core/segmentation.js';
import type { ReadingScore } from '../../core/segmentation.js';

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Does n agree with the declared count (problems, or tasks where problems are stated per task)? 4 exact; less the further off. */
function countFit(n: number, ev: Evidence): number {
  const declared = [ev.problems, ev.tasks].filter((x): x is number => x !== undefined && x > 0);
  if (!declared.length) return 1; // nothing to check against: neutral
  if (declared.includes(n)) return 4;
  const off = Math.min(...declared.map((d) => Math.abs(n - d) / d));
  return Math.max(0, 3 * (1 - off)) - 0.5;
}

/** Share of problems whose printed numbers run on (n after n-1, or 1 in a new category); unnumbered: half. */
function numberingFit(blocks: ReadingBlock[]): number {
  if (!blocks.some((b) => b.ordinal > 0)) return 0.5;
  let ok = 0;
  blocks.forEach((b, k) => {
    const prev = blocks[k - 1];
    if (!prev ? b.ordinal === 1 : b.ordinal === prev.ordinal + 1 || (b.category !== prev.category && b.ordinal === 1)) ok++;
  });
  return ok / blocks.length;
}

export function scoreReading(id: string, rule: string, blocks: ReadingBlock[], categories: number, ev: Evidence, isDefault: boolean): ReadingScore {
  const n = blocks.length;
  const terms = {
    count: n ? countFit(n, ev) : 0,
    aspects: n && ev.aspects !== undefined && categories === ev.aspects ? 0.5 : 0,
    support: n ? 2 * (blocks.filter((b) => b.supported).length / n) : 0,
    // a block that states two statuses or more holds as many problems
    single: n ? blocks.filter((b) => b.statuses <= 1).length / n : 0,
    numbering: n ? 0.5 * numberingFit(blocks) : 0,
    prior: isDefault ? 0.25 : 0,
  };
  const score = n ? terms.count + terms.aspects + terms.support + terms.single + terms.numbering + terms.prior : 0;
  return { id, rule, problems: n, categories, score: round2(score), terms: { count: round2(terms.count), aspects: terms.aspects, support: round2(terms.support), single: round2(terms.single), numbering: round2(terms.numbering), prior: terms.prior }, chosen: false };
}

/** The best reading: the highest score; the first (the default) on a tie. */
export function choose(scores: ReadingScore[]): number {
  let best = 0;
  scores.forEach((s, k) => { if (s.score > scores[best]!.score + 1e-9) best = k; });
  scores[best]!.chosen = true;
  return best;
}

/** One line for explain: what a reading found and why it scored so. */
export function describeReading(s: ReadingScore): string {
  const t = s.terms;
  return `reading ${s.id}${s.chosen ? ' (chosen)' : ''}: ${s.problems} problems, ${s.categories} categories, score ${s.score} = count ${t.count} + aspects ${t.aspects} + measures/status ${t.support} + one status each ${t.single} + numbering ${t.numbering}${t.prior ? ` + default ${t.prior}` : ''}`;
}

/** A reading the segmenter can make: its id, rule id, and how to make it (only when it is needed). */
export interface Candidate<R> { id: string; rule: string; read: () => R }

/** What the segmenter gives the chooser: its default reading, the others, and how to see a reading. */
export interface Proposer<R> {
  first: Candidate<R>;
  /** what the bulletin declares, read outside the default reading's problems */
  evidence(read: R): Evidence;
  blocks(read: R): ReadingBlock[];
  categories(read: R): number;
  alternatives(): Array<Candidate<R>>;
}

/**
 * The default reading stands alone when its count agrees with the declared one, or when nothing
 * is declared and its problems carry measures or a status, one status each; otherwise every
 * alternative is read and scored, and the best wins (the default on a tie). Every reading scored,
 * and the choice, are traced (the Doc's decisions, for explain).
 */
export function chooseAmong<R>(trace: (rule: string, message: string, problems: number) => void, p: Proposer<R>): { read: R; scores: ReadingScore[] } {
  const first = p.first.read();
  const reads = [first];
  const ev = p.evidence(first);
  const def = scoreReading(p.first.id, p.first.rule, p.blocks(first), p.categories(first), ev, true);
  const scores = [def];
  const declared = ev.problems !== undefined || ev.tasks !== undefined;
  const settled = def.problems > 0 && def.terms.single === 1 && (declared ? def.terms.count === 4 : def.terms.support >= 1);
  if (!settled) {
    for (const c of p.alternatives()) {
      const r = c.read();
      reads.push(r);
      scores.push(scoreReading(c.id, c.rule, p.blocks(r), p.categories(r), ev, false));
    }
  }
  const best = choose(scores);
  if (scores.length === 1) {
    const why = def.problems === 0 ? 'no problems' : declared ? `its ${def.problems} problems agree with the declared count` : 'nothing declared to check against, and its problems carry their measures or status, one status each';
    trace(def.rule, `${describeReading(def)}; it stands alone: ${why}`, def.problems);
  } else {
    const why = ev.problems !== undefined ? `declared ${ev.problems} problems` : ev.tasks !== undefined ? `declared ${ev.tasks} tasks` : 'no declared count';
    for (const sc of scores) trace(sc.rule, describeReading(sc), sc.problems);
    trace(decisionId('readings'), `${scores.length} readings scored (${why}${ev.aspects !== undefined ? `, ${ev.aspects} aspects` : ''}): ${scores[best]!.id} wins with ${scores[best]!.problems} problems`, scores[best]!.problems);
  }
  return { read: reads[best]!, scores };
}
