// A round's digest (one bulletin on several units) lists some problems under their own unit
// (issues.unit). The figures kept per group (store/groups.ts) count a bulletin's problems under
// the bulletin's unit; compare moves each such problem to the unit it is listed under, here, at
// query time: only digests' problems are read (a partial index holds them), so a dataset of
// one-unit bulletins pays one empty index lookup.
//
// A moved problem leaves its bulletin's group (problems, completed, money, its themes) and joins
// the group of its listed unit, with the bulletin's region, level and year; the listed unit counts
// the digest once among its bulletins. The digest keeps its declared totals and the problems they
// were compared with (declared_vs_found stays the digest's own difference), and recovered money
// that the digest declares stays with the declaration.
import type { Row, Store } from './interface.js';
import { canonicalUnit } from './units.js';
import { OTHER_MONEY, RECOVERED } from './db.js';

/** The theme of problems with none (as compare names it). */
export const NO_THEME = '（无主题）';

/** A digest's problem listed under a unit of its own: the group keys it leaves and joins, and its figures. */
export interface MovedProblem {
  bulletin: number;
  /** the compare keys of the bulletin's group (its unit as compare names it), or null when the filter leaves that group out */
  from: unknown[] | null;
  /** the compare keys of the listed unit's group, or null when the filter leaves the listed unit out */
  to: unknown[] | null;
  completed: number;
  money: number;
  moneyOther: number;
  /** theme labels ([] : none) */
  themes: string[];
}

/** The problems listed under their own unit. `keys` are the compare keys (not theme) as SQL over publications b LEFT JOIN units u; `unitCond` the unit filter's condition, if any. */
export async function movedProblems(db: Store, keyCols: string[], keys: string[], where: string, params: unknown[], unitCond: [string, unknown[]] | null, unitFilter: string | undefined): Promise<{ moved: MovedProblem[]; themeTotals: Map<string, number> }> {
  const cols = keyCols.map((c, k) => `${c} AS zg_k${k}, `).join('');
  const ownIn = unitCond ? `CASE WHEN ${unitCond[0]} THEN 1 ELSE 0 END` : '1';
  const rows = await db.all<Record<string, unknown>>(`SELECT ${cols}b.id AS zg_bid, i.id AS zg_iid, i.unit AS zg_unit, b.region AS zg_region, ${ownIn} AS zg_own_in,
      CASE WHEN i.status = 'completed' THEN 1 ELSE 0 END AS zg_done,
      (SELECT COALESCE(sum(value), 0) FROM quantities q WHERE q.bulletin_id = b.id AND q.issue_id = i.id AND ${RECOVERED}) AS zg_m,
      (SELECT COALESCE(sum(value), 0) FROM quantities q WHERE q.bulletin_id = b.id AND q.issue_id = i.id AND ${OTHER_MONEY}) AS zg_mo,
      (SELECT value FROM declared_totals t WHERE t.bulletin_id = b.id AND t.key = 'money_recovered') AS zg_dm
    FROM issues i JOIN publications b ON b.id = i.bulletin_id LEFT JOIN units u ON u.id = b.unit_id
    ${where ? `${where} AND` : 'WHERE'} i.unit IS NOT NULL ORDER BY b.id, i.id`, [...(unitCond?.[1] ?? []), ...params]);
  const themeTotals = new Map<string, number>();
  if (!rows.length) return { moved: [], themeTotals };
  const themes = new Map<number, string[]>();
  const ids = rows.map((r) => Number(r.zg_iid));
  for (let k = 0; k < ids.length; k += 500) {
    const part = ids.slice(k, k + 500);
    for (const t of await db.all<{ issue_id: number; label: string }>(`SELECT issue_id, label FROM issue_themes WHERE issue_id IN (${part.map(() => '?').join(', ')}) ORDER BY issue_id, theme`, part)) {
      const id = Number(t.issue_id);
      themes.set(id, [...(themes.get(id) ?? []), t.label]);
    }
  }
  // each digest's problems per theme, all of them (those left under the digest's unit included): `${bulletin}\u0002${label}`
  const digests = [...new Set(rows.map((r) => Number(r.zg_bid)))];
  for (let k = 0; k < digests.length; k += 500) {
    const part = digests.slice(k, k + 500);
    const marks = part.map(() => '?').join(', ');
    for (const t of await db.all<{ bid: number; label: string | null; n: number }>(`SELECT i.bulletin_id AS bid, t.label, count(*) AS n
        FROM issues i LEFT JOIN issue_themes t ON t.issue_id = i.id WHERE i.bulletin_id IN (${marks}) GROUP BY i.bulletin_id, t.label`, part)) {
      themeTotals.set(`${t.bid}\u0002${t.label ?? NO_THEME}`, Number(t.n));
    }
  }
  const resolve = unitResolver(db, unitFilter);
  const unitAt = keys.indexOf('unit');
  const out: MovedProblem[] = [];
  for (const r of rows) {
    const own = keyCols.map((_, k) => r[`zg_k${k}`] ?? null);
    const listed = await resolve(String(r.zg_unit), (r.zg_region as string | null) ?? null);
    const to = listed.matches ? own.map((v, k) => (k === unitAt ? listed.name : v)) : null;
    const declaresMoney = r.zg_dm != null;
    out.push({
      bulletin: Number(r.zg_bid), from: Number(r.zg_own_in) ? own : null, to, completed: Number(r.zg_done),
      money: declaresMoney ? 0 : Number(r.zg_m), moneyOther: Number(r.zg_mo), themes: themes.get(Number(r.zg_iid)) ?? [],
    });
  }
  return { moved: out, themeTotals };
}

