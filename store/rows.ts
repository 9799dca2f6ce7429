// A validated record turned into what the writer stores, computed where the record was made
// (a parsing worker): every value that does not depend on the database — the record's JSON,
// its fingerprint, its canonical unit, its search tokens, and each child table's rows as one
// JSON array. The writer then binds a few strings per table (SQLite reads the arrays with
// jsonb_each) instead of running a statement per row, and the record crosses threads as a
// handful of strings instead of an object graph.
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import type { BulletinRecord } from '../core/record.js';
import { loadRules, rx, type RegexRule } from '../core/rules.js';
import { canonicalUnit, successorName } from './units.js';
import { searchTokensMany } from '../core/tokens.js';

/** The unit a bulletin is about, resolved as far as the rules go (merges are the writer's: they live in the database). */
export interface UnitRef {
  /** canonical name after known renames */
  name: string;
  /** canonical name as the bulletin gives it, before renames */
  canonical: string;
  renameRule: string | null;
  region: string | null;
  level: string | null;
  /** the bulletin's own spelling and the aliases it declares */
  unitName: string | null;
  aliases: string[];
}

/**
 * Rows of the child tables, each a JSON array of arrays (column order as in `store/writer.ts`).
 * Issues are referred to by their index in `issues`, categories by their index in `categories`:
 * the writer turns indexes into ids.
 */
export interface TableRows {
  totals: string;
  categories: string;
  issues: string;
  measures: string;
  notes: string;
  quantities: string;
  cited: string;
  themes: string;
  fts: string;
  warnings: string;
}

export interface DocPayload {
  sha256: string;
  path: string;
  format: string;
  encoding: string | null;
  size: number;
  /** the normalized text deflate-compressed (what a SQLite dataset stores: SELECT zg_text(text);
   * a server, which compresses on its own, stores it inflated: the plain text does not travel
   * between threads as well) */
  textZ: Uint8Array;
  /**
   * the record less its text, as JSON deflate-compressed with the text as its preset dictionary
   * (the record's strings are mostly pieces of the text): SELECT zg_record(record, text)
   */
  record: Uint8Array;
  fingerprint: string;
  unit: UnitRef | null;
  /** bulletins columns from title to fingerprint-less end, in insert order */
  bulletin: Array<string | number | null>;
  rows: TableRows;
  /** bulletin_stats columns (see statsOf and STATS_COLUMNS in store/db.ts) */
  stats: [number, number, number, number, string, number | null, number | null, number | null, number];
  /** count of the record's warnings (for the batch's file event) */
  warnings: number;
  /** the bulletin's problems were not found: none at all, or not the count it declares (for the batch's summary) */
  problemsNotFound: boolean;
}

/** The stored forms of a document's text and record (store/db.ts zg_text and zg_record read them). */
export function compressDocument(text: string, recordJson: string): { textZ: Uint8Array; record: Uint8Array } {
  const t = Buffer.from(text);
  return { textZ: deflateRawSync(t), record: deflateRawSync(Buffer.from(recordJson), { dictionary: t }) };
}

/** The record's JSON from its stored form and the document's text (plain). */
export function recordJson(record: Uint8Array, text: string): string {
  return inflateRawSync(record, { dictionary: Buffer.from(text) }).toString('utf8');
}

