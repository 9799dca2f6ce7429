// What `units merge` and `units unmerge` touch, read the same way from SQLite and PostgreSQL: an
// unmerge must give back exactly what the merge took (test/units-unmerge*.test.ts).
import type { Store } from '../store/store.js';

export interface UnitsState {
  units: unknown[];
  aliases: unknown[];
  bulletins: unknown[];
  groups: unknown[];
  merges: unknown[];
}

/** The units, aliases, bulletins' units, groups and merges; `byName` leaves out ids (two datasets built apart). */
export async function unitsState(db: Store, o: { byName?: boolean } = {}): Promise<UnitsState> {
  const num = (rows: Array<Record<string, unknown>>) => rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'string' && /^(id|unit_id)$/.test(k) ? Number(v) : v])));
  return {
    units: num(await db.all(`SELECT ${o.byName ? '' : 'id, '}name, region, level FROM units ORDER BY name`)),
    aliases: await db.all('SELECT u.name, a.alias, a.source FROM unit_aliases a JOIN units u ON u.id = a.unit_id ORDER BY u.name, a.alias'),
    bulletins: await db.all(`SELECT d.sha256, u.name AS unit FROM bulletins b JOIN documents d ON d.id = b.document_id LEFT JOIN units u ON u.id = b.unit_id ORDER BY d.sha256`),
    groups: num(await db.all(`SELECT ${o.byName ? '' : 'g.unit_id, '}u.name AS unit, g.unit_name, g.issuer, g.region, g.level, g.year, g.bulletins, g.problems, g.problems_declared, g.completed,
      g.money_recovered, g.money_other, g.declared_problems, g.declared_money_recovered, g.declared_rules, g.mismatches, g.themes
      FROM group_stats g LEFT JOIN units u ON u.id = g.unit_id ORDER BY u.name, g.unit_name, g.issuer, g.year, g.region, g.level`)),
    merges: await db.all('SELECT from_name, into_name FROM unit_merges ORDER BY from_name'),
  };
}
