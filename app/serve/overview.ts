// The home page (/): the dataset's figures, completion by year, and the bulletins to check first.
import type { Context } from 'hono';
import type { Store } from '../../store/store.js';
import { compare, overviewCounts, completionRate } from '../../store/queries.js';
import { warningMessage } from '../labels.js';
import { svg } from '../report.js';
import { h, safe } from '../html.js';
import { layout, num, pct, qs, unitLink } from './layout.js';

export async function showOverview(db: Store, c: Context): Promise<Response> {
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
}