const norm = (s: string | null) => (s ?? '').normalize('NFKC').replace(/[\s“”"‘’'「」]/g, '');

/** What makes two files the same bulletin whatever their format: title, unit, dates, problems, totals. */
export function fingerprint(rec: BulletinRecord): string {
  const b = rec.bulletin;
  const key = [norm(b.title), norm(b.unit), b.inspection_start, b.feedback_date, rec.issues.map((i) => `${i.number}:${norm(i.problem)}`), Object.entries(rec.summary).sort()];
  // a document with nothing of a bulletin to compare (notes.txt, an English page) is only itself:
  // its text tells it apart, so two unrelated files never make one publication
  if (!b.title && !b.unit && !rec.issues.length && !Object.keys(rec.summary).length) key.push(norm(rec.text));
  return createHash('sha256').update(JSON.stringify(key)).digest('hex').slice(0, 32);
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

const isRecovered = (q: { kind: string; role?: string | null }) => q.kind === 'money' && q.role === 'recovered';
const isOtherMoney = (q: { kind: string; role?: string | null }) => q.kind === 'money' && (q.role ?? 'other') !== 'recovered';

/**
 * A bulletin's figures as bulletin_stats keeps them: its problems, how many are completed, the
 * recovered and other money of its problems, and per theme [label, problems, completed,
 * recovered, other] in the order first met (by problem, then theme id), the problems with no
 * theme last under label null; then what compare reads of the bulletin's own totals: the problems,
 * rules and recovered money it declares (null: not declared) and its declared-vs-found mismatches.
 * The same numbers STATS_SQL (store/db.ts) derives from the rows.
 */
export function statsOf(rec: BulletinRecord): DocPayload['stats'] {
  let completed = 0;
  let recovered = 0;
  let other = 0;
  const themes = new Map<string, { label: string; first: number; theme: string; n: number; c: number; m: number; mo: number }>();
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
  return [rec.issues.length, completed, recovered, other, JSON.stringify(list), declared('problems'), declared('rules'), declared('money_recovered'), mismatches];
}

function unitRef(rec: BulletinRecord): UnitRef | null {
  const b = rec.bulletin;
  const canonical = canonicalUnit(b.unit, b.region);
  if (!canonical) return null;
  const renamed = successorName(canonical);
  return { name: renamed.name, canonical, renameRule: renamed.rule, region: b.region, level: b.level, unitName: b.unit, aliases: b.unit_aliases };
}

/** The payload of a record that has been validated (the pipeline validates before it returns one). */
export function toPayload(rec: BulletinRecord, size: number): DocPayload {
  const b = rec.bulletin;
  // the year of the inspection, else of another date, else the first year its opening writes
  // (a month-only range, 2023年9月至11月, gives no date but says the year)
  const year = Number((b.inspection_start ?? b.feedback_date ?? b.as_of_date ?? b.published_date ?? '').slice(0, 4))
    || Number(rx(loadRules<{ year_in_opening: RegexRule }>('metadata.json').year_in_opening).exec(rec.text.slice(0, 2000))?.[1]) || null;
  const catIndex = new Map<number, number>();
  rec.categories.forEach((c, k) => catIndex.set(c.ordinal, k));
  const measures: unknown[] = [];
  const notes: unknown[] = [];
  const quantities: unknown[] = [];
  const cited: unknown[] = [];
  const themes: unknown[] = [];
  const issues = rec.issues.map((i, k) => {
    i.measures.forEach((m, n) => measures.push([k, n + 1, m]));
    i.notes.forEach((t, n) => notes.push([k, n + 1, t]));
    for (const q of i.quantities) quantities.push([k, q.value, q.unit, q.kind, q.approx, q.text, q.span[0], q.span[1], q.rule, q.role]);
    for (const d of i.documents) cited.push([k, d]);
    for (const t of i.themes) themes.push([k, t.theme, t.label, t.rule, t.keyword]);
    const cat = i.category !== null ? catIndex.get(i.category) ?? null : null;
    return [i.number, cat, i.category, i.problem, i.outcome, i.status, i.status_phrase, i.status_rule, i.span[0], i.span[1], i.rule, i.unit ?? null];
  });
  for (const q of rec.quantities) quantities.push([null, q.value, q.unit, q.kind, q.approx, q.text, q.span[0], q.span[1], q.rule, q.role]);
  const j = JSON.stringify;
  return {
    sha256: rec.source.sha256,
    path: rec.source.path,
    format: rec.source.format,
    encoding: rec.source.encoding,
    size,
    ...compressDocument(rec.text, j({ ...rec, text: undefined })),
    fingerprint: fingerprint(rec),
    unit: unitRef(rec),
    bulletin: [b.title, b.issuer, b.unit, b.region, b.level, b.inspection_kind, b.team, b.round,
      b.inspection_start, b.inspection_end, b.feedback_date, b.as_of_date, j(b.years_implied), year, b.published_date, b.doc_number, rec.source.publisher,
      j(b.contact.phones), j(b.contact.emails), b.region_code ?? null],
    rows: {
      totals: j(Object.entries(rec.summary)),
      categories: j(rec.categories.map((c) => [c.ordinal, c.title, c.span[0], c.span[1], c.rule])),
      issues: j(issues),
      measures: j(measures),
      notes: j(notes),
      quantities: j(quantities),
      cited: j(cited),
      themes: j(themes),
      fts: j(ftsRows(rec).map((f, k) => [k, ...f])),
      warnings: j(rec.warnings.map((w) => [w.code, w.message, w.rule ?? null])),
    },
    stats: statsOf(rec),
    warnings: rec.warnings.length,
    problemsNotFound: problemsNotFound(rec),
  };
}

/** Was the bulletin's problem list not found: no problem at all (no_problems_found), or not the count it declares? */
export function problemsNotFound(rec: BulletinRecord): boolean {
  return rec.warnings.some((w) => w.code === 'no_problems_found' || w.rule === 'reconcile.problems') && rec.warnings.every((w) => w.code !== 'not_a_bulletin');
}
