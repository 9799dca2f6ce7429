// `zhenggai query` (issue 21): exactly one read-only statement, as the database's own parser
// sees it, and output bounded by rows, bytes and time. Here: the PostgreSQL check on its own
// (PostgreSQL's parser, no server needed) and everything on a SQLite dataset; the same on a
// real PostgreSQL server is in query-guard-pg.test.ts.
import { describe, it, expect, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingest } from '../app/batch.js';
import { openDb } from '../store/db.js';
import { query } from '../store/queries.js';
import { checkPgStatement, deniedFunction, sqliteStatementText, QueryRefused } from '../store/sql-guard.js';
import { formatBounded, CUT_MARK } from '../app/query-output.js';
import { formatRows } from '../app/format.js';
// @ts-ignore plain JS helper (typed by bin/build.d.mts where there is one)
import { ensureBuilt } from '../bin/build.mjs';
import { FIXTURES } from './fixtures.js';
import { canMeasure, measureCli } from './query-measure.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = (...a: string[]) => spawnSync(process.execPath, [join(root, 'bin', 'zhenggai.mjs'), ...a], { encoding: 'utf8', timeout: 120_000, cwd: root, maxBuffer: 1 << 30 });

const refused = async (sql: string) => {
  try { await checkPgStatement(sql); } catch (e) { expect(e).toBeInstanceOf(QueryRefused); return (e as Error).message; }
  return null;
};

