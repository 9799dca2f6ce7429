// Search for inspection staff (issue 22): one query parser for the CLI and the web app (AND, OR,
// -word / NOT word, traditional characters), the unit filter on any part of a name or alias, and
// /search as a table with its total, its orders and its downloads (CSV, Excel).
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { ingest } from '../app/batch.js';
import type { Store } from '../store/store.js';
import { SqlitePool } from '../store/sqlite-pool.js';
import { findProblems, problemFacets, parseQuery, search, searchQuery, EXCLUSIONS_ONLY } from '../store/queries.js';
import { createApp } from '../app/serve.js';
import { FIXTURES } from './fixtures.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
let dbPath: string;
let db: Store;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  dbPath = join(mkdtempSync(join(tmpdir(), 'zg-search-staff-')), 'z.db');
  const s = await ingest([FIXTURES], { db: dbPath, jobs: 1 });
  expect(s.failed).toBe(0);
  db = await SqlitePool.open(dbPath); // as `zhenggai serve` reads it
  app = createApp(db);
}, 120_000);

afterAll(async () => { await db?.close(); });

const get = async (path: string) => {
  const r = await app.request(`http://127.0.0.1${path}`);
  return { status: r.status, type: r.headers.get('content-type') ?? '', disposition: r.headers.get('content-disposition') ?? '', r };
};
const ids = async (q: string, o = {}) => (await findProblems(db, q, { limit: 100_000, ...o })).rows.map((r) => r.id).sort((a, b) => a - b);
const w = (text: string, phrase = false) => ({ text, phrase });

describe('parseQuery: one parser for the CLI and the web app', () => {
  it('a space or AND: all required; OR, | or 或: alternatives', () => {
    expect(parseQuery('党费 收缴')).toEqual({ alternatives: [[w('党费'), w('收缴')]], exclude: [] });
    expect(parseQuery('党费 AND 收缴')).toEqual(parseQuery('党费 收缴'));
    expect(parseQuery('党费 OR 公车 | 报销 或 "三会一课"')).toEqual({ alternatives: [[w('党费')], [w('公车')], [w('报销')], [w('三会一课', true)]], exclude: [] });
  });
  it('-word, -"phrase", －word and NOT word exclude; a dash inside a word or alone is no exclusion', () => {
    expect(parseQuery('党费 -收缴 NOT 公车 -"三会 一课" －报销')).toEqual({ alternatives: [[w('党费')]], exclude: [w('收缴'), w('公车'), w('三会 一课', true), w('报销')] });
    expect(parseQuery('党费-收缴 -')).toEqual({ alternatives: [[w('党费-收缴')]], exclude: [] });
  });
  it('a query of exclusions only is a usage error, in Chinese and English', () => {
    for (const q of ['-收缴', 'NOT 收缴', '-收缴 OR -公车']) {
      expect(() => searchQuery(q), q).toThrow(EXCLUSIONS_ONLY);
      try { searchQuery(q); } catch (e) { expect((e as Error).name).toBe('UsageError'); }
    }
    expect(EXCLUSIONS_ONLY).toMatch(/排除/);
    expect(EXCLUSIONS_ONLY).toMatch(/exclusions only/);
  });
  it('traditional characters are read as simplified, the query as typed kept as an alternative', () => {
    expect(searchQuery('党費 收繳').alternatives).toEqual([[w('党費'), w('收繳')], [w('党费'), w('收缴')]]);
    expect(searchQuery('党费 -收缴')).toEqual(parseQuery('党费 -收缴'));
  });
});

describe('a range of years', () => {
  it('from and to keep the problems of the years between them, either end open; the same on the web page and the CLI', async () => {
    const all = (await findProblems(db, '', { limit: 100_000 })).rows;
    const years = [...new Set(all.map((r) => r.year).filter((y): y is number => y != null))].sort();
    expect(years.length).toBeGreaterThanOrEqual(3);
    const [lo, hi] = [years[1]!, years[years.length - 2]!];
    const inRange = all.filter((r) => r.year != null && r.year >= lo && r.year <= hi).map((r) => r.id).sort((a, b) => a - b);
    expect(await ids('', { from: lo, to: hi })).toEqual(inRange);
    expect(await ids('', { from: hi })).toEqual(all.filter((r) => r.year != null && r.year >= hi).map((r) => r.id).sort((a, b) => a - b));
    expect(inRange.length).toBeLessThan(all.length);
    const page = await (await app.request(`http://127.0.0.1/search?from=${lo}&to=${hi}&format=csv`)).text();
    expect(page.trim().split('\n').length - 1).toBe(inRange.length);
  });
});

