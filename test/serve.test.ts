// The web app (`zhenggai serve`): read-only, every value escaped, the seed's problems found and
// its figures marked with their rule ids; and in Debian's headless Chromium, every page loads
// with no console error and no request leaving the app (screenshots kept in artifacts/serve/).
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { ingest } from '../app/batch.js';
import type { Store } from '../store/store.js';
import { SqlitePool } from '../store/sqlite-pool.js';
import { compare } from '../store/queries.js';
import { createApp, listen } from '../app/serve.js';
import { recurringProblems } from '../app/serve/recurring.js';
import { FIXTURES } from './fixtures.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)>';
let db: Store;
let dbPath: string;
let server: Server;
let base = '';
let seedId = 0;
let hostileId = 0;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'zg-serve-'));
  dbPath = join(dir, 'z.db');
  // a bulletin whose problem carries markup: it must come out as text
  mkdirSync(join(dir, 'hostile'));
  const seed = readFileSync(join(FIXTURES, 'xinye-kexie-2024', 'bulletin.txt'), 'utf8');
  writeFileSync(join(dir, 'hostile', 'bulletin.txt'), seed.replace('三会一课制度执行不严格', `三会一课制度执行不严格${HOSTILE}`));
  // a bulletin that declares 5 problems and lists none a reading can take: the home page must show it
  writeFileSync(join(dir, 'hostile', 'unread.txt'), ['中共某某县统计局党组关于巡察整改情况的通报', '根据县委统一部署，2024年3月4日至4月26日，县委第二巡察组对县统计局党组进行了巡察。', '一、整改工作开展情况', '局党组对巡察反馈的5个问题逐项整改，已完成整改4个。', '二、巡察反馈问题整改情况', '局党组认真对照巡察反馈意见持续发力，各项整改工作有序推进，取得了阶段性成效。'].join('\n'));
  const s = await ingest([FIXTURES, join(dir, 'hostile')], { db: dbPath, jobs: 1 });
  expect(s.failed).toBe(0);
  // as `zhenggai serve` reads it: in worker threads (store/sqlite-pool.ts)
  db = await SqlitePool.open(dbPath);
  // the seed as a publication: the first ingested of its copies (txt, docx, pdf, html …), the one search lists
  seedId = (await db.get<{ id: number }>(`SELECT min(x.id) AS id FROM bulletins x WHERE x.fingerprint = (SELECT b.fingerprint FROM bulletins b
    JOIN document_paths p ON p.document_id = b.document_id WHERE p.path LIKE '%xinye-kexie-2024/bulletin.txt')`))!.id;
  hostileId = (await db.get<{ id: number }>("SELECT b.id FROM bulletins b JOIN document_paths p ON p.document_id = b.document_id WHERE p.path LIKE '%hostile/bulletin.txt'"))!.id;
  expect((await db.get<{ n: number }>('SELECT count(*) AS n FROM issues WHERE bulletin_id = ? AND strpos(problem, ?) > 0', [hostileId, '<script>']))!.n).toBe(1);
  server = listen(createApp(db), { port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  server?.close();
  await db?.close();
});

const get = async (path: string) => {
  const r = await fetch(base + path);
  return { status: r.status, type: r.headers.get('content-type') ?? '', body: await r.text(), headers: r.headers };
};

