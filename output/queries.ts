// Read side of the dataset: search, compare, units, free SQL. Every function takes an
// open database and returns rows; formatting is output/format.ts.
import type { DB } from './db.js';
import { searchTokens } from '../extractors/tokens.js';
import type { Row, Store } from './store.js';
import { refreshGroups } from './groups.js';
import { sqliteStatement } from './sql-guard.js';
import type { QueryLimits, QueryResult } from './query-output.js';

export type { Row };

// --- search --------------------------------------------------------------------------

export interface SearchOptions { unit?: string; year?: number; limit?: number }

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

/** A search query: alternatives joined by OR (or |), each a list of terms all required; a term in quotes is a phrase. */
export interface ParsedQuery { alternatives: Array<Array<{ text: string; phrase: boolean }>> }

export function parseQuery(q: string): ParsedQuery {
  const alternatives: ParsedQuery['alternatives'] = [[]];
  for (const m of q.matchAll(/"([^"]+)"|“([^”]+)”|(\S+)/g)) {
    const phrase = m[1] ?? m[2];
    const word = m[3];
    if (word === 'OR' || word === '|' || word === '或') { alternatives.push([]); continue; }
    const text = (phrase ?? word!).trim();
    if (text) alternatives[alternatives.length - 1]!.push({ text, phrase: phrase !== undefined });
  }
  return { alternatives: alternatives.filter((a) => a.length) };
}

/**
 * A WHERE condition (over issues i) for a query of alternatives (OR) of terms (AND): a word is
 * looked up through the jieba-token index; a term shorter than a word (党, 费), one jieba does not
 * keep whole, or a phrase in quotes is matched as a substring of the problem, its measures and its
 * outcome. The problems are read newest first and the page stops the reading, so a term found in
 * most problems costs little; a rare one reads them all.
 */
