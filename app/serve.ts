// `zhenggai serve`: a read-only web app over a dataset for inspection staff. Server-rendered
// pages in Chinese (Hono on Node's http server), no CDN and no network: the stylesheet, the one
// small script and the charts (inline SVG) are served by the app. GET and HEAD only; the dataset
// is opened read-only; every value from the dataset is escaped (app/html.ts); every query is
// parameterized. It answers only to its own host names (a page elsewhere whose name is made to
// point at 127.0.0.1, DNS rebinding, gets 421), sets its security headers on every response,
// gives each request a time budget, and reads a SQLite dataset off the event loop
// (store/sqlite-pool.ts), so that one slow search does not hold the others.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { totalLabel, warningLabel, warningMessage, compareByLabel, yuan, STATUS_LABEL, LEVEL_LABEL } from './labels.js';
import type { AddressInfo } from 'node:net';
import { Hono, type Context } from 'hono';
import { getRequestListener } from '@hono/node-server';
import type { Store } from '../store/store.js';
import { workScope } from '../store/sqlite-pool.js';
import { bulletinPage, PAGE_CHARS, type BulletinPage, type PageOptions } from '../store/bulletin-page.js';
import { compare, overviewCounts, findProblems, problemFacets, problemSnippet, COMPARE_KEYS, completionRate, PROBLEM_SORTS, type CompareKey, type FoundProblem, type ProblemSort, type Row } from '../store/queries.js';
import { formatRows } from './format.js';
import { svg } from './report.js';
import { h, safe, type Safe } from './html.js';
import { markedHtml } from '../store/marks.js';

const PAGE = 20;
/** rows of a compare table shown on the page (all of them in the CSV/JSON download) */
const MAX_ROWS = 500;
/** problems in a search download (CSV, Excel): all that match, up to this many */
const MAX_DOWNLOAD = 100_000;
/** a search download's columns and their Chinese headers */
const DOWNLOAD_COLUMNS: Array<[keyof FoundProblem, string]> = [['unit', '单位'], ['year', '年份'], ['number', '序号'], ['problem', '问题'], ['status', '状态'], ['themes', '主题'], ['measures', '整改措施'], ['outcome', '整改结果'], ['title', '通报'], ['path', '文件']];
const MARK: [string, string] = ['\ue000', '\ue001']; // snippet marks, turned into <mark> after escaping

const CSS = `
body{font-family:"Noto Sans CJK SC","WenQuanYi Micro Hei","Microsoft YaHei","PingFang SC",sans-serif;margin:0;color:#1a1a1a;line-height:1.6;background:#fafafa}
header{background:#8b1a1a;color:#fff;padding:10px 24px;display:flex;gap:24px;align-items:center;flex-wrap:wrap}
header a{color:#fff;text-decoration:none;font-weight:600} header form{margin-left:auto}
header input{padding:4px 8px;border:0;border-radius:4px;width:220px}
main{max-width:1180px;margin:0 auto;padding:16px 24px}
h1{font-size:22px;margin:8px 0} h2{font-size:17px;margin:24px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}
table{border-collapse:collapse;font-size:13px;background:#fff;width:100%;margin:6px 0} th,td{border:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f1f1f1} td.n{text-align:right;font-variant-numeric:tabular-nums}
.kpis{display:flex;gap:12px;flex-wrap:wrap} .kpi{background:#fff;border:1px solid #e3e3e3;border-radius:8px;padding:8px 16px;min-width:110px} .kpi b{display:block;font-size:22px}
.muted{color:#666;font-size:13px} mark{background:#ffe08a;padding:0 1px}
form.filters{display:flex;gap:8px;flex-wrap:wrap;align-items:end;background:#fff;border:1px solid #e3e3e3;padding:10px;border-radius:8px}
form.filters label{display:flex;flex-direction:column;font-size:12px;color:#555} form.filters input,form.filters select{padding:4px;font-size:14px}
.result{background:#fff;border:1px solid #e3e3e3;border-radius:8px;padding:8px 12px;margin:8px 0}
.pager{display:flex;gap:16px;margin:12px 0}
.doc{display:grid;grid-template-columns:minmax(0,1fr) 380px;gap:20px}
.text{white-space:pre-wrap;background:#fff;border:1px solid #e3e3e3;padding:16px;border-radius:8px;font-size:15px;line-height:1.9}
.side{position:sticky;top:8px;align-self:start;max-height:96vh;overflow:auto;font-size:13px}
.side .box{background:#fff;border:1px solid #e3e3e3;border-radius:8px;padding:8px 12px;margin-bottom:10px}
#picked{min-height:3em}
.mk{border-radius:2px;cursor:pointer}
.mk-problem{background:rgba(255,235,160,.45);border-bottom:2px solid #e0b400}
.mk-measure{background:rgba(160,220,255,.45)} .mk-status{background:#b9f0c0;font-weight:600}
.mk-quantity{background:#ffc6c6;outline:1px solid #e06060} .mk-field{background:#e3d7ff} .mk-total{background:#ffd9a8;outline:1px solid #e08a00}
.mk-category{font-weight:700;background:rgba(200,200,200,.35)} .mk.on{outline:2px solid #1f5fa8}
.legend span{display:inline-block;margin:2px 6px 2px 0;padding:0 6px}
.warn{color:#8a4b00} .chart svg{max-width:100%;height:auto}
`;