describe('findProblems over the fixtures', () => {
  it('党费 AND 收缴 finds what 党费 收缴 finds; 党費 what 党费 finds', async () => {
    const both = await ids('党费 收缴');
    expect(both.length).toBeGreaterThan(0);
    expect(await ids('党费 AND 收缴')).toEqual(both);
    expect(await ids('党費')).toEqual(await ids('党费'));
    expect(await ids('党費 AND 收繳')).toEqual(both);
  });
  it('an amount or a rate (18.5%, 32.18) is searched as the index cut it, never a phrase query the index cannot answer', async () => {
    const hits = await findProblems(db, '空编率达18.5%', { limit: 100 });
    expect(hits.rows.length).toBeGreaterThan(0);
    for (const r of hits.rows) expect(r.problem).toContain('18.5%');
    expect((await findProblems(db, '18.5%', { limit: 100 })).rows.map((r) => r.id)).toEqual(expect.arrayContaining(hits.rows.map((r) => r.id)));
  });
  it('-word and NOT word leave out exactly the problems with the word (over problem, measures, outcome)', async () => {
    const all = await db.all<{ id: number; problem: string; outcome: string | null; measures: string | null }>(
      "SELECT i.id, i.problem, i.outcome, (SELECT group_concat(m.text, char(10)) FROM measures m WHERE m.issue_id = i.id) AS measures FROM issues i JOIN publications b ON b.id = i.bulletin_id");
    const has = (r: (typeof all)[number], t: string) => [r.problem, r.outcome ?? '', r.measures ?? ''].some((x) => x.includes(t));
    const dang = await ids('党');
    const notDues = all.filter((r) => dang.includes(r.id) && !has(r, '党费')).map((r) => r.id).sort((a, b) => a - b);
    expect(notDues.length).toBeGreaterThan(0);
    expect(notDues.length).toBeLessThan(dang.length);
    expect(await ids('党 -党费')).toEqual(notDues);
    expect(await ids('党 NOT 党费')).toEqual(notDues);
    // an excluded word (token index) and an excluded substring (费) both work with an indexed query
    const bao = await ids('报销');
    expect(await ids('报销 -费')).toEqual(all.filter((r) => bao.includes(r.id) && !has(r, '费')).map((r) => r.id).sort((a, b) => a - b));
    expect(await ids('党费 -收缴')).toEqual((await ids('党费')).filter((id) => !all.find((r) => r.id === id && has(r, '收缴'))));
  });
  it('the unit filter matches any part of a unit’s name or of an alias', async () => {
    const byAlias = await ids('', { unit: '县科协' });
    expect(byAlias.length).toBeGreaterThan(0);
    for (const part of ['科协', '新野科', '科学技术', '新野县科学技术协会', '縣科協']) expect(await ids('', { unit: part }), part).toEqual(byAlias);
    expect(await ids('党费', { unit: '科协' })).toEqual(await ids('党费', { unit: '新野县科学技术协会' }));
    // every 党费 problem of the 科协 (the dataset has 党费 problems of other units too)
    const kexie = (await search(db, '党费')).filter((r) => String(r.unit).includes('科学技术协会'));
    expect(kexie.length).toBeGreaterThan(0);
    expect((await search(db, '党费', { unit: '科协' })).length).toBe(kexie.length);
    expect(await ids('', { unit: '没有这个单位' })).toEqual([]);
  });
  it('counts every match; sorts by year (newest first, then unit, number), unit or status, the same rows in each', async () => {
    const r = await findProblems(db, '', { sort: 'year', limit: 100_000, count: true });
    expect(r.total).toBe(r.rows.length);
    expect((await findProblems(db, '党', { limit: 5, count: true })).total).toBe((await ids('党')).length);
    const years = r.rows.map((x) => x.year ?? -1);
    expect(years).toEqual([...years].sort((a, b) => b - a));
    const sameYearUnit = r.rows.filter((x) => x.year === r.rows[0]!.year && x.unit === r.rows[0]!.unit).map((x) => x.number);
    expect(sameYearUnit).toEqual([...sameYearUnit].sort((a, b) => a - b));
    const byUnit = (await findProblems(db, '', { sort: 'unit', limit: 100_000 })).rows;
    const units = byUnit.map((x) => x.unit).filter((u) => u != null);
    expect(units).toEqual([...units].sort((a, b) => (a! < b! ? -1 : a! > b! ? 1 : 0)));
    const order = ['completed', 'in_progress', 'long_term'];
    const rank = (s: string) => (order.includes(s) ? order.indexOf(s) : 3);
    const byStatus = (await findProblems(db, '', { sort: 'status', limit: 100_000 })).rows.map((x) => rank(x.status));
    expect(byStatus).toEqual([...byStatus].sort((a, b) => a - b));
    expect(byUnit.map((x) => x.id).sort((a, b) => a - b)).toEqual(r.rows.map((x) => x.id).sort((a, b) => a - b));
  });
});