/**
 * The name compare gives a listed unit (as it names a bulletin's: the unit it resolves to, else
 * the name qualified with the region), and whether the unit filter takes it (part of the name,
 * or an alias of the resolved unit).
 */
function unitResolver(db: Store, filter: string | undefined) {
  const seen = new Map<string, { name: string; matches: boolean }>();
  return async (raw: string, region: string | null) => {
    const k = `${raw}\u0001${region ?? ''}`;
    const hit = seen.get(k);
    if (hit) return hit;
    const full = canonicalUnit(raw, region) ?? raw;
    const unit = await db.get<{ id: number; name: string }>(`SELECT u.id, u.name FROM units u WHERE u.name = CAST(? AS TEXT)
      UNION ALL SELECT u.id, u.name FROM unit_aliases a JOIN units u ON u.id = a.unit_id WHERE a.alias = CAST(? AS TEXT) LIMIT 1`, [full, full]);
    const name = unit?.name ?? full;
    let matches = !filter || name.includes(filter) || raw.includes(filter);
    if (!matches && unit) matches = Boolean(await db.get('SELECT 1 FROM unit_aliases WHERE unit_id = ? AND alias = CAST(? AS TEXT)', [unit.id, filter]));
    const v = { name, matches };
    seen.set(k, v);
    return v;
  };
}

/** A compare row's key values as one string. */
type KeyOf = (values: unknown[]) => string;

/**
 * The moved problems taken out of their digest's group and added to their listed unit's (compare's
 * sums: the key values, then bulletins, problems, problems declared, completed, money, other money,
 * the declared figures, mismatches), with their themes.
 */
export function moveIntoSums(moved: MovedProblem[], sums: unknown[][], themeCount: Map<string, Map<string, number>>, nKeys: number, keyOf: KeyOf): void {
  if (!moved.length) return;
  const at = new Map(sums.map((r, k) => [keyOf(r.slice(0, nKeys)), k]));
  const rowOf = (kv: unknown[]) => {
    const k = keyOf(kv);
    if (!at.has(k)) { at.set(k, sums.length); sums.push([...kv, 0, 0, 0, 0, 0, 0, null, null, null, 0]); }
    return sums[at.get(k)!]!;
  };
  const counted = new Set<string>();
  for (const p of moved) {
    if (p.from && p.to && keyOf(p.from) === keyOf(p.to)) continue; // the same group either way (not by unit)
    for (const [kv, sign] of [[p.from, -1], [p.to, 1]] as const) {
      if (!kv) continue;
      const r = rowOf(kv);
      const counts = `${p.bulletin}\u0002${keyOf(kv)}`;
      if (sign > 0 && !counted.has(counts)) { counted.add(counts); r[nKeys] = Number(r[nKeys]) + 1; }
      r[nKeys + 1] = Number(r[nKeys + 1]) + sign;
      r[nKeys + 3] = Number(r[nKeys + 3]) + sign * p.completed;
      r[nKeys + 4] = Number(r[nKeys + 4]) + sign * p.money;
      r[nKeys + 5] = Number(r[nKeys + 5]) + sign * p.moneyOther;
      let m = themeCount.get(keyOf(kv));
      if (!m) themeCount.set(keyOf(kv), (m = new Map()));
      for (const l of p.themes) m.set(l, (m.get(l) ?? 0) + sign);
    }
  }
}

/** A group of compare by theme: its keys and figures. */
export interface ThemeGroup { keys: Row; bulletins: number; problems: number; completed: number; money: number; moneyOther: number }

/**
 * As moveIntoSums, theme by theme (compare by theme): a digest leaves a theme's bulletins when all
 * its problems of the theme left its group; a group left with no problem goes.
 */
export function moveIntoThemes({ moved, themeTotals }: { moved: MovedProblem[]; themeTotals: Map<string, number> }, groups: Map<string, ThemeGroup>, keyOf: KeyOf, keysRow: (values: unknown[], theme?: string) => Row): void {
  if (!moved.length) return;
  const left = new Map<string, number>();
  for (const p of moved) {
    if (p.from && p.to && keyOf(p.from) === keyOf(p.to)) continue;
    for (const [kv, sign] of [[p.from, -1], [p.to, 1]] as const) {
      if (!kv) continue;
      for (const theme of p.themes.length ? p.themes : [NO_THEME]) {
        const k = `${keyOf(kv)}\u0002${theme}`;
        let g = groups.get(k);
        if (!g) groups.set(k, (g = { keys: keysRow(kv, theme), bulletins: 0, problems: 0, completed: 0, money: 0, moneyOther: 0 }));
        const counts = `${sign}\u0002${p.bulletin}\u0002${k}`;
        const n = (left.get(counts) ?? 0) + 1;
        left.set(counts, n);
        if (sign > 0 && n === 1) g.bulletins++;
        if (sign < 0 && n === themeTotals.get(`${p.bulletin}\u0002${theme}`)) g.bulletins--;
        g.problems += sign;
        g.completed += sign * p.completed;
        g.money += sign * p.money;
        g.moneyOther += sign * p.moneyOther;
      }
    }
  }
  for (const [k, g] of groups) if (g.problems <= 0) groups.delete(k);
}
