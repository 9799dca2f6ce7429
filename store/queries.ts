// Read side of the dataset: search, compare, units, free SQL. Every function takes an
// open database and returns rows; formatting is app/format.ts.
import { createRequire } from 'node:module';
import type { DB } from './db.js';
import { searchTokens } from '../core/tokens.js';
import type { Row, Store } from './store.js';
import { sqliteStatement } from './sql-guard.js';
import type { QueryLimits, QueryResult } from './query-limits.js';

export type { Row };

// --- search --------------------------------------------------------------------------

export interface SearchOptions { unit?: string; year?: number; from?: number; to?: number; limit?: number }

/** The words of free text to require: jieba search tokens less those inside another (cutForSearch also yields the parts of long words). */
function wholeTokens(q: string): string[] {
  const toks = [...new Set(searchTokens(q))].filter((t) => t.trim());
  return toks.filter((t) => !toks.some((o) => o !== t && o.includes(t)));
}

/** FTS5 query from free text: its whole words, each quoted, all required. */
export function ftsQuery(q: string): string {
  return wholeTokens(q).map((t) => `"${t.replace(/"/g, '""')}"`).join(' AND ');
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
  for (const m of q.matchAll(/([-－]?)(?:"([^"]+)"|“([^”]+)”|(\S+))/g)) {
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
    if (!text || (word !== undefined && /^[-－]+$/.test(text))) continue;
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

/**
 * A WHERE condition (over issues i) for one term: a word is looked up through the jieba-token
 * index; a term shorter than a word (党, 费), one jieba does not keep whole, or a phrase in quotes
 * is matched as a substring of the problem, its measures and its outcome.
 */
function termSql(db: Store, t: Term, params: unknown[]): string {
  const pg = db.dialect === 'pg';
  // SQLite's own instr, not the strpos added for shared SQL (a call into JavaScript per row)
  const pos = pg ? 'strpos' : 'instr';
  if (indexable(t)) {
    params.push(pg ? tsQuery(t.text) : ftsQuery(t.text));
    return pg ? 'i.id IN (SELECT issue_id FROM issue_search WHERE tokens @@ CAST(? AS tsquery))' : 'i.id IN (SELECT rowid FROM issues_fts WHERE issues_fts MATCH ?)';
  }
  const sub = t.text.replace(/\s+/g, '');
  params.push(sub, sub, sub);
  return `(${pos}(i.problem, CAST(? AS TEXT)) > 0 OR ${pos}(COALESCE(i.outcome, ''), CAST(? AS TEXT)) > 0
      OR EXISTS (SELECT 1 FROM measures m WHERE m.issue_id = i.id AND ${pos}(m.text, CAST(? AS TEXT)) > 0))`;
}

/**
 * A WHERE condition for a query of alternatives (OR) of terms (AND). The problems are read newest
 * first and the page stops the reading, so a term found in most problems costs little; a rare one
 * reads them all.
 */
function termsSql(db: Store, parsed: ParsedQuery): [string, unknown[]] {
  const params: unknown[] = [];
  const alternatives = parsed.alternatives.map((terms) => terms.map((t) => termSql(db, t, params)).join(' AND '));
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
export interface ProblemQuery { unit?: string; region?: string; level?: string; year?: number; /** a range of years (from, to, either open) */ from?: number; to?: number; status?: string; theme?: string; limit?: number; offset?: number; sort?: ProblemSort; count?: boolean }

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

/** FROM … WHERE … over issues i, publications b and units u for a query and filters, its parameters, and whether it reads the token index (s). */
function problemsFrom(db: Store, parsed: ParsedQuery, o: ProblemQuery): { body: string; params: unknown[]; indexed: boolean } {
  const pg = db.dialect === 'pg';
  let from = 'issues i';
  const where: string[] = [];
  const params: unknown[] = [];
  // a query of words only: read from the token index
  const indexed = parsed.alternatives.length > 0 && parsed.alternatives.every((a) => a.every(indexable));
  if (indexed) {
    const expr = pg
      ? parsed.alternatives.map((a) => `(${a.map((t) => tsQuery(t.text)).join(' & ')})`).join(' | ')
      : parsed.alternatives.map((a) => `(${a.map((t) => ftsQuery(t.text)).join(' AND ')})`).join(' OR ');
    from = pg ? 'issue_search s JOIN issues i ON i.id = s.issue_id' : 'issues_fts s JOIN issues i ON i.id = s.rowid';
    where.push(pg ? 's.tokens @@ CAST(? AS tsquery)' : 'issues_fts MATCH ?');
    params.push(expr);
  } else if (parsed.alternatives.length) {
    const [terms, termParams] = termsSql(db, parsed);
    where.push(terms);
    params.push(...termParams);
  }
  for (const t of parsed.exclude) where.push(`NOT ${termSql(db, t, params)}`);
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
  return { body, params, indexed };
}

/**
 * Problems that match a query and filters, a page at a time, and (with `count`) how many match in
 * all. Ordered by `sort` (default `new`: most recently ingested first). A query of words alone is
 * one lookup in the token index; read newest first it stops at the page's end (a word in every
 * problem costs no more than a rare one); a query with a substring term (党, a phrase in quotes)
 * reads the problems, testing each (termsSql); exclusions (-词, NOT 词) leave out the problems
 * with them; an empty query lists every problem the filters keep. A query of exclusions only is a
 * UsageError. `words` are the query's words and their tokens, longest first (to mark).
 */
export async function findProblems(db: Store, q: string, o: ProblemQuery = {}): Promise<{ rows: FoundProblem[]; words: string[]; total?: number }> {
  const parsed = searchQuery(q);
  const pg = db.dialect === 'pg';
  const { body, params, indexed } = problemsFrom(db, parsed, o);
  const terms = parsed.alternatives.flat().map((t) => t.text);
  const words = [...new Set([...terms, ...terms.flatMap((t) => searchTokens(t))])].filter((t) => t.trim()).sort((a, b) => b.length - a.length);
  const sort = o.sort ?? 'new';
  const rows = await db.all<FoundProblem>(`
    SELECT i.id, i.bulletin_id, ${PROBLEM_UNIT_SQL} AS unit, b.unit_id, b.year, i.number, i.status, i.problem, i.outcome,
           (SELECT string_agg(m.text, '；' ORDER BY m.ordinal) FROM measures m WHERE m.issue_id = i.id) AS measures,
           (SELECT string_agg(th.label, '、' ORDER BY th.label) FROM issue_theme_tags t JOIN themes th ON th.id = t.theme_id WHERE t.issue_id = i.id) AS themes,
           b.title, (SELECT p.path FROM document_paths p WHERE p.${pg ? 'id' : 'rowid'} = (SELECT min(${pg ? 'id' : 'rowid'}) FROM document_paths WHERE document_id = b.document_id)) AS path
    ${body}
    ORDER BY ${sort === 'new' ? `${indexed ? (pg ? 's.issue_id' : 's.rowid') : 'i.id'} DESC` : ORDER_SQL[sort]}
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

// --- compare -------------------------------------------------------------------------

/** Share of problems completed, to three decimals (null: no problems). */
export const completionRate = (problems: number, completed: number): number | null => (problems ? Math.round((completed / problems) * 1000) / 1000 : null);

/** Chinese collation of names (one collator: localeCompare(…, 'zh') builds one per call). */
const zh = new Intl.Collator('zh');

export const COMPARE_KEYS = ['unit', 'region', 'level', 'year', 'theme'] as const;
export type CompareKey = (typeof COMPARE_KEYS)[number];

/** Which bulletins to count: a unit (full name, part of it, or an alias), a region (part of its name), a level, years. */
export interface BulletinFilter { unit?: string; region?: string; level?: string; from?: number; to?: number }

export interface CompareOptions extends BulletinFilter { by: CompareKey[] }

/** The SQL of each grouping key (over publications b LEFT JOIN units u). */
const KEY_SQL: Record<Exclude<CompareKey, 'theme'>, string> = { unit: 'COALESCE(u.name, b.unit_name, b.issuer)', region: 'b.region', level: 'b.level', year: 'b.year' };

/** WHERE clause over publications b LEFT JOIN units u, and its parameters. */
export function filterSql(o: BulletinFilter): [string, unknown[]] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (o.unit) {
    where.push(`(u.name LIKE '%' || CAST(? AS TEXT) || '%' OR b.unit_name LIKE '%' || CAST(? AS TEXT) || '%' OR EXISTS (SELECT 1 FROM unit_aliases a WHERE a.unit_id = u.id AND a.alias = CAST(? AS TEXT)))`);
    params.push(o.unit, o.unit, o.unit);
  }
  if (o.region) { where.push(`b.region LIKE '%' || CAST(? AS TEXT) || '%'`); params.push(o.region); }
  if (o.level) { where.push('b.level = CAST(? AS TEXT)'); params.push(o.level); }
  if (o.from != null) { where.push('b.year >= CAST(? AS INTEGER)'); params.push(o.from); }
  if (o.to != null) { where.push('b.year <= CAST(? AS INTEGER)'); params.push(o.to); }
  return [where.length ? `WHERE ${where.join(' AND ')}` : '', params];
}

/**
 * Problems, completed, not completed, completion rate, declared vs found, money, rules and
 * top themes per group. Grouping by theme counts each problem once per theme it carries.
 */
export async function compare(db: Store, o: CompareOptions): Promise<Row[]> {
  const [where, params] = filterSql(o);
  const keys = o.by.filter((k): k is Exclude<CompareKey, 'theme'> => k !== 'theme');
  const keyCols = keys.map((k) => KEY_SQL[k]);
  // the figures kept per group of publications (store/groups.ts), whose columns the filter and
  // the keys read as they would a bulletin's: a row per unit, name, region, level and year
  const from = `FROM group_stats b LEFT JOIN units u ON u.id = b.unit_id ${where}`;
  const keyOf = (values: unknown[]) => values.map((v) => (v == null ? '\u0000' : String(v))).join('\u0001');
  const keysRow = (values: unknown[], theme?: string): Row => Object.fromEntries(o.by.map((k) => [k, k === 'theme' ? theme ?? null : values[keys.indexOf(k)] ?? null]));
  const themesOf = async () => db.arrays(`SELECT ${[...keyCols, 'b.themes'].join(', ')} ${from} ${where ? 'AND' : 'WHERE'} b.problems > 0`, params);
  type ThemeSum = [string | null, number, number, number, number, number];
  let rows: Row[];
  if (!o.by.includes('theme')) {
    const sums = await db.arrays(`SELECT ${[...keyCols, 'sum(b.bulletins), sum(b.problems), sum(b.problems_declared), sum(b.completed), sum(b.money_recovered), sum(b.money_other), sum(b.declared_problems), sum(b.declared_money_recovered), sum(b.declared_rules), sum(b.mismatches)'].join(', ')}
      ${from} GROUP BY ${keys.map((_, i) => i + 1).join(', ')}`, params);
    // the themes a group's problems carry most (ties by name)
    const themeCount = new Map<string, Map<string, number>>();
    for (const r of await themesOf()) {
      const k = keyOf(r.slice(0, keys.length));
      let m = themeCount.get(k);
      if (!m) themeCount.set(k, (m = new Map()));
      for (const [l, , n] of JSON.parse(r[keys.length] as string) as ThemeSum[]) if (l !== null) m.set(l, (m.get(l) ?? 0) + n);
    }
    rows = sums.map((r) => {
      const [bulletins, problems, problemsDeclared, completed, money, moneyOther, declared, declaredMoney, rules, mismatches] = r.slice(keys.length) as Array<number | null>;
      return {
        ...keysRow(r),
        bulletins,
        problems,
        completed,
        not_completed: problems! - completed!,
        completion_rate: completionRate(problems!, completed!),
        declared_problems: declared,
        // only over the bulletins that declare a count: nothing declared is no difference
        declared_vs_found: declared == null ? null : declared - problemsDeclared!,
        // recovered money (清退/追缴/挽回…): a bulletin that declares it counts by its declaration,
        // not twice; fines, amounts involved and others are kept apart
        money: Math.round((declaredMoney ?? 0) + money!),
        money_other: Math.round(moneyOther!),
        rules,
        mismatches,
        top_themes: [...(themeCount.get(keyOf(r.slice(0, keys.length))) ?? [])].sort((a, b) => b[1] - a[1] || zh.compare(a[0], b[0])).slice(0, 3).map(([l, n]) => `${l}(${n})`).join(' '),
      };
    });
  } else {
    // by theme: each group's figures per theme; a problem counts once per theme it carries, those
    // with none under 无主题
    const groups = new Map<string, { keys: Row; bulletins: number; problems: number; completed: number; money: number; moneyOther: number }>();
    for (const r of await themesOf()) {
      const values = r.slice(0, keys.length);
      for (const [label, nb, n, c, m, mo] of JSON.parse(r[keys.length] as string) as ThemeSum[]) {
        const theme = label ?? '（无主题）';
        const k = `${keyOf(values)}\u0002${theme}`;
        let g = groups.get(k);
        if (!g) groups.set(k, (g = { keys: keysRow(values, theme), bulletins: 0, problems: 0, completed: 0, money: 0, moneyOther: 0 }));
        g.bulletins += nb;
        g.problems += n;
        g.completed += c;
        g.money += m;
        g.moneyOther += mo;
      }
    }
    rows = [...groups.values()].map((g) => ({
      ...g.keys, bulletins: g.bulletins, problems: g.problems, completed: g.completed, not_completed: g.problems - g.completed,
      completion_rate: completionRate(g.problems, g.completed), declared_problems: null, declared_vs_found: null,
      money: Math.round(g.money), money_other: Math.round(g.moneyOther), rules: null, mismatches: null,
      // the group is one theme (the figures kept per theme do not say which others a problem carries)
      top_themes: null,
    }));
  }
  const cmp = (a: unknown, b: unknown) => (a == null ? 1 : b == null ? -1 : typeof a === 'number' && typeof b === 'number' ? a - b : zh.compare(String(a), String(b)));
  return rows.sort((a, b) => { for (const k of o.by) { const c = cmp(a[k], b[k]); if (c) return c; } return 0; });
}

/** Problems, completed and recovered money per unit and theme (the report's heat map and table): compare by unit and theme. */
export async function unitThemeCounts(db: Store, filter: BulletinFilter = {}): Promise<Row[]> {
  return (await compare(db, { ...filter, by: ['unit', 'theme'] })).map((r) => ({ unit: r.unit, theme: r.theme, problems: r.problems, completed: r.completed, money: r.money }));
}

// --- overview counts (the report's and the home page's figures) ------------------------

/** The warnings that put a bulletin on the list to check first: its own totals disagree with what it lists, or no list was read. */
export const CHECK_CODES = ['declared_total_mismatch', 'no_problems_found'] as const;

/**
 * The overview figures the report and the web app's home page both show, counted the same way
 * over the view `publications` (one row per publication) and the filter: `units`, the units of
 * the publications (as compare names them: unit, else its name as written, else the issuer);
 * `toCheck`, the publications with a warning of a code in CHECK_CODES.
 */
export async function overviewCounts(db: Store, filter: BulletinFilter = {}): Promise<{ units: number; toCheck: number }> {
  const [where, params] = filterSql(filter);
  const from = `FROM publications b LEFT JOIN units u ON u.id = b.unit_id ${where}`;
  const codes = CHECK_CODES.map((c) => `'${c}'`).join(', ');
  const units = await db.get<{ n: number }>(`SELECT count(DISTINCT ${KEY_SQL.unit}) AS n ${from}`, params);
  const toCheck = await db.get<{ n: number }>(`SELECT count(*) AS n ${from} ${where ? 'AND' : 'WHERE'}
    EXISTS (SELECT 1 FROM warnings w WHERE w.bulletin_id = b.id AND w.code IN (${codes}))`, params);
  return { units: Number(units?.n ?? 0), toCheck: Number(toCheck?.n ?? 0) };
}

/**
 * The publications whose declared problem count (declared_totals key 'problems') differs from
 * the problems found in them, none found included: the largest differences first, at most
 * `limit`; and how many there are.
 */
export async function declaredVsFound(db: Store, filter: BulletinFilter = {}, limit = 200): Promise<{ rows: Row[]; count: number }> {
  const [where, params] = filterSql(filter);
  const found = '(SELECT count(*) FROM issues i WHERE i.bulletin_id = b.id)';
  const from = `FROM publications b LEFT JOIN units u ON u.id = b.unit_id
    JOIN declared_totals t ON t.bulletin_id = b.id AND t.key = 'problems'
    ${where ? `${where} AND` : 'WHERE'} t.value <> ${found}`;
  const rows = await db.all(`SELECT b.id, ${KEY_SQL.unit} AS unit, b.year, t.value AS declared, ${found} AS found, b.title
    ${from} ORDER BY abs(t.value - ${found}) DESC, 2, b.year, b.id LIMIT ${Math.max(0, Math.floor(limit))}`, params);
  const count = await db.get<{ n: number }>(`SELECT count(*) AS n ${from}`, params);
  return { rows: rows.map((r) => ({ ...r, declared: Number(r.declared), found: Number(r.found) })), count: Number(count?.n ?? 0) };
}

// --- units ---------------------------------------------------------------------------

export async function units(db: Store): Promise<Row[]> {
  return db.all(`
    SELECT u.id, u.name, u.region, u.level,
      (SELECT count(*) FROM publications b WHERE b.unit_id = u.id) AS bulletins,
      (SELECT count(*) FROM bulletins b WHERE b.unit_id = u.id) AS files,
      (SELECT string_agg(CAST(y.year AS TEXT), ',' ORDER BY y.year) FROM (SELECT DISTINCT b.year FROM bulletins b WHERE b.unit_id = u.id AND b.year IS NOT NULL) y) AS years,
      (SELECT string_agg(a.alias, '、' ORDER BY a.alias) FROM unit_aliases a WHERE a.unit_id = u.id) AS aliases
    FROM units u ORDER BY u.region NULLS LAST, u.name`);
}

// `units merge` and `units unmerge`: store/unit-merges.ts
export { mergeUnits, unmergeUnit } from './unit-merges.js';

// --- free SQL ------------------------------------------------------------------------

/** Run one read-only statement that returns rows (store/sql-guard.ts: SQLite's own parser decides; the connection is read-only besides). */
export function query(db: DB, sql: string): Row[] {
  return sqliteStatement(db, sql).all() as Row[];
}

export type { QueryResult };

/**
 * One read-only statement in a process of its own (app/query-entry.ts), killed after
 * `timeoutMs` or once `limit` rows, or rows of `maxBytes` bytes, have come: `zhenggai query`.
 * Rows stream from it with their long cells cut at `maxCell`; at most limit + 1 rows, and
 * about maxBytes, are ever held.
 */
export async function queryLimited(dbPath: string, sql: string, o: QueryLimits & { timeoutMs: number; workerFile: string }): Promise<QueryResult> {
  const { fork } = await import('node:child_process');
  const child = fork(o.workerFile, [], { serialization: 'advanced', stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const rows: Row[] = [];
  let columns: string[] = [];
  let bytesCut = false;
  let cellsCut = 0;
  return new Promise<QueryResult>((resolve, reject) => {
    let settled = false;
    const stop = () => { clearTimeout(timer); if (child.exitCode === null) child.kill('SIGKILL'); };
    const finish = (timedOut: boolean) => {
      if (settled) return;
      settled = true;
      stop();
      resolve({ columns, rows: rows.slice(0, o.limit), truncated: rows.length > o.limit, timedOut, bytesCut, cellsCut });
    };
    const timer = setTimeout(() => finish(true), o.timeoutMs);
    child.on('message', (m: { type: string; columns?: string[]; rows?: Row[]; message?: string; name?: string; bytesCut?: boolean; cellsCut?: number }) => {
      if (m.type === 'columns') columns = m.columns!;
      else if (m.type === 'rows') { rows.push(...m.rows!); if (rows.length > o.limit) finish(false); }
      else if (m.type === 'done') { bytesCut = !!m.bytesCut; cellsCut = m.cellsCut ?? 0; finish(false); }
      else if (m.type === 'error' && !settled) {
        settled = true;
        stop();
        const e = new Error(m.message);
        e.name = m.name === 'DatasetError' ? 'DatasetError' : m.name === 'QueryRefused' ? 'QueryRefused' : 'QueryError';
        reject(e);
      }
    });
    child.on('error', (e) => { if (!settled) { settled = true; stop(); reject(e); } });
    child.on('exit', () => { if (!settled) finish(false); });
    child.send({ db: dbPath, sql, limit: o.limit, maxBytes: o.maxBytes, maxCell: o.maxCell });
  });
}

/** An ordinary mistake in what was asked (a unit that does not exist …): one line, exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
