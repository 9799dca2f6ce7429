// The dataset people use: search, compare, units (and merges that survive re-ingest),
// read-only queries, export for Datasette, and the HTML report in a real headless Chromium.
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtempSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingest } from '../app/batch.js';
import { openStore, type SqliteStore, type Store } from '../store/store.js';
import { search, compare, units, mergeUnits, query, ftsQuery, findProblems } from '../store/queries.js';
import { exportDataset } from '../app/export.js';
import { buildReport } from '../app/report.js';
import { tagThemes, themeRules } from '../stages/issues/themes.js';
import { canonicalUnit, successorName } from '../store/units.js';
import { loadRules } from '../core/rules.js';
import { FIXTURES } from './fixtures.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
let dbPath: string;
let db: Store;

beforeAll(async () => {
  dbPath = join(mkdtempSync(join(tmpdir(), 'zg-dataset-')), 'z.db');
  const s = await ingest([FIXTURES], { db: dbPath, jobs: 1 });
  expect(s.failed).toBe(0);
  db = await openStore(dbPath, { readonly: true });
}, 60_000);

describe('themes and units (rules)', () => {
  it('every theme example is tagged with its theme', () => {
    for (const t of themeRules() as Array<{ id: string; examples?: string[] }>) {
      for (const ex of t.examples ?? []) expect(tagThemes(ex, {}).map((x) => x.theme), ex).toContain(t.id);
    }
  });
  it('a keyword across two words is not a tag (未编制规划 is not 编制)', () => {
    expect(tagThemes('未编制全民科学素质行动规划纲要', {}).map((t) => t.theme)).not.toContain('personnel');
  });
  it('short forms expand and are qualified with the region; renames lead to the successor', () => {
    expect(canonicalUnit('县科协', '新野县')).toBe('新野县科学技术协会');
    expect(canonicalUnit('市卫健委', '南阳市')).toBe('南阳市卫生健康委员会');
    expect(canonicalUnit('市场监管局', '南阳市')).toBe('南阳市市场监督管理局');
    for (const r of loadRules<{ renames: Array<{ examples: string[][] }> }>('unit_renames.json').renames) {
      for (const [from, to] of r.examples) expect(successorName(from!).name).toBe(to);
    }
  });
});