describe('PostgreSQL: one read-only statement, by PostgreSQL\'s own parser', () => {
  it('refuses COPY, SET/RESET, transaction control, DO, CALL, writes and two statements, saying why', async () => {
    const cases: Array<[string, RegExp]> = [
      ["COPY (SELECT 1) TO PROGRAM 'touch /tmp/x'", /COPY .*run programs/],
      ['COPY issues TO STDOUT', /COPY/],
      ["COPY issues FROM '/etc/passwd'", /COPY/],
      ['SET default_transaction_read_only = off', /SET\/RESET .*read-only off/],
      ['SET LOCAL statement_timeout = 0', /SET\/RESET/],
      ['RESET ALL', /SET\/RESET/],
      ['COMMIT', /BEGIN\/COMMIT\/ROLLBACK/],
      ['ROLLBACK', /BEGIN\/COMMIT\/ROLLBACK/],
      ['BEGIN READ WRITE', /BEGIN\/COMMIT\/ROLLBACK/],
      ['START TRANSACTION', /BEGIN\/COMMIT\/ROLLBACK/],
      ["DO $$ BEGIN PERFORM 1; END $$", /DO .*procedural/],
      ['CALL p()', /CALL/],
      ['DELETE FROM issues', /DELETE \(a write\).*read-only/],
      ["INSERT INTO units (name) VALUES ('x')", /INSERT/],
      ['UPDATE issues SET status = NULL', /UPDATE/],
      ['TRUNCATE issues', /TRUNCATE/],
      ['DROP TABLE issues', /DROP/],
      ['CREATE TABLE t AS SELECT 1', /CREATE TABLE AS/],
      ['SELECT 1; SELECT 2', /2 statements/],
      ['SELECT 1; DELETE FROM issues', /2 statements/],
      ['WITH d AS (DELETE FROM issues RETURNING id) SELECT * FROM d', /DELETE .*WITH/],
      ['WITH i AS (INSERT INTO units (name) VALUES (1) RETURNING id) SELECT 1', /INSERT/],
      ['EXPLAIN ANALYZE DELETE FROM issues', /DELETE/],
      ['SELECT 1 INTO new_table', /INTO creates a table/],
      ['SELECT * FROM issues FOR UPDATE', /FOR UPDATE\/SHARE/],
      ['PREPARE p AS SELECT 1', /PREPARE/],
      ["NOTIFY c, 'x'", /NOTIFY/],
      ['LOCK issues', /LOCK/],
      ['', /no SQL statement/],
      [' ; ', /no SQL statement/],
      ['SELEC 1', /does not parse: syntax error/],
    ];
    for (const [sql, why] of cases) expect(await refused(sql), sql).toMatch(why);
  });

  it('refuses calls of server-administration and side-effect functions wherever they stand, however they are written', async () => {
    for (const sql of [
      'SELECT pg_terminate_backend(1)',
      'SELECT pg_catalog.pg_terminate_backend(1)',
      'SELECT "pg_terminate_backend"(1)',
      'SELECT PG_TERMINATE_BACKEND(1)',
      'SELECT U&"pg\\005fterminate\\005fbackend"(1)',
      'SELECT * FROM pg_terminate_backend(1)',
      'SELECT x FROM (SELECT pg_terminate_backend(pid) AS x FROM pg_stat_activity) s',
      'WITH k AS (SELECT pg_cancel_backend(1)) SELECT * FROM k',
      'SELECT 1 WHERE pg_terminate_backend(1)',
      'SELECT coalesce(NULL, pg_terminate_backend(1))',
      'EXPLAIN ANALYZE SELECT pg_terminate_backend(1)',
    ]) expect(await refused(sql), sql).toMatch(/pg_terminate_backend|pg_cancel_backend.*stops other sessions/);
    const each: Array<[string, RegExp]> = [
      ['SELECT pg_reload_conf()', /administers the server/],
      ["SELECT pg_read_file('/etc/passwd')", /reads or lists files/],
      ["SELECT pg_read_binary_file('/etc/passwd')", /reads or lists files/],
      ["SELECT pg_ls_dir('.')", /reads or lists files/],
      ["SELECT lo_import('/etc/passwd')", /large objects/],
      ["SELECT lo_export(1, '/tmp/x')", /large objects/],
      ["SELECT * FROM dblink('host=x', 'DELETE FROM t') AS t(x int)", /another database/],
      ["SELECT dblink_exec('DELETE FROM t')", /another database/],
      ["SELECT set_config('transaction_read_only', 'off', false)", /turning the read-only transaction/],
      ["SELECT nextval('s')", /sequence/],
      ["SELECT setval('s', 1)", /sequence/],
      ['SELECT pg_advisory_lock(8022119)', /advisory lock/],
      ['SELECT pg_try_advisory_xact_lock(1)', /advisory lock/],
      ["SELECT query_to_xml('DELETE FROM issues RETURNING 1', true, true, '')", /SQL given to it as text/],
      ["SELECT pg_notify('c', 'x')", /notification/],
    ];
    for (const [sql, why] of each) expect(await refused(sql), sql).toMatch(why);
  });

  it('accepts one SELECT (WITH, VALUES, TABLE, EXPLAIN of one), and a parser is not fooled by words in strings or comments', async () => {
    for (const sql of [
      'SELECT 1',
      'SELECT count(*) FROM issues WHERE status = \'completed\'',
      'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c LIMIT 3',
      'VALUES (1), (2)',
      'TABLE issues',
      'EXPLAIN SELECT * FROM issues',
      'SELECT pg_sleep(1)',
      "SELECT current_setting('statement_timeout')",
      "SELECT 'pg_terminate_backend(1); COPY x TO PROGRAM ''y''' AS s",
      'SELECT 1 AS "COMMIT" -- ; DELETE FROM issues',
      'SELECT $$;COMMIT;SET x = 1;$$ AS s /* ; DROP TABLE issues */',
      'SELECT lower(unit) FROM publication_overview',
    ]) {
      const r = await checkPgStatement(sql);
      expect(['select', 'explain'], sql).toContain(r.kind);
    }
    // the statement's own text, without its `;` (byte offsets of Chinese text counted right)
    expect((await checkPgStatement("SELECT '党费' AS x;  -- done")).text).toBe("SELECT '党费' AS x");
    expect((await checkPgStatement('  SELECT 1  ')).text).toBe('SELECT 1  ');
  });

  it('the deny-list is data, each entry saying why', () => {
    const data = JSON.parse(readFileSync(join(root, 'store', 'sql-deny.json'), 'utf8')) as { functions: Array<{ names?: string[]; prefixes?: string[]; why: string }> };
    for (const e of data.functions) {
      expect(e.why.length).toBeGreaterThan(10);
      expect((e.names ?? []).length + (e.prefixes ?? []).length).toBeGreaterThan(0);
    }
    expect(deniedFunction('dblink_connect')).toMatch(/another database/);
    expect(deniedFunction('lower')).toBeNull();
    expect(deniedFunction('pg_sleep')).toBeNull();
  });
});

