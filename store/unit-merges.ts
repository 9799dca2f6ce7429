// `units merge A B` and `units unmerge A`. A merge records that unit A is unit B (unit_merges:
// every ingest applies it again, store/write.ts) and keeps, in
// unit_merges.undo, what undoing it needs: A's row (id, name, region, level), its aliases with
// their sources, which of them B did not have, and the earlier merges into A that it re-points at
// B. An unmerge puts those back and moves back the bulletins whose own unit (the name the bulletin
// gives, resolved by the rules as ingest resolves it: store/rows.ts) is A or a unit merged into
// A, including bulletins of A ingested after the merge; the aliases such bulletins gave B go to A.
import { canonicalUnit, successorName } from './units.js';
import { refreshGroups } from './groups.js';
import type { Store } from './interface.js';
import { DatasetError, UsageError } from './errors.js';
import { runOn } from './steps.js';

/** A role that may only read (a PostgreSQL reader's URL): said plainly, as ingest says it. */
async function writing<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === '25006' || code === '42501') throw new DatasetError(`this URL's role cannot change the dataset (${(e as Error).message}): ${what} with the owner's URL`);
    throw e;
  }
}

/** What undoing a merge needs, kept as JSON in unit_merges.undo. */
interface Undo {
  /** the unit merged away, as it was */
  unit: { id: number; name: string; region: string | null; level: string | null };
  /** the unit it was merged into (unit_merges.into_name changes when that one is merged on) */
  into: string;
  /** its aliases, with their sources */
  aliases: Array<[string, string]>;
  /** the aliases (its name included) that the unit merged into did not have */
  added: string[];
  /** earlier merges into it (from_name), re-pointed at the unit merged into */
  repointed: string[];
}

export interface MergeResult { from: string; into: string; bulletins: number; publications: number }

type UnitRow = { id: number; name: string; region: string | null; level: string | null };

async function findUnit(t: Store, n: string): Promise<UnitRow | undefined> {
  const r = (await t.get<UnitRow>('SELECT id, name, region, level FROM units WHERE name = ?', [n]))
    ?? (await t.get<UnitRow>('SELECT u.id, u.name, u.region, u.level FROM units u JOIN unit_aliases a ON a.unit_id = u.id WHERE a.alias = ? ORDER BY u.id', [n]));
  return r && { ...r, id: Number(r.id) };
}

/**
 * Merge unit `from` into unit `into` (names or aliases); recorded so that re-ingest keeps it, with
 * what `unmergeUnit` needs to undo it. Says how many publications (and files: one publication
 * saved as .txt and .pdf is two) move; with `dryRun`, only says it and changes nothing.
 */
export async function mergeUnits(db: Store, from: string, into: string, o: { dryRun?: boolean } = {}): Promise<MergeResult> {
  return writing('units merge', () => db.transaction(async (t) => {
    const a = await findUnit(t, from);
    const b = await findUnit(t, into);
    if (!a) throw new UsageError(`no unit named ${from} (zhenggai units lists them)`);
    if (!b) throw new UsageError(`no unit named ${into} (zhenggai units lists them)`);
    if (a.id === b.id) return { from: a.name, into: b.name, bulletins: 0, publications: 0 };
    const moving = (await t.get<{ files: number; pubs: number }>('SELECT count(*) AS files, count(DISTINCT fingerprint) AS pubs FROM bulletins WHERE unit_id = ?', [a.id]))!;
    const publications = Number(moving.pubs);
    if (o.dryRun) return { from: a.name, into: b.name, bulletins: Number(moving.files), publications };
    // what undoing it needs, read before anything changes
    const aliases = (await t.all<{ alias: string; source: string }>('SELECT alias, source FROM unit_aliases WHERE unit_id = ? ORDER BY alias', [a.id])).map((r): [string, string] => [r.alias, r.source]);
    const had = new Set((await t.all<{ alias: string }>('SELECT alias FROM unit_aliases WHERE unit_id = ?', [b.id])).map((r) => r.alias));
    const repointed = (await t.all<{ from_name: string }>('SELECT from_name FROM unit_merges WHERE into_name = ? ORDER BY from_name', [a.name])).map((r) => r.from_name);
    const undo: Undo = { unit: a, into: b.name, aliases, added: [...new Set([...aliases.map(([x]) => x), a.name])].filter((x) => !had.has(x)), repointed };
    const n = await t.run('UPDATE bulletins SET unit_id = ? WHERE unit_id = ?', [b.id, a.id]);
    await t.run('INSERT INTO unit_aliases (unit_id, alias, source) SELECT ?, alias, source FROM unit_aliases WHERE unit_id = ? ON CONFLICT DO NOTHING', [b.id, a.id]);
    await t.run("INSERT INTO unit_aliases (unit_id, alias, source) VALUES (?, ?, 'manual') ON CONFLICT DO NOTHING", [b.id, a.name]);
    await t.run('DELETE FROM group_stats WHERE unit_id = ?', [a.id]);
    await t.run('DELETE FROM units WHERE id = ?', [a.id]);
    await runOn(t, refreshGroups([{ unitId: b.id }]));
    await t.run('INSERT INTO unit_merges (from_name, into_name, undo) VALUES (?, ?, ?) ON CONFLICT(from_name) DO UPDATE SET into_name = excluded.into_name, undo = excluded.undo', [a.name, b.name, JSON.stringify(undo)]);
    // earlier merges into the unit that has just gone now point at the survivor
    await t.run('UPDATE unit_merges SET into_name = ? WHERE into_name = ?', [b.name, a.name]);
    return { from: a.name, into: b.name, bulletins: n, publications };
  }));
}

