// Search for inspection staff (issue 22) on PostgreSQL: the same SQL as on SQLite, so the same
// problems, totals and orders for AND, OR, exclusions, traditional characters, the unit filter on
// any part of a name or alias, and each sort of /search; substring terms through the gram index
// (issue 24) as by reading every problem, and the grams migration 010 makes as ingest makes them.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingest } from '../app/batch.js';
import { openStore, type Store } from '../store/store.js';
import { findProblems, PROBLEM_SORTS } from '../store/queries.js';
import { gramsOf } from '../store/grams.js';
import { FIXTURES } from './fixtures.js';
import { startPg, type PgServer } from './pg-server.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
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

  it('substring terms through the gram index find what reading every problem finds, as on SQLite', async () => {
    if (!server) return;
    const key = (r: { unit: string | null; year: number | null; number: number; problem: string }) => `${r.year}|${r.unit}|${r.number}|${r.problem.slice(0, 20)}`;
    let found = 0;
    for (const q of ['党', '费', '鑫', '2', '"，"', '"党费"', '"津贴"', '"违规报销"', '"三会 一课"', '"量子计算"', '"黨費"', '"."', '"3.5"', '党 -"党费"', '"津贴" OR "公车"', '党费 "收缴"', '"整改" -党']) {
      for (const sort of PROBLEM_SORTS) {
        const [a, b, c] = await Promise.all([findProblems(pg, q, { sort, limit: 100_000, count: true }), findProblems(pg, q, { sort, limit: 100_000, count: true, plain: true }), findProblems(lite, q, { sort, limit: 100_000, count: true })]);
        expect(a.rows.map((r) => r.id), `${q} ${sort}`).toEqual(b.rows.map((r) => r.id));
        expect(a.total, q).toBe(b.total);
        expect([...a.rows.map(key)].sort(), `${q} ${sort}`).toEqual([...c.rows.map(key)].sort());
        found += a.rows.length;
      }
    }
    expect(found).toBeGreaterThan(100);
  }, 120_000);

  it('migration 010 gives a dataset’s problems their grams, and its substring searches use them', async () => {
    if (!server) return;
    const u = await server.createDb('before010');
    const { default: pgLib } = await import('pg');
    const c = new pgLib.Client({ connectionString: u });
    await c.connect();
    await c.query('CREATE TABLE zhenggai_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL DEFAULT now()::text)');
    for (const f of readdirSync(join(root, 'store', 'pg')).filter((x) => x < '010').sort()) {
      await c.query(readFileSync(join(root, 'store', 'pg', f), 'utf8'));
      await c.query('INSERT INTO zhenggai_migrations (name) VALUES ($1)', [f]);
    }
    await c.query(`INSERT INTO documents (id, sha256, format, size, text, pipeline_version, rules_hash, record) VALUES (1, 'x', 'txt', 9, 't', 'p', 'r', '{}')`);
    await c.query(`INSERT INTO bulletins (id, document_id, fingerprint) VALUES (1, 1, 'f')`);
    const issues: Array<[number, string, string | null, string[]]> = [[1, '党费收缴不规范', '已完成。', ['补缴党费 3.5万元', '建立台账']], [2, '违规报销差旅费', null, []], [3, 'ABC 项目、进度慢', '正在推进', ['督促 PPP 项目']]];
    for (const [id, problem, outcome, measures] of issues) {
      await c.query(`INSERT INTO issues (id, bulletin_id, number, problem, outcome, status, span_start, span_end, rule) VALUES ($1, 1, $4, $2, $3, 'unknown', 0, 1, 'r')`, [id, problem, outcome, id]);
      for (const [k, m] of measures.entries()) await c.query('INSERT INTO measures (issue_id, ordinal, text) VALUES ($1, $2, $3)', [id, k + 1, m]);
    }
    await c.end();
    const w = await openStore(u); // applies 010
    try {
      for (const [id, problem, outcome, measures] of issues) {
        const want = gramsOf([problem, ...measures, outcome]).split(' ');
        expect(await w.get('SELECT grams = array_to_tsvector(CAST(? AS text[])) AS same FROM issue_grams WHERE issue_id = ?', [want, id]), problem).toEqual({ same: true });
      }
      for (const q of ['党', '"党费"', '"3.5万"', '"ppp"', '"PPP"', '"项目、进度"', '"差旅费" OR 鑫', '费 -"党费"']) {
        const [a, b] = await Promise.all([findProblems(w, q, { limit: 100 }), findProblems(w, q, { limit: 100, plain: true })]);
        expect(a.rows.map((r) => r.id), q).toEqual(b.rows.map((r) => r.id));
      }
      expect((await findProblems(w, '"3.5万"')).rows.map((r) => r.id)).toEqual([1]);
    } finally {
      await w.close();
    }
  }, 60_000);

  it('the migration’s zg_grams makes the grams ingest wrote (store/grams.ts)', async () => {
    if (!server) return;
    const differ = await pg.all(`SELECT g.issue_id FROM issue_grams g JOIN issues i ON i.id = g.issue_id
      WHERE g.grams <> zg_grams(VARIADIC ARRAY[i.problem, i.outcome] || ARRAY(SELECT m.text FROM measures m WHERE m.issue_id = i.id ORDER BY m.ordinal))`);
    expect(differ).toEqual([]);
    expect((await pg.get<{ n: number }>('SELECT count(*) AS n FROM issue_grams'))!.n).toBe((await pg.get<{ n: number }>('SELECT count(*) AS n FROM issues'))!.n);
    expect((await pg.get<{ g: string }>("SELECT zg_grams('党费 收缴', NULL, 'a.B') AS g"))!.g).toBe((await pg.get<{ g: string }>("SELECT array_to_tsvector(ARRAY['党', '党费', '费', '收', '收缴', '缴', 'a', 'B']) AS g"))!.g);
  }, 60_000);
});