describe('SQLite: one read-only statement, by SQLite\'s own parser', () => {
  let db: string;
  beforeAll(async () => {
    db = join(mkdtempSync(join(tmpdir(), 'zg-qg-')), 'z.db');
    const r = await ingest([join(FIXTURES, 'xinye-kexie-2024'), join(FIXTURES, 'yuehe-town-2024')], { db, jobs: 1 });
    expect(r.failed).toBe(0);
  }, 120_000);

  it('refuses ATTACH, a PRAGMA that writes, INSERT (also with RETURNING) and two statements, exit 2, saying why', () => {
    const cases: Array<[string, RegExp]> = [
      [`ATTACH '${join(tmpdir(), 'other.db')}' AS o`, /refused: this statement returns no rows \(ATTACH/],
      ['DETACH o', /returns no rows/],
      ['PRAGMA user_version = 5', /refused: this statement would change the dataset/],
      ['PRAGMA journal_mode = WAL', /would change the dataset/],
      ["INSERT INTO units (name) VALUES ('x')", /would change the dataset/],
      ["INSERT INTO units (name) VALUES ('x') RETURNING id", /would change the dataset/],
      ['DELETE FROM issues', /would change the dataset/],
      ['BEGIN', /returns no rows/],
      ['SELECT 1; SELECT 2', /refused: more than one statement/],
      ['SELECT 1; DELETE FROM issues', /more than one statement/],
    ];
    for (const [sql, why] of cases) {
      const r = cli('query', sql, '--db', db);
      expect(r.status, sql).toBe(2);
      expect(r.stderr, sql).toMatch(why);
    }
    const still = cli('query', 'SELECT count(*) AS n FROM units', '--db', db, '--format', 'json');
    expect(JSON.parse(still.stdout)[0].n).toBeGreaterThan(0);
    const raw = openDb(db, { readonly: true });
    expect(() => query(raw, "INSERT INTO units (name) VALUES ('x') RETURNING id")).toThrow(QueryRefused);
    expect(query(raw, 'SELECT count(*) AS n FROM units')[0]!.n).toBeGreaterThan(0);
    raw.close();
  }, 60_000);

  it('a plain SELECT, WITH, VALUES, a PRAGMA that reads and a statement ending in ; and a comment still work as before', () => {
    const sel = cli('query', 'SELECT id, status FROM issues ORDER BY id DESC LIMIT 2;  -- the last two', '--db', db, '--format', 'json');
    expect(sel.status, sel.stderr).toBe(0);
    const rows = JSON.parse(sel.stdout) as Array<{ id: number }>;
    expect(rows).toHaveLength(2);
    expect(rows[0]!.id).toBeGreaterThan(rows[1]!.id);
    expect(sel.stderr).toBe('');
    const vals = cli('query', 'VALUES (3), (1), (2)', '--db', db, '--format', 'csv');
    expect(vals.stdout).toBe('\ufeffcolumn1\n3\n1\n2\n');
    const sorted = cli('query', 'SELECT column1 AS v FROM (VALUES (3), (1), (2)) ORDER BY 1 DESC', '--db', db, '--format', 'csv');
    expect(sorted.stdout).toBe('\ufeffv\n3\n2\n1\n');
    const wr = cli('query', 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 3) SELECT x, x * 1.5 AS y, NULL AS z FROM c', '--db', db, '--format', 'json');
    expect(JSON.parse(wr.stdout)).toEqual([{ x: 1, y: 1.5, z: null }, { x: 2, y: 3, z: null }, { x: 3, y: 4.5, z: null }]);
    const pragma = cli('query', 'PRAGMA table_info(units)', '--db', db, '--format', 'csv');
    expect(pragma.status).toBe(0);
    expect(pragma.stdout).toMatch(/^\ufeffcid,name,type/);
  }, 60_000);

  it('the statement\'s text without what follows it: quotes and comments skipped as SQLite does', () => {
    expect(sqliteStatementText('SELECT 1;  -- done\n')).toBe('SELECT 1');
    expect(sqliteStatementText("SELECT ';' AS a, \"x;\" AS [b;] ; /* ; */ ;")).toBe("SELECT ';' AS a, \"x;\" AS [b;]");
    expect(sqliteStatementText("SELECT 'it''s' -- c;\n")).toBe("SELECT 'it''s'");
    expect(sqliteStatementText('SELECT 1 -- no newline')).toBe('SELECT 1');
  });
});

describe('bounded output: rows, bytes, time', () => {
  let db: string;
  beforeAll(async () => {
    db = join(mkdtempSync(join(tmpdir(), 'zg-qb-')), 'z.db');
    const r = await ingest([join(FIXTURES, 'yuehe-town-2024')], { db, jobs: 1 });
    expect(r.failed).toBe(0);
  }, 120_000);

  // 4 rows of 300 MB each, built by SQLite (the case: it ran past 60 s at 5.7 GB)
  const HUGE_TEXT = "SELECT printf('%.*c', 300000000 + column1 - column1, 'x') AS s, column1 AS n FROM (VALUES (1), (2), (3), (4))";
  const HUGE_BLOB = 'SELECT zeroblob(300000000 + column1 - column1) AS b, column1 AS n FROM (VALUES (1), (2), (3), (4))';

  it('4 rows of 300 MB of text: long cells cut by SQLite, done within --timeout, the query process far below gigabytes', async () => {
    for (const format of ['json', 'csv', 'table']) {
      const r = await measureCli(['query', HUGE_TEXT, '--db', db, '--format', format, '--timeout', '15000']);
      expect(r.ms, format).toBeLessThan(15_000 + 3_000);
      expect(r.stderr, format).toMatch(/4 cell\(s\) longer than 1048576 characters .*cut \(--max-cell\)/);
      expect(r.status, r.stderr).toBe(0);
      if (format === 'json') {
        const rows = JSON.parse(r.stdout) as Array<{ s: string; n: number }>;
        expect(rows.map((x) => x.n)).toEqual([1, 2, 3, 4]);
        expect(rows[0]!.s).toBe('x'.repeat(1048576) + CUT_MARK);
      }
      // SQLite itself needs about 600 MB to build one such value; nothing else holds one whole
      if (canMeasure()) expect(r.peakKb, format).toBeLessThan(1_250_000);
    }
  }, 180_000);

  it('4 rows of 300 MB blobs: cut to --max-cell bytes, memory bounded', async () => {
    const r = await measureCli(['query', HUGE_BLOB, '--db', db, '--format', 'csv', '--max-cell', '100', '--timeout', '15000']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/4 cell\(s\) longer than 100 characters \(bytes if binary\) cut/);
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(5);
    if (canMeasure()) expect(r.peakKb).toBeLessThan(700_000);
  }, 60_000);

  it('--max-bytes-out stops the output and says so; --max-cell cuts cells and marks them', () => {
    const r = cli('query', HUGE_TEXT.replace(/300000000/, '2000000'), '--db', db, '--format', 'csv', '--max-bytes-out', '2500000');
    expect(r.status, r.stderr).toBe(0);
    expect(Buffer.byteLength(r.stdout)).toBeLessThanOrEqual(2_500_000);
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(3); // the header and 2 rows of 1 MB
    expect(r.stderr).toMatch(/output stopped at 2500000 bytes \(--max-bytes-out\): 2 rows shown, more were left out/);
    const c = cli('query', "SELECT '党费收缴不规范' AS s, 12345678 AS n", '--db', db, '--format', 'json', '--max-cell', '2');
    expect(JSON.parse(c.stdout)).toEqual([{ s: `党费${CUT_MARK}`, n: 12345678 }]);
    const t = cli('query', 'SELECT problem FROM issues', '--db', db, '--max-bytes-out', '2000');
    expect(Buffer.byteLength(t.stdout)).toBeLessThanOrEqual(2000);
    expect(t.stderr).toMatch(/--max-bytes-out/);
  }, 60_000);

  it('--timeout covers fetching and formatting: an endless statement in a table ends on time, with the rows that could be shown', async () => {
    for (const format of ['table', 'csv']) {
      const r = await measureCli(['query', 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x, x * 2 AS y FROM c', '--db', db, '--limit', '100000000', '--timeout', '2000', '--format', format]);
      expect(r.ms, format).toBeLessThan(2_000 + 2_500);
      expect(r.status, format).toBe(1);
      expect(r.stderr, format).toMatch(/stopped after 2000 ms \(--timeout\); \d+ rows shown/);
      expect(r.stdout.length, format).toBeGreaterThan(100);
    }
  }, 60_000);

  it('row by row, the output is the one formatRows gives for all rows at once', async () => {
    const rows = [{ a: 1, b: '=cmd', c: null, d: 'line\nbreak, "quoted"', rate: 0.5 }, { a: 2.25, b: '中文', c: true, d: '', rate: 1 }];
    const cols = ['a', 'b', 'c', 'd', 'rate'];
    const workerFile = await ensureBuilt('query');
    const o = { maxBytes: 1 << 20, deadline: Date.now() + 10_000, workerFile };
    for (const f of ['json', 'csv', 'table'] as const) {
      for (const rawCsv of [false, true]) {
        expect((await formatBounded(rows, cols, f, { ...o, rawCsv })).text, f).toBe(formatRows(rows, f, cols, { rawCsv }));
        expect((await formatBounded([], cols, f, { ...o, rawCsv })).text, f).toBe(formatRows([], f, cols, { rawCsv }));
      }
    }
  }, 30_000);
});
