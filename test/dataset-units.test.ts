// A round's digest in the dataset: each problem under the unit it is listed under (issues.unit),
// shown and sorted by that unit in search; each bulletin's region code (bulletins.region_code).
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtempSync, copyFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../app/batch.js';
import { openStore, type Store } from '../store/store.js';
import { search } from '../store/queries.js';
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
});
