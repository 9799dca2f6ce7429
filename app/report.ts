// `zhenggai report --out report.html`: one self-contained HTML file (no network at view
// time, no script): charts rendered to inline SVG with Apache ECharts' server-side SVG
// renderer, each followed by the table of its numbers.
import * as echarts from 'echarts';
import type { Store } from '../store/store.js';
import { compare, completionRate, declaredVsFound, filterSql, overviewCounts, unitThemeCounts, CHECK_CODES, type BulletinFilter, type Row } from '../store/queries.js';
import { yuan, warningLabel, warningMessage, LEVEL_LABEL } from './labels.js';

const esc = (s: unknown) => String(s ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
const FONT = '"Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", sans-serif';

export function svg(option: echarts.EChartsOption, width = 900, height = 420): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption({ animation: false, textStyle: { fontFamily: FONT }, ...option });
  const out = chart.renderToSVGString();
  chart.dispose();
  return out;
}

/** A column of a table: its key, its heading, and how its values read (default: as they are). */
type Column = [string, string, ((v: unknown) => string)?];

function table(rows: Row[], cols: Column[]): string {
  if (!rows.length) return '<p class="empty">没有数据 (no rows)</p>';
  const cell = (v: unknown) => (typeof v === 'number' && !Number.isInteger(v) ? (Math.round(v * 1000) / 1000).toString() : String(v ?? ''));
  return `<table><thead><tr>${cols.map(([, h]) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${cols.map(([k, , f]) => `<td>${esc((f ?? cell)(r[k]))}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}
/** A share as a percentage (0.754 → 75.4%; none: —). */
const percent = (v: unknown) => (v == null || v === '' ? '—' : `${Math.round(Number(v) * 1000) / 10}%`);

/**
 * The lines' colours: 20 that are told apart, none of them grey (grey is the others' line), so
 * that the `--top` units (15) each have their own; past 20 the colours come round again with
 * another line style and marker, so that no two lines look the same.
 */
export const LINE_COLOURS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#bcbd22', '#17becf', '#1a1a6e',
  '#800000', '#000000', '#f5c200', '#00a087', '#a6cee3', '#fb9a99', '#b2df8a', '#cab2d6', '#6a3d9a', '#ff00ff'];
export const OTHERS_COLOUR = '#9e9e9e';
const LINE_TYPES = ['solid', 'dashed', 'dotted'] as const;
const SYMBOLS = ['circle', 'rect', 'triangle', 'diamond', 'roundRect', 'pin', 'arrow'];
/** The look of the i-th named unit's line: colour, line type and marker, each combination used once (up to 20 × 3 × 7 lines). */
export function lineLook(i: number): { color: string; type: (typeof LINE_TYPES)[number]; symbol: string } {
  const round = Math.floor(i / LINE_COLOURS.length);
  return { color: LINE_COLOURS[i % LINE_COLOURS.length]!, type: LINE_TYPES[round % LINE_TYPES.length]!, symbol: SYMBOLS[Math.floor(round / LINE_TYPES.length) % SYMBOLS.length]! };
}

function section(id: string, title: string, explain: string, chart: string, data: string): string {
  return `<section id="${id}"><h2>${esc(title)}</h2><p class="explain">${esc(explain)}</p><figure class="chart">${chart}</figure>
<details><summary>数据表 · the numbers behind the chart</summary>${data}</details></section>`;
}

/** Marks a file as a report of ours (report --out writes over such a file without --force). */
export const REPORT_MARK = '<meta name="generator" content="zhenggai report">';

export interface ReportOptions extends BulletinFilter {
  title?: string;
  /** units shown by name in each chart and table; the rest are summed in one row (其他 others) */
  top?: number;
}

/** The top-N rows by `key` (descending), the rest summed into one "others" row when there are any. */
function topWithOthers(rows: Row[], key: string, top: number, label: (n: number) => Row, sum: string[]): Row[] {
  const sorted = [...rows].sort((a, b) => Number(b[key]) - Number(a[key]));
  if (sorted.length <= top) return sorted;
  const rest = sorted.slice(top);
  const others: Row = { ...label(rest.length) };
  for (const k of sum) others[k] = rest.reduce((s, r) => s + (Number(r[k]) || 0), 0);
  return [...sorted.slice(0, top), others];
}
const othersName = (n: number) => `其他 ${n} 个单位 (others)`;

