// Search: a query of words, phrases and exclusions over the problems, their measures and
// outcomes (the token index where every term is a word; substrings through the gram index, each
// problem it gives tested against the text), a page at a time. Formatting is app/format.ts.
import { createRequire } from 'node:module';
import { searchTokens } from '../core/tokens.js';
import { pattern } from '../core/rules.js';
import type { Row, Store } from './interface.js';
import { UsageError } from './errors.js';
import { filterSql } from './compare.js';
import { ALL, gramFts, gramTsQuery, termGrams } from './grams.js';

export interface SearchOptions { unit?: string; year?: number; from?: number; to?: number; limit?: number }

/** The words of free text to require: jieba search tokens less those inside another (cutForSearch also yields the parts of long words). */
function wholeTokens(q: string): string[] {
  const toks = [...new Set(searchTokens(q))].filter((t) => t.trim());
  return toks.filter((t) => !toks.some((o) => o !== t && o.includes(t)));
}

/**
 * FTS5 query from free text: its whole words, each quoted, all required. A word that FTS5's
 * tokenizer (unicode61) cuts in parts, as it cut it in the index (32.18, 18.5%), is its parts, each
 * required: a quoted word of several parts would be a phrase, which an index without positions
 * (detail = 'none') cannot answer.
 */
export function ftsQuery(q: string): string {
  return ftsWords(wholeTokens(q));
}

/** FTS5 query of search tokens, all required (as ftsQuery: a token the index cut in parts is its parts). */
export function ftsWords(tokens: string[]): string {
  const parts = [...new Set(tokens.flatMap((t) => t.split(/[^\p{L}\p{N}\p{Co}]+/u).filter(Boolean)))];
  return parts.map((t) => `"${t.replace(/"/g, '""')}"`).join(' AND ');
}

/** PostgreSQL tsquery of the same words: each a lexeme as it is (quoted), all required. */
export function tsQuery(q: string): string {
  return wholeTokens(q).map((t) => `'${t.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`).join(' & ');
}

/** Mark the first hit of any query word in text: …前文【党费】后文… */
export function snippet(text: string, words: string[], width = 24, mark: [string, string] = ['【', '】']): string {
  let at = -1;
  let w = '';
  for (const x of words) {
    const i = text.indexOf(x);
    if (i >= 0 && (at < 0 || i < at)) { at = i; w = x; }
  }
  if (at < 0) return text.length > width * 2 ? text.slice(0, width * 2) + '…' : text;
  const s = Math.max(0, at - width);
  const e = Math.min(text.length, at + w.length + width);
  return (s > 0 ? '…' : '') + text.slice(s, at) + mark[0] + w + mark[1] + text.slice(at + w.length, e) + (e < text.length ? '…' : '');
}

/** A search term: a word (or phrase in quotes) to find. */
export interface Term { text: string; phrase: boolean }

/**
 * A search query: alternatives joined by OR (or |), each a list of terms all required (a space or
 * AND between them); a term in quotes is a phrase; `-word`, `-"phrase"` or `NOT word` excludes
 * the problems with it, whatever the alternative. One parser for the CLI and the web app.
 */
export interface ParsedQuery { alternatives: Term[][]; exclude: Term[] }

export function parseQuery(q: string): ParsedQuery {
  const alternatives: Term[][] = [[]];
  const exclude: Term[] = [];
  let not = false;
  // a minus sign (-, －) before a word or a phrase in straight or curly quotes excludes it
  for (const m of q.matchAll(pattern('([{{p.minus}}]?)(?:"([^"]+)"|[{{p.left_double_quote}}]([^{{p.right_double_quote}}]+)[{{p.right_double_quote}}]|(\\S+))', 'g'))) {
    const phrase = m[2] ?? m[3];
    const word = m[4];
    const neg = m[1] !== '' || not;
    if (!m[1] && phrase === undefined) {
      if (word === 'OR' || word === '|' || word === '或') { alternatives.push([]); not = false; continue; }
      if (word === 'AND' || word === '&' || word === '&&') { not = false; continue; }
      if (word === 'NOT') { not = true; continue; }
    }
    not = false;
    const text = (phrase ?? word!).trim();
    if (!text || (word !== undefined && pattern('^[{{p.minus}}]+$').test(text))) continue;
    (neg ? exclude : alternatives[alternatives.length - 1]!).push({ text, phrase: phrase !== undefined });
  }
  return { alternatives: alternatives.filter((a) => a.length), exclude };
}

