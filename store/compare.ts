// Compare and the overview figures: problems, completion, money and themes per unit, region,
// level, year or theme, summed from the figures kept per group (store/groups.ts).
import type { Row, Store } from './interface.js';
import { movedProblems, moveIntoSums, moveIntoThemes, NO_THEME } from './compare-units.js';

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

/** The unit filter's condition over publications b LEFT JOIN units u: part of the unit's name or of the name as written, or an alias. */
function unitSql(unit: string): [string, unknown[]] {
  return [`(u.name LIKE '%' || CAST(? AS TEXT) || '%' OR b.unit_name LIKE '%' || CAST(? AS TEXT) || '%' OR EXISTS (SELECT 1 FROM unit_aliases a WHERE a.unit_id = u.id AND a.alias = CAST(? AS TEXT)))`, [unit, unit, unit]];
}

/** WHERE clause over publications b LEFT JOIN units u, and its parameters. */
export function filterSql(o: BulletinFilter): [string, unknown[]] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (o.unit) {
    const [w, p] = unitSql(o.unit);
    where.push(w);
    params.push(...p);
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
  // the digests' problems listed under their own unit: read without the unit filter, which each side applies to its own unit
  const moves = () => movedProblems(db, keyCols, keys, ...filterSql({ ...o, unit: undefined }), o.unit ? unitSql(o.unit) : null, o.unit);
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
    // a digest's problems listed under their own unit leave the digest's group for that unit's
    moveIntoSums((await moves()).moved, sums, themeCount, keys.length, keyOf);
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
        top_themes: [...(themeCount.get(keyOf(r.slice(0, keys.length))) ?? [])].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1] || zh.compare(a[0], b[0])).slice(0, 3).map(([l, n]) => `${l}(${n})`).join(' '),
      };
    });
  } else {
    // by theme: each group's figures per theme; a problem counts once per theme it carries, those
    // with none under 无主题
    const groups = new Map<string, { keys: Row; bulletins: number; problems: number; completed: number; money: number; moneyOther: number }>();
    for (const r of await themesOf()) {
      const values = r.slice(0, keys.length);
      for (const [label, nb, n, c, m, mo] of JSON.parse(r[keys.length] as string) as ThemeSum[]) {
        const theme = label ?? NO_THEME;
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
    moveIntoThemes(await moves(), groups, keyOf, keysRow);
    rows = [...groups.values()].map((g) => ({
      ...g.keys, bulletins: g.bulletins, problems: g.problems, completed: g.completed, not_completed: g.problems - g.completed,
      completion_rate: completionRate(g.problems, g.completed), declared_problems: null, declared_vs_found: null,
      money: Math.round(g.money), money_other: Math.round(g.moneyOther), rules: null, mismatches: null,
      // the group is one theme (the figures kept per theme do not say which others a problem carries)
      top_themes: null,
    }));
  }
  // (nulls last, and two nulls equal: a comparator that orders two nulls leaves the rows in whatever order the store gave them)
  const cmp = (a: unknown, b: unknown) => (a == null && b == null ? 0 : a == null ? 1 : b == null ? -1 : typeof a === 'number' && typeof b === 'number' ? a - b : zh.compare(String(a), String(b)));
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
  // and the units a digest lists problems under (compare's rows of them), where no bulletin of their own is
  const { moved } = await movedProblems(db, [KEY_SQL.unit], ['unit'], ...filterSql({ ...filter, unit: undefined }), filter.unit ? unitSql(filter.unit) : null, filter.unit);
  let listed = 0;
  for (const name of new Set(moved.flatMap((p) => (p.to ? [String(p.to[0])] : [])))) {
    if (!(await db.get(`SELECT 1 AS x ${from} ${where ? 'AND' : 'WHERE'} ${KEY_SQL.unit} = CAST(? AS TEXT)`, [...params, name]))) listed++;
  }
  const toCheck = await db.get<{ n: number }>(`SELECT count(*) AS n ${from} ${where ? 'AND' : 'WHERE'}
    EXISTS (SELECT 1 FROM warnings w WHERE w.bulletin_id = b.id AND w.code IN (${codes}))`, params);
  return { units: Number(units?.n ?? 0) + listed, toCheck: Number(toCheck?.n ?? 0) };
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
