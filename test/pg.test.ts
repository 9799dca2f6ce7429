// A shared dataset on a real PostgreSQL server (Debian's postgresql, a cluster started by these
// tests in a temporary folder on a free port, stopped at the end): every command reads and
// writes it as it does a SQLite file, with the same numbers. Under CI a missing server fails.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingest } from '../app/batch.js';
import { openStore, type Store } from '../store/store.js';
import { compare, search, units } from '../store/queries.js';
import { FIXTURES } from './fixtures.js';
import { startPg, type PgServer } from './pg-server.js';
import { synthBulletin } from './bench/synth.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [join(root, 'bin', 'zhenggai.mjs'), ...args], { cwd: root, encoding: 'utf8', timeout: 120_000, env: { ...process.env, ...env } });
const cliAsync = (args: string[]) => new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
  const p = spawn(process.execPath, [join(root, 'bin', 'zhenggai.mjs'), ...args], { cwd: root });
  let stdout = '';
  let stderr = '';
  p.stdout.on('data', (d) => (stdout += d));
  p.stderr.on('data', (d) => (stderr += d));
  p.on('exit', (status) => resolve({ status, stdout, stderr }));
});

let server: PgServer | null = null;
let url = '';
let sqlitePath = '';
let pg: Store;
let lite: Store;

beforeAll(async () => {
  server = await startPg();
  if (!server) return;
  url = await server.createDb('fixtures');
  sqlitePath = join(mkdtempSync(join(tmpdir(), 'zg-pg-')), 'z.db');
  const [a, b] = await Promise.all([ingest([FIXTURES], { db: sqlitePath, jobs: 1 }), ingest([FIXTURES], { db: url, jobs: 1 })]);
  expect(a.failed).toBe(0);
  expect(b.failed).toBe(0);
  expect(b.ingested).toBe(a.ingested);
  pg = await openStore(url, { readonly: true });
  lite = await openStore(sqlitePath, { readonly: true });
}, 180_000);

afterAll(async () => {
  await pg?.close();
  await lite?.close();
  server?.stop();
});

/** skipped (with the note startPg printed) only where no server can be started and CI is not set */
const needs = () => { if (!server) return false; return true; };