export const EXCLUSIONS_ONLY = '检索词只有排除词（-词 或 NOT 词），请至少给出一个要找的词，如：党费 -收缴 (a query of exclusions only: give at least one word to look for, e.g. 党费 -收缴)';

/** The query parsed, its traditional characters (黨費) read as simplified too; exclusions only are a UsageError. */
export function searchQuery(q: string): ParsedQuery {
  const parsed = parseQuery(q);
  if (!parsed.alternatives.length && parsed.exclude.length) throw new UsageError(EXCLUSIONS_ONLY);
  const s = simplified(q);
  if (s === q) return parsed;
  // the simplified reading as alternatives of their own, the query as typed kept (a character both forms share stays found)
  const other = parseQuery(s);
  const key = (t: Term[]) => JSON.stringify(t);
  const seen = new Set(parsed.alternatives.map(key));
  return {
    alternatives: [...parsed.alternatives, ...other.alternatives.filter((a) => !seen.has(key(a)))],
    exclude: [...parsed.exclude, ...other.exclude.filter((t) => !parsed.exclude.some((x) => x.text === t.text))],
  };
}

let toCn: ((s: string) => string) | null = null;
/** Traditional → simplified characters (OpenCC, as stages/normalize/normalize.ts's toSimplified converts the texts; a query is too short for its detection). */
export function simplified(q: string): string {
  if (!/[\u3400-\u9fff\uf900-\ufaff]/.test(q)) return q;
  const conv = (toCn ??= (createRequire(import.meta.url)('opencc-js/t2cn') as typeof import('opencc-js')).Converter({ from: 'tw', to: 'cn' }));
  return conv(q);
}

/** A substring term as it is matched: without its whitespace. */
const substring = (t: Term) => t.text.replace(/\s+/g, '');

/** How a term is found: a word in the jieba-token index; a substring through the gram index (store/grams.ts) and its text, or its text alone (no gram: ASCII punctuation). */
type TermKind = 'word' | 'grams' | 'text';
const kindOf = (t: Term): TermKind => (indexable(t) ? 'word' : termGrams(substring(t)) ? 'grams' : 'text');

/** The gram-index query of substring terms, all required, or any of several such lists; with ALL, the problems too long to keep their grams. */
function gramQuery(pg: boolean, alternatives: Term[][]): string {
  const one = (a: Term[]) => `(${a.map((t) => (pg ? gramTsQuery : gramFts)(termGrams(substring(t))!)).join(pg ? ' & ' : ' AND ')})`;
  return [...alternatives.map(one), pg ? `'${ALL}'` : `"${ALL}"`].join(pg ? ' | ' : ' OR ');
}

/**
 * A WHERE condition (over issues i) for one term: a word is looked up through the jieba-token
 * index; a term shorter than a word (党, 费), one jieba does not keep whole, or a phrase in quotes
 * is matched as a substring of the problem, its measures and its outcome, and with `narrow` only
 * in the problems the gram index gives for it (a superset of those that hold it).
 */
function termSql(db: Store, t: Term, params: unknown[], narrow: boolean): string {
  const pg = db.dialect === 'pg';
  // SQLite's own instr, not the strpos added for shared SQL (a call into JavaScript per row)
  const pos = pg ? 'strpos' : 'instr';
  const kind = kindOf(t);
  if (kind === 'word') {
    params.push(pg ? tsQuery(t.text) : ftsQuery(t.text));
    return pg ? 'i.id IN (SELECT issue_id FROM issue_search WHERE tokens @@ CAST(? AS tsquery))' : 'i.id IN (SELECT rowid FROM issues_fts WHERE issues_fts MATCH ?)';
  }
  let among = '';
  if (narrow && kind === 'grams') {
    params.push(gramQuery(pg, [[t]]));
    among = pg ? 'i.id IN (SELECT issue_id FROM issue_grams WHERE grams @@ CAST(? AS tsquery)) AND ' : 'i.id IN (SELECT rowid FROM issues_fts_grams WHERE issues_fts_grams MATCH ?) AND ';
  }
  const sub = substring(t);
  params.push(sub, sub, sub);
  return `(${among}(${pos}(i.problem, CAST(? AS TEXT)) > 0 OR ${pos}(COALESCE(i.outcome, ''), CAST(? AS TEXT)) > 0
      OR EXISTS (SELECT 1 FROM measures m WHERE m.issue_id = i.id AND ${pos}(m.text, CAST(? AS TEXT)) > 0)))`;
}