export async function buildReport(db: Store, opts: ReportOptions = {}): Promise<string> {
  const top = opts.top ?? 15;
  const filter: BulletinFilter = { unit: opts.unit, region: opts.region, level: opts.level, from: opts.from, to: opts.to };
  const u = await unitFigures(db, filter, top);
  const rate = rateChart(u);
  const themes = themeChart(u);
  const money = moneyChart(u.byUnit, top);
  const declared = await toCheck(db, filter, top);
  return reportHtml(opts, u, { rate, themes, money, declared });
}

/** What the report shows per unit: the top units by problems by name, the others summed in one row. */
interface UnitFigures {
  byUnit: Row[];
  topUnits: string[];
  isTop: Set<string>;
  /** how many units are summed as the others */
  otherUnits: number;
  years: number[];
  totals: { bulletins: number; problems: number; completed: number; mismatches: number; units: number };
  /** per unit and year, and per unit and theme: the top units, then one row of the others per year or theme */
  unitYearRows: Row[];
  unitThemeRows: Row[];
  /** the units the charts name: the top ones, then the others' row when there are any */
  chartUnits: string[];
}

async function unitFigures(db: Store, filter: BulletinFilter, top: number): Promise<UnitFigures> {
  const byUnitYear = await compare(db, { by: ['unit', 'year'], ...filter });
  const byUnit = await compare(db, { by: ['unit'], ...filter });
  const unitTheme = await unitThemeCounts(db, filter);
  const topUnits = [...byUnit].sort((a, b) => Number(b.problems) - Number(a.problems)).slice(0, top).map((r) => String(r.unit));
  const isTop = new Set(topUnits);
  const otherUnits = byUnit.length - topUnits.length;
  const years = [...new Set(byUnitYear.map((r) => r.year).filter((y) => y != null))].sort() as number[];
  // the figures at the top: over the bulletins the filter keeps
  // units and bulletins to check: counted as the web app's home page counts them (overviewCounts)
  const counts = await overviewCounts(db, filter);
  const totals = { bulletins: 0, problems: 0, completed: 0, mismatches: counts.toCheck, units: counts.units };
  for (const r of byUnit) {
    totals.bulletins += Number(r.bulletins);
    totals.problems += Number(r.problems);
    totals.completed += Number(r.completed);
  }
  const unitYearRows = rollup(byUnitYear, 'year', isTop, otherUnits);
  const unitThemeRows = rollup(unitTheme, 'theme', isTop, otherUnits);
  const chartUnits = otherUnits > 0 ? [...topUnits, othersName(otherUnits)] : topUnits;
  return { byUnit, topUnits, isTop, otherUnits, years, totals, unitYearRows, unitThemeRows, chartUnits };
}

/** The units past the top N, summed per year or per theme (`key`): one row each, 其他 N 个单位. */
function rollup(rows: Row[], key: string, isTop: Set<string>, otherUnits: number): Row[] {
  const kept = rows.filter((r) => isTop.has(String(r.unit)));
  const others = new Map<unknown, Row>();
  for (const r of rows) {
    if (isTop.has(String(r.unit))) continue;
    let o = others.get(r[key]);
    if (!o) others.set(r[key], (o = { unit: othersName(otherUnits), [key]: r[key], bulletins: 0, problems: 0, completed: 0, not_completed: 0, money: 0 }));
    for (const k of ['bulletins', 'problems', 'completed', 'not_completed', 'money']) o[k] = Number(o[k]) + (Number(r[k]) || 0);
  }
  for (const o of others.values()) o.completion_rate = completionRate(Number(o.problems), Number(o.completed));
  return [...kept, ...others.values()];
}

