// Search for inspection staff (issue 22) on PostgreSQL: the same SQL as on SQLite, so the same
// problems, totals and orders for AND, OR, exclusions, traditional characters, the unit filter on
// any part of a name or alias, and each sort of /search.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../app/batch.js';
import { openStore, type Store } from '../store/store.js';
import { findProblems, PROBLEM_SORTS } from '../store/queries.js';
import { FIXTURES } from './fixtures.js';
import { startPg, type PgServer } from './pg-server.js';

let server: PgServer | null = null;
let pg: Store;
let lite: Store;

beforeAll(async () => {
  server = await startPg();
  if (!server) return;
  const url = await server.createDb('search_staff');
  const sqlitePath = join(mkdtempSync(join(tmpdir(), 'zg-search-pg-')), 'z.db');
  const [a, b] = await Promise.all([ingest([FIXTURES], { db: sqlitePath, jobs: 1 }), ingest([FIXTURES], { db: url, jobs: 1 })]);
  expect(a.failed).toBe(0);
  expect(b.failed).toBe(0);
  pg = await openStore(url, { readonly: true });
  lite = await openStore(sqlitePath, { readonly: true });
}, 180_000);

afterAll(async () => {
  await pg?.close();
  await lite?.close();
  server?.stop();
});

describe('search on PostgreSQL', () => {
  it('finds, counts and orders as SQLite does', async () => {
    if (!server) return; // no server can be started here (startPg printed why)
    // problems are compared by where they are (ids may differ between the two ingests)
    const key = (r: { unit: string | null; year: number | null; number: number; problem: string }) => `${r.year}|${r.unit}|${r.number}|${r.problem.slice(0, 20)}`;
    const cases: Array<[string, { unit?: string }]> = [['党费 AND 收缴', {}], ['党費', {}], ['党 -党费', {}], ['报销 NOT 费', {}], ['党费 OR 公车', {}], ['', { unit: '科协' }], ['党', { unit: '新野科' }]];
    for (const [q, f] of cases) {
      for (const sort of PROBLEM_SORTS) {
        const [a, b] = await Promise.all([findProblems(pg, q, { ...f, sort, limit: 100_000, count: true }), findProblems(lite, q, { ...f, sort, limit: 100_000, count: true })]);
        expect(a.total, `${q} ${sort}`).toBe(b.total);
        expect(a.total, q).toBeGreaterThan(0);
        const keys = (x: typeof a) => x.rows.map(key);
        // the same problems; in the same order where the order does not depend on collation (year, status)
        expect([...keys(a)].sort(), `${q} ${sort}`).toEqual([...keys(b)].sort());
        if (sort === 'year' || sort === 'status') expect(a.rows.map((r) => [r.year, r.status]), `${q} ${sort}`).toEqual(b.rows.map((r) => [r.year, r.status]));
        expect(a.rows.map((r) => r.themes), `${q} ${sort} themes`).toEqual(a.rows.map((r) => b.rows.find((x) => key(x) === key(r))!.themes));
      }
    }
  }, 120_000);
});
