// Limits that hold on every path, no data lost to a user's mistake, output safe to print and
// open: each as a user (or an attacker) would meet it on the command line.
import { describe, it, expect, beforeAll } from 'vitest';
import { spawnSync, execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, existsSync, copyFileSync, statSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { extractBytes } from '../stages/extract.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = (...a: string[]) => spawnSync(process.execPath, [join(root, 'bin', 'zhenggai.mjs'), ...a], { encoding: 'utf8', timeout: 60_000, cwd: root });
const dir = mkdtempSync(join(tmpdir(), 'zg-hard-'));
const seed = join(root, 'fixtures', 'yuehe-town-2024', 'bulletin.txt');
/** 1 MB of unclosed <div>: a page that takes the HTML reader far past any time limit */
const slowPage = () => `<html><body>${'<div>'.repeat(200_000)}中共某某县民政局党组关于巡察整改情况的通报</body></html>`;

let db: string;
beforeAll(() => {
  db = join(dir, 'z.db');
  // a document with escape sequences and a formula-looking problem, to see what comes out
  const hostile = readFileSync(seed, 'utf8').replace('乡村振兴项目推进缓慢', '=HYPERLINK("http://x")乡村振兴\u001b]0;pwned\u0007项目推进缓慢\u001b[2J');
  mkdirp(join(dir, 'in'));
  writeFileSync(join(dir, 'in', 'hostile.txt'), hostile);
  const r = cli('ingest', join(dir, 'in'), '--db', db, '--quiet');
  expect(r.status, r.stderr).toBe(0);
}, 60_000);
function mkdirp(p: string) { execFileSync('mkdir', ['-p', p]); }

describe('time limits on every path', () => {
  it('extract stops a document over --timeout, even one file, and goes on to the next', () => {
    const slow = join(dir, 'slow.html');
    writeFileSync(slow, slowPage());
    const t0 = Date.now();
    const r = cli('extract', slow, seed, '--timeout', '1500');
    expect(Date.now() - t0).toBeLessThan(30_000);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/slow\.html: timeout/);
    expect(JSON.parse(r.stdout.trim()).schema).toBe('zhenggai.bulletin/1');
  }, 60_000);
  it('an ingest of fewer than 8 files stops a slow document and ingests the good ones', () => {
    const folder = join(dir, 'small');
    mkdirp(folder);
    writeFileSync(join(folder, 'a-slow.html'), slowPage());
    copyFileSync(seed, join(folder, 'b.txt'));
    const r = cli('ingest', folder, '--db', join(dir, 'small.db'), '--timeout', '1500', '--json');
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/"code":"timeout"/);
    expect(JSON.parse(r.stdout.trim().split('\n').pop()!)).toMatchObject({ ingested: 1, failed: 1 });
  }, 60_000);
  it('query stops a runaway statement and caps its rows', () => {
    const endless = cli('query', 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c', '--db', db, '--timeout', '1000');
    expect(endless.status).toBe(1);
    expect(endless.stderr).toMatch(/stopped after 1000 ms/);
    const many = cli('query', 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c', '--db', db, '--limit', '5', '--format', 'json');
    expect(JSON.parse(many.stdout)).toHaveLength(5);
    expect(many.stderr).toMatch(/first 5 rows/);
  }, 30_000);
});

describe('only regular files', () => {
  it('a FIFO or a device named on the command line is a per-file error, never a hang', () => {
    const fifo = join(dir, 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
    const x = cli('extract', fifo, '/dev/zero');
    expect(x.status).toBe(1);
    expect(x.stderr).toMatch(/pipe\.txt: not_a_file/);
    expect(x.stderr).toMatch(/\/dev\/zero: not_a_file/);
    const i = cli('ingest', fifo, seed, '--db', join(dir, 'fifo.db'), '--json');
    expect(i.status).toBe(1);
    expect(i.stdout).toMatch(/"code":"not_a_file"/);
    expect(JSON.parse(i.stdout.trim().split('\n').pop()!)).toMatchObject({ ingested: 1, failed: 1 });
  }, 30_000);
  it('a symlink loop is walked once', () => {
    const top = join(dir, 'loop');
    mkdirp(join(top, 'a'));
    copyFileSync(seed, join(top, 'a', 'x.txt'));
    execFileSync('ln', ['-s', '..', join(top, 'a', 'up')]);
    const r = cli('ingest', top, '--db', join(dir, 'loop.db'), '--json');
    const s = JSON.parse(r.stdout.trim().split('\n').pop()!);
    expect(s).toMatchObject({ ingested: 1, failed: 0 });
  }, 30_000);
});

describe('no data lost to a mistake', () => {
  it('units merge honours --db before or after merge, and an unknown unit is one line, exit 2', () => {
    const copy = join(dir, 'merge.db');
    copyFileSync(db, copy);
    const cwd = mkdtempSync(join(tmpdir(), 'zg-cwd-'));
    const run = (...a: string[]) => spawnSync(process.execPath, [join(root, 'bin', 'zhenggai.mjs'), ...a], { encoding: 'utf8', cwd });
    const bad = run('units', 'merge', '不存在的单位', '桐柏县月河镇', '--db', copy);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/no unit named 不存在的单位/);
    expect(bad.stderr).not.toMatch(/internal error/);
    // publications and files told apart (the seed: one publication in six files); a dry run changes nothing
    expect(run('ingest', join(root, 'fixtures', 'xinye-kexie-2024'), '--db', copy, '--quiet').status).toBe(0);
    const units = () => run('units', '--db', copy, '--format', 'json').stdout;
    const before = units();
    const dry = run('units', 'merge', '县科协', '桐柏县月河镇', '--db', copy, '--dry-run');
    expect(dry.status).toBe(0);
    expect(dry.stdout).toMatch(/^would merge 新野县科学技术协会 → 桐柏县月河镇: (\d+) publication\(s\) in (\d+) file\(s\) would move/);
    expect(units()).toBe(before);
    const [, pubs, files] = /(\d+) publication\(s\) in (\d+) file\(s\)/.exec(dry.stdout)!;
    expect(Number(files)).toBeGreaterThan(Number(pubs)); // the seed is one publication in six files
    const done = run('units', 'merge', '县科协', '桐柏县月河镇', '--db', copy, '--yes');
    expect(done.stdout.trim()).toBe(`新野县科学技术协会 → 桐柏县月河镇: ${pubs} publication(s) in ${files} file(s) moved`);
    const missing = run('units', '--db', join(cwd, 'nope.db'), 'merge', 'A', 'B');
    expect(missing.status).toBe(2);
    expect(existsSync(join(cwd, 'zhenggai.db'))).toBe(false);
    expect(existsSync(join(cwd, 'nope.db'))).toBe(false);
  });
  it('report --out never writes over the dataset, nor over a file not its own without --force', () => {
    const copy = join(dir, 'report.db');
    copyFileSync(db, copy);
    const size = statSync(copy).size;
    const onDb = cli('report', '--db', copy, '--out', copy);
    expect(onDb.status).toBe(2);
    expect(statSync(copy).size).toBe(size);
    expect(new Database(copy, { readonly: true }).prepare('SELECT count(*) FROM issues').pluck().get()).toBeGreaterThan(0);
    const notes = join(dir, 'notes.html');
    writeFileSync(notes, '<p>my notes</p>');
    expect(cli('report', '--db', copy, '--out', notes).status).toBe(2);
    expect(readFileSync(notes, 'utf8')).toBe('<p>my notes</p>');
    const out = join(dir, 'r.html');
    expect(cli('report', '--db', copy, '--out', out).status).toBe(0);
    expect(cli('report', '--db', copy, '--out', out).status).toBe(0); // its own report: replaced
    expect(cli('report', '--db', copy, '--out', notes, '--force').status).toBe(0);
  }, 60_000);
  it('export into a folder with other files writes only its own and says so', () => {
    const out = join(dir, 'exp');
    mkdirp(out);
    writeFileSync(join(out, 'mine.txt'), 'keep');
    const r = cli('export', '--db', db, '--out', out);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/1 other file\(s\) there left as they were/);
    expect(readFileSync(join(out, 'mine.txt'), 'utf8')).toBe('keep');
    expect(cli('export', '--db', db, '--out', join(out, 'mine.txt')).status).not.toBe(0);
  });
});