/** 1. completion rate per unit over the years: a line a unit, the others' dashed and grey */
function rateChart({ years, topUnits, chartUnits, unitYearRows }: UnitFigures): string {
  return svg({
    title: { text: '整改完成率 · completion rate by year', left: 'center', textStyle: { fontSize: 15 } },
    legend: { type: 'plain', bottom: 0, left: 10, right: 10, textStyle: { fontSize: 11 } },
    grid: { left: 60, right: 30, top: 50, bottom: 40 + Math.ceil(chartUnits.length / 4) * 22 },
    xAxis: { type: 'category', data: years.map(String), name: '年份' },
    yAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } },
    series: chartUnits.map((u, i) => {
      const look = i < topUnits.length ? lineLook(i) : { color: OTHERS_COLOUR, type: 'dashed' as const, symbol: 'emptyCircle' };
      return {
        name: u, type: 'line' as const, connectNulls: true, symbolSize: 8, symbol: look.symbol,
        itemStyle: { color: look.color }, lineStyle: { color: look.color, type: look.type, width: 2 },
        data: years.map((y) => (unitYearRows.find((r) => r.unit === u && r.year === y)?.completion_rate as number | null) ?? null),
      };
    }),
  }, 900, 380 + Math.ceil(chartUnits.length / 4) * 22);
}

/**
 * 2. problems by theme per unit (heat map): the top units and one row for the others; the themes
 * ordered by how many problems they have, each cell labelled
 */
function themeChart({ unitThemeRows, chartUnits, isTop }: UnitFigures): string {
  const themeTotals = new Map<string, number>();
  for (const r of unitThemeRows) themeTotals.set(String(r.theme), (themeTotals.get(String(r.theme)) ?? 0) + Number(r.problems));
  const themes = [...themeTotals].sort((a, b) => b[1] - a[1]).map(([t]) => t);
  const heat = unitThemeRows.filter((r) => chartUnits.includes(String(r.unit)));
  // the colour scale is set by the named units (the others' row, a sum, would wash them out)
  const maxHeat = Math.max(1, ...heat.filter((r) => isTop.has(String(r.unit))).map((r) => Number(r.problems)));
  return svg({
    title: { text: '问题主题分布 · problems by theme and unit', left: 'center', textStyle: { fontSize: 15 } },
    grid: { left: 210, right: 30, top: 50, bottom: 110 },
    xAxis: { type: 'category', data: themes, axisLabel: { rotate: 35, fontSize: 11, interval: 0 } },
    yAxis: { type: 'category', data: chartUnits, axisLabel: { fontSize: 11, interval: 0 } },
    visualMap: { min: 0, max: maxHeat, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120, calculable: false, inRange: { color: ['#f7fbff', '#6baed6', '#08306b'] } },
    series: [{ type: 'heatmap', label: { show: true, fontSize: 11 }, data: heat.map((r) => [themes.indexOf(String(r.theme)), chartUnits.indexOf(String(r.unit)), Number(r.problems)]) }],
  }, Math.max(900, 260 + themes.length * 44), Math.max(320, 60 + chartUnits.length * 32 + 110));
}

/** 3. money recovered per unit: the top units by money, the rest summed */
function moneyChart(byUnit: Row[], top: number): { rows: Row[]; chart: string } {
  const moneyRows = topWithOthers(byUnit.filter((r) => Number(r.money) > 0), 'money', top, (n) => ({ unit: othersName(n) }), ['bulletins', 'money', 'money_other', 'rules']);
  const chart = svg({
    title: { text: '收回/清退/追缴金额 · money recovered', left: 'center', textStyle: { fontSize: 15 } },
    grid: { left: 210, right: 80, top: 50, bottom: 40 },
    xAxis: { type: 'value', axisLabel: { formatter: (v: number) => yuan(v) } }, yAxis: { type: 'category', data: moneyRows.map((r) => String(r.unit)).reverse() },
    series: [{ type: 'bar', data: moneyRows.map((r) => Number(r.money)).reverse(), label: { show: true, position: 'right', fontSize: 11, formatter: (p) => yuan(p.value) } }],
  }, 900, Math.max(240, 90 + moneyRows.length * 28));
  return { rows: moneyRows, chart };
}

