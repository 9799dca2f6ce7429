// `units merge` asks before it changes anything (or takes --yes), and `units unmerge` gives back
// exactly what a merge took: the unit with its id, region, level and aliases, its bulletins (those
// ingested since the merge too), the groups compare sums, and the merges that had been made into it.
import { describe, it, expect, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingest } from '../app/batch.js';
import { openStore, type Store } from '../store/store.js';
import { mergeUnits, unmergeUnit } from '../store/queries.js';
import { FIXTURES } from './fixtures.js';
import { unitsState } from './units-state.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'zhenggai.mjs');
const cli = (...a: string[]) => spawnSync(process.execPath, [bin, ...a], { encoding: 'utf8', timeout: 60_000, cwd: root });
/** the CLI on a terminal (util-linux `script` gives it a pseudo-terminal), answering `answer` */
const onTerminal = (answer: string, ...a: string[]) =>
  spawnSync('script', ['-qec', [process.execPath, bin, ...a].map((x) => `'${x.replace(/'/g, `'\\''`)}'`).join(' '), '/dev/null'], { encoding: 'utf8', timeout: 60_000, cwd: root, input: `${answer}\n` });

const dir = mkdtempSync(join(tmpdir(), 'zg-unmerge-'));
const KEXIE = '新野县科学技术协会';
const YUEHE = '桐柏县月河镇';
const WEIJIAN = '南阳市卫生健康委员会';
const folders = ['xinye-kexie-2024', 'yuehe-town-2024', 'nanyang-weijianwei-2024', 'nanyang-weijiwei-2018'].map((f) => join(FIXTURES, f));
let base = '';

/** a fresh copy of the dataset, opened to write */
async function copy(name: string): Promise<[string, Store]> {
  const p = join(dir, `${name}.db`);
  copyFileSync(base, p);
  return [p, await openStore(p)];
}

beforeAll(async () => {
  base = join(dir, 'base.db');
  const r = await ingest(folders, { db: base, jobs: 1 });
  expect(r.failed).toBe(0);
}, 120_000);

describe('units unmerge', () => {
  it('gives back exactly what the merge took: ids, aliases, bulletins, groups', async () => {
    const [, db] = await copy('roundtrip');
    const before = await unitsState(db);
    expect((before.units as Array<{ name: string }>).map((u) => u.name)).toEqual(expect.arrayContaining([KEXIE, YUEHE, WEIJIAN]));
    const m = await mergeUnits(db, '县科协', '月河镇');
    expect(m).toMatchObject({ from: KEXIE, into: YUEHE, publications: 1 });
    const merged = await unitsState(db);
    expect(merged).not.toEqual(before);
    expect((merged.bulletins as Array<{ unit: string }>).some((b) => b.unit === KEXIE)).toBe(false);
    // a dry run says what would move back and changes nothing
    expect(await unmergeUnit(db, KEXIE, { dryRun: true })).toEqual({ unit: KEXIE, from: YUEHE, bulletins: m.bulletins, publications: 1, recorded: true });
    expect(await unitsState(db)).toEqual(merged);
    // by an alias it had, as well as by its name
    expect(await unmergeUnit(db, '新野科协')).toMatchObject({ unit: KEXIE, bulletins: m.bulletins, publications: 1 });
    expect(await unitsState(db)).toEqual(before);
    await expect(unmergeUnit(db, KEXIE)).rejects.toThrow(/no merge of 新野县科学技术协会 to undo/);
    await db.close();
  });

  it('merges made into the unit come back with it; one whose target was merged on waits for that one', async () => {
    const [, db] = await copy('chain');
    const s0 = await unitsState(db);
    await mergeUnits(db, KEXIE, YUEHE);
    const s1 = await unitsState(db);
    await mergeUnits(db, YUEHE, WEIJIAN); // the kexie merge now points at 卫健委 too
    expect((await unitsState(db)).merges).toEqual([{ from_name: KEXIE, into_name: WEIJIAN }, { from_name: YUEHE, into_name: WEIJIAN }]);
    await expect(unmergeUnit(db, KEXIE)).rejects.toThrow(`${KEXIE} was merged into ${YUEHE}, which has since been merged into ${WEIJIAN}: unmerge ${YUEHE} first`);
    expect(await unmergeUnit(db, YUEHE)).toMatchObject({ unit: YUEHE, from: WEIJIAN, publications: 2 }); // its own and kexie's
    expect(await unitsState(db)).toEqual(s1);
    await unmergeUnit(db, KEXIE);
    expect(await unitsState(db)).toEqual(s0);
    await db.close();
  });

  it('a bulletin of the unit ingested after the merge goes back with it, and its aliases leave the other unit', async () => {
    const later = join(FIXTURES, 'xinye-kexie-2021');
    // the dataset as it would be had the merge never been made
    const direct = join(dir, 'direct.db');
    copyFileSync(base, direct);
    expect((await ingest([later], { db: direct, jobs: 1 })).failed).toBe(0);
    const [p, db] = await copy('later');
    await mergeUnits(db, KEXIE, YUEHE);
    await db.close();
    expect((await ingest([later], { db: p, jobs: 1 })).failed).toBe(0);
    const w = await openStore(p);
    expect((await unitsState(w)).bulletins.filter((b) => (b as { unit: string }).unit === YUEHE).length).toBeGreaterThan(2);
    expect(await unmergeUnit(w, KEXIE)).toMatchObject({ publications: 2 });
    const d = await openStore(direct, { readonly: true });
    expect(await unitsState(w, { byName: true })).toEqual(await unitsState(d, { byName: true }));
    await d.close();
    // and it stays so through a re-ingest
    await w.close();
    await ingest([...folders, later], { db: p, jobs: 1, reprocess: true });
    const again = await openStore(p, { readonly: true });
    const d2 = await openStore(direct, { readonly: true });
    expect(await unitsState(again, { byName: true })).toEqual(await unitsState(d2, { byName: true }));
    await again.close();
    await d2.close();
  }, 120_000);

  it('a merge recorded before merges kept what undoing needs is undone from the bulletins', async () => {
    const [, db] = await copy('legacy');
    const before = await unitsState(db, { byName: true });
    await mergeUnits(db, KEXIE, YUEHE);
    await db.run('UPDATE unit_merges SET undo = NULL');
    expect(await unmergeUnit(db, KEXIE)).toMatchObject({ unit: KEXIE, recorded: false, publications: 1 });
    expect(await unitsState(db, { byName: true })).toEqual(before);
    await db.close();
  });
});

describe('units merge and unmerge on the command line', () => {
  it('off a terminal they need --yes; --dry-run says what would move', async () => {
    const [p, db] = await copy('cli');
    const before = await unitsState(db);
    await db.close();
    const state = async () => { const d = await openStore(p, { readonly: true }); try { return await unitsState(d); } finally { await d.close(); } };
    const refused = cli('units', 'merge', '县科协', '月河镇', '--db', p);
    expect(refused.status).toBe(2);
    expect(refused.stderr.trim()).toBe(`error: units merge changes the dataset, and this is no terminal to ask on: merge ${KEXIE} → ${YUEHE}: 1 publication(s) in 6 file(s) will move (undo: zhenggai units unmerge ${KEXIE}); add --yes to go ahead (--dry-run only says it)`);
    expect(await state()).toEqual(before);
    const dry = cli('units', 'merge', '县科协', '月河镇', '--db', p, '--dry-run');
    expect(dry.stdout.trim()).toBe(`would merge ${KEXIE} → ${YUEHE}: 1 publication(s) in 6 file(s) would move (nothing changed; run again without --dry-run)`);
    expect(await state()).toEqual(before);
    const done = cli('units', 'merge', '县科协', '月河镇', '--db', p, '--yes');
    expect(done.status, done.stderr).toBe(0);
    expect(done.stdout.trim()).toBe(`${KEXIE} → ${YUEHE}: 1 publication(s) in 6 file(s) moved`);
    const unrefused = cli('units', 'unmerge', KEXIE, '--db', p);
    expect(unrefused.status).toBe(2);
    expect(unrefused.stderr).toMatch(/no terminal to ask on: unmerge 新野县科学技术协会 from 桐柏县月河镇: 1 publication\(s\) in 6 file\(s\) will move back; add --yes/);
    const undry = cli('units', 'unmerge', KEXIE, '--db', p, '--dry-run');
    expect(undry.stdout.trim()).toBe(`would unmerge ${KEXIE} from ${YUEHE}: 1 publication(s) in 6 file(s) would move back (nothing changed; run again without --dry-run)`);
    const undone = cli('units', '--db', p, 'unmerge', KEXIE, '-y');
    expect(undone.status, undone.stderr).toBe(0);
    expect(undone.stdout.trim()).toBe(`${KEXIE} unmerged from ${YUEHE}: 1 publication(s) in 6 file(s) moved back`);
    expect(await state()).toEqual(before);
    const unknown = cli('units', 'unmerge', '不存在的单位', '--db', p, '--yes');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/no merge of 不存在的单位 to undo \(no unit has been merged\)/);
  }, 60_000);

  it('on a terminal they say what will move and ask', async () => {
    const [p, db] = await copy('tty');
    const before = await unitsState(db);
    await db.close();
    const state = async () => { const d = await openStore(p, { readonly: true }); try { return await unitsState(d); } finally { await d.close(); } };
    const no = onTerminal('n', 'units', 'merge', '县科协', '月河镇', '--db', p);
    expect(no.stdout).toContain(`merge ${KEXIE} → ${YUEHE}: 1 publication(s) in 6 file(s) will move (undo: zhenggai units unmerge ${KEXIE})`);
    expect(no.stdout).toMatch(/Go ahead\? \[y\/N\]/);
    expect(no.stdout).toMatch(/not merged: nothing changed/);
    expect(no.status).toBe(1);
    expect(await state()).toEqual(before);
    const yes = onTerminal('y', 'units', 'merge', '县科协', '月河镇', '--db', p);
    expect(yes.status, yes.stdout).toBe(0);
    expect(yes.stdout).toContain(`${KEXIE} → ${YUEHE}: 1 publication(s) in 6 file(s) moved`);
    expect(await state()).not.toEqual(before);
    const back = onTerminal('是', 'units', 'unmerge', KEXIE, '--db', p);
    expect(back.status, back.stdout).toBe(0);
    expect(back.stdout).toContain(`unmerge ${KEXIE} from ${YUEHE}: 1 publication(s) in 6 file(s) will move back`);
    expect(await state()).toEqual(before);
  }, 60_000);
});