export interface UnmergeResult {
  /** the unit restored */
  unit: string;
  /** the unit it had been merged into (where its bulletins were) */
  from: string;
  bulletins: number;
  publications: number;
  /** false: the merge was recorded before merges kept what undoing them needs; the unit's row and aliases were read again from its bulletins */
  recorded: boolean;
}

type MergeRow = { from_name: string; into_name: string; undo: string | null };
type BulletinUnit = { id: number; document_id: number; unit_name: string | null; region: string | null; level: string | null; fingerprint: string };

/** The unit a bulletin resolves to before merges, as ingest resolves it (store/rows.ts unitRef). */
function ownUnit(b: { unit_name: string | null; region: string | null }): { name: string; canonical: string; renameRule: string | null } | null {
  const canonical = canonicalUnit(b.unit_name, b.region);
  if (!canonical) return null;
  const r = successorName(canonical);
  return { name: r.name, canonical, renameRule: r.rule };
}

/** The aliases ingest gives the unit named `unitName` for these bulletins (store/write.ts unitOf), with their sources. */
async function derivedAliases(t: Store, bulletins: BulletinUnit[], unitName: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const add = (a: string, source: string) => { if (a && a !== unitName && !out.has(a)) out.set(a, source); };
  for (const b of bulletins) {
    const own = ownUnit(b);
    if (!own) continue;
    if (own.renameRule && !out.has(own.canonical)) out.set(own.canonical, own.renameRule);
    if (b.unit_name) add(b.unit_name, 'bulletin.unit');
    const rec = await t.get<{ r: string | null }>('SELECT zg_record(record, text) AS r FROM documents WHERE id = ?', [b.document_id]);
    const aliases = rec?.r ? (JSON.parse(rec.r) as { bulletin?: { unit_aliases?: string[] } }).bulletin?.unit_aliases ?? [] : [];
    for (const a of aliases) add(a, 'bulletin.unit_aliases');
  }
  return out;
}

/**
 * Undo `units merge NAME …`: the unit NAME (its name, or an alias it had) is its own unit again,
 * with its id, region, level and aliases, and its bulletins, those ingested since the merge
 * included; the unit it was merged into loses what the merge gave it; merges that had been made
 * into NAME point at it again. A merge whose target has since been merged on is undone after
 * that one (it says which). With `dryRun`, only says what would move.
 */