/**
 * 4. declared vs found: the publications whose declared problem count differs from the problems
 * found in them (none found included), the largest differences first; and the bulletins to check,
 * as the home page lists them (the first 200 of each in the tables)
 */
async function toCheck(db: Store, filter: BulletinFilter, top: number) {
  const [where, params] = filterSql(filter);
  const checkWhere = `${where ? `${where} AND` : 'WHERE'} w.code IN (${CHECK_CODES.map((c) => `'${c}'`).join(', ')})`;
  const warnRows = await db.all(`SELECT COALESCE(u.name, b.unit_name, b.issuer) AS unit, b.year, w.code, w.message, b.title
    FROM warnings w JOIN publications b ON b.id = w.bulletin_id LEFT JOIN units u ON u.id = b.unit_id
    ${checkWhere} ORDER BY unit, b.year, b.id LIMIT 200`, params);
  const decl = await declaredVsFound(db, filter, 200);
  const declRows = decl.rows.slice(0, top * 2);
  // unit and year name each bar; two of the same unit and year are told apart by their number
  const declLabel = (r: Row) => `${r.unit ?? '（未知单位）'} ${r.year ?? '年份未知'}`;
  const labelCount = new Map<string, number>();
  for (const r of declRows) labelCount.set(declLabel(r), (labelCount.get(declLabel(r)) ?? 0) + 1);
  const chart = svg({
    title: { text: '申报问题数与实际列出问题数 · declared vs found (largest differences)', left: 'center', textStyle: { fontSize: 15 } },
    legend: { bottom: 0 }, grid: { left: 170, right: 30, top: 50, bottom: 150 },
    xAxis: { type: 'category', data: declRows.map((r) => (labelCount.get(declLabel(r))! > 1 ? `${declLabel(r)} #${r.id}` : declLabel(r))), axisLabel: { rotate: 25, fontSize: 10, interval: 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: '申报 declared', type: 'bar', data: declRows.map((r) => Number(r.declared)), label: { show: true, position: 'top', fontSize: 10 } },
      { name: '列出 found', type: 'bar', data: declRows.map((r) => Number(r.found)), label: { show: true, position: 'top', fontSize: 10 } },
    ],
  }, 900, 460);
  return { warnRows, decl, declRows, chart };
}

/** The four charts (SVG), with the rows of the money chart and of the declared-vs-found one. */
interface Charts { rate: string; themes: string; money: { rows: Row[]; chart: string }; declared: Awaited<ReturnType<typeof toCheck>> }

