// Problem search (/search): words and filters, counts beside each choice, pages of results sorted
// by a column, and every problem that matches as CSV or Excel.
import type { Context } from 'hono';
import type { Store } from '../../store/store.js';
import { findProblems, problemFacets, problemSnippet, PROBLEM_SORTS, type FoundProblem, type ProblemSort, type Row } from '../../store/queries.js';
import { STATUS_LABEL, LEVEL_LABEL } from '../labels.js';
import { formatRows } from '../format.js';
import { h, safe } from '../html.js';
import { layout, marked, num, qs, statusLabel, unitLink, intParam, MARK } from './layout.js';

/** problems a page */
const PAGE = 20;
/** problems in a search download (CSV, Excel): all that match, up to this many */
const MAX_DOWNLOAD = 100_000;
/** a search download's columns and their Chinese headers */
const DOWNLOAD_COLUMNS: Array<[keyof FoundProblem, string]> = [['unit', '单位'], ['year', '年份'], ['number', '序号'], ['problem', '问题'], ['status', '状态'], ['themes', '主题'], ['measures', '整改措施'], ['outcome', '整改结果'], ['title', '通报'], ['path', '文件']];

export async function showSearch(db: Store, c: Context): Promise<Response> {
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
  if (format) return error ? c.text(error, 400) : download(c, found.rows, format);
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
}

/** Every problem that matches, in the page's order, with the full texts and Chinese headers: a CSV file or an Excel workbook. */
async function download(c: Context, found: FoundProblem[], format: 'csv' | 'xlsx'): Promise<Response> {
  const rows = found.map((r) => Object.fromEntries(DOWNLOAD_COLUMNS.map(([k, label]) => [label, k === 'status' ? statusLabel(r.status) : (r[k] as unknown)])) as Row);
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
