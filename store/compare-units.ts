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
import type { Store } from './interface.js';
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