export async function unmergeUnit(db: Store, name: string, o: { dryRun?: boolean } = {}): Promise<UnmergeResult> {
  return writing('units unmerge', () => db.transaction(async (t) => {
    const merges = await t.all<MergeRow>('SELECT from_name, into_name, undo FROM unit_merges ORDER BY from_name');
    const undoOf = (r: MergeRow): Undo | null => (r.undo ? JSON.parse(r.undo) as Undo : null);
    let row = merges.find((r) => r.from_name === name);
    if (!row) {
      const hits = merges.filter((r) => undoOf(r)?.aliases.some(([a]) => a === name));
      if (hits.length > 1) throw new UsageError(`${name} was an alias of several merged units (${hits.map((r) => r.from_name).join(', ')}): name the one to unmerge`);
      row = hits[0];
    }
    if (!row) throw new UsageError(`no merge of ${name} to undo (${merges.length ? `merged: ${merges.map((r) => `${r.from_name} → ${r.into_name}`).join(', ')}` : 'no unit has been merged'})`);
    const undo = undoOf(row);
    const unitName = row.from_name;
    if (undo && undo.into !== row.into_name) {
      throw new UsageError(`${unitName} was merged into ${undo.into}, which has since been merged into ${row.into_name}: unmerge ${undo.into} first`);
    }
    const target = await t.get<{ id: number; name: string }>('SELECT id, name FROM units WHERE name = ?', [row.into_name]);
    if (!target) throw new UsageError(`${unitName} was merged into ${row.into_name}, which is not in the dataset any more`);
    const targetId = Number(target.id);
    // the bulletins that are the restored unit's: their own unit is it, or a unit merged into it
    const names = new Set([unitName, ...(undo?.repointed ?? [])]);
    const all = (await t.all<BulletinUnit>('SELECT id, document_id, unit_name, region, level, fingerprint FROM bulletins WHERE unit_id = ? ORDER BY id', [targetId]))
      .map((b) => ({ ...b, id: Number(b.id), document_id: Number(b.document_id) }));
    const moving = all.filter((b) => names.has(ownUnit(b)?.name ?? ''));
    const staying = all.filter((b) => !moving.includes(b));
    const result = { unit: unitName, from: target.name, bulletins: moving.length, publications: new Set(moving.map((b) => b.fingerprint)).size, recorded: !!undo };
    if (o.dryRun) return result;

    // the unit again, with its id when no other unit has taken it since
    const was = undo?.unit ?? { id: 0, name: unitName, region: moving[0]?.region ?? null, level: moving[0]?.level ?? null };
    const existing = await t.get<{ id: number }>('SELECT id FROM units WHERE name = ?', [unitName]);
    const idFree = was.id > 0 && !(await t.get('SELECT 1 AS x FROM units WHERE id = ?', [was.id]));
    const id = existing ? Number(existing.id)
      : Number((await t.get<{ id: number }>(idFree ? 'INSERT INTO units (id, name, region, level) VALUES (?, ?, ?, ?) RETURNING id' : 'INSERT INTO units (name, region, level) VALUES (?, ?, ?) RETURNING id',
        idFree ? [was.id, was.name, was.region, was.level] : [was.name, was.region, was.level]))!.id);
    for (let i = 0; i < moving.length; i += 500) {
      const ids = moving.slice(i, i + 500).map((b) => b.id);
      await t.run(`UPDATE bulletins SET unit_id = ? WHERE id IN (${ids.map(() => '?').join(', ')})`, [id, ...ids]);
    }
    // its aliases: those it had, and those its bulletins ingested since the merge gave the other unit
    const mine = new Map<string, string>(undo?.aliases ?? []);
    for (const [a, s] of await derivedAliases(t, moving, unitName)) if (!mine.has(a)) mine.set(a, s);
    for (const [a, s] of mine) await t.run('INSERT INTO unit_aliases (unit_id, alias, source) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', [id, a, s]);
    // the other unit loses what the merge and those bulletins gave it, and keeps what it has on its
    // own: its bulletins' aliases, those it had before the merge, those of other units merged into it
    const keep = new Set(await derivedAliases(t, staying, target.name).then((m) => [...m.keys()]));
    if (undo) for (const [a] of undo.aliases) if (!undo.added.includes(a)) keep.add(a);
    for (const r of merges) {
      // (those re-pointed by this merge come back with the unit, and their aliases with it)
      if (r.into_name !== target.name || names.has(r.from_name)) continue;
      keep.add(r.from_name);
      for (const [a] of undoOf(r)?.aliases ?? []) keep.add(a);
    }
    const drop = new Set([...(undo?.added ?? [unitName]), ...(await derivedAliases(t, moving, target.name)).keys()]);
    for (const a of drop) if (!keep.has(a)) await t.run('DELETE FROM unit_aliases WHERE unit_id = ? AND alias = ?', [targetId, a]);
    await t.run('DELETE FROM unit_merges WHERE from_name = ?', [unitName]);
    for (const x of undo?.repointed ?? []) await t.run('UPDATE unit_merges SET into_name = ? WHERE from_name = ? AND into_name = ?', [unitName, x, target.name]);
    await runOn(t, refreshGroups([{ unitId: targetId }, { unitId: id }]));
    return result;
  }));
}