/** The page: the figures at the top, then each chart with its explanation and the table of its numbers. */
function reportHtml(opts: ReportOptions, u: UnitFigures, charts: Charts): string {
  const { totals, topUnits, otherUnits, unitYearRows, unitThemeRows } = u;
  const { rows: moneyRows } = charts.money;
  const { warnRows, decl, declRows } = charts.declared;
  const filterText = [opts.unit && `单位 ${opts.unit}`, opts.region && `地区 ${opts.region}`, opts.level && `层级 ${LEVEL_LABEL[opts.level] ?? opts.level}`,
    (opts.from || opts.to) && `年份 ${opts.from ?? '…'}–${opts.to ?? '…'}`].filter(Boolean).join('，');
  const othersNote = otherUnits > 0 ? ` The ${topUnits.length} units with most problems are shown by name; the other ${otherUnits} are summed in one row.` : '';

  const rate = totals.problems ? Math.round(((totals.completed ?? 0) / totals.problems) * 1000) / 10 : 0;
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">${REPORT_MARK}<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(opts.title ?? '巡视巡察整改情况 · zhenggai report')}</title>
<style>
body{font-family:${FONT};margin:0 auto;max-width:980px;padding:24px;color:#1a1a1a;line-height:1.55}
h1{font-size:24px;margin:0 0 4px} h2{font-size:18px;margin:36px 0 6px;border-bottom:1px solid #ddd;padding-bottom:4px}
.explain{color:#555;margin:4px 0 10px;font-size:14px} .kpis{display:flex;gap:14px;flex-wrap:wrap;margin:16px 0}
.kpi{background:#f4f6f9;border-radius:8px;padding:10px 16px;min-width:120px} .kpi b{display:block;font-size:22px}
figure.chart{margin:0;overflow-x:auto} figure.chart svg{max-width:100%;height:auto}
table{border-collapse:collapse;font-size:13px;margin:8px 0;width:100%} th,td{border:1px solid #ddd;padding:4px 8px;text-align:left}
th{background:#f4f6f9} details{margin:6px 0 0} summary{cursor:pointer;color:#1f5fa8}
.empty{color:#888} footer{margin-top:40px;color:#888;font-size:12px}
</style></head><body>
<h1>${esc(opts.title ?? '巡视巡察整改情况')}</h1>
<p class="explain">由 zhenggai 从已公开的整改情况通报中提取。Extracted by zhenggai from published rectification bulletins; every figure links back to a table in the dataset.</p>
<div class="kpis">
<div class="kpi"><b>${totals.bulletins}</b>通报 bulletins</div><div class="kpi"><b>${totals.units}</b>单位 units</div>
<div class="kpi"><b>${totals.problems}</b>问题 problems</div><div class="kpi"><b>${rate}%</b>已完成 completed</div>
<div class="kpi"><b>${totals.mismatches}</b>总数不符 mismatches</div></div>
${filterText ? `<p class="explain">筛选 filter: ${esc(filterText)}</p>` : ''}
${section('completion', '整改完成率 · completion rate per unit over the years', `Share of listed problems reported completed, per unit and inspection year.${othersNote}`, charts.rate,
    table(unitYearRows, [['unit', '单位 unit'], ['year', '年份 year'], ['bulletins', '通报'], ['problems', '问题'], ['completed', '已完成'], ['not_completed', '未完成'], ['completion_rate', '完成率', percent]]))}
${section('themes', '问题主题 · problems by theme per unit', `How many problems of each theme a unit’s bulletins list: which kinds of problems recur.${othersNote}`, charts.themes,
    table(unitThemeRows, [['unit', '单位 unit'], ['theme', '主题 theme'], ['problems', '问题'], ['completed', '已完成'], ['money', '收回金额', yuan]]))}
${section('money', '收回金额 · money recovered', 'Money the problems say was recovered (清退, 追缴, 追回, 挽回…), or the total recovered a round summary declares. Fines, amounts involved and funds spent are counted apart (money_other).', charts.money.chart,
    table(moneyRows, [['unit', '单位 unit'], ['bulletins', '通报'], ['money', '收回金额', yuan], ['money_other', '其他金额', yuan], ['rules', '新建制度']]))}
${section('reconcile', '总数核对 · declared totals vs problems found', `A bulletin’s own count of problems against the problems it lists (${decl.count} bulletins differ${decl.count > declRows.length ? `, the ${declRows.length} largest differences in the chart` : ''}); below them the bulletins to check first, those whose totals disagree with what they list or in which no list of problems was read (${totals.mismatches} here, as the web app counts them).`, charts.declared.chart,
    `<h3>申报问题数与列出问题数不符的通报（${decl.count} 份${decl.count > decl.rows.length ? `，列出前 ${decl.rows.length} 份` : ''}）</h3>`
    + table(decl.rows, [['unit', '单位 unit'], ['year', '年份'], ['declared', '申报问题数'], ['found', '列出问题数'], ['title', '通报 bulletin']])
    + `<h3>待核对的通报（${totals.mismatches} 份${warnRows.length >= 200 ? '，列出前 200 条' : ''}）</h3>`
    + table(warnRows, [['unit', '单位 unit'], ['year', '年份'], ['code', '类别', (v) => warningLabel(String(v))], ['message', '不符之处 mismatch', (v) => warningMessage(String(v ?? ''))], ['title', '通报 bulletin']]))}
<footer>zhenggai · ${esc(new Date().toISOString().slice(0, 10))}</footer>
</body></html>
`;
}
