// A round's digest in the dataset: each problem under the unit it is listed under (issues.unit),
// shown and sorted by that unit in search; each bulletin's region code (bulletins.region_code).
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtempSync, copyFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../app/batch.js';
import { openStore, type Store } from '../store/store.js';
import { compare, search } from '../store/queries.js';
import { FIXTURES } from './fixtures.js';

let db: Store;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'zg-units-'));
  const files = join(dir, 'in');
  mkdirSync(files);
  copyFileSync(join(FIXTURES, 'round-units-2024', 'bulletin.txt'), join(files, 'round.txt'));
  copyFileSync(join(FIXTURES, 'xinye-kexie-2024', 'bulletin.txt'), join(files, 'xinye.txt'));
  const s = await ingest([files], { db: join(dir, 'z.db'), jobs: 1 });
  expect(s.failed).toBe(0);
  db = await openStore(join(dir, 'z.db'), { readonly: true });
}, 60_000);

describe('several units in one bulletin, in the dataset', () => {
  it('stores each problem of a digest under its own unit, and none for a one-unit bulletin', async () => {
    const rows = await db.all<{ unit: string | null; n: number }>('SELECT unit, count(*) AS n FROM issues GROUP BY unit ORDER BY unit');
    expect(rows).toEqual([
      { unit: null, n: 31 },
      { unit: '区住房和城乡建设局', n: 3 },
      { unit: '区农业农村局', n: 4 },
      { unit: '区卫生健康局', n: 4 },
      { unit: '区教育局', n: 4 },
    ]);
  });
  it('search shows a digest problem under its own unit', async () => {
    const found = await search(db, '双减');
    expect(found.length).toBeGreaterThan(0);
    for (const r of found) expect(r.unit).toBe('区教育局');
  });
  it('keeps each bulletin\'s region code', async () => {
    const rows = await db.all<{ region_code: string | null }>('SELECT region_code FROM bulletins ORDER BY region_code');
    expect(rows.map((r) => r.region_code)).toEqual(['411329', '510115']);
  });
  it('compare --by unit counts a digest\'s problems under the unit each is listed under, and leaves the digest its own totals', async () => {
    const rows = await compare(db, { by: ['unit'] });
    const pick = (r: Record<string, unknown>) => [r.unit, r.bulletins, r.problems, r.completed, r.declared_problems, r.declared_vs_found, r.money];
    expect(rows.map(pick)).toEqual([
      ['温江区教育局', 1, 4, 4, null, null, 0],
      ['温江区农业农村局', 1, 4, 4, null, null, 0],
      ['温江区卫生健康局', 1, 4, 3, null, null, 0],
      ['温江区住房和城乡建设局', 1, 3, 2, null, null, 0],
      ['新野县科学技术协会', 1, 31, 26, 31, 0, 1272],
      // the digest: none of its problems left under it, its declared 15 against the 15 it lists, the money it declares
      ['中共成都市温江区委巡察工作领导小组办公室', 1, 0, 0, 15, 0, 534668],
    ]);
    // the listed units' themes go with their problems
    expect(rows[0]!.top_themes).toBe('财务与资金(1) 履职尽责/主责主业(1)');
    expect(rows[5]!.top_themes).toBe('');
  });
  it('the unit filter takes a digest\'s listed unit, and by theme the problems are the same in total', async () => {
    const edu = await compare(db, { by: ['unit'], unit: '教育局' });
    expect(edu.map((r) => [r.unit, r.problems, r.completed])).toEqual([['温江区教育局', 4, 4]]);
    const byTheme = await compare(db, { by: ['unit', 'theme'], unit: '卫生健康局' });
    expect(byTheme.map((r) => [r.theme, r.bulletins, r.problems, r.completed])).toEqual([
      ['（无主题）', 1, 1, 1], ['财务与资金', 1, 1, 1], ['履职尽责/主责主业', 1, 2, 1],
    ]);
    const all = await compare(db, { by: ['unit', 'theme'] });
    // no group of the digest's own is left with a theme (all its problems are listed under units)
    expect(all.filter((r) => String(r.unit).startsWith('中共成都市'))).toEqual([]);
    const perTheme = await compare(db, { by: ['theme'] });
    const sum = (rs: Record<string, unknown>[]) => rs.reduce((n, r) => n + Number(r.problems), 0);
    expect(sum(all)).toBe(sum(perTheme));
  });
});
