// The web app under a tester's attacks and loads (zhenggai serve): it answers only to its own host
// names (DNS rebinding), every response carries the security headers, a request past its time
// budget is answered 503 in Chinese, slow searches run off the event loop (a stylesheet is served
// while eight of them run), and a huge bulletin is shown a page at a time.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { ingest } from '../app/batch.js';
import type { Store } from '../store/store.js';
import { SqlitePool } from '../store/sqlite-pool.js';
import { createApp, listen, SECURITY_HEADERS, type ServeOptions } from '../app/serve.js';
import { FIXTURES } from './fixtures.js';
import { synthBulletin } from './bench/synth.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** synthetic bulletins: ~16 problems each, enough that a search reading every problem takes a while */
const SYNTH = 400;
/** a search no index helps: 35 characters found nowhere, each matched as a substring of every problem */
const RARE = [...'龘靐齉爩鱻麤灪籱厵纞虋齾麷鸞驫飝鬱龖癵讟灩豔鸜貜鬻饢躩鑾籲灥讈鑽鑿钁钃'].join(' OR ');
const SLOW = `/search?q=${encodeURIComponent(RARE)}`;

let dir = '';
let dbPath = '';
let db: SqlitePool;
let seedId = 0;
let bigId = 0;
const servers: Server[] = [];

