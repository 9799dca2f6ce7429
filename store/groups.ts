// group_stats: the figures compare and the report sum, kept per group of publications at ingest,
// so that a comparison reads a row per unit and year instead of one per bulletin.
//
// A group is the publications (store/sqlite/schema.sql: one bulletin per fingerprint) of one unit, one
// spelling of its name, region, level and year. A unit's groups are its "scope": a resolved unit
// (unit_id), or, for bulletins whose unit was not resolved, the name they give
// (COALESCE(unit_name, issuer)). A new publication is added to its group (what that costs does
// not depend on the size of the dataset). When a bulletin goes or changes (a re-derivation,
// `units merge`), the groups of the scopes it touches are computed again from bulletin_stats:
// a sum is never patched by subtracting. Both happen in the writer's transaction. Sums are made
// in bulletin order either way, so a kept group and one computed again are the same numbers.
//
// The columns (see schema.sql) keep what compare needs to add up over groups: bulletins,
// problems, completed, recovered money of the bulletins that do not declare it (those that do
// count by their declaration), other money, the declared totals (NULL: none declared), the
// problems of the bulletins that declare a count, mismatches, and per theme
// [label, bulletins, problems, completed, recovered money, other money] (label null: the
// problems with no theme).
import { all, arrays, get, run, type Steps } from './steps.js';
import { GROUP_STATS } from './tables-dataset.js';

/** A set of groups computed together: a resolved unit, or the name of bulletins without one. */
export type Scope = { unitId: number } | { unitId: null; name: string };

/** group_stats' columns in insert order (as store/tables-dataset.ts declares them: the key, then the figures Group.encode gives in this order). */
export const GROUP_COLUMNS = GROUP_STATS.columns.map((c) => c.name);

/** The name that stands for an unresolved unit (what compare shows for it). */
const SCOPE_NAME = "COALESCE(b.unit_name, b.issuer, '')";

/** Publications with their figures: the source of the groups (ordered by bulletin, so theme order is stable). */
const SOURCE = `SELECT b.unit_id, b.unit_name, b.issuer, b.region, b.level, b.year, s.problems, s.completed, s.money_recovered, s.money_other,
    s.themes, s.declared_problems, s.declared_rules, s.declared_money_recovered, s.mismatches
  FROM publications b LEFT JOIN bulletin_stats s ON s.bulletin_id = b.id`;

function scopeSql(scope: Scope, alias: string): [string, unknown[]] {
  return scope.unitId !== null
    ? [`${alias}.unit_id = ?`, [scope.unitId]]
    : [`${alias}.unit_id IS NULL AND ${SCOPE_NAME.replaceAll('b.', `${alias}.`)} = CAST(? AS TEXT)`, [scope.name]];
}

/** A group's key is its first six columns; the rest are its figures (updated in place as publications are added). */
const KEY_COLUMNS = 6;
const FIGURES_SET = GROUP_COLUMNS.slice(KEY_COLUMNS).map((c) => `${c} = ?`).join(', ');
const insertSql = `INSERT INTO group_stats (${GROUP_COLUMNS.join(', ')}) VALUES (${GROUP_COLUMNS.map(() => '?').join(', ')})`;

type Source = Record<string, unknown>;
type ThemeSum = [string | null, number, number, number, number, number];

/** A group's figures as they add up, publication by publication (in bulletin order: a sum kept and one computed again are the same number). */
class Group {
  /** bulletins, problems, problems of those that declare a count, completed, recovered money not declared, other money, mismatches */
  sums = [0, 0, 0, 0, 0, 0, 0];
  /** declared problems, declared recovered money, declared rules (null: none declared) */
  declared: Array<number | null> = [null, null, null];
  themes = new Map<string, ThemeSum>();
  constructor(readonly key: unknown[]) {}

