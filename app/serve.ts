// `zhenggai serve`: a read-only web app over a dataset for inspection staff. Server-rendered
// pages in Chinese (Hono on Node's http server), no CDN and no network: the stylesheet, the one
// small script and the charts (inline SVG) are served by the app. GET and HEAD only; the dataset
// is opened read-only; every value from the dataset is escaped (app/html.ts); every query is
// parameterized. It answers only to its own host names (a page elsewhere whose name is made to
// point at 127.0.0.1, DNS rebinding, gets 421), sets its security headers on every response,
// gives each request a time budget, and reads a SQLite dataset off the event loop
// (store/sqlite-pool.ts), so that one slow search does not hold the others. This file is the server
// around the pages; the pages are in app/serve/ (pages.ts routes each to the file that renders it).
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Hono } from 'hono';
import { getRequestListener } from '@hono/node-server';
import type { Store } from '../store/store.js';
import { workScope } from '../store/sqlite-pool.js';
import { PAGE_CHARS } from '../store/bulletin-page.js';
import { h } from './html.js';
import { layout } from './serve/layout.js';
import { createPages } from './serve/pages.js';

export interface ServeOptions {
  /** host names it answers to besides localhost, 127.0.0.1 and [::1] (the --host value, --allow-host …), any port */
  hosts?: string[];
  /** a request's time budget in ms (default 10 s): past it, 503 and its queries are stopped */
  timeoutMs?: number;
  /** characters of a bulletin's text per page (default 200,000) */
  pageChars?: number;
}

/** The headers every response carries, errors and refusals included. */
export const SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy': "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

function secured(res: Response): Response {
  let r = res;
  try {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) r.headers.set(k, v);
  } catch {
    r = new Response(res.body, res); // headers that cannot change: a copy that can
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) r.headers.set(k, v);
  }
  return r;
}

/** A host name as the allow-list keeps it: lower case, no trailing dot, an IPv6 address in brackets, no port. */
export function hostName(value: string): string | null {
  const v = value.trim().toLowerCase();
  const m = /^(\[[0-9a-f:.]+\]|[^\s:/\\[\]@?#]+)(?::(\d{1,5}))?$/.exec(v);
  if (m) return m[1]!.replace(/\.$/, '');
  if (/^[0-9a-f:.]+$/.test(v) && v.includes(':')) return `[${v}]`; // ::1, an IPv6 address without brackets (an option's value)
  return null;
}

const HOST_REFUSED = '421 主机名不被允许：请用 http://127.0.0.1 或 http://localhost 访问，或以 --allow-host 允许这个主机名。(Misdirected Request: host name not allowed)';
const TIMED_OUT = '查询超时，请缩小检索范围后重试。';

/** The budget ran out: the request's database work is stopped. */
class OverBudget extends Error {
  constructor(ms: number) {
    super(`over the time budget of ${ms} ms`);
    this.name = 'AbortError';
  }
}

export function createApp(db: Store, o: ServeOptions = {}): Hono {
  const hosts = new Set(['localhost', '127.0.0.1', '[::1]', ...(o.hosts ?? []).map((h) => hostName(h)).filter((h): h is string => !!h)]);
  const budget = o.timeoutMs ?? 10_000;
  const pages = createPages(db, o.pageChars ?? PAGE_CHARS);
  const app = new Hono();

  // first and last: the security headers, on whatever comes out (refusals, 404, errors, 503)
  app.use('*', async (c, next) => {
    await next();
    c.res = secured(c.res);
  });
  // only its own host names (DNS rebinding): the Host header as it came over the connection
  // (Hono's URL takes a default when there is none); in-process requests (app.request) by their URL
  app.use('*', async (c, next) => {
    const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
    const host = incoming ? incoming.headers.host : c.req.header('host') ?? new URL(c.req.url).host;
    const name = host ? hostName(host) : null;
    if (!name || !hosts.has(name)) return c.text(HOST_REFUSED, 421);
    await next();
  });
  // read-only: GET and HEAD, nothing else
  app.use('*', async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return c.text('405 只读：只接受 GET (read-only)', 405, { Allow: 'GET, HEAD' });
    await next();
  });
  // the pages, within the time budget: past it the request is answered 503 and its database work
  // (the SQLite pool's queries) stopped; a client that goes away stops it too. The pages run as an
  // app of their own, so that what they do after the budget touches nothing of the answer.
  app.all('*', async (c) => {
    const stop = new AbortController();
    const timer = setTimeout(() => stop.abort(new OverBudget(budget)), budget);
    const client = c.req.raw.signal;
    const gone = () => stop.abort(named('AbortError', 'the client went away'));
    client?.addEventListener('abort', gone, { once: true });
    try {
      const over = new Promise<null>((resolve) => stop.signal.addEventListener('abort', () => resolve(null), { once: true }));
      const work = workScope.run(stop.signal, async () => pages.fetch(c.req.raw, c.env));
      const res = await Promise.race([work, over]);
      if (res) return res;
      work.catch(() => {}); // stopped: it fails, unheard
      return c.html(layout('查询超时', h`<h1>查询超时</h1><p>${TIMED_OUT}</p><p class="muted">每个请求最多处理 ${Math.round(budget / 100) / 10} 秒。<a href="/">回到概览</a></p>`), 503, { 'Retry-After': '10' });
    } finally {
      clearTimeout(timer);
      client?.removeEventListener('abort', gone);
    }
  });
  app.onError((e, c) => {
    process.stderr.write(`zhenggai serve: ${c.req.method} ${c.req.path}: ${e.stack ?? e}\n`);
    return c.html(layout('出错了', h`<h1>出错了</h1><p class="muted">服务器处理这个请求时出错。</p>`), 500);
  });
  return app;
}

const named = (name: string, message: string) => Object.assign(new Error(message), { name });

/**
 * Serve the app on Node's http server. What Hono never sees (a request line or Host header Node
 * cannot take: 400 or 421) is answered here, with the same security headers.
 */
export function listen(app: Hono, o: { port: number; hostname: string }, onListening?: (info: AddressInfo) => void): Server {
  const server = createServer(getRequestListener(app.fetch, {
    // the URL's host when the request has none: the app refuses it all the same (it reads the header)
    hostname: 'localhost',
    errorHandler: (e) => {
      const host = e instanceof Error && /host/i.test(e.message);
      return secured(new Response(host ? HOST_REFUSED : '400 请求无效 (bad request)', { status: host ? 421 : 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } }));
    },
  }));
  server.listen(o.port, o.hostname, () => onListening?.(server.address() as AddressInfo));
  return server;
}
