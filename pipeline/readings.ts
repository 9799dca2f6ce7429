// Competing readings of a problem list, scored on the bulletin's own evidence (issue 20).
// The segmenter proposes readings (its default choice of the problem level; every other
// numbered level; labelled blocks; one-line problems under category headings) and each is
// scored here on: agreement with the declared problem and aspect counts, each problem
// having measures or a status and stating one status only, and numbering that runs without gaps. Declared totals are
// evidence, never forced: a bulletin that disagrees with its own list keeps the best list
// and gets the warning from reconcile. The default reading wins ties.

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

export interface ReadingScore {
  id: string;
  /** rule id of the reading (rules/structure.json decisions) */
  rule: string;
  problems: number;
  categories: number;
  score: number;
  /** each term of the score, for explain */
  terms: { count: number; aspects: number; support: number; single: number; numbering: number; prior: number };
  chosen: boolean;
}

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