describe('a whole document is not lost for one bad value', () => {
  it('a 400-digit amount is no quantity; the record stands', async () => {
    const text = readFileSync(seed, 'utf8').replace('二是引进龙头企业2家', `二是清退资金${'9'.repeat(400)}元，引进龙头企业2家`);
    const rec = await extractBytes(new TextEncoder().encode(text), 'big.txt');
    expect(rec.issues).toHaveLength(9);
    expect(rec.issues.flatMap((i) => i.quantities).every((q) => Number.isFinite(q.value))).toBe(true);
    expect(rec.warnings.map((w) => w.code)).toContain('quantity_not_a_number');
  });
});

describe('output safe to print and open', () => {
  it('escape sequences are escaped in search, query and units tables', () => {
    for (const r of [cli('search', '乡村振兴', '--db', db), cli('query', 'SELECT problem FROM issues', '--db', db), cli('units', '--db', db)]) {
      expect(r.stdout).not.toMatch(/[\u001b\u0007]/);
    }
    expect(cli('search', '乡村振兴', '--db', db).stdout).toMatch(/\\u001b/);
  });
  it('CSV cells a spreadsheet would run are neutralized (export, search, query), --raw-csv keeps them', () => {
    const out = join(dir, 'csv');
    expect(cli('export', '--db', db, '--out', out).status).toBe(0);
    const issues = readFileSync(join(out, 'issues.csv'), 'utf8');
    expect(issues.startsWith('\ufeff')).toBe(true);
    expect(issues).toMatch(/'=HYPERLINK/);
    expect(issues).not.toMatch(/(^|,)"?=HYPERLINK/m);
    const s = cli('search', '乡村振兴', '--db', db, '--format', 'csv');
    expect(s.stdout.startsWith('\ufeff')).toBe(true);
    const q = cli('query', 'SELECT problem FROM issues ORDER BY id LIMIT 1', '--db', db, '--format', 'csv');
    expect(q.stdout).toMatch(/'=HYPERLINK/);
    const raw = cli('query', 'SELECT problem FROM issues ORDER BY id LIMIT 1', '--db', db, '--format', 'csv', '--raw-csv');
    expect(raw.stdout).toMatch(/\n"?=HYPERLINK/);
  });
  it('small rates are shown, not rounded to 0', () => {
    const r = cli('query', 'SELECT 0.00012 AS x, 0.9364 AS completion_rate', '--db', db);
    expect(r.stdout).toMatch(/0\.00012/);
    expect(r.stdout).toMatch(/93\.64%/);
  });
});

describe('options and errors', () => {
  for (const args of [['search', '党费', '--limit', 'abc'], ['ingest', seed, '--jobs', 'abc'], ['ingest', seed, '--jobs', '0'], ['ingest', seed, '--commit-every', 'abc'], ['ingest', seed, '--max-memory', 'abc'], ['search', '党费', '--year', 'abc'], ['compare', '--from', 'abc'], ['extract', seed, '--timeout', '-5']]) {
    it(`${args.join(' ')}: a usage error, exit 2`, () => {
      const r = cli(...args, '--db', join(dir, 'never.db'));
      expect(r.status).toBe(2);
      expect(r.stderr).not.toMatch(/internal error|at .*\.mjs/);
      expect(existsSync(join(dir, 'never.db'))).toBe(false);
    });
  }
  it('errors --run of a run that does not exist says so; --format json', () => {
    const r = cli('errors', '--db', db, '--run', '999');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/run 999 does not exist/);
    const j = cli('errors', '--db', db, '--format', 'json');
    expect(JSON.parse(j.stdout)).toMatchObject({ failed: 0, errors: [] });
  });
});

describe('large bulletins', () => {
  it('1,200 numbered problems are 1,200 problems (not #999 with the rest as its notes)', async () => {
    const items = Array.from({ length: 1200 }, (_, k) => `${k + 1}.关于“第${k + 1}项工作推进缓慢”的问题。整改情况：制定工作方案，已完成整改。`);
    const text = `中共某某县民政局党组关于巡察整改情况的通报\n根据县委统一部署，2024年3月4日至4月26日，县委第一巡察组对县民政局党组进行了巡察。\n二、反馈问题整改情况\n${items.join('\n')}\n联系电话：0377-12345678\n`;
    const rec = await extractBytes(new TextEncoder().encode(text), 'big.txt');
    expect(rec.issues).toHaveLength(1200);
    expect(rec.issues[1199]).toMatchObject({ number: 1200, problem: '第1200项工作推进缓慢', status: 'completed' });
  }, 60_000);
});

describe('file names that are not UTF-8', () => {
  it('a GBK-named file from a Chinese Windows archive is read, and its name printed readably', () => {
    const folder = join(dir, 'gbk');
    mkdirp(folder);
    // 通报.txt in GBK bytes: cd a8 b1 a8
    const name = Buffer.concat([Buffer.from(folder + '/'), Buffer.from([0xcd, 0xa8, 0xb1, 0xa8]), Buffer.from('.txt')]);
    writeFileSync(name, readFileSync(seed));
    const r = cli('ingest', folder, '--db', join(dir, 'gbk.db'), '--json');
    expect(r.status, r.stdout).toBe(0);
    const ev = JSON.parse(r.stdout.trim().split('\n')[0]!);
    expect(ev).toMatchObject({ status: 'ingested', path: join(folder, '通报.txt') });
    const d = new Database(join(dir, 'gbk.db'), { readonly: true });
    expect(d.prepare('SELECT path FROM document_paths').pluck().all()).toEqual([join(folder, '通报.txt')]);
    d.close();
  });
});
