// The report as staff read it (issue 22): the same unit and to-check counts as the web app's
// home page, the bulletins whose declared problem count differs from what they list (none
// found included) in the declared-vs-found chart and table, money in 万元/亿元, a colour of its
// own for each of the top units' lines, and Chinese labels.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../app/batch.js';
import { openStore, type Store } from '../store/store.js';
import { compare, overviewCounts, declaredVsFound } from '../store/queries.js';
import { createApp } from '../app/serve.js';
import { buildReport, lineLook, LINE_COLOURS, OTHERS_COLOUR } from '../app/report.js';
import { FIXTURES } from './fixtures.js';

let db: Store;
let report = '';
let home = '';
// a bulletin that declares 5 problems and lists none a reading can take (as test/serve.test.ts)
const UNREAD = ['中共某某县统计局党组关于巡察整改情况的通报', '根据县委统一部署，2024年3月4日至4月26日，县委第二巡察组对县统计局党组进行了巡察。', '一、整改工作开展情况', '局党组对巡察反馈的5个问题逐项整改，已完成整改4个。', '二、巡察反馈问题整改情况', '局党组认真对照巡察反馈意见持续发力，各项整改工作有序推进，取得了阶段性成效。'].join('\n');

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'zg-report-staff-'));
  mkdirSync(join(dir, 'extra'));
  writeFileSync(join(dir, 'extra', 'unread.txt'), UNREAD);
  const s = await ingest([FIXTURES, join(dir, 'extra')], { db: join(dir, 'z.db'), jobs: 1 });
  expect(s.failed).toBe(0);
  db = await openStore(join(dir, 'z.db'), { readonly: true });
  report = await buildReport(db);
  const r = await createApp(db).request('http://127.0.0.1/', { headers: { host: '127.0.0.1' } });
  expect(r.status).toBe(200);
  home = await r.text();
}, 120_000);

afterAll(async () => { await db?.close(); });

/** the number in a KPI box: <b>N</b>label */
const kpi = (html: string, label: string) => {
  const m = new RegExp(`<b>([\\d,]+)</b>${label}`).exec(html);
  expect(m, label).not.toBeNull();
  return Number(m![1]!.replace(/,/g, ''));
};
/** the part of the report in one section */
const sectionOf = (id: string) => report.slice(report.indexOf(`<section id="${id}">`), report.indexOf('</section>', report.indexOf(`<section id="${id}">`)));

describe('report and home page count the same', () => {
  it('units and bulletins to check are the same numbers on both, and those overviewCounts gives', async () => {
    const c = await overviewCounts(db);
    expect(c.units).toBeGreaterThan(3);
    expect(c.toCheck).toBeGreaterThan(0);
    expect(kpi(report, '单位 units')).toBe(c.units);
    expect(kpi(home, '个单位')).toBe(c.units);
    expect(kpi(report, '总数不符 mismatches')).toBe(c.toCheck);
    expect(kpi(home, '份总数不符')).toBe(c.toCheck);
    // units are the publications' units, as the report's unit table names them
    expect(c.units).toBe((await compare(db, { by: ['unit'] })).filter((r) => r.unit != null).length);
    // and the filter counts the same on both sides of the report
    const one = await buildReport(db, { unit: '县科协' });
    expect(kpi(one, '单位 units')).toBe(1);
  });
});

describe('declared vs found', () => {
  it('lists the bulletin that declares 5 problems and lists none, by unit and year, in the chart and its table', async () => {
    const d = await declaredVsFound(db);
    const unread = d.rows.find((r) => Number(r.declared) === 5 && Number(r.found) === 0 && String(r.unit).includes('统计局'));
    expect(unread, JSON.stringify(d.rows)).toBeDefined();
    expect(d.count).toBeGreaterThanOrEqual(d.rows.length);
    expect(d.rows.every((r) => r.declared !== r.found)).toBe(true);
    const sec = sectionOf('reconcile');
    const svg = sec.slice(sec.indexOf('<svg'), sec.indexOf('</svg>'));
    expect(svg).toContain(`${unread!.unit} ${unread!.year}`);
    expect(sec).toMatch(new RegExp(`<td>${String(unread!.unit)}</td><td>${unread!.year}</td><td>5</td><td>0</td>`));
    // the warnings read in Chinese, their codes by their labels
    expect(sec).toContain('未读出问题清单');
    expect(sec).not.toMatch(/<td>(declared_total_mismatch|no_problems_found)<\/td>/);
  });
});

describe('money and labels', () => {
  it('money reads in 元/万元/亿元 in the tables and on the chart, never as a long bare number', () => {
    const sec = sectionOf('money');
    expect(sec).toMatch(/(万元|亿元)/);
    const cells = [...sec.matchAll(/<td>([^<]*)<\/td>/g)].map((m) => m[1]!);
    expect(cells.some((c) => /^\d+(\.\d+)?(元|万元|亿元)$/.test(c))).toBe(true);
    expect(report).not.toMatch(/>\d{5,}</); // no 354000000 in a cell or an SVG label
    expect(report).not.toMatch(/（元）/);
  });
  it('completion rates read as percentages; a level filter by its Chinese name', async () => {
    expect(sectionOf('completion')).toMatch(/<td>\d+(\.\d)?%<\/td>/);
    const county = await buildReport(db, { level: 'county' });
    expect(county).toContain('筛选 filter: 层级 县级');
  });
});

describe('lines', () => {
  it('no two of the top lines share a colour (15 units and 其他), nor look alike past the palette', async () => {
    const all = await compare(db, { by: ['unit'] });
    const top = Math.min(15, all.length - 1);
    const html = await buildReport(db, { top });
    const sec = html.slice(html.indexOf('<section id="completion">'), html.indexOf('</section>', html.indexOf('<section id="completion">')));
    // the lines: SVG paths with a stroke and no fill
    const strokes = new Set([...sec.matchAll(/<path [^>]*fill="none"[^>]*stroke="(#[0-9a-fA-F]{3,6}|rgb[^"]*)"/g)].map((m) => m[1]!.toLowerCase()));
    const strokes2 = new Set([...sec.matchAll(/<path [^>]*stroke="(#[0-9a-fA-F]{3,6}|rgb[^"]*)"[^>]*fill="none"/g)].map((m) => m[1]!.toLowerCase()));
    const colours = new Set([...strokes, ...strokes2]);
    for (let i = 0; i < top; i++) expect(colours, `line ${i}`).toContain(lineLook(i).color.toLowerCase());
    expect(colours).toContain(OTHERS_COLOUR.toLowerCase());
    // 15 named units and 其他: 16 different colours
    const looks = Array.from({ length: 15 }, (_, i) => lineLook(i).color);
    expect(new Set([...looks, OTHERS_COLOUR]).size).toBe(16);
    expect(LINE_COLOURS.length).toBeGreaterThanOrEqual(15);
    // past the palette, the colour comes round with another line style or marker
    const many = Array.from({ length: 200 }, (_, i) => JSON.stringify(lineLook(i)));
    expect(new Set(many).size).toBe(200);
  });
});