function termsSql(db: Store, parsed: ParsedQuery): [string, unknown[]] {
  const pg = db.dialect === 'pg';
  // SQLite's own instr, not the strpos added for shared SQL (a call into JavaScript per row)
  const pos = pg ? 'strpos' : 'instr';
  const params: unknown[] = [];
  const alternatives = parsed.alternatives.map((terms) => terms.map((t) => {
    if (indexable(t)) {
      params.push(pg ? tsQuery(t.text) : ftsQuery(t.text));
      return pg ? 'i.id IN (SELECT issue_id FROM issue_search WHERE tokens @@ CAST(? AS tsquery))' : 'i.id IN (SELECT rowid FROM issues_fts WHERE issues_fts MATCH ?)';
    }
    const sub = t.text.replace(/\s+/g, '');
    params.push(sub, sub, sub);
    return `(${pos}(i.problem, CAST(? AS TEXT)) > 0 OR ${pos}(COALESCE(i.outcome, ''), CAST(? AS TEXT)) > 0
      OR EXISTS (SELECT 1 FROM measures m WHERE m.issue_id = i.id AND ${pos}(m.text, CAST(? AS TEXT)) > 0))`;
  }).join(' AND '));
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

/** Which problems to list: a query (empty: every problem), filters, and a page. */
export interface ProblemQuery { unit?: string; region?: string; level?: string; year?: number; status?: string; theme?: string; limit?: number; offset?: number }

/** A problem found: where it is (unit, bulletin, number), what it says, and the query's words to mark. */
export interface FoundProblem { id: number; bulletin_id: number; unit: string | null; unit_id: number | null; year: number | null; number: number; status: string; problem: string; outcome: string | null; measures: string | null; title: string | null; path: string | null }

/**
 * Problems that match a query and filters, newest first (by issue id), a page at a time. A query
 * of words alone is one lookup in the token index, read newest first and stopped at the page's end
 * (a word in every problem costs no more than a rare one); a query with a substring term (党, a
 * phrase in quotes) reads the problems newest first too, testing each (termsSql); an empty query
 * lists every problem the filters keep. `words` are the query's words and their tokens, longest first (to mark).
 */
export async function findProblems(db: Store, q: string, o: ProblemQuery = {}): Promise<{ rows: FoundProblem[]; words: string[] }> {
  const parsed = parseQuery(q);
  const pg = db.dialect === 'pg';
  let from = 'issues i';
  let params: unknown[] = [];
  // a query of words only: read from the token index, newest first
  const indexed = parsed.alternatives.length > 0 && parsed.alternatives.every((a) => a.every(indexable));
  if (indexed) {
    const expr = pg
      ? parsed.alternatives.map((a) => `(${a.map((t) => tsQuery(t.text)).join(' & ')})`).join(' | ')
      : parsed.alternatives.map((a) => `(${a.map((t) => ftsQuery(t.text)).join(' AND ')})`).join(' OR ');
    from = pg ? 'issue_search s JOIN issues i ON i.id = s.issue_id' : 'issues_fts s JOIN issues i ON i.id = s.rowid';
    params = [expr];
  }
  const [filter, filterParams] = filterSql({ unit: o.unit, region: o.region, level: o.level, from: o.year, to: o.year });
  const where = [filter.replace(/^WHERE /, '')].filter(Boolean);
  const whereParams = [...filterParams];
  if (o.status) { where.push('i.status = CAST(? AS TEXT)'); whereParams.push(o.status); }
  if (o.theme) {
    where.push('EXISTS (SELECT 1 FROM issue_theme_tags t JOIN themes th ON th.id = t.theme_id WHERE t.issue_id = i.id AND (th.theme = CAST(? AS TEXT) OR th.label = CAST(? AS TEXT)))');
    whereParams.push(o.theme, o.theme);
  }
  if (indexed) where.push(pg ? 's.tokens @@ CAST(? AS tsquery)' : 'issues_fts MATCH ?');
  else if (parsed.alternatives.length) {
    const [terms, termParams] = termsSql(db, parsed);
    where.push(terms);
    whereParams.push(...termParams);
  }
  const terms = parsed.alternatives.flat().map((t) => t.text);
  const words = [...new Set([...terms, ...terms.flatMap((t) => searchTokens(t))])].filter((t) => t.trim()).sort((a, b) => b.length - a.length);
  const rows = await db.all<FoundProblem>(`
    SELECT i.id, i.bulletin_id, COALESCE(u.name, b.unit_name) AS unit, b.unit_id, b.year, i.number, i.status, i.problem, i.outcome,
           (SELECT string_agg(m.text, '；' ORDER BY m.ordinal) FROM measures m WHERE m.issue_id = i.id) AS measures,
           b.title, p.path
    FROM ${from}
    JOIN publications b ON b.id = i.bulletin_id
    LEFT JOIN units u ON u.id = b.unit_id
    LEFT JOIN document_paths p ON p.${pg ? 'id' : 'rowid'} = (SELECT min(${pg ? 'id' : 'rowid'}) FROM document_paths WHERE document_id = b.document_id)
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY ${indexed ? (pg ? 's.issue_id' : 's.rowid') : 'i.id'} DESC
    LIMIT ? OFFSET ?`, [...whereParams, ...params, o.limit ?? 200, o.offset ?? 0]);
  return { rows, words };
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
  if (!parseQuery(q).alternatives.length) return [];
  const { rows, words } = await findProblems(db, q, { unit: o.unit, year: o.year, limit: o.limit });
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
  // the figures kept per group of publications (output/groups.ts), whose columns the filter and
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

/** Merge unit `from` into unit `into` (names or aliases); recorded so that re-ingest keeps it. */
export async function mergeUnits(db: Store, from: string, into: string): Promise<{ from: string; into: string; bulletins: number }> {
  return db.transaction(async (t) => {
    const find = async (n: string) =>
      (await t.get<{ id: number; name: string }>('SELECT id, name FROM units WHERE name = ?', [n])) ??
      (await t.get<{ id: number; name: string }>('SELECT u.id, u.name FROM units u JOIN unit_aliases a ON a.unit_id = u.id WHERE a.alias = ? ORDER BY u.id', [n]));
    const a = await find(from);
    const b = await find(into);
    if (!a) throw new UsageError(`no unit named ${from} (zhenggai units lists them)`);
    if (!b) throw new UsageError(`no unit named ${into} (zhenggai units lists them)`);
    if (a.id === b.id) return { from: a.name, into: b.name, bulletins: 0 };
    const n = await t.run('UPDATE bulletins SET unit_id = ? WHERE unit_id = ?', [b.id, a.id]);
    await t.run('INSERT INTO unit_aliases (unit_id, alias, source) SELECT ?, alias, source FROM unit_aliases WHERE unit_id = ? ON CONFLICT DO NOTHING', [b.id, a.id]);
    await t.run("INSERT INTO unit_aliases (unit_id, alias, source) VALUES (?, ?, 'manual') ON CONFLICT DO NOTHING", [b.id, a.name]);
    await t.run('DELETE FROM group_stats WHERE unit_id = ?', [a.id]);
    await t.run('DELETE FROM units WHERE id = ?', [a.id]);
    await refreshGroups(t, [{ unitId: b.id }]);
    await t.run('INSERT INTO unit_merges (from_name, into_name) VALUES (?, ?) ON CONFLICT(from_name) DO UPDATE SET into_name = excluded.into_name', [a.name, b.name]);
    // earlier merges into the unit that has just gone now point at the survivor
    await t.run('UPDATE unit_merges SET into_name = ? WHERE into_name = ?', [b.name, a.name]);
    return { from: a.name, into: b.name, bulletins: n };
  });
}

// --- free SQL ------------------------------------------------------------------------

/** Run one read-only statement that returns rows (output/sql-guard.ts: SQLite's own parser decides; the connection is read-only besides). */
export function query(db: DB, sql: string): Row[] {
  return sqliteStatement(db, sql).all() as Row[];
}

export type { QueryResult };

/**
 * One read-only statement in a process of its own (pipeline/query-entry.ts), killed after
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