describe('search', () => {
  it('finds the seed’s 党费 problems once each (the same bulletin in six formats counts once)', async () => {
    const rows = (await search(db, '党费'));
    // (xinye-kexie-2024-rewritten is the same unit's bulletin in another writer's words: a publication of its own)
    const seed = rows.filter((r) => r.unit === '新野县科学技术协会' && r.year === 2024 && !String(r.path).includes('-rewritten')).map((r) => r.number);
    expect(seed).toEqual([1, 28]);
    expect(rows.some((r) => r.year === 2021 && r.number === 1)).toBe(true);
    expect(rows.every((r) => String(r.snippet).includes('【党费】'))).toBe(true);
  });
  it('filters by unit (name or alias) and year; multi-word queries need every word', async () => {
    expect((await search(db, '党费', { unit: '县科协', year: 2021 })).map((r) => r.number)).toEqual([1]);
    // every hit has both words (its snippet marks a hit), and the seed unit's are found: 2021 #2 in the
    // problem, 2024 #21 in its measures (专题研究2022年违规报销等事项); other fixtures add theirs
    const hits = (await search(db, '违规报销'));
    expect(hits.every((r) => /【(?:违规报销|违规|报销)】/.test(String(r.snippet)))).toBe(true);
    expect(hits.map((r) => [r.unit, r.year, r.number])).toEqual(expect.arrayContaining([['新野县科学技术协会', 2021, 2], ['新野县科学技术协会', 2024, 21], ['河南省人民医院', 2023, 5]]));
    // (2024 #21 twice: the seed and its rewriting, the same unit's bulletin in another writer's words)
    expect((await search(db, '违规报销', { unit: '县科协' })).map((r) => [r.year, r.number])).toEqual([[2021, 2], [2024, 21], [2024, 21]]);
    expect(ftsQuery('违规报销 差旅费')).toMatch(/AND/);
    expect((await search(db, '不存在的词语组合'))).toEqual([]);
    // OR (or |) joins alternatives; each alternative's terms are all required
    const dangfei = (await search(db, '党费')).length;
    const gongche = (await search(db, '公车')).length;
    const either = (await search(db, '党费 OR 公车'));
    expect(either.length).toBeGreaterThan(Math.max(dangfei, gongche));
    expect(either.length).toBeLessThanOrEqual(dangfei + gongche);
    expect((await search(db, '党费 | 公车')).length).toBe(either.length);
    // a phrase in quotes is matched as written
    expect((await search(db, '"违规报销"')).map((r) => r.number)).toEqual((await search(db, '违规报销')).map((r) => r.number));
    // a term shorter than a word (党, 费) is found inside the words that contain it
    const dang = (await search(db, '党'));
    expect(dang.length).toBeGreaterThan((await search(db, '党费')).length);
    expect(dang.every((r) => String(r.snippet).includes('【党】'))).toBe(true);
  });
  it('finds exactly the problems a reading of every problem finds, for substring terms, phrases, words and their mixes', async () => {
    const all = await db.all<{ id: number; problem: string; outcome: string | null; measures: string | null }>(
      "SELECT i.id, i.problem, i.outcome, (SELECT group_concat(m.text, char(10)) FROM measures m WHERE m.issue_id = i.id) AS measures FROM issues i JOIN publications b ON b.id = i.bulletin_id");
    const has = (r: (typeof all)[number], t: string) => [r.problem, r.outcome ?? '', r.measures ?? ''].some((x) => x.includes(t));
    // each alternative (OR) a list of terms all present
    const expected = (alts: string[][]) => all.filter((r) => alts.some((a) => a.every((t) => has(r, t)))).map((r) => r.id).sort((a, b) => a - b);
    for (const [q, alts] of [['党', [['党']]], ['"违规报销"', [['违规报销']]], ['党 公车', [['党', '公车']]], ['"党费" OR 费', [['党费'], ['费']]], ['整改 "三会一课"', [['整改', '三会一课']]]] as Array<[string, string[][]]>) {
      const found = (await findProblems(db, q, { limit: 100_000 })).rows.map((r) => r.id).sort((a, b) => a - b);
      expect(found.length, q).toBeGreaterThan(0);
      // a word through the token index may find fewer than a substring reading (整改 inside 整改期间 …),
      // never a problem without it
      if (q.startsWith('整改')) expect(expected(alts), q).toEqual(expect.arrayContaining(found));
      else expect(found, q).toEqual(expected(alts));
    }
  });
});

describe('compare', () => {
  it('one row per unit with the numbers of its bulletins', async () => {
    const rows = (await compare(db, { by: ['unit'] }));
    const kexie = rows.find((r) => r.unit === '新野县科学技术协会')!;
    // the 2021 bulletin (5 problems), the seed (31) and its rewriting (31, a publication of its own)
    expect(kexie).toMatchObject({ bulletins: 3, problems: 67, completed: 56, not_completed: 11, declared_problems: 67, declared_vs_found: 0 });
    expect(new Set(rows.map((r) => r.unit)).size).toBe(rows.length);
  });
  it('the same unit across years (and renamed) is one row per year under unit,year', async () => {
    const rows = (await compare(db, { by: ['unit', 'year'] })).filter((r) => r.unit === '南阳市卫生健康委员会');
    expect(rows.map((r) => [r.year, r.problems, r.completion_rate])).toEqual([[2018, 4, 1], [2023, 6, 0.667]]);
  });
  it('by theme: each problem counted once per theme it carries, as the tags in the tables say', async () => {
    const rows = await compare(db, { by: ['theme'] });
    const raw = (db as SqliteStore).db;
    const direct = raw.prepare(`SELECT t.label AS theme, count(*) AS problems, sum(i.status = 'completed') AS completed, count(DISTINCT i.bulletin_id) AS bulletins
      FROM issue_themes t JOIN issues i ON i.id = t.issue_id JOIN publications b ON b.id = i.bulletin_id GROUP BY t.label
      UNION ALL SELECT '（无主题）', count(*), sum(i.status = 'completed'), count(DISTINCT i.bulletin_id) FROM issues i JOIN publications b ON b.id = i.bulletin_id
      WHERE NOT EXISTS (SELECT 1 FROM issue_themes t WHERE t.issue_id = i.id)`).all() as Array<{ theme: string; problems: number; completed: number; bulletins: number }>;
    expect(rows.length).toBe(direct.length);
    for (const d of direct) expect(rows.find((r) => r.theme === d.theme), d.theme).toMatchObject({ problems: d.problems, completed: d.completed, bulletins: d.bulletins });
  });
  it('by theme, and years filter', async () => {
    const rows = (await compare(db, { by: ['theme'], from: 2021, to: 2021 }));
    expect(rows.find((r) => r.theme === '党费')).toMatchObject({ problems: 1, bulletins: 1 });
  });
});