/** The app on 127.0.0.1, a free port, over the pool (as `zhenggai serve` runs it). */
async function start(store: Store, o: ServeOptions = {}): Promise<string> {
  const server = listen(createApp(store, o), { port: 0, hostname: '127.0.0.1' });
  servers.push(server);
  await new Promise((r) => server.once('listening', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A request with a Host header of our choosing (fetch sets its own). */
function raw(base: string, path: string, o: { host?: string; method?: string } = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const u = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, path, method: o.method ?? 'GET', headers: o.host === undefined ? {} : { Host: o.host }, setHost: o.host === undefined }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => { body += d; });
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** An HTTP/1.0 request with no Host header at all, over a bare socket. */
function noHost(base: string, path: string): Promise<string> {
  const u = new URL(base);
  return new Promise((resolve, reject) => {
    const s = connect(Number(u.port), u.hostname, () => s.write(`GET ${path} HTTP/1.0\r\n\r\n`));
    let out = '';
    s.setEncoding('utf8');
    s.on('data', (d: string) => { out += d; });
    s.on('end', () => resolve(out));
    s.on('error', reject);
  });
}

const expectSecured = (headers: Headers | Record<string, string | string[] | undefined>, what: string) => {
  for (const [k, v] of Object.entries(SECURITY_HEADERS)) {
    const got = headers instanceof Headers ? headers.get(k) : headers[k.toLowerCase()];
    expect(got, `${what}: ${k}`).toBe(v);
  }
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zg-serve-hard-'));
  dbPath = join(dir, 'z.db');
  const docs = join(dir, 'docs');
  mkdirSync(docs);
  for (let i = 0; i < SYNTH; i++) writeFileSync(join(docs, `synth-${i}.txt`), synthBulletin(1000 + i).text);
  const seed = readFileSync(join(FIXTURES, 'xinye-kexie-2024', 'bulletin.txt'), 'utf8');
  writeFileSync(join(docs, 'seed.txt'), seed);
  // a huge bulletin (~2 MB, ~700,000 characters): the seed's body over and over
  const body = seed.slice(seed.indexOf('\n') + 1);
  let big = seed.replace('新野县科学技术协会', '新野县档案馆');
  while (big.length < 700_000) big += `\n${body}`;
  writeFileSync(join(docs, 'big.txt'), big);
  const s = await ingest([docs], { db: dbPath, jobs: 2 });
  expect(s.failed).toBe(0);
  db = await SqlitePool.open(dbPath, { threads: 2 });
  seedId = (await db.get<{ id: number }>("SELECT b.id FROM bulletins b JOIN document_paths p ON p.document_id = b.document_id WHERE p.path LIKE '%/seed.txt'"))!.id;
  bigId = (await db.get<{ id: number }>("SELECT b.id FROM bulletins b JOIN document_paths p ON p.document_id = b.document_id WHERE p.path LIKE '%/big.txt'"))!.id;
  expect((await db.get<{ n: number }>('SELECT count(*) AS n FROM issues'))!.n).toBeGreaterThan(5000);
}, 120_000);

afterAll(async () => {
  for (const s of servers) s.close();
  await db?.close();
});

describe('host names (DNS rebinding)', () => {
  it('answers to localhost, 127.0.0.1 and [::1] with or without the port, and to names it is given; 421 in Chinese to any other, on every path', async () => {
    const base = await start(db, { hosts: ['zhenggai.example.org', '192.168.10.5'] });
    const port = new URL(base).port;
    for (const host of ['localhost', `localhost:${port}`, '127.0.0.1', `127.0.0.1:${port}`, '[::1]', `[::1]:${port}`, 'LOCALHOST', 'zhenggai.example.org', `zhenggai.example.org:${port}`, '192.168.10.5:8080']) {
      expect((await raw(base, '/compare?format=json', { host })).status, host).toBe(200);
    }
    for (const host of ['evil.com', `evil.com:${port}`, 'localhost.evil.com', '127.0.0.1.nip.io', 'zhenggai.example.org.evil.com', '[::2]', '10.0.0.1', '']) {
      for (const path of ['/compare?format=json', '/', '/app.css', '/app.js', '/favicon.ico', `/bulletin/${seedId}`, '/nope']) {
        const r = await raw(base, path, { host });
        expect(r.status, `${host} ${path}`).toBe(421);
        expect(r.body).toContain('主机名不被允许');
        expect(r.body).not.toContain('"bulletins"');
        expectSecured(r.headers, `${host} ${path}`);
      }
      // refused before anything else: a write is 421 too, not 405
      expect((await raw(base, '/', { host, method: 'POST' })).status).toBe(421);
    }
    // no Host header at all (HTTP/1.0)
    const none = await noHost(base, '/compare?format=json');
    expect(none).toMatch(/^HTTP\/1\.[01] 421/);
    expect(none).toContain('主机名不被允许');
    expect(none.toLowerCase()).toContain('content-security-policy:');
    // a Host header Node's URL parser cannot take is refused too, with the headers
    const bad = await raw(base, '/', { host: 'exa mple' });
    expect(bad.status).toBeGreaterThanOrEqual(400);
    expect(bad.status).toBeLessThan(500);
    expectSecured(bad.headers, 'bad host');
  });
});

describe('security headers', () => {
  it('are on every response: 200, 404, 405, 421, 500 and 503', async () => {
    const base = await start(db);
    const cases: Array<[string, RequestInit, number]> = [
      ['/', {}, 200], ['/app.css', {}, 200], [`/bulletin/${seedId}`, {}, 200], ['/nope', {}, 404], ['/bulletin/99999999', {}, 404],
      ['/', { method: 'POST', body: 'x=1' }, 405], ['/search', { method: 'DELETE' }, 405], ['/', { method: 'HEAD' }, 200],
    ];
    for (const [path, init, status] of cases) {
      const r = await fetch(base + path, init);
      expect(r.status, `${init.method ?? 'GET'} ${path}`).toBe(status);
      expectSecured(r.headers, `${init.method ?? 'GET'} ${path}`);
      await r.arrayBuffer();
    }
    // a dataset that fails: 500 in Chinese, with the headers
    const broken = { dialect: 'sqlite', label: 'broken', all: async () => { throw new Error('disk gone'); }, get: async () => { throw new Error('disk gone'); }, arrays: async () => { throw new Error('disk gone'); } } as unknown as Store;
    const brokenBase = await start(broken);
    const write = process.stderr.write;
    process.stderr.write = (() => true) as typeof process.stderr.write; // the error it logs
    try {
      const r = await fetch(`${brokenBase}/`);
      expect(r.status).toBe(500);
      expect(await r.text()).toContain('出错了');
      expectSecured(r.headers, '500');
    } finally {
      process.stderr.write = write;
    }
  });
});

describe('time budget', () => {
  it('a request still working past its budget is answered 503 in Chinese, and its search stopped; the app goes on', async () => {
    const base = await start(db, { timeoutMs: 30 });
    const t = performance.now();
    const r = await fetch(base + SLOW);
    const ms = performance.now() - t;
    expect(r.status).toBe(503);
    expect(r.headers.get('retry-after')).toBeTruthy();
    expectSecured(r.headers, '503');
    expect(await r.text()).toContain('查询超时，请缩小检索范围后重试');
    expect(ms).toBeLessThan(1000);
    // the stopped thread is replaced: the same pool answers the next requests
    expect((await fetch(`${base}/app.css`)).status).toBe(200);
    const other = await start(db);
    const ok = await fetch(`${other}/search?q=${encodeURIComponent('党费')}&unit=${encodeURIComponent('新野县科学技术协会')}`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('新野县科学技术协会');
  });

  it('never hangs, whatever the dataset does: a query that never answers gets 503 at the budget', async () => {
    const never = () => new Promise<never>(() => {});
    const stuck = { dialect: 'pg', label: 'stuck', all: never, get: never, arrays: never } as unknown as Store;
    const base = await start(stuck, { timeoutMs: 200 });
    const t = performance.now();
    const r = await fetch(`${base}/compare?format=json`);
    expect(r.status).toBe(503);
    expect(await r.text()).toContain('查询超时');
    expect(performance.now() - t).toBeLessThan(2000);
  });
});

describe('slow work off the event loop', () => {
  it('zhenggai serve: while eight slow searches run, a page with no search answers in under 200 ms; --allow-host names are answered', async () => {
    const child: ChildProcess = spawn(process.execPath, [join(root, 'bin', 'zhenggai.mjs'), 'serve', '--db', dbPath, '--port', '0', '--allow-host', 'zhenggai.example.org'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (d) => { stderr += d; });
    try {
      const base = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout!.on('data', (d) => { out += d; const m = /http:\/\/127\.0\.0\.1:\d+/.exec(out); if (m) resolve(m[0]); });
        child.once('exit', (code) => reject(new Error(`zhenggai serve exited (${code}): ${stderr}`)));
      });
      expect((await raw(base, '/', { host: 'zhenggai.example.org' })).status).toBe(200);
      expect((await raw(base, '/', { host: 'evil.com' })).status).toBe(421);
      // how long one slow search takes alone (after a first one, which loads the segmenter)
      await fetch(base + SLOW).then((r) => r.text());
      let t = performance.now();
      expect((await fetch(base + SLOW)).status).toBe(200);
      const alone = performance.now() - t;
      // eight at once (more than the workers: some wait their turn, so the work outlasts the stylesheet however fast
      // the substring index makes one search), and the stylesheet meanwhile
      t = performance.now();
      const eight = Array.from({ length: 8 }, () => fetch(base + SLOW).then(async (r) => { expect(r.status).toBe(200); expect(await r.text()).toContain('没有找到'); return performance.now() - t; }));
      await new Promise((r) => setTimeout(r, 5));
      const s = performance.now();
      const css = await fetch(`${base}/app.css`);
      await css.text();
      const cssMs = performance.now() - s;
      const cssDone = performance.now() - t;
      const done = await Promise.all(eight);
      console.log(`serve: one slow search alone ${Math.round(alone)} ms; /app.css during eight: ${Math.round(cssMs)} ms; the eight done at ${done.map(Math.round).join(', ')} ms`);
      expect(css.status).toBe(200);
      // the searches were still running when the stylesheet came back
      expect(Math.max(...done)).toBeGreaterThan(cssDone);
      expect(cssMs).toBeLessThan(200);
    } finally {
      child.kill('SIGTERM');
    }
  }, 60_000);
});

describe('a huge bulletin, a page at a time', () => {
  /** the text of the page (the #text element), markup removed, entities read */
  const pageText = (html: string) => {
    const m = /<div class="text" id="text">([\s\S]*?)<\/div>\s*<aside/.exec(html);
    return m![1]!.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  };

  it('pages of the text that put it back whole, each with its own marks, links to the others and to the page a problem starts on', async () => {
    const base = await start(db, { pageChars: 2000 });
    const full = (await db.get<{ t: string }>('SELECT zg_text(d.text) AS t FROM bulletins b JOIN documents d ON d.id = b.document_id WHERE b.id = ?', [seedId]))!.t;
    const first = await (await fetch(`${base}/bulletin/${seedId}`)).text();
    const pages = Number(/第 1 \/ (\d+) 页/.exec(first)![1]);
    expect(pages).toBeGreaterThanOrEqual(Math.ceil(full.length / 2000));
    expect(first).toContain(`href="/bulletin/${seedId}?page=2"`);
    expect(first).toContain('下一页');
    let joined = '';
    let money = 0;
    for (let p = 1; p <= pages; p++) {
      const html = await (await fetch(`${base}/bulletin/${seedId}?page=${p}`)).text();
      const text = pageText(html);
      expect(text.length, `page ${p}`).toBeLessThanOrEqual(2000);
      joined += text;
      if (/data-rule="qty\.[^"]+"[^>]*>411\.46元</.test(html)) money++;
      if (p > 1) expect(html).toContain(`href="/bulletin/${seedId}?page=${p - 1}"`);
    }
    expect(joined).toBe(full);
    expect(money).toBe(1); // the seed's 411.46元 is marked on its page, and on no other
    // past the last page: the last
    expect(await (await fetch(`${base}/bulletin/${seedId}?page=999`)).text()).toContain(`第 ${pages} / ${pages} 页`);
    // a search result's link (?issue=ID#issue-ID, test/serve.test.ts) leads to the page where its problem starts
    const seed28 = (await db.get<{ id: number }>('SELECT id FROM issues WHERE bulletin_id = ? AND number = 28', [seedId]))!.id;
    const at = await (await fetch(`${base}/bulletin/${seedId}?issue=${seed28}`)).text();
    expect(at).toContain(`id="issue-${seed28}"`);
    expect(at).not.toMatch(/第 1 \/ \d+ 页/);
  });

  it('a bulletin of ~700,000 characters: a page of 200,000 characters or less, quickly, with only its marks', async () => {
    const base = await start(db);
    const length = (await db.get<{ n: number }>('SELECT length(zg_text(d.text)) AS n FROM bulletins b JOIN documents d ON d.id = b.document_id WHERE b.id = ?', [bigId]))!.n;
    expect(length).toBeGreaterThan(700_000);
    const t = performance.now();
    const r = await fetch(`${base}/bulletin/${bigId}?page=2`);
    const html = await r.text();
    const ms = performance.now() - t;
    console.log(`serve: page 2 of a bulletin of ${length} characters: ${Math.round(ms)} ms, ${html.length} characters of HTML`);
    expect(r.status).toBe(200);
    const pages = Math.ceil(length / 200_000);
    expect(html).toMatch(new RegExp(`第 2 / (${pages}|${pages + 1}) 页`));
    const text = pageText(html);
    expect(text.length).toBeLessThanOrEqual(200_000);
    expect(text.length).toBeGreaterThan(150_000);
    // the marks in it only: far fewer problem marks than the bulletin has problems
    const issues = (await db.get<{ n: number }>('SELECT count(*) AS n FROM issues WHERE bulletin_id = ?', [bigId]))!.n;
    const marked = (html.match(/class="mk mk-problem"/g) ?? []).length;
    expect(marked).toBeGreaterThan(0);
    expect(marked).toBeLessThan(issues / 2);
    expect(html.length).toBeLessThan(length * 2); // the whole text, marked, is ~5 characters of HTML for each of its own
    expect(ms).toBeLessThan(10_000);
  });
});