/** A WHERE condition for a query of alternatives (OR) of terms (AND). */
function termsSql(db: Store, parsed: ParsedQuery, narrow: boolean): [string, unknown[]] {
  const params: unknown[] = [];
  const alternatives = parsed.alternatives.map((terms) => terms.map((t) => termSql(db, t, params, narrow)).join(' AND '));
  return [`(${alternatives.map((a) => `(${a})`).join(' OR ')})`, params];
}

/** Is a term looked up in the token index (a word jieba keeps whole), or matched as a substring? */
function indexable(t: { text: string; phrase: boolean }): boolean {
  const toks = [...new Set(searchTokens(t.text))];
  return !t.phrase && toks.length > 0 && [...t.text].length > 1 && toks.some((x) => x === t.text || t.text.split(/\s+/).includes(x));
}

const byYearUnitNumber = (a: Row, b: Row): number => {
  const nullsLast = (x: unknown, y: unknown) => (x == null ? (y == null ? 0 : 1) : y == null ? -1 : x < y ? -1 : x > y ? 1 : 0);
  return nullsLast(a.year, b.year) || nullsLast(a.unit, b.unit) || Number(a.number) - Number(b.number) || Number(a.id) - Number(b.id);
};

/**
 * How problems found are ordered: `new` most recently ingested first (the CLI's reading, stopped
 * at its limit); `year` newest year first, then unit and problem number; `unit` by unit, then
 * newest year first and number; `status` 已完成, 正在整改, 长期整改, 未注明, then as `year`.
 */
export const PROBLEM_SORTS = ['year', 'unit', 'status', 'new'] as const;
export type ProblemSort = (typeof PROBLEM_SORTS)[number];

/** Which problems to list: a query (empty: every problem), filters, an order and a page. */
export interface ProblemQuery {
  unit?: string; region?: string; level?: string; year?: number; /** a range of years (from, to, either open) */ from?: number; to?: number; status?: string; theme?: string; limit?: number; offset?: number; sort?: ProblemSort; count?: boolean;
  /** substring terms matched by reading every problem, without the gram index (the reference the index is tested against) */
  plain?: boolean;
}

/** A problem found: where it is (unit, bulletin, number), what it says, its themes, and the query's words to mark. */
export interface FoundProblem { id: number; bulletin_id: number; unit: string | null; unit_id: number | null; year: number | null; number: number; status: string; problem: string; outcome: string | null; measures: string | null; title: string | null; path: string | null; themes: string | null }

/** The unit filter: any part of the unit's name, of the name the bulletin gives, or of one of its aliases (科协 finds 新野县科学技术协会 by its alias 县科协). */
function unitSql(db: Store, unit: string, params: unknown[]): string {
  const pos = db.dialect === 'pg' ? 'strpos' : 'instr';
  const names = [...new Set([unit, simplified(unit)])];
  return `(${names.map((n) => {
    params.push(n, n, n);
    return `${pos}(COALESCE(u.name, ''), CAST(? AS TEXT)) > 0 OR ${pos}(COALESCE(b.unit_name, ''), CAST(? AS TEXT)) > 0
      OR EXISTS (SELECT 1 FROM unit_aliases a WHERE a.unit_id = u.id AND ${pos}(a.alias, CAST(? AS TEXT)) > 0)`;
  }).join(' OR ')})`;
}

const UNIT_SQL = 'COALESCE(u.name, b.unit_name)';
/** A problem's unit: its own in a round's digest (issues.unit), else its bulletin's */
const PROBLEM_UNIT_SQL = `COALESCE(i.unit, ${UNIT_SQL})`;
const STATUS_ORDER = "CASE i.status WHEN 'completed' THEN 0 WHEN 'in_progress' THEN 1 WHEN 'long_term' THEN 2 ELSE 3 END";
const ORDER_SQL: Record<Exclude<ProblemSort, 'new'>, string> = {
  year: `b.year DESC NULLS LAST, ${PROBLEM_UNIT_SQL} NULLS LAST, i.number, i.id`,
  unit: `${PROBLEM_UNIT_SQL} NULLS LAST, b.year DESC NULLS LAST, i.number, i.id`,
  status: `${STATUS_ORDER}, b.year DESC NULLS LAST, ${PROBLEM_UNIT_SQL} NULLS LAST, i.number, i.id`,
};

