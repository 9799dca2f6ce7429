// Values the dataset keeps that are computed from a record rather than copied from it: a
// bulletin's fingerprint and year, its problems' search tokens and grams, its figures (bulletin_stats), and
// whether its problem list was found. store/tables.ts names where each goes.
import { createHash } from 'node:crypto';
import type { BulletinRecord } from '../core/record.js';
import { loadRules, pattern, rx, type RegexRule } from '../core/rules.js';
import { searchTokensMany } from '../core/tokens.js';
import { gramsOf } from './grams.js';

/** spaces and quotes (straight, curly, corner) do not tell two copies of a bulletin apart */
const norm = (s: string | null) => (s ?? '').normalize('NFKC').replace(pattern(`[\\s{{p.curly_quotes}}"'{{p.corner_quotes}}]`, 'g'), '');

/** What makes two files the same bulletin whatever their format: title, unit, dates, problems, totals. */
export function fingerprint(rec: BulletinRecord): string {
  const b = rec.bulletin;
  const key = [norm(b.title), norm(b.unit), b.inspection_start, b.feedback_date, rec.issues.map((i) => `${i.number}:${norm(i.problem)}`), Object.entries(rec.summary).sort()];
  // a document with nothing of a bulletin to compare (notes.txt, an English page) is only itself:
  // its text tells it apart, so two unrelated files never make one publication
  if (!b.title && !b.unit && !rec.issues.length && !Object.keys(rec.summary).length) key.push(norm(rec.text));
  return createHash('sha256').update(JSON.stringify(key)).digest('hex').slice(0, 32);
}

/**
 * The year of the inspection, else of another date, else the first year its opening writes (a
 * month-only range, 2023年9月至11月, gives no date but says the year).
 */
export function yearOf(rec: BulletinRecord): number | null {
  const b = rec.bulletin;
  return Number((b.inspection_start ?? b.feedback_date ?? b.as_of_date ?? b.published_date ?? '').slice(0, 4))
    || Number(rx(loadRules<{ year_in_opening: RegexRule }>('metadata.json').year_in_opening).exec(rec.text.slice(0, 2000))?.[1]) || null;
}

/** FTS5 rows of a record's issues: jieba search tokens, space-joined (problem, measures, outcome). */
export function ftsRows(rec: BulletinRecord): Array<[string, string, string]> {
  // in chunks of about 200,000 characters: jieba hands back every token as a string of its own,
  // and a 50 MB bulletin's tokens at once took gigabytes; each chunk's are joined before the next
  const out: Array<[string, string, string]> = [];
  let from = 0;
  while (from < rec.issues.length) {
    let to = from;
    let chars = 0;
    while (to < rec.issues.length && (to === from || chars < 200_000)) {
      const i = rec.issues[to]!;
      chars += i.problem.length + i.measures.reduce((n, m) => n + m.length, 0) + (i.outcome?.length ?? 0);
      to++;
    }
    const chunk = rec.issues.slice(from, to);
    const toks = searchTokensMany(chunk.flatMap((i) => [i.problem, i.measures.join('\n'), i.outcome ?? '']));
    chunk.forEach((_, k) => out.push([toks[3 * k]!.join(' '), toks[3 * k + 1]!.join(' '), toks[3 * k + 2]!.join(' ')]));
    from = to;
  }
  return out;
}

/** The substring index's rows of a record's issues: each problem's grams (store/grams.ts), space-joined. */
export function gramRows(rec: BulletinRecord): string[] {
  return rec.issues.map((i) => gramsOf([i.problem, ...i.measures, i.outcome]));
}

const isRecovered = (q: { kind: string; role?: string | null }) => q.kind === 'money' && q.role === 'recovered';
const isOtherMoney = (q: { kind: string; role?: string | null }) => q.kind === 'money' && (q.role ?? 'other') !== 'recovered';

/** A bulletin's figures as bulletin_stats keeps them (see statsOf). */
export interface Stats {
  problems: number; completed: number; money_recovered: number; money_other: number;
  /** JSON [[label, problems, completed, recovered, other], …] */
  themes: string;
  declared_problems: number | null; declared_rules: number | null; declared_money_recovered: number | null; mismatches: number;
}

type ThemeGroup = { label: string; first: number; theme: string; n: number; c: number; m: number; mo: number };

/**
 * A bulletin's figures as bulletin_stats keeps them: its problems, how many are completed, the
 * recovered and other money of its problems, and per theme [label, problems, completed,
 * recovered, other] in the order first met (by problem, then theme id), the problems with no
 * theme last under label null; then what compare reads of the bulletin's own totals: the problems,
 * rules and recovered money it declares (null: not declared) and its declared-vs-found mismatches.
 * The same numbers STATS_SQL (store/db.ts) derives from the rows.
 */
export function statsOf(rec: BulletinRecord): Stats {
  let completed = 0;
  let recovered = 0;
  let other = 0;
  const themes = new Map<string, ThemeGroup>();
  const none = { n: 0, c: 0, m: 0, mo: 0 };
  rec.issues.forEach((i, k) => {
    const done = i.status === 'completed' ? 1 : 0;
    completed += done;
    let m = 0;
    let mo = 0;
    for (const q of i.quantities) { if (isRecovered(q)) m += q.value; else if (isOtherMoney(q)) mo += q.value; }
    recovered += m;
    other += mo;
    const seen = new Set<string>();
    for (const t of i.themes) {
      if (seen.has(t.theme)) continue; // one tag per theme and problem (the table's UNIQUE)
      seen.add(t.theme);
      const key = JSON.stringify([t.theme, t.label]);
      let g = themes.get(key);
      if (!g) themes.set(key, (g = { label: t.label, first: k, theme: t.theme, n: 0, c: 0, m: 0, mo: 0 }));
      g.n++; g.c += done; g.m += m; g.mo += mo;
    }
    if (!seen.size) { none.n++; none.c += done; none.m += m; none.mo += mo; }
  });
  const list: Array<[string | null, number, number, number, number]> = [...themes.values()]
    .sort((a, b) => a.first - b.first || (a.theme < b.theme ? -1 : a.theme > b.theme ? 1 : 0))
    .map((g) => [g.label, g.n, g.c, g.m, g.mo]);
  if (none.n) list.push([null, none.n, none.c, none.m, none.mo]);
  const declared = (k: string) => rec.summary[k] ?? null;
  const mismatches = rec.warnings.filter((w) => w.code === 'declared_total_mismatch').length;
  return {
    problems: rec.issues.length, completed, money_recovered: recovered, money_other: other, themes: JSON.stringify(list),
    declared_problems: declared('problems'), declared_rules: declared('rules'), declared_money_recovered: declared('money_recovered'), mismatches,
  };
}

/** Was the bulletin's problem list not found: no problem at all (no_problems_found), or not the count it declares? */
export function problemsNotFound(rec: BulletinRecord): boolean {
  return rec.warnings.some((w) => w.code === 'no_problems_found' || w.rule === 'reconcile.problems') && rec.warnings.every((w) => w.code !== 'not_a_bulletin');
}