const JS = `document.addEventListener('click',function(e){var m=e.target.closest&&e.target.closest('.mk');if(!m)return;
document.querySelectorAll('.mk.on').forEach(function(x){x.classList.remove('on')});m.classList.add('on');
var p=document.getElementById('picked');if(!p)return;p.textContent='';
[['类型',m.dataset.kind],['字段 field',m.dataset.field],['规则 rule',m.dataset.rule],['原文',m.textContent]].forEach(function(r){
var d=document.createElement('div');var b=document.createElement('b');b.textContent=r[0]+'：';d.appendChild(b);d.appendChild(document.createTextNode(r[1]||''));p.appendChild(d);});});`;

function layout(title: string, body: Safe, q = ''): string {
  return `<!DOCTYPE html>${h`<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · zhenggai 整改</title><link rel="stylesheet" href="/app.css"><script src="/app.js" defer></script></head><body>
<header><a href="/">整改通报数据集</a><a href="/search">问题检索</a><a href="/compare">单位比较</a>
<form action="/search" method="get"><input name="q" value="${q}" placeholder="检索问题，如 党费 违规报销" aria-label="检索"></form></header>
<main>${body}</main></body></html>`}`;
}

const pct = (v: unknown) => (v == null ? '—' : `${Math.round(Number(v) * 1000) / 10}%`);
const num = (v: unknown) => (v == null ? '—' : Number(v).toLocaleString('zh-CN'));
const statusLabel = (s: unknown) => STATUS_LABEL[String(s)] ?? String(s ?? '');
const marked = (s: string) => safe(h`${s}`.html.replace(/\ue000/g, '<mark>').replace(/\ue001/g, '</mark>'));
const qs = (o: Record<string, unknown>) => new URLSearchParams(Object.entries(o).filter(([, v]) => v != null && v !== '').map(([k, v]) => [k, String(v)] as [string, string])).toString();
const unitLink = (unit: unknown) => (unit == null ? h`<span class="muted">（未识别单位）</span>` : h`<a href="/unit/${encodeURIComponent(String(unit))}">${unit}</a>`);
const intParam = (v: string | undefined) => (v && /^\d{1,9}$/.test(v) ? Number(v) : undefined);

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