  /** A stored group_stats row (GROUP_COLUMNS order). */
  static decode(row: unknown[]): Group {
    const g = new Group(row.slice(0, KEY_COLUMNS));
    const [bulletins, problems, problemsDeclared, completed, money, moneyOther, dp, dm, dr, mismatches, themes] = row.slice(KEY_COLUMNS);
    g.sums = [bulletins, problems, problemsDeclared, completed, money, moneyOther, mismatches].map(Number);
    g.declared = [dp, dm, dr].map((x) => (x == null ? null : Number(x)));
    for (const t of JSON.parse(String(themes)) as ThemeSum[]) g.themes.set(t[0] ?? '\u0000', t);
    return g;
  }

  add(r: Source): void {
    const n = (x: unknown) => Number(x ?? 0);
    const problems = n(r.problems);
    const declaredProblems = r.declared_problems as number | null;
    const declaredMoney = r.declared_money_recovered as number | null;
    const add = [1, problems, declaredProblems != null ? problems : 0, n(r.completed), declaredMoney == null ? n(r.money_recovered) : 0, n(r.money_other), n(r.mismatches)];
    add.forEach((x, i) => (this.sums[i]! += x));
    [declaredProblems, declaredMoney, r.declared_rules as number | null].forEach((x, i) => { if (x != null) this.declared[i] = (this.declared[i] ?? 0) + x; });
    if (!problems || typeof r.themes !== 'string') return;
    for (const [label, tn, tc, tm, tmo] of JSON.parse(r.themes) as Array<[string | null, number, number, number, number]>) {
      const tk = label ?? '\u0000';
      let t = this.themes.get(tk);
      if (!t) this.themes.set(tk, (t = [label, 0, 0, 0, 0, 0]));
      t[1]++; t[2] += tn; t[3] += tc; t[4] += tm; t[5] += tmo;
    }
  }

  /** As group_stats values, in GROUP_COLUMNS order. */
  encode(): unknown[] {
    const [bulletins, problems, problemsDeclared, completed, money, moneyOther, mismatches] = this.sums;
    return [...this.key, bulletins, problems, problemsDeclared, completed, money, moneyOther, ...this.declared, mismatches, JSON.stringify([...this.themes.values()])];
  }
}

/** The group a publication (a row of SOURCE) belongs to. */
function groupKey(r: Source): unknown[] {
  const unitName = (r.unit_name as string | null) ?? null;
  // the issuer names the group only when nothing else does (compare: COALESCE(unit, unit_name, issuer))
  const issuer = r.unit_id == null && unitName == null ? (r.issuer as string | null) ?? null : null;
  return [r.unit_id ?? null, unitName, issuer, r.region ?? null, r.level ?? null, r.year ?? null];
}

/** The groups of some publications (rows of SOURCE), each as group_stats values in GROUP_COLUMNS order. */
export function groupRows(rows: Source[]): unknown[][] {
  const groups = new Map<string, Group>();
  for (const r of rows) {
    const key = groupKey(r);
    const k = JSON.stringify(key);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = new Group(key)));
    g.add(r);
  }
  return [...groups.values()].map((g) => g.encode());
}

/** One bulletin with its figures, as SOURCE gives a publication. */
const ONE = SOURCE.replace('FROM publications b', 'FROM bulletins b') + ' WHERE b.id = ?';
/** Bulletins with a fingerprint: a new bulletin alone with its own is a new publication. */
const SAME_FINGERPRINT = 'SELECT count(*) AS n FROM bulletins WHERE fingerprint = (SELECT fingerprint FROM bulletins WHERE id = ?)';
/** The stored group of a key (the scope's index, then the rest of the key). */
function groupWhere(key: unknown[]): [string, unknown[]] {
  const [unitId, unitName, issuer, region, level, year] = key;
  const [w, p] = scopeSql(unitId != null ? { unitId: Number(unitId) } : { unitId: null, name: String(unitName ?? issuer ?? '') }, 'g');
  return [`${w} AND g.unit_name IS NOT DISTINCT FROM CAST(? AS TEXT) AND g.issuer IS NOT DISTINCT FROM CAST(? AS TEXT) AND g.region IS NOT DISTINCT FROM CAST(? AS TEXT)
    AND g.level IS NOT DISTINCT FROM CAST(? AS TEXT) AND g.year IS NOT DISTINCT FROM CAST(? AS INTEGER)`, [...p, unitName, issuer, region, level, year]];
}