/**
 * FROM … WHERE … over issues i, publications b and units u for a query and filters, its
 * parameters, and the index table (s) it reads from, if any, with its problem id (ORDER BY … DESC:
 * newest first, read in the index's own order). A query of words alone is read from the
 * jieba-token index; one whose every alternative has a substring term with grams, from the gram
 * index (each alternative's grams), each problem then tested against its text; any other reads
 * the problems, each substring term narrowed by the gram index. With `plain`, substring terms
 * are matched by reading the problems, no gram index (what the index is tested against).
 */
function problemsFrom(db: Store, parsed: ParsedQuery, o: ProblemQuery): { body: string; params: unknown[]; key: string | null } {
  const pg = db.dialect === 'pg';
  let from = 'issues i';
  let key: string | null = null;
  const where: string[] = [];
  const params: unknown[] = [];
  const kinds = parsed.alternatives.map((a) => a.map(kindOf));
  if (kinds.length && kinds.every((a) => a.every((k) => k === 'word'))) {
    // a query of words only: read from the token index
    const expr = pg
      ? parsed.alternatives.map((a) => `(${a.map((t) => tsQuery(t.text)).join(' & ')})`).join(' | ')
      : parsed.alternatives.map((a) => `(${a.map((t) => ftsQuery(t.text)).join(' AND ')})`).join(' OR ');
    from = pg ? 'issue_search s JOIN issues i ON i.id = s.issue_id' : 'issues_fts s JOIN issues i ON i.id = s.rowid';
    where.push(pg ? 's.tokens @@ CAST(? AS tsquery)' : 'issues_fts MATCH ?');
    params.push(expr);
    key = pg ? 's.issue_id' : 's.rowid';
  } else if (kinds.length && !o.plain && kinds.every((a) => a.includes('grams'))) {
    // every alternative has a substring term: read from the gram index, then test each problem
    from = pg ? 'issue_grams s JOIN issues i ON i.id = s.issue_id' : 'issues_fts_grams s JOIN issues i ON i.id = s.rowid';
    where.push(pg ? 's.grams @@ CAST(? AS tsquery)' : 'issues_fts_grams MATCH ?');
    params.push(gramQuery(pg, parsed.alternatives.map((a) => a.filter((t) => kindOf(t) === 'grams'))));
    key = pg ? 's.issue_id' : 's.rowid';
    const [terms, termParams] = termsSql(db, parsed, false);
    where.push(terms);
    params.push(...termParams);
  } else if (kinds.length) {
    const [terms, termParams] = termsSql(db, parsed, !o.plain);
    where.push(terms);
    params.push(...termParams);
  }
  for (const t of parsed.exclude) where.push(`NOT ${termSql(db, t, params, false)}`);
  if (o.unit) where.push(unitSql(db, o.unit, params));
  const [filter, filterParams] = filterSql({ region: o.region, level: o.level, from: o.year ?? o.from, to: o.year ?? o.to });
  if (filter) { where.push(filter.replace(/^WHERE /, '')); params.push(...filterParams); }
  if (o.status) { where.push('i.status = CAST(? AS TEXT)'); params.push(o.status); }
  if (o.theme) {
    where.push('EXISTS (SELECT 1 FROM issue_theme_tags t JOIN themes th ON th.id = t.theme_id WHERE t.issue_id = i.id AND (th.theme = CAST(? AS TEXT) OR th.label = CAST(? AS TEXT)))');
    params.push(o.theme, o.theme);
  }
  const body = `FROM ${from}
    JOIN publications b ON b.id = i.bulletin_id
    LEFT JOIN units u ON u.id = b.unit_id
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
  return { body, params, key };
}

/**
 * Problems that match a query and filters, a page at a time, and (with `count`) how many match in
 * all. Ordered by `sort` (default `new`: most recently ingested first). A query of words alone is
 * one lookup in the token index; read newest first it stops at the page's end (a word in every
 * problem costs no more than a rare one); a query with a substring term (党, a phrase in quotes)
 * is one lookup in the gram index, whose problems are each tested against the term's text
 * (problemsFrom): a rare term reads only the problems that may hold it; exclusions (-词, NOT 词)
 * leave out the problems with them; an empty query lists every problem the filters keep. A query
 * of exclusions only is a UsageError. `words` are the query's words and their tokens, longest
 * first (to mark).
 */
export async function findProblems(db: Store, q: string, o: ProblemQuery = {}): Promise<{ rows: FoundProblem[]; words: string[]; total?: number }> {
  const parsed = searchQuery(q);
  const pg = db.dialect === 'pg';
  const { body, params, key } = problemsFrom(db, parsed, o);
  const terms = parsed.alternatives.flat().map((t) => t.text);
  const words = [...new Set([...terms, ...terms.flatMap((t) => searchTokens(t))])].filter((t) => t.trim()).sort((a, b) => b.length - a.length);
  const sort = o.sort ?? 'new';
  const rows = await db.all<FoundProblem>(`
    SELECT i.id, i.bulletin_id, ${PROBLEM_UNIT_SQL} AS unit, b.unit_id, b.year, i.number, i.status, i.problem, i.outcome,
           (SELECT string_agg(m.text, '；' ORDER BY m.ordinal) FROM measures m WHERE m.issue_id = i.id) AS measures,
           (SELECT string_agg(th.label, '、' ORDER BY th.label) FROM issue_theme_tags t JOIN themes th ON th.id = t.theme_id WHERE t.issue_id = i.id) AS themes,
           b.title, (SELECT p.path FROM document_paths p WHERE p.${pg ? 'id' : 'rowid'} = (SELECT min(${pg ? 'id' : 'rowid'}) FROM document_paths WHERE document_id = b.document_id)) AS path
    ${body}
    ORDER BY ${sort === 'new' ? `${key ?? 'i.id'} DESC` : ORDER_SQL[sort]}
    LIMIT ? OFFSET ?`, [...params, o.limit ?? 200, o.offset ?? 0]);
  if (!o.count) return { rows, words };
  const total = Number((await db.get<{ n: number }>(`SELECT count(*) AS n ${body}`, params))!.n);
  return { rows, words, total };
}

/**
 * How many problems a query and filters find per status and per year, each counted without its
 * own filter (the counts beside the choices of /search's status and year lists).
 */
export async function problemFacets(db: Store, q: string, o: ProblemQuery = {}): Promise<{ status: Map<string, number>; year: Map<number, number> }> {
  const parsed = searchQuery(q);
  const count = async (key: string, without: ProblemQuery) => {
    const { body, params } = problemsFrom(db, parsed, without);
    return db.arrays(`SELECT ${key}, count(*) ${body} GROUP BY ${key}`, params);
  };
  const [status, year] = await Promise.all([count('i.status', { ...o, status: undefined }), count('b.year', { ...o, year: undefined })]);
  return {
    status: new Map(status.map(([k, n]) => [String(k), Number(n)])),
    year: new Map(year.filter(([k]) => k != null).map(([k, n]) => [Number(k), Number(n)])),
  };
}

/** The part of a problem to show for a query: the first of problem, measures, outcome with a word in it, that word marked. */
export function problemSnippet(r: FoundProblem, words: string[], mark?: [string, string]): string {
  const where = [r.problem, r.measures, r.outcome].find((t) => typeof t === 'string' && words.some((w) => t.includes(w))) ?? r.problem;
  return snippet(where, words, 24, mark);
}

/**
 * `zhenggai search`: at most `limit` problems, the most recently ingested ones that match, shown
 * by year, unit and number.
 */
export async function search(db: Store, q: string, o: SearchOptions = {}, mark?: [string, string]): Promise<Row[]> {
  if (!searchQuery(q).alternatives.length) return [];
  const { rows, words } = await findProblems(db, q, { unit: o.unit, year: o.year, from: o.from, to: o.to, limit: o.limit });
  return (rows as unknown as Row[]).sort(byYearUnitNumber).map((r) => ({
    unit: r.unit, year: r.year, number: r.number, status: r.status, snippet: problemSnippet(r as unknown as FoundProblem, words, mark), path: r.path,
  }));
}