/** The pages themselves (createApp puts the host check, the headers and the budget around them). */
function createPages(db: Store, pageChars: number): Hono {
  const app = new Hono();
  const page = (id: number, p: PageOptions): Promise<BulletinPage | undefined> => {
    const q = { ...p, size: pageChars };
    const pool = db as Store & { bulletinPage?: (id: number, o: PageOptions) => Promise<BulletinPage | undefined> };
    return pool.bulletinPage ? pool.bulletinPage(id, q) : bulletinPage(db, id, q);
  };

  app.get('/app.css', (c) => c.body(CSS, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'max-age=3600' }));
  app.get('/app.js', (c) => c.body(JS, 200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'max-age=3600' }));
  app.get('/favicon.ico', (c) => c.body(null, 204));

  app.get('/', async (c) => {
    const byYear = await compare(db, { by: ['year'] });
    const totals = byYear.reduce((t: { b: number; p: number; c: number }, r) => ({ b: t.b + Number(r.bulletins), p: t.p + Number(r.problems), c: t.c + Number(r.completed) }), { b: 0, p: 0, c: 0 });
    // the same counts as the report's (store/queries.ts overviewCounts)
    const { units, toCheck: mismatchCount } = await overviewCounts(db);
    const years = byYear.map((r) => r.year).filter((y) => y != null) as number[];
    const mismatched = await db.all(`SELECT b.id, COALESCE(u.name, b.unit_name, b.issuer) AS unit, b.year, b.title, w.message
      FROM warnings w JOIN publications b ON b.id = w.bulletin_id LEFT JOIN units u ON u.id = b.unit_id
      WHERE w.code IN ('declared_total_mismatch', 'no_problems_found') ORDER BY b.id DESC LIMIT 50`);
    const chartRows = byYear.filter((r) => r.year != null);
    const chart = chartRows.length ? svg({
      grid: { left: 50, right: 20, top: 20, bottom: 30 },
      xAxis: { type: 'category', data: chartRows.map((r) => String(r.year)) },
      yAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } },
      series: [{ type: 'bar', data: chartRows.map((r) => r.completion_rate as number), label: { show: true, position: 'top', formatter: (p) => `${Math.round(Number(p.value) * 100)}%` } }],
    }, 760, 260) : '';
    return c.html(layout('概览', h`<h1>整改通报数据集概览</h1>
<div class="kpis"><div class="kpi"><b>${num(totals.b)}</b>份通报</div><div class="kpi"><b>${num(units)}</b>个单位</div>
<div class="kpi"><b>${years.length ? `${years[0]}–${years[years.length - 1]}` : '—'}</b>年份</div><div class="kpi"><b>${num(totals.p)}</b>个问题</div>
<div class="kpi"><b>${pct(completionRate(totals.p, totals.c))}</b>已完成整改</div><div class="kpi"><b>${num(mismatchCount)}</b>份总数不符</div></div>
<h2>各年度整改完成率</h2><div class="chart">${safe(chart)}</div>
<table><thead><tr><th>年份</th><th>通报</th><th>问题</th><th>已完成</th><th>完成率</th></tr></thead><tbody>${byYear.map((r) => h`<tr><td>${r.year ?? '（未知）'}</td>
<td class="n">${num(r.bulletins)}</td><td class="n"><a href="/search?${qs({ year: r.year })}">${num(r.problems)}</a></td><td class="n"><a href="/search?${qs({ year: r.year, status: 'completed' })}">${num(r.completed)}</a></td><td class="n">${pct(r.completion_rate)}</td></tr>`)}</tbody></table>
<h2>先核对：申报总数与列出问题不符、或未读出问题的通报</h2>
<p class="muted">通报自报的问题数、整改数与正文列出的不一致，或正文中未读出问题清单，共 ${num(mismatchCount)} 份${mismatchCount > mismatched.length ? `（列出最近 ${mismatched.length} 条）` : ''}。</p>
${mismatched.length ? h`<table><thead><tr><th>单位</th><th>年份</th><th>不符之处</th><th>通报</th></tr></thead><tbody>${mismatched.map((r) => h`<tr><td>${unitLink(r.unit)}</td><td>${r.year}</td><td>${warningMessage(String(r.message))}</td><td><a href="/bulletin/${r.id}">${r.title ?? `#${r.id}`}</a></td></tr>`)}</tbody></table>` : h`<p class="muted">没有。</p>`}`));
  });

  app.get('/search', async (c) => {
    const p = c.req.query();
    const q = (p.q ?? '').slice(0, 200);
    const page = Math.max(1, intParam(p.page) ?? 1);
    const sort: ProblemSort = (PROBLEM_SORTS as readonly string[]).includes(p.sort ?? '') && p.sort !== 'new' ? (p.sort as ProblemSort) : 'year';
    const filters = { unit: p.unit || undefined, region: p.region || undefined, level: p.level || undefined, year: intParam(p.year), from: intParam(p.from), to: intParam(p.to), status: p.status || undefined, theme: p.theme || undefined };
    const any = q || Object.values(filters).some((v) => v != null);
    const format = p.format === 'csv' || p.format === 'xlsx' ? p.format : undefined;
    let found: Awaited<ReturnType<typeof findProblems>> = { rows: [], words: [], total: 0 };
    let error = '';
    try {
      if (any) found = await findProblems(db, q, format ? { ...filters, sort, limit: MAX_DOWNLOAD } : { ...filters, sort, limit: PAGE, offset: (page - 1) * PAGE, count: true });
    } catch (e) {
      if ((e as Error).name !== 'UsageError') throw e;
      error = (e as Error).message;
    }
    if (format) {
      if (error) return c.text(error, 400);
      // every problem that matches, in the page's order, with the full texts and Chinese headers
      const rows = found.rows.map((r) => Object.fromEntries(DOWNLOAD_COLUMNS.map(([k, label]) => [label, k === 'status' ? statusLabel(r.status) : (r[k] as unknown)])) as Row);
      const headers = DOWNLOAD_COLUMNS.map(([, label]) => label);
      if (format === 'csv') return c.body(formatRows(rows, 'csv', headers, { bom: true }), 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="search.csv"' });
      const { default: ExcelJS } = await import('exceljs');
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('检索结果', { views: [{ state: 'frozen', ySplit: 1 }] });
      ws.columns = DOWNLOAD_COLUMNS.map(([k, label]) => ({ header: label, key: label, width: k === 'problem' || k === 'measures' || k === 'outcome' ? 60 : k === 'unit' || k === 'title' || k === 'path' ? 30 : 10 }));
      // text cells as text (a leading = is never a formula: exceljs writes a string as a string)
      for (const r of rows) ws.addRow(r);
      const buf = Buffer.from(await wb.xlsx.writeBuffer());
      return c.body(buf, 200, { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'Content-Disposition': 'attachment; filename="search.xlsx"' });
    }
    const { rows, words } = found;
    const total = found.total ?? 0;
    // counts beside the status and year choices (each without its own filter)
    const facets = any && !error ? await problemFacets(db, q, filters) : undefined;
    const counted = (label: string, n: number | undefined) => (facets ? `${label}（${num(n ?? 0)}）` : label);
    // one word that is part of a unit's name or alias (科协): offer those units' problems too
    const asUnit = !error && q.trim() && !filters.unit && !/\s/.test(q.trim())
      ? ((await findProblems(db, '', { unit: q.trim(), limit: 1, count: true })).total ?? 0) : 0;
    const unitHint = asUnit ? h`<p>“${q.trim()}”是单位名称或简称的一部分：<a href="/search?${qs({ unit: q.trim() })}">查看这些单位的全部问题（${num(asUnit)} 个）→</a></p>` : '';
    const pages = Math.max(1, Math.ceil(total / PAGE));
    const themes = await db.all<{ theme: string; label: string }>('SELECT theme, label FROM themes ORDER BY label');
    const years = (await db.all<{ year: number }>('SELECT DISTINCT year FROM bulletins WHERE year IS NOT NULL ORDER BY year DESC')).map((r) => r.year);
    const option = (value: string, label: string, current?: string | number) => h`<option value="${value}"${String(current ?? '') === value ? safe(' selected') : ''}>${label}</option>`;
    const link = (o: { page?: number; sort?: ProblemSort; format?: string }) => `/search?${qs({ q, ...filters, sort: (o.sort ?? sort) === 'year' ? undefined : o.sort ?? sort, page: o.page && o.page > 1 ? o.page : undefined, format: o.format })}`;
    const sortHead = (key: ProblemSort, label: string) => (sort === key ? h`<th aria-sort="${key === 'year' ? 'descending' : 'ascending'}">${label} ${key === 'year' ? '↓' : '↑'}</th>` : h`<th><a href="${link({ sort: key })}" title="按${label}排序">${label}</a></th>`);
    const SORT_LABEL: Record<string, string> = { year: '年份（新的在前），再按单位、序号', unit: '单位，再按年份（新的在前）、序号', status: '状态，再按年份（新的在前）、单位、序号' };
    return c.html(layout(q ? `检索：${q}` : '问题检索', h`<h1>问题检索</h1>
<form class="filters" action="/search" method="get">
<label>关键词<input name="q" value="${q}" placeholder="党费 收缴；OR 或；-词 排除"></label>
<label>单位<input name="unit" value="${filters.unit ?? ''}" placeholder="全称、简称或其中一部分"></label>
<label>地区<input name="region" value="${filters.region ?? ''}"></label>
<label>层级<select name="level">${option('', '全部')}${Object.entries(LEVEL_LABEL).map(([v, l]) => option(v, l, filters.level))}</select></label>
<label>年份<select name="year">${option('', '全部')}${years.map((y) => option(String(y), counted(String(y), facets?.year.get(y)), filters.year))}</select></label>
<label>从<input name="from" size="5" inputmode="numeric" value="${filters.from ?? ''}" placeholder="年"></label>
<label>到<input name="to" size="5" inputmode="numeric" value="${filters.to ?? ''}" placeholder="年"></label>
<label>状态<select name="status">${option('', '全部')}${Object.entries(STATUS_LABEL).map(([v, l]) => option(v, counted(l, facets?.status.get(v)), filters.status))}</select></label>
<label>主题<select name="theme">${option('', '全部')}${themes.map((t) => option(t.theme, t.label, filters.theme))}</select></label>
${sort !== 'year' ? h`<input type="hidden" name="sort" value="${sort}">` : ''}<button type="submit">检索</button></form>
<p class="muted">多个词用空格或 AND 连接（都要有）；OR 或 | 连接的任一即可；-词 或 NOT 词 排除含有它的问题；“引号”内为短语；繁体字按简体查。</p>
${error ? h`<p class="warn" role="alert">${error}</p>` : !any ? h`<p class="muted">输入关键词或选择条件。</p>` : total === 0 ? h`<p>共 0 个问题：没有找到符合条件的问题。</p>${unitHint}` : h`<p><b>共 ${num(total)} 个问题</b> · 第 ${page} / ${pages} 页 · 按${SORT_LABEL[sort]}排列 · 下载全部 <a href="${link({ format: 'csv' })}">CSV</a> · <a href="${link({ format: 'xlsx' })}">Excel</a></p>${unitHint}
<table class="results"><thead><tr>${sortHead('unit', '单位')}${sortHead('year', '年份')}<th>序号</th><th>问题</th>${sortHead('status', '状态')}<th>主题</th></tr></thead><tbody>
${rows.map((r) => h`<tr><td>${unitLink(r.unit)}</td><td>${r.year ?? '—'}</td><td class="n"><a href="/bulletin/${r.bulletin_id}?issue=${r.id}#issue-${r.id}" title="查看原文">${r.number}</a></td><td>${marked(problemSnippet(r, words, MARK))}</td><td>${statusLabel(r.status)}</td><td>${r.themes ?? ''}</td></tr>`)}</tbody></table>`}
<div class="pager">${page > 1 && !error ? h`<a href="${link({ page: page - 1 })}">← 上一页</a>` : ''}${page < pages && !error ? h`<a href="${link({ page: page + 1 })}">下一页 →</a>` : ''}</div>`, q), error ? 400 : 200);
  });

  app.get('/unit/:name', async (c) => {
    const name = c.req.param('name');
    const unit = (await db.get<{ id: number; name: string; region: string | null; level: string | null }>('SELECT id, name, region, level FROM units WHERE name = ?', [name]))
      ?? (await db.get<{ id: number; name: string; region: string | null; level: string | null }>('SELECT u.id, u.name, u.region, u.level FROM units u JOIN unit_aliases a ON a.unit_id = u.id WHERE a.alias = ? ORDER BY u.id', [name]));
    const bulletins = await db.all<Row & { id: number; themes: string | null }>(`SELECT b.id, b.year, b.title, b.team, b.round, b.feedback_date, s.problems, s.completed, s.declared_problems, s.mismatches, s.themes
      FROM publications b LEFT JOIN bulletin_stats s ON s.bulletin_id = b.id WHERE ${unit ? 'b.unit_id = ?' : 'b.unit_id IS NULL AND b.unit_name = ?'} ORDER BY b.year, b.id`, [unit ? unit.id : name]);
    if (!unit && !bulletins.length) return c.html(layout('未找到单位', h`<h1>没有名为“${name}”的单位</h1><p><a href="/compare">查看所有单位</a></p>`), 404);
    const aliases = unit ? (await db.all<{ alias: string }>('SELECT alias FROM unit_aliases WHERE unit_id = ? ORDER BY alias', [unit.id])).map((r) => r.alias) : [];
    // problems by theme, bulletin by bulletin (the figures kept at ingest)
    const themeRows = new Map<string, Map<number, number>>();
    for (const b of bulletins) for (const [label, n] of JSON.parse(b.themes ?? '[]') as Array<[string | null, number]>) {
      const l = label ?? '（无主题）';
      const m = themeRows.get(l) ?? new Map<number, number>();
      m.set(b.id, (m.get(b.id) ?? 0) + n);
      themeRows.set(l, m);
    }
    // recurring problems: similar problem texts in different bulletins of this unit
    const problems = bulletins.length ? await db.all<{ id: number; bulletin_id: number; number: number; problem: string; status: string }>(
      `SELECT i.id, i.bulletin_id, i.number, i.problem, i.status FROM issues i WHERE i.bulletin_id IN (${bulletins.map(() => '?').join(', ')}) ORDER BY i.bulletin_id, i.number LIMIT 600`, bulletins.map((b) => b.id)) : [];
    const recurring = recurringProblems(problems);
    const yearOf = new Map(bulletins.map((b) => [b.id, b.year]));
    const title = unit?.name ?? name;
    return c.html(layout(title, h`<h1>${title}</h1>
<p class="muted">${unit?.region ?? ''} ${LEVEL_LABEL[unit?.level ?? ''] ?? ''}${aliases.length ? h` · 又称：${aliases.join('、')}` : ''}</p>
<p><a href="/search?${qs({ unit: title })}">本单位全部问题（${num(bulletins.reduce((n, b) => n + Number(b.problems ?? 0), 0))} 个）→</a></p>
<h2>历次通报</h2>
<table><thead><tr><th>年份</th><th>通报</th><th>问题</th><th>已完成</th><th>完成率</th><th>申报问题数</th><th>总数不符</th></tr></thead><tbody>
${bulletins.map((b) => h`<tr><td>${b.year ?? '—'}</td><td><a href="/bulletin/${b.id}">${b.title ?? `#${b.id}`}</a><div class="muted">${b.team ?? ''} ${b.round ?? ''}</div></td>
<td class="n">${num(b.problems)}</td><td class="n">${num(b.completed)}</td><td class="n">${pct(completionRate(Number(b.problems), Number(b.completed)))}</td><td class="n">${num(b.declared_problems)}</td><td class="n">${b.mismatches ? h`<span class="warn">${b.mismatches}</span>` : '0'}</td></tr>`)}</tbody></table>
<h2>问题主题</h2>
<table><thead><tr><th>主题</th>${bulletins.map((b) => h`<th>${b.year ?? '—'}</th>`)}</tr></thead><tbody>
${[...themeRows].sort((a, b) => [...b[1].values()].reduce((s, x) => s + x, 0) - [...a[1].values()].reduce((s, x) => s + x, 0)).map(([label, m]) => h`<tr><td>${label}</td>${bulletins.map((b) => h`<td class="n">${m.get(b.id) ?? ''}</td>`)}</tr>`)}</tbody></table>
<h2>反复出现的问题</h2>
${recurring.length ? h`<p class="muted">不同轮次通报中表述相近的问题（按词语重合度）。</p><table><thead><tr><th>问题</th><th>出现</th></tr></thead><tbody>
${recurring.map((g) => h`<tr><td>${g[0]!.problem}</td><td>${g.map((p) => h`<div><a href="/bulletin/${p.bulletin_id}?issue=${p.id}#issue-${p.id}">${yearOf.get(p.bulletin_id) ?? '—'} 第 ${p.number} 个</a> · ${statusLabel(p.status)}</div>`)}</td></tr>`)}</tbody></table>` : h`<p class="muted">没有发现跨轮次重复的问题。</p>`}`));
  });

  app.get('/bulletin/:id', async (c) => {
    const id = intParam(c.req.param('id'));
    const part = id === undefined ? undefined : await page(id, { page: intParam(c.req.query('page')), issue: intParam(c.req.query('issue')) });
    if (!part) return c.html(layout('未找到通报', h`<h1>没有这份通报</h1>`), 404);
    const text = markedHtml(part.text, part.marks);
    const b = part.bulletin;
    const fields: Array<[string, unknown]> = [['标题', b.title], ['单位', part.unit ?? b.unit], ['地区', b.region], ['层级', LEVEL_LABEL[b.level ?? ''] ?? b.level], ['巡视/巡察', b.inspection_kind], ['巡视组', b.team], ['轮次', b.round],
      ['进驻', [b.inspection_start, b.inspection_end].filter(Boolean).join(' 至 ')], ['反馈', b.feedback_date], ['截至', b.as_of_date], ['发布', b.published_date], ['文件', part.path]];
    const paged = part.pages > 1;
    const pageLink = (n: number, label: string | Safe = String(n)) => (n === part.page ? h`<b>${label}</b>` : h`<a href="/bulletin/${part.id}?page=${n}">${label}</a>`);
    const near = [...new Set([1, ...Array.from({ length: 11 }, (_, k) => part.page - 5 + k), part.pages])].filter((n) => n >= 1 && n <= part.pages).sort((x, y) => x - y);
    const pager = paged ? h`<nav class="pager" aria-label="分页"><span>第 ${part.page} / ${part.pages} 页（第 ${num(part.start + 1)}–${num(part.end)} 字，共 ${num(part.length)} 字）</span>
${part.page > 1 ? pageLink(part.page - 1, '← 上一页') : ''}${near.map((n, k) => h`${k > 0 && n - near[k - 1]! > 1 ? '…' : ''}${pageLink(n)}`)}${part.page < part.pages ? pageLink(part.page + 1, '下一页 →') : ''}</nav>` : '';
    const title = b.title ?? `通报 #${part.id}`;
    return c.html(layout(paged ? `${title}（第 ${part.page} 页）` : title, h`<h1>${title}</h1>
<p class="legend muted">${(['problem', 'measure', 'status', 'quantity', 'field', 'total', 'category'] as const).map((k) => h`<span class="mk mk-${k}">${({ problem: '问题', measure: '整改措施', status: '整改状态', quantity: '数量/金额', field: '基本信息', total: '申报总数', category: '问题类别' })[k]}</span>`)} 悬停或点击看字段与规则</p>
${paged ? h`<p class="muted">正文较长，分页显示，每页约 ${num(pageChars)} 字；标注只列出本页的。</p>${pager}` : ''}
<div class="doc"><div class="text" id="text">${safe(text)}</div>
<aside class="side"><div class="box"><b>选中的标注</b><div id="picked" class="muted">点击正文中的标注</div></div>
<div class="box"><b>基本信息</b><table>${fields.filter(([, v]) => v != null && v !== '').map(([k, v]) => h`<tr><th>${k}</th><td>${v}</td></tr>`)}</table></div>
<div class="box"><b>申报总数</b><table>${Object.entries(part.summary).map(([k, v]) => h`<tr><th>${totalLabel(k)}</th><td class="n">${k === 'completion_rate' ? pct(v) : k.startsWith('money') ? yuan(v) : num(v)}</td></tr>`)}</table></div>
<div class="box"><b>问题（${part.issueCount}${paged ? `，本页 ${part.issues.length}` : ''}）</b><table>${part.issues.map((i) => h`<tr><td><a href="#issue-${i.id ?? ''}">${i.number}</a></td><td>${i.problem}<div class="muted">${statusLabel(i.status)} · 措施 ${i.measures} 条${i.themes.length ? ` · ${i.themes.join('、')}` : ''}</div></td></tr>`)}</table></div>
<div class="box"><b>提示（${part.warningCount}${paged ? `，本页 ${part.warnings.length}` : ''}）</b>${part.warnings.length ? part.warnings.map((w) => h`<div class="warn"><b>${warningLabel(w.code)}</b>：${warningMessage(w.message)}${w.sentence ? h`<div class="muted">“${w.sentence}”</div>` : ''}</div>`) : h`<div class="muted">没有。</div>`}</div>
</aside></div>${pager}`));
  });

  app.get('/compare', async (c) => {
    const p = c.req.query();
    const by = (p.by ?? 'unit').split(',').map((k) => k.trim()).filter((k): k is CompareKey => (COMPARE_KEYS as readonly string[]).includes(k));
    const o = { by: by.length ? by : (['unit'] as CompareKey[]), unit: p.unit || undefined, region: p.region || undefined, level: p.level || undefined, from: intParam(p.from), to: intParam(p.to) };
    const rows = await compare(db, o);
    if (p.format === 'csv') return c.body(formatRows(rows, 'csv', undefined, { bom: true }), 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="compare.csv"' });
    if (p.format === 'json') return c.json(rows);
    const cols: Array<[string, string]> = [['bulletins', '通报'], ['problems', '问题'], ['completed', '已完成'], ['not_completed', '未完成'], ['completion_rate', '完成率'], ['declared_problems', '申报问题数'], ['declared_vs_found', '申报−列出'], ['money', '收回金额（元）'], ['money_other', '其他金额（元）'], ['rules', '新建制度'], ['mismatches', '总数不符'], ['top_themes', '主要主题']];
    // a number links to the problems behind it (the search page with the row's keys as filters)
    const filtersOf = (r: Row) => ({ unit: o.by.includes('unit') ? r.unit : o.unit, region: o.by.includes('region') ? r.region : o.region, level: o.by.includes('level') ? r.level : o.level, year: o.by.includes('year') ? r.year : o.from === o.to ? o.from : undefined, theme: o.by.includes('theme') && r.theme !== '（无主题）' ? r.theme : undefined });
    const cell = (r: Row, k: string) => {
      const v = r[k];
      if (k === 'problems') return h`<a href="/search?${qs(filtersOf(r))}">${num(v)}</a>`;
      if (k === 'completed') return h`<a href="/search?${qs({ ...filtersOf(r), status: 'completed' })}">${num(v)}</a>`;
      if (k === 'completion_rate') return pct(v);
      if (k.startsWith('money')) return yuan(v);
      return typeof v === 'number' ? num(v) : v;
    };
    const here = qs({ by: o.by.join(','), unit: o.unit, region: o.region, level: o.level, from: o.from, to: o.to });
    return c.html(layout('单位比较', h`<h1>比较</h1>
<form class="filters" action="/compare" method="get">
<label>分组<select name="by">${['unit', 'unit,year', 'year', 'region', 'level', 'theme', 'year,theme'].map((v) => h`<option value="${v}"${o.by.join(',') === v ? safe(' selected') : ''}>${v.split(',').map(compareByLabel).join('、')}</option>`)}</select></label>
<label>单位<input name="unit" value="${o.unit ?? ''}"></label><label>地区<input name="region" value="${o.region ?? ''}"></label>
<label>层级<select name="level"><option value="">全部</option>${Object.entries(LEVEL_LABEL).map(([v, l]) => h`<option value="${v}"${o.level === v ? safe(' selected') : ''}>${l}</option>`)}</select></label>
<label>从<input name="from" value="${o.from ?? ''}" size="5"></label><label>到<input name="to" value="${o.to ?? ''}" size="5"></label><button type="submit">比较</button></form>
<p class="muted">${num(rows.length)} 行${rows.length > MAX_ROWS ? `，显示前 ${MAX_ROWS} 行` : ''} · 下载全部 <a href="/compare?${here}&format=csv">CSV</a> · <a href="/compare?${here}&format=json">JSON</a></p>
<table><thead><tr>${o.by.map((k) => h`<th>${compareByLabel(k)}</th>`)}${cols.map(([, l]) => h`<th>${l}</th>`)}</tr></thead><tbody>
${rows.slice(0, MAX_ROWS).map((r) => h`<tr>${o.by.map((k) => h`<td>${k === 'unit' ? unitLink(r.unit) : k === 'level' ? LEVEL_LABEL[String(r[k])] ?? r[k] ?? '—' : r[k] ?? '—'}</td>`)}${cols.map(([k]) => h`<td class="${typeof r[k] === 'number' ? 'n' : ''}">${cell(r, k)}</td>`)}</tr>`)}</tbody></table>`));
  });

  app.notFound((c) => c.html(layout('未找到', h`<h1>页面不存在</h1><p><a href="/">回到概览</a></p>`), 404));
  app.onError((e, c: Context) => {
    // work stopped by its budget or its client's leaving has been answered already
    if (e.name !== 'AbortError') process.stderr.write(`zhenggai serve: ${c.req.method} ${c.req.path}: ${e.stack ?? e}\n`);
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

/**
 * Groups of problems in different bulletins that say the same thing: their first clauses (a
 * problem's own heading, before the first ，。；) share at least 60% of the shorter one's
 * two-character pieces (三会一课制度落实不严格 / 三会一课制度执行不严格; 党费收缴不及时 / 党费收缴不规范).
 */
export function recurringProblems<T extends { bulletin_id: number; problem: string }>(problems: T[]): T[][] {
  const pieces = problems.map((p) => {
    const head = (p.problem.split(/[，。；;,]/)[0] ?? '').replace(/[\s“”‘’'"（）()、：:]/g, '');
    const set = new Set<string>();
    for (let i = 0; i + 2 <= head.length; i++) set.add(head.slice(i, i + 2));
    return set;
  });
  const parent = problems.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < problems.length; i++) {
    for (let j = i + 1; j < problems.length; j++) {
      if (problems[i]!.bulletin_id === problems[j]!.bulletin_id) continue;
      const a = pieces[i]!;
      const b = pieces[j]!;
      if (a.size < 4 || b.size < 4) continue;
      let shared = 0;
      for (const x of a) if (b.has(x)) shared++;
      if (shared / Math.min(a.size, b.size) >= 0.6) parent[find(i)] = find(j);
    }
  }
  const groups = new Map<number, T[]>();
  problems.forEach((p, i) => { const r = find(i); groups.set(r, [...(groups.get(r) ?? []), p]); });
  return [...groups.values()].filter((g) => new Set(g.map((p) => p.bulletin_id)).size > 1);
}