describe('web app', () => {
  it('answers every page, in Chinese, with its own stylesheet and script only', async () => {
    for (const path of ['/', '/search?q=党费', '/search', '/compare', '/compare?by=unit,year', '/compare?by=theme', `/unit/${encodeURIComponent('新野县科学技术协会')}`, `/bulletin/${seedId}`]) {
      const r = await get(encodeURI(decodeURI(path)));
      expect(r.status, path).toBe(200);
      expect(r.type).toMatch(/text\/html/);
      expect(r.body).toContain('<html lang="zh-CN">');
      // nothing from elsewhere: no absolute URLs in src/href
      expect(r.body, path).not.toMatch(/(?:src|href)=["']?(?:https?:)?\/\//);
      expect(r.headers.get('content-security-policy')).toContain("default-src 'self'");
    }
    expect((await get('/app.css')).type).toMatch(/text\/css/);
    expect((await get('/app.js')).type).toMatch(/javascript/);
    expect((await get('/bulletin/999999')).status).toBe(404);
    expect((await get('/unit/没有这个单位')).status).toBe(404);
    expect((await get('/nope')).status).toBe(404);
    expect((await get('/search?q=党费&page=abc&year=x')).status).toBe(200); // bad parameters are ignored
  });

  it('the home page lists a bulletin whose declared problems were not found, to check first', async () => {
    const home = (await get('/')).body;
    expect(home).toContain('未读出问题');
    expect(home).toMatch(/中共某某县统计局党组关于巡察整改情况的通报/);
    expect(home).toContain('自报问题 5 个，列出 0 个');
    expect(home).not.toMatch(/declared \d+/);
  });

  it('staff read Chinese: the totals panel, the warnings, compare\'s headers and levels', async () => {
    const page = (await get(`/bulletin/${seedId}`)).body;
    expect(page).toContain('反馈问题（个）');
    expect(page).toContain('长期整改（个）');
    expect(page).not.toMatch(/<th>(?:problems|aspects|special_campaigns|democratic_life_meetings)<\/th>/);
    const cmp = (await get('/compare?by=level')).body;
    expect(cmp).toContain('<th>层级</th>');
    expect(cmp).toContain('县级');
    expect(cmp).not.toMatch(/<td>(?:county|central|municipal)<\/td>/);
  });

  it('is read-only: other methods than GET and HEAD get 405', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const r = await fetch(`${base}/search?q=党费`, { method, body: method === 'DELETE' ? undefined : 'x=1' });
      expect(r.status, method).toBe(405);
      expect(r.headers.get('allow')).toBe('GET, HEAD');
    }
    expect((await fetch(`${base}/`, { method: 'HEAD' })).status).toBe(200);
  });

  it('search 党费 lists the seed’s unit and its problem 28, marked, linked to the bulletin', async () => {
    const r = await get(`/search?q=${encodeURIComponent('党费')}`);
    expect(r.body).toContain('新野县科学技术协会');
    const seed28 = (await db.get<{ id: number }>('SELECT id FROM issues WHERE bulletin_id = ? AND number = 28', [seedId]))!.id;
    expect(r.body).toContain(`/bulletin/${seedId}?issue=${seed28}#issue-${seed28}`);
    expect(r.body).toContain('<mark>党费</mark>');
    // filters and paging travel in the URL
    const f = await get(`/search?q=${encodeURIComponent('党费')}&year=2021&status=completed`);
    expect(f.body).toContain('2021');
    expect(f.body).not.toContain(`#issue-${seed28}`);
    const themed = await get(`/search?theme=party_dues&unit=${encodeURIComponent('县科协')}`);
    expect(themed.body).toContain(`#issue-${seed28}`);
  });

  it('the bulletin page marks the seed’s 411.46元 with its rule id, and each problem is a link target', async () => {
    const r = await get(`/bulletin/${seedId}`);
    const m = /<span[^>]*class="mk mk-quantity"[^>]*data-rule="([^"]+)"[^>]*>411\.46元<\/span>/.exec(r.body);
    expect(m, 'a marked 411.46元').not.toBeNull();
    expect(m![1]).toMatch(/^qty\./);
    expect(r.body).toMatch(/class="mk mk-status"[^>]*data-rule="status\./);
    expect(r.body).toMatch(/id="issue-\d+" class="mk mk-problem"/);
    expect(r.body).toContain('申报总数');
  });

  it('hostile text is shown as text, never as markup', async () => {
    for (const path of [`/bulletin/${hostileId}`, `/search?q=${encodeURIComponent('三会一课')}`]) {
      const r = await get(path);
      // the search snippet shows the words around the hit: the markup's start at least
      expect(r.body, path).toContain(path.startsWith('/bulletin') ? '&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;' : '&lt;script&gt;');
      expect(r.body, path).not.toContain('<script>alert');
      expect(r.body, path).not.toContain('<img src=x');
    }
  });

  it('compare: the CLI’s numbers, each linked to its problems, and CSV/JSON downloads', async () => {
    const json = await fetch(`${base}/compare?by=unit,year&format=json`).then((r) => r.json());
    expect(json).toEqual(JSON.parse(JSON.stringify(await compare(db, { by: ['unit', 'year'] }))));
    const csv = await fetch(`${base}/compare?by=unit&format=csv`);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    // with its BOM (a spreadsheet reads it as UTF-8), which fetch's text() would drop
    expect(Buffer.from(await csv.arrayBuffer()).toString('utf8').startsWith('\ufeffunit,bulletins,problems')).toBe(true);
    const page = await get('/compare?by=unit,year');
    expect(page.body).toContain(`/search?unit=${encodeURIComponent('新野县科学技术协会').replace(/%20/g, '+')}&amp;year=2024&amp;status=completed`);
  });

  it('a unit over the years: its bulletins, themes and the problems that came back', async () => {
    const r = await get(`/unit/${encodeURIComponent('县科协')}`); // an alias leads to the unit
    expect(r.body).toContain('<h1>新野县科学技术协会</h1>');
    expect(r.body).toContain('党费收缴不及时');
    expect(recurringProblems([
      { bulletin_id: 1, problem: '党费收缴不及时，部分党员未按月交纳党费' },
      { bulletin_id: 2, problem: '党费收缴不规范，基数减少' },
      { bulletin_id: 2, problem: '科技馆建设滞后' },
      { bulletin_id: 1, problem: '党费收缴不规范' }, // the same bulletin as the first: not a recurrence on its own
      { bulletin_id: 3, problem: '意识形态责任制落实不到位' },
    ]).map((g) => g.map((p) => p.bulletin_id))).toEqual([[1, 2, 1]]);
  });

  it('in headless Chromium: no console error, no request leaving the app; a click shows a mark’s field and rule', async () => {
    const chromiumPath = '/usr/bin/chromium';
    if (!existsSync(chromiumPath)) {
      if (process.env.ZHENGGAI_REQUIRE_BROWSER || process.env.CI) throw new Error('chromium is not installed: apt-get install chromium');
      console.warn('serve test: /usr/bin/chromium missing, browser check skipped');
      return;
    }
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
    const shots = join(root, 'artifacts', 'serve');
    mkdirSync(shots, { recursive: true });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const problems: string[] = [];
      page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
      page.on('pageerror', (e) => problems.push(String(e)));
      page.on('dialog', (d) => { problems.push(`dialog: ${d.message()}`); void d.dismiss(); });
      page.on('request', (r) => { if (!r.url().startsWith(base)) problems.push(`request outside the app: ${r.url()}`); });
      for (const [name, path] of [['home', '/'], ['search', `/search?q=${encodeURIComponent('党费')}`], ['unit', `/unit/${encodeURIComponent('新野县科学技术协会')}`],
        ['compare', '/compare?by=unit,year'], ['hostile', `/bulletin/${hostileId}`], ['bulletin', `/bulletin/${seedId}`]] as const) {
        const t = performance.now();
        await page.goto(base + path);
        expect(performance.now() - t, `${path} loads`).toBeLessThan(5000);
        await page.screenshot({ path: join(shots, `${name}.png`), fullPage: name !== 'bulletin' });
      }
      // on the seed's page: click the marked 411.46元, the side panel shows its field and rule
      const money = page.locator('.mk-quantity', { hasText: /^411\.46元$/ });
      await money.click();
      const picked = await page.locator('#picked').textContent();
      expect(picked).toMatch(/qty\./);
      expect(picked).toContain('411.46元');
      await page.goto(`${base}/bulletin/${hostileId}`);
      expect(await page.locator('#text').textContent()).toContain('<script>alert(1)</script>');
      expect(problems).toEqual([]);
      expect(statSync(join(shots, 'bulletin.png')).size).toBeGreaterThan(10_000);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