/** A bulletin's unit and names, as FINGERPRINT_SCOPES and REPLACED_SCOPES give them. */
export interface ScopeRow { unit_id: number | null; unit_name: string | null; issuer: string | null }

/** The scope of a bulletin. */
export function scopeOf(r: ScopeRow): Scope {
  return r.unit_id != null ? { unitId: Number(r.unit_id) } : { unitId: null, name: String(r.unit_name ?? r.issuer ?? '') };
}

/** The scopes of the bulletins with this fingerprint (the same bulletin in other files: which of them counts may have changed). */
export const FINGERPRINT_SCOPES = 'SELECT DISTINCT unit_id, unit_name, issuer FROM bulletins WHERE fingerprint = ?';
/** Before a document is replaced: the scopes of its bulletin and of the other files of the same bulletin. */
export const REPLACED_SCOPES = 'SELECT DISTINCT unit_id, unit_name, issuer FROM bulletins WHERE fingerprint = (SELECT fingerprint FROM bulletins WHERE document_id = ?)';

function distinct(scopes: Scope[]): Scope[] {
  const seen = new Map<string, Scope>();
  for (const s of scopes) seen.set(s.unitId !== null ? `u${s.unitId}` : `n${s.name}`, s);
  return [...seen.values()];
}

/** Compute the groups of these scopes again (inside the caller's transaction). */
export function* refreshGroups(scopes: Scope[]): Steps<void> {
  for (const scope of distinct(scopes)) {
    const [w, p] = scopeSql(scope, 'g');
    yield* run(`DELETE FROM group_stats AS g WHERE ${w}`, p);
    const [ws, ps] = scopeSql(scope, 'b');
    for (const row of groupRows(yield* all<Source>(`${SOURCE} WHERE ${ws} ORDER BY b.id`, ps))) yield* run(insertSql, row);
  }
}

/**
 * A bulletin just written, which no earlier one has the fingerprint of: a new publication, added
 * to its group (the common case of an ingest: what it costs does not depend on how many
 * bulletins the unit has). One that shares its fingerprint with an earlier one is another file of
 * a publication counted already: nothing changes.
 */
export function* addPublication(bulletinId: number): Steps<void> {
  if ((yield* get<{ n: number }>(SAME_FINGERPRINT, [bulletinId]))!.n !== 1) return;
  const r = (yield* get<Source>(ONE, [bulletinId]))!;
  const [w, p] = groupWhere(groupKey(r));
  const stored = (yield* arrays(`SELECT ${GROUP_COLUMNS.join(', ')} FROM group_stats AS g WHERE ${w}`, p))[0];
  const g = stored ? Group.decode(stored) : new Group(groupKey(r));
  g.add(r);
  if (stored) yield* run(`UPDATE group_stats AS g SET ${FIGURES_SET} WHERE ${w}`, [...g.encode().slice(KEY_COLUMNS), ...p]);
  else yield* run(insertSql, g.encode());
}

/** Every group again, from every publication. */
export function* rebuildGroups(): Steps<number> {
  yield* run('DELETE FROM group_stats');
  const rows = groupRows(yield* all<Source>(`${SOURCE} ORDER BY b.id`));
  for (const row of rows) yield* run(insertSql, row);
  return rows.length;
}

/**
 * A dataset whose groups were never computed (made before group_stats, or migrated from such a
 * one: group_stats empty beside bulletins) gets them once; the caller holds the write lock.
 */
export function* ensureGroups(): Steps<void> {
  const todo = yield* get<{ todo: unknown }>('SELECT NOT EXISTS (SELECT 1 FROM group_stats) AND EXISTS (SELECT 1 FROM bulletins) AS todo');
  if (todo && Boolean(todo.todo)) yield* rebuildGroups();
}