describe('units', () => {
  it('lists units with aliases and bulletin counts; a manual merge survives re-ingest', async () => {
    const list = (await units(db));
    expect(list.find((u) => u.name === '南阳市卫生健康委员会')).toMatchObject({ bulletins: 2 });
    const w = await openStore(dbPath);
    await mergeUnits(w, '某某区民政局', '桐柏县月河镇'); // nonsense on purpose: it must stick
    await w.close();
    await ingest([FIXTURES], { db: dbPath, jobs: 1, reprocess: true });
    const d2 = await openStore(dbPath, { readonly: true });
    const after = (await units(d2));
    expect(after.find((u) => u.name === '某某区民政局')).toBeUndefined();
    expect(String(after.find((u) => u.name === '桐柏县月河镇')!.aliases)).toContain('某某区民政局');
    await d2.close();
  }, 60_000);
});

describe('query and export', () => {
  it('query is read-only', () => {
    const raw = (db as SqliteStore).db;
    expect(query(raw, 'SELECT count(*) AS n FROM issues')[0]!.n).toBeGreaterThan(0);
    expect(() => query(raw, 'DELETE FROM issues')).toThrow();
  });
  it('export writes a CSV per table and view, and Datasette metadata', async () => {
    const out = mkdtempSync(join(tmpdir(), 'zg-export-'));
    const r = (await exportDataset(db, out));
    expect(r.files).toEqual(expect.arrayContaining(['bulletins.csv', 'issues.csv', 'bulletin_overview.csv', 'metadata.json']));
    expect(r.files.some((f) => /^(issues_fts|id_counters)/.test(f))).toBe(false); // the search index and bookkeeping stay out
    // the compressed text and record come out as text and JSON
    const docs = readFileSync(join(out, 'documents.csv'), 'utf8');
    expect(docs.split('\n')[0]).toMatch(/,text,.*record_json/);
    expect(docs).toContain('zhenggai.bulletin/1');
    expect(docs).toContain('新野县科学技术协会');
    const meta = JSON.parse(readFileSync(join(out, 'metadata.json'), 'utf8'));
    expect(meta.databases.zhenggai.tables.issues.columns.status).toMatch(/completed/);
    expect(readFileSync(join(out, 'issues.csv'), 'utf8').split('\n')[0]).toMatch(/number,category_id/);
  });
});

