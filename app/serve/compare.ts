// Comparison (/compare): units, regions, levels, years or themes side by side, each number linked
// to the problems behind it, and the whole table as CSV or JSON.
import type { Context } from 'hono';
import type { Store } from '../../store/store.js';
import { compare, COMPARE_KEYS, type CompareKey, type Row } from '../../store/queries.js';
import { compareByLabel, yuan, LEVEL_LABEL } from '../labels.js';
import { formatRows } from '../format.js';
import { h, safe } from '../html.js';
import { layout, num, pct, qs, unitLink, intParam } from './layout.js';

/** rows of a compare table shown on the page (all of them in the CSV/JSON download) */
const MAX_ROWS = 500;

export async function showCompare(db: Store, c: Context): Promise<Response> {
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
}