describe('PostgreSQL dataset', () => {
  it('compare --by unit,year --format json equals the SQLite dataset’s, row for row', () => {
    if (!needs()) return;
    const a = cli(['compare', '--by', 'unit,year', '--format', 'json', '--db', sqlitePath]);
    const b = cli(['compare', '--by', 'unit,year', '--format', 'json', '--db', url]);
    expect(b.status, b.stderr).toBe(0);
    const rows = JSON.parse(b.stdout);
    expect(rows.length).toBeGreaterThan(10);
    expect(rows).toEqual(JSON.parse(a.stdout));
  }, 60_000);

  it('every grouping and filter of compare gives the same numbers on both', async () => {
    if (!needs()) return;
    for (const o of [{ by: ['unit'] }, { by: ['theme'] }, { by: ['region', 'level'] }, { by: ['year'], from: 2021, to: 2023 }, { by: ['unit'], level: 'county' }, { by: ['theme'], unit: '县科协' }, { by: ['unit', 'theme'] }, { by: ['unit'], unit: '教育局' }] as const) {
      expect(await compare(pg, { ...o, by: [...o.by] }), JSON.stringify(o)).toEqual(await compare(lite, { ...o, by: [...o.by] }));
    }
  });

  it('a dataset whose groups are not kept yet (from before migration 005) gets them when opened to write, the same as kept ones', async () => {
    if (!needs()) return;
    const u = await server!.createDb('groups');
    await ingest([join(FIXTURES, 'xinye-kexie-2024'), join(FIXTURES, 'yuehe-town-2024'), join(FIXTURES, 'luohe-weijianwei-2024')], { db: u, jobs: 1 });
    const w = await openStore(u);
    const kept = await w.all('SELECT * FROM group_stats ORDER BY unit_id, year');
    expect(kept.length).toBeGreaterThan(0);
    await w.run('DELETE FROM group_stats');
    await w.close();
    const again = await openStore(u);
    expect(await again.all('SELECT * FROM group_stats ORDER BY unit_id, year')).toEqual(kept);
    await again.close();
  }, 60_000);

  it('migrations 006 and 007 move a dataset\'s quantities into quantity_rows and rules, and its theme tags to theme numbers: the views give what they gave', async () => {
    if (!needs()) return;
    const u = await server!.createDb('before006');
    const { default: pgLib } = await import('pg');
    const c = new pgLib.Client({ connectionString: u });
    await c.connect();
    await c.query('CREATE TABLE zhenggai_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL DEFAULT now()::text)');
    for (const f of ['001_schema.sql', '002_text_functions.sql', '003_declared_stats.sql', '004_theme_tags.sql', '005_group_stats.sql']) {
      await c.query(readFileSync(join(root, 'store', 'pg', f), 'utf8'));
      await c.query('INSERT INTO zhenggai_migrations (name) VALUES ($1)', [f]);
    }
    await c.query(`INSERT INTO documents (id, sha256, format, size, text, pipeline_version, rules_hash, record) VALUES (1, 'x', 'txt', 9, '追缴资金5万元，罚款2万元', 'p', 'r', '{}')`);
    await c.query(`INSERT INTO bulletins (id, document_id, fingerprint) VALUES (1, 1, 'f')`);
    await c.query(`INSERT INTO quantities (bulletin_id, issue_id, value, unit, kind, approx, text, span_start, span_end, rule, role) VALUES
      (1, NULL, 50000, '元', 'money', NULL, '5万元', 4, 7, 'qty.money.wan', 'recovered'), (1, NULL, 20000, '元', 'money', '约', '2万元', 10, 13, 'qty.money.wan', 'fined'), (1, NULL, 3, '个', 'count', NULL, '3个', 0, 2, 'qty.count.digits', NULL)`);
    // and theme tags that name their theme by its id string (before 007)
    await c.query(`INSERT INTO issues (id, bulletin_id, number, problem, status, span_start, span_end, rule) VALUES (1, 1, 1, '党费收缴不规范', 'completed', 0, 7, 'problem.about'), (2, 1, 2, '违规报销', 'unknown', 8, 12, 'problem.about')`);
    await c.query(`INSERT INTO themes (theme, label, rule) VALUES ('party_dues', '党费', 'theme.party_dues'), ('reimbursement', '报销', 'theme.reimbursement')`);
    await c.query(`INSERT INTO issue_theme_tags (issue_id, theme, keyword) VALUES (1, 'party_dues', '党费'), (2, 'reimbursement', '报销'), (2, 'party_dues', '党费')`);
    const tags = (await c.query('SELECT * FROM issue_themes ORDER BY issue_id, theme')).rows;
    expect(tags).toHaveLength(3);
    const before = (await c.query('SELECT * FROM quantities ORDER BY id')).rows;
    const overview = (await c.query('SELECT money_recovered, money_other FROM bulletin_overview')).rows;
    await c.end();
    const w = await openStore(u); // applies 006 and 007
    expect(await w.all('SELECT * FROM quantities ORDER BY id')).toEqual(before.map((r) => ({ ...r, id: Number(r.id), bulletin_id: Number(r.bulletin_id) })));
    expect(await w.all('SELECT money_recovered, money_other FROM bulletin_overview')).toEqual(overview);
    expect(await w.all('SELECT rule FROM rules ORDER BY id')).toEqual([{ rule: 'qty.count.digits' }, { rule: 'qty.money.wan' }]);
    expect(await w.get("SELECT to_regclass('quantities_before006') IS NULL AS gone")).toEqual({ gone: true });
    // 007: the same tags through the view, each naming its theme by number
    expect(await w.all('SELECT * FROM issue_themes ORDER BY issue_id, theme')).toEqual(tags.map((t) => ({ ...t, issue_id: Number(t.issue_id) })));
    expect(await w.all('SELECT issue_id, theme_id FROM issue_theme_tags ORDER BY issue_id, theme_id')).toEqual([{ issue_id: 1, theme_id: 1 }, { issue_id: 2, theme_id: 1 }, { issue_id: 2, theme_id: 2 }]);
    expect(await w.get("SELECT max(id) AS id FROM themes")).toEqual({ id: 2 });
    // and the next quantity gets the next id
    await w.run(`INSERT INTO quantity_rows (bulletin_id, value, unit, kind, text, span_start, span_end, rule_id) VALUES (1, 1, '个', 'count', '1个', 0, 2, 1)`);
    expect(await w.get('SELECT max(id) AS id FROM quantity_rows')).toEqual({ id: 4 });
    await w.close();
  }, 60_000);

  it('search 党费 finds the seed’s problem 28 (tsvector of jieba tokens, GIN index), as SQLite does', async () => {
    if (!needs()) return;
    const r = cli(['search', '党费', '--format', 'json', '--db', url]);
    expect(r.status, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout) as Array<{ unit: string; year: number; number: number; path: string }>;
    // (xinye-kexie-2024-rewritten is the same unit's bulletin in another writer's words: a publication of its own)
    expect(rows.filter((x) => x.unit === '新野县科学技术协会' && x.year === 2024 && !String(x.path).includes('-rewritten')).map((x) => x.number)).toEqual([1, 28]);
    for (const q of ['党费', '违规报销', '党费 OR 公车', '"违规报销"', '党', '不存在的词语组合']) {
      expect(await search(pg, q), q).toEqual(await search(lite, q));
    }
    expect(await search(pg, '违规报销', { unit: '县科协' })).toEqual(await search(lite, '违规报销', { unit: '县科协' }));
    const plan = await pg.all<{ 'QUERY PLAN': string }>("EXPLAIN SELECT issue_id FROM issue_search WHERE tokens @@ '''党费'''::tsquery");
    expect(JSON.stringify(plan)).toMatch(/issue_search_tokens|Seq Scan/); // the index exists (a tiny table may still be scanned)
    expect(await pg.get("SELECT 1 AS x FROM pg_indexes WHERE indexname = 'issue_search_tokens' AND indexdef LIKE '%gin%'")).toBeTruthy();
  }, 60_000);

  it('units, errors, report and export read the server', async () => {
    if (!needs()) return;
    expect(await units(pg)).toEqual(await units(lite));
    const e = cli(['errors', '--format', 'json', '--db', url]);
    expect(e.status, e.stderr).toBe(0);
    expect(JSON.parse(e.stdout).failed).toBe(0);
    const dir = mkdtempSync(join(tmpdir(), 'zg-pg-out-'));
    const rep = cli(['report', '--db', url, '--out', join(dir, 'r.html'), '--top', '5']);
    expect(rep.status, rep.stderr).toBe(0);
    expect(readFileSync(join(dir, 'r.html'), 'utf8')).toContain('其他');
    const exp = cli(['export', '--db', url, '--out', join(dir, 'csv')]);
    expect(exp.status, exp.stderr).toBe(0);
    const lexp = cli(['export', '--db', sqlitePath, '--out', join(dir, 'csv-lite')]);
    expect(lexp.status, lexp.stderr).toBe(0);
    // the same rows: problems, measures and the figures kept at ingest
    for (const t of ['issues.csv', 'measures.csv', 'quantities.csv', 'bulletin_stats.csv', 'publication_overview.csv']) {
      expect(readFileSync(join(dir, 'csv', t), 'utf8'), t).toBe(readFileSync(join(dir, 'csv-lite', t), 'utf8'));
    }
    const docs = readFileSync(join(dir, 'csv', 'documents.csv'), 'utf8');
    expect(docs.split('\n')[0]).toContain('record_json');
    expect(existsSync(join(dir, 'csv', 'issue_search.csv'))).toBe(false);
    expect(existsSync(join(dir, 'csv', 'issue_grams.csv'))).toBe(false);
  }, 60_000);

  it('the web app reads the server as it reads a SQLite file', async () => {
    if (!needs()) return;
    const { createApp } = await import('../app/serve.js');
    const app = createApp(pg);
    const seed = (await pg.get<{ id: number }>(`SELECT min(x.id) AS id FROM bulletins x WHERE x.fingerprint = (SELECT b.fingerprint FROM bulletins b
      JOIN document_paths p ON p.document_id = b.document_id WHERE p.path LIKE '%xinye-kexie-2024/bulletin.txt')`))!.id;
    for (const path of ['/', '/search?q=党费', '/search?theme=party_dues', '/compare?by=unit,year', '/compare?by=theme', `/unit/${encodeURIComponent('县科协')}`, `/bulletin/${seed}`]) {
      const r = await app.request(encodeURI(decodeURI(path)));
      expect(r.status, path).toBe(200);
      const body = await r.text();
      if (path.startsWith('/search?q')) expect(body).toContain('新野县科学技术协会');
      if (path.startsWith('/bulletin')) expect(body).toMatch(/class="mk mk-quantity"[^>]*data-rule="qty\.[^"]+"[^>]*>411\.46元</);
    }
    expect(await (await app.request('/compare?by=unit,year&format=json')).json()).toEqual(JSON.parse(JSON.stringify(await compare(lite, { by: ['unit', 'year'] }))));
  });

  it('query runs read-only with a statement timeout and a row limit', () => {
    if (!needs()) return;
    const ok = cli(['query', 'SELECT count(*) AS n FROM issues', '--format', 'json', '--db', url]);
    expect(ok.status, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)[0].n).toBeGreaterThan(100);
    const write = cli(['query', 'DELETE FROM issues', '--db', url]);
    expect(write.status).toBe(2);
    expect(write.stderr).toMatch(/read-only/);
    const two = cli(['query', 'SELECT 1; DELETE FROM issues', '--db', url]);
    expect(two.status).toBe(2);
    const slow = cli(['query', 'SELECT pg_sleep(10)', '--timeout', '300', '--db', url]);
    expect(slow.status).toBe(1);
    expect(slow.stderr).toMatch(/stopped after 300 ms/);
    const lim = cli(['query', 'SELECT id FROM issues', '--limit', '3', '--format', 'json', '--db', url]);
    expect(JSON.parse(lim.stdout)).toHaveLength(3);
    expect(lim.stderr).toMatch(/only the first 3 rows/);
    const still = cli(['query', 'SELECT count(*) AS n FROM issues', '--format', 'json', '--db', url]);
    expect(JSON.parse(still.stdout)[0].n).toBe(JSON.parse(ok.stdout)[0].n);
  }, 60_000);

  it('ZHENGGAI_DB points every command at the server; a wrong address is a clear error', () => {
    if (!needs()) return;
    const r = cli(['units', '--format', 'json'], { ZHENGGAI_DB: url });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).length).toBeGreaterThan(5);
    const bad = cli(['units', '--db', 'postgresql://nobody:secret@127.0.0.1:1/none']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/cannot open the dataset postgresql:\/\/nobody:\*\*\*@127\.0\.0\.1:1\/none/);
    expect(bad.stderr).not.toContain('secret');
    expect(bad.stderr).not.toMatch(/internal error/);
  }, 60_000);

  it('two concurrent ingests of the same 200 new files leave exactly 200 new documents, and ingesting again adds none', async () => {
    if (!needs()) return;
    const dir = mkdtempSync(join(tmpdir(), 'zg-pg-200-'));
    mkdirSync(join(dir, 'in'));
    for (let i = 0; i < 200; i++) writeFileSync(join(dir, 'in', `b${i}.txt`), synthBulletin(7000 + i).text);
    const count = async () => (await pg.get<{ d: number; b: number; i: number; s: number }>('SELECT (SELECT count(*) FROM documents) AS d, (SELECT count(*) FROM bulletins) AS b, (SELECT count(*) FROM issues) AS i, (SELECT count(*) FROM issue_search) AS s'))!;
    const before = await count();
    const [a, b] = await Promise.all([cliAsync(['ingest', join(dir, 'in'), '--db', url, '--json', '--jobs', '2']), cliAsync(['ingest', join(dir, 'in'), '--db', url, '--json', '--jobs', '2'])]);
    expect(a.status, a.stderr).toBe(0);
    expect(b.status, b.stderr).toBe(0);
    const sa = JSON.parse(a.stdout.trim().split('\n').pop()!);
    const sb = JSON.parse(b.stdout.trim().split('\n').pop()!);
    expect(sa.failed + sb.failed).toBe(0);
    expect(sa.ingested + sb.ingested).toBe(200);
    const after = await count();
    expect(after.d - before.d).toBe(200);
    expect(after.b - before.b).toBe(200);
    expect(after.s).toBe(after.i); // one search row per problem, none twice
    const again = await ingest([join(dir, 'in')], { db: url, jobs: 1 });
    expect(again.ingested).toBe(0);
    expect(again.unchanged).toBe(200);
    expect((await count()).d).toBe(after.d);
  }, 240_000);

  it('migrate copies a SQLite dataset: same numbers, search works, and ingest goes on there', async () => {
    if (!needs()) return;
    const to = await server!.createDb('migrated');
    const r = cli(['migrate', '--from', sqlitePath, '--to', to]);
    expect(r.status, r.stderr).toBe(0);
    const m = await openStore(to, { readonly: true });
    try {
      expect(await compare(m, { by: ['unit', 'year'] })).toEqual(await compare(lite, { by: ['unit', 'year'] }));
      expect(await search(m, '党费')).toEqual(await search(lite, '党费'));
      expect(await units(m)).toEqual(await units(lite));
      // a second migrate into the same database is refused (it holds a dataset now)
      const again = cli(['migrate', '--from', sqlitePath, '--to', to]);
      expect(again.status).toBe(1);
      expect(again.stderr).toMatch(/holds a dataset already/);
      // the ids the server hands out go on after the copied ones
      const dir = mkdtempSync(join(tmpdir(), 'zg-pg-mig-'));
      writeFileSync(join(dir, 'new.txt'), synthBulletin(99_001).text);
      const s = await ingest([dir], { db: to, jobs: 1 });
      expect(s.failed).toBe(0);
      expect(s.ingested).toBe(1);
      const re = await ingest([FIXTURES], { db: to, jobs: 1 });
      expect(re.ingested).toBe(0);
    } finally {
      await m.close();
    }
  }, 120_000);
});