describe('report', () => {
  it('names the top units and sums the rest in one row; filters keep only the bulletins asked for', async () => {
    const all = await compare(db, { by: ['unit'] });
    const named = all.filter((r) => r.unit != null).length;
    const top3 = await buildReport(db, { top: 3 });
    expect(top3).toContain(`其他 ${all.length - 3} 个单位 (others)`);
    expect(await buildReport(db, { top: all.length })).not.toContain('个单位 (others)'); // every unit fits: no others row
    expect(named).toBeGreaterThan(3);
    const one = await buildReport(db, { unit: '县科协' });
    expect(one).toContain('新野县科学技术协会');
    expect(one).not.toContain('南阳市卫生健康委员会');
    expect(one).toContain('筛选 filter: 单位 县科协');
    const y2021 = await buildReport(db, { unit: '县科协', from: 2021, to: 2021 });
    // the kept figures: one bulletin of 2021 with its problems
    const c2021 = (await compare(db, { by: ['unit'], unit: '县科协', from: 2021, to: 2021 }))[0]!;
    expect(c2021).toMatchObject({ bulletins: 1 });
    expect(y2021).toContain(`<b>${c2021.problems}</b>问题 problems`);
    const county = await compare(db, { by: ['level'], level: 'county' });
    expect(county.map((r) => r.level)).toEqual(['county']);
    expect((await compare(db, { by: ['region'], region: '南阳' })).every((r) => String(r.region).includes('南阳'))).toBe(true);
  });
  it('renders its charts in headless Chromium with no console errors and no network', async () => {
    const html = (await buildReport(db));
    expect(html).not.toMatch(/<script|(?:src|href)=["']?https?:/);
    const file = join(mkdtempSync(join(tmpdir(), 'zg-report-')), 'report.html');
    writeFileSync(file, html);
    const chromiumPath = '/usr/bin/chromium';
    if (!existsSync(chromiumPath)) {
      // .ci/run installs Debian's chromium and sets ZHENGGAI_REQUIRE_BROWSER=1
      if (process.env.ZHENGGAI_REQUIRE_BROWSER) throw new Error('chromium is not installed: apt-get install chromium');
      console.warn('report test: /usr/bin/chromium missing, browser check skipped (set ZHENGGAI_REQUIRE_BROWSER=1 to require it)');
      return;
    }
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1000, height: 1200 } });
      const problems: string[] = [];
      page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
      page.on('pageerror', (e) => problems.push(String(e)));
      page.on('request', (r) => { if (!r.url().startsWith('file:')) problems.push(`network request: ${r.url()}`); });
      await page.goto(`file://${file}`);
      expect(await page.locator('figure.chart svg').count()).toBe(4);
      const box = await page.locator('#completion svg').boundingBox();
      expect(box!.width).toBeGreaterThan(300);
      expect(await page.locator('#themes svg text', { hasText: '新野县科学技术协会' }).count()).toBeGreaterThan(0);
      await page.screenshot({ path: join(dirname(file), 'report.png'), fullPage: true });
      expect(existsSync(join(dirname(file), 'report.png'))).toBe(true);
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});

describe('cli for the dataset', () => {
  const cli = (...a: string[]) => spawnSync(process.execPath, [join(root, 'bin', 'zhenggai.mjs'), ...a], { encoding: 'utf8', timeout: 60_000 });
  it('search, compare --format json, query, bad --by', () => {
    const s = cli('search', '党费', '--db', dbPath, '--format', 'json');
    expect(s.status).toBe(0);
    expect(JSON.parse(s.stdout).length).toBeGreaterThanOrEqual(3);
    const c = cli('compare', '--by', 'unit,year', '--db', dbPath, '--format', 'json');
    expect(JSON.parse(c.stdout).filter((r: { unit: string }) => r.unit === '新野县科学技术协会').length).toBe(2);
    const q = cli('query', 'SELECT unit, issues_found FROM bulletin_overview WHERE same_as_bulletin IS NULL', '--db', dbPath, '--format', 'csv');
    // CSV starts with a UTF-8 byte order mark, as export's files do: spreadsheets read it as UTF-8
    expect(q.stdout.split('\n')[0]).toBe('\ufeffunit,issues_found');
    expect(cli('query', 'DROP TABLE issues', '--db', dbPath).status).not.toBe(0);
    expect(cli('compare', '--by', 'colour', '--db', dbPath).status).toBe(2);
  });
});