describe('/search and /unit in the web app', () => {
  it('a table of 单位, 年份, 序号, 问题, 状态, 主题 with the total, sort links and paging', async () => {
    const total = (await ids('')).length;
    const { status, r } = await get('/search?unit=' + encodeURIComponent('科协'));
    const body = await r.text();
    expect(status).toBe(200);
    const unitTotal = (await ids('', { unit: '科协' })).length;
    expect(body).toContain(`共 ${unitTotal} 个问题`);
    expect(body).toMatch(/<th><a href="[^"]*sort=unit[^"]*"[^>]*>单位<\/a><\/th><th aria-sort="descending">年份 ↓<\/th><th>序号<\/th><th>问题<\/th><th><a href="[^"]*sort=status[^"]*"[^>]*>状态<\/a><\/th><th>主题<\/th>/);
    expect((body.match(/<tr><td>/g) ?? []).length).toBe(20);
    expect(body).toContain('下一页');
    const last = await (await get(`/search?unit=${encodeURIComponent('科协')}&page=${Math.ceil(unitTotal / 20)}`)).r.text();
    expect((last.match(/<tr><td>/g) ?? []).length).toBe(unitTotal % 20 || 20);
    expect(last).not.toContain('下一页');
    const all = await (await get(`/search?year=&status=&q=${encodeURIComponent('党 OR -')}`)).r.text();
    expect(all).toContain(`共 ${(await ids('党')).length} 个问题`);
    expect(total).toBeGreaterThan(unitTotal);
    const sorted = await (await get(`/search?q=${encodeURIComponent('党')}&sort=status`)).r.text();
    expect(sorted).toContain('<th aria-sort="ascending">状态 ↑</th>');
    expect(sorted).toContain('sort=status&amp;format=csv');
  });
  it('no unit hint for words that are no part of a unit name', async () => {
    expect(await (await get(`/search?q=${encodeURIComponent('党费')}`)).r.text()).not.toContain('单位名称或简称的一部分');
    expect(await (await get(`/search?q=${encodeURIComponent('没有这个词')}`)).r.text()).toContain('共 0 个问题');
  });
  it('traditional characters, AND and exclusions work in the box; exclusions only is a 400 with the message', async () => {
    // each query shows as many problems as its simplified, space-joined form finds (党費 = 党费; AND = both words)
    const expected: Record<string, string> = { 党費: '党费', '党费 AND 收缴': '党费 收缴', '党費 AND 收繳': '党费 收缴' };
    for (const [q, same] of Object.entries(expected)) expect(await (await get(`/search?q=${encodeURIComponent(q)}`)).r.text(), q).toContain(`共 ${(await ids(same)).length} 个问题`);
    const bad = await get(`/search?q=${encodeURIComponent('-收缴')}`);
    expect(bad.status).toBe(400);
    expect(await bad.r.text()).toContain('检索词只有排除词');
    expect((await get(`/search?q=${encodeURIComponent('-收缴')}&format=csv`)).status).toBe(400);
  });
  it('downloads every match as CSV (BOM, Chinese headers and statuses) and as an Excel workbook', async () => {
    const q = encodeURIComponent('党');
    const want = await findProblems(db, '党', { sort: 'year', limit: 100_000 });
    const csv = await get(`/search?q=${q}&format=csv`);
    expect(csv.type).toContain('text/csv');
    expect(csv.disposition).toContain('search.csv');
    const text = Buffer.from(await csv.r.arrayBuffer()).toString('utf8');
    expect(text.startsWith('\ufeff单位,年份,序号,问题,状态,主题,整改措施,整改结果,通报,文件\n')).toBe(true);
    expect(text).toContain('已完成');
    expect(text).not.toContain(',completed,');
    const xlsx = await get(`/search?q=${q}&format=xlsx`);
    expect(xlsx.type).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await xlsx.r.arrayBuffer()) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(want.rows.length + 1);
    expect(ws.getRow(1).values).toEqual([undefined, '单位', '年份', '序号', '问题', '状态', '主题', '整改措施', '整改结果', '通报', '文件']);
    // the rows in the page's order, with the whole problem
    expect(ws.getRow(2).getCell(4).value).toBe(want.rows[0]!.problem);
    expect(ws.getRow(want.rows.length + 1).getCell(3).value).toBe(want.rows.at(-1)!.number);
  });
  it('the status and year choices carry their counts (each without its own filter); words that are part of a unit name lead to its problems', async () => {
    const q = encodeURIComponent('党');
    const body = await (await get(`/search?q=${q}&status=completed`)).r.text();
    const facets = await problemFacets(db, '党', { status: 'completed' });
    expect([...facets.status.values()].reduce((a, b) => a + b, 0)).toBe((await ids('党')).length);
    expect(body).toContain(`<option value="completed" selected>已完成（${facets.status.get('completed')}）</option>`);
    const year = [...facets.year.keys()][0]!;
    expect(body).toContain(`<option value="${year}">${year}（${facets.year.get(year)}）</option>`);
    expect(facets.year.get(year)).toBe((await ids('党', { status: 'completed', year })).length);
    const none = await (await get(`/search?q=${encodeURIComponent('新野科')}`)).r.text();
    expect(none).toContain(`共 ${(await ids('新野科')).length} 个问题`);
    expect(none).toContain(`<a href="/search?unit=${encodeURIComponent('新野科')}">查看这些单位的全部问题（${(await ids('', { unit: '新野科' })).length} 个）→</a>`);
  });
  it('a unit page links to all its problems', async () => {
    const r = await get(`/unit/${encodeURIComponent('县科协')}`);
    const body = await r.r.text();
    const n = (await ids('', { unit: '新野县科学技术协会' })).length;
    expect(body).toContain(`<a href="/search?unit=${encodeURIComponent('新野县科学技术协会')}">本单位全部问题（${n} 个）→</a>`);
  });
});

describe('zhenggai search', () => {
  const run = (...args: string[]) => spawnSync(process.execPath, [join(root, 'bin', 'zhenggai.mjs'), ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  it('takes -word and NOT word, --unit by any part of a name, traditional characters; exclusions only exit 2', async () => {
    const json = (r: ReturnType<typeof run>) => { expect(r.status, r.stderr).toBe(0); return JSON.parse(r.stdout) as Array<{ number: number }>; };
    const want = (await search(db, '党 -党费')).map((r) => r.number);
    expect(want.length).toBeGreaterThan(0);
    expect(json(run('search', '党', '-党费', '--db', dbPath, '--format', 'json')).map((r) => r.number)).toEqual(want);
    expect(json(run('search', '党', 'NOT', '党费', '--db', dbPath, '--format', 'json')).map((r) => r.number)).toEqual(want);
    expect(json(run('search', '党費', '--unit', '科协', '--db', dbPath, '--format', 'json')).length).toBe((await ids('党费', { unit: '新野县科学技术协会' })).length);
    const bad = run('search', '-收缴', '--db', dbPath);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('检索词只有排除词');
    const unknown = run('search', '党费', '--bogus', '--db', dbPath);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown option --bogus');
  }, 180_000);
});
