// An ingest that never skips silently and says what each file is (issue 22): pictures in folders
// are read, other types are counted and named in the summary, a spreadsheet or an archive is
// unsupported_format, two unrelated non-bulletins are two publications, a mistyped path creates
// no dataset.
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { zipSync, strToU8 } from 'fflate';
import { readBytes } from '../readers/index.js';
import { ZhenggaiError } from '../core/errors.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = (...args: string[]) => spawnSync(process.execPath, [join(root, 'bin', 'zhenggai.mjs'), ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });
const xlsx = () => zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>') });
const code = async (p: Promise<unknown>) => { try { await p; return 'ok'; } catch (e) { return e instanceof ZhenggaiError ? e.code : String(e); } };

describe('an ingest that says what it did with every file', () => {
  it('a spreadsheet or a plain zip given by name is unsupported_format, with a hint, not docx_corrupt', async () => {
    expect(await code(readBytes(xlsx(), 'ledger.xlsx'))).toBe('unsupported_format');
    await expect(readBytes(xlsx(), 'ledger.xlsx')).rejects.toThrow(/Excel/);
    expect(await code(readBytes(zipSync({ 'a.txt': strToU8('x') }), 'bulletins.zip'))).toBe('unsupported_format');
  });
  it('files of no document type in a folder are counted and named in the summary; pictures are read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zg-words-'));
    writeFileSync(join(dir, 'ledger.xlsx'), xlsx());
    writeFileSync(join(dir, 'all.zip'), zipSync({ 'a.txt': strToU8('x') }));
    writeFileSync(join(dir, 'notes.txt'), '会议记录：下周一上午九点在三楼会议室开会，请各科室负责人准时参加。');
    writeFileSync(join(dir, 'english.txt'), 'Minutes of the meeting held on Monday. All heads of department attended.');
    writeFileSync(join(dir, 'page-1.jpg'), Buffer.from('not really a picture'));
    const out = mkdtempSync(join(tmpdir(), 'zg-words-db-'));
    const db = join(out, 'z.db');
    const r = run('ingest', dir, '--db', db, '--json');
    const events = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    const summary = events.at(-1);
    expect(summary).toMatchObject({ event: 'summary', skipped: 2, skipped_types: { '.xlsx': 1, '.zip': 1 } });
    // the picture is tried (here it is no picture at all: read as text it says nothing of a bulletin)
    expect(events.some((e) => e.path?.endsWith('page-1.jpg'))).toBe(true);
    // a dataset inside the folder it reads is none of its inputs
    const plain = run('ingest', dir, '--db', join(dir, 'p.db'));
    expect(plain.stdout).toMatch(/^2 files in the folders skipped, not a document type \((?=[^)]*\.xlsx 1)(?=[^)]*\.zip 1)[^)]*\): name a file to try it anyway$/m);
    // two unrelated non-bulletins are two publications, not one with files 2
    const q = run('query', '--db', db, '--format', 'json', "SELECT count(*) AS n FROM publications p JOIN document_paths d ON d.document_id = p.document_id WHERE d.path LIKE '%notes.txt' OR d.path LIKE '%english.txt'");
    expect(JSON.parse(q.stdout)[0].n).toBe(2);
  }, 120_000);
  it('a mistyped path is a usage error and creates no dataset; extract says ENOENT once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zg-typo-'));
    const db = join(dir, 'z.db');
    const r = run('ingest', join(dir, 'no-such-folder'), '--db', db);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no such file or folder/);
    expect(existsSync(db)).toBe(false);
    const e = run('extract', join(dir, 'missing.txt'));
    expect(e.status).toBe(1);
    expect(e.stderr).toMatch(/ENOENT/);
    expect(e.stderr).not.toMatch(/ENOENT: ENOENT/);
  }, 60_000);
  it('a bulletin whose dates are month-only is filed under the year its opening writes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zg-year-'));
    writeFileSync(join(dir, 'round.txt'), ['中共某某区委巡察工作领导小组办公室关于区委第三轮巡察整改情况的通报', '根据区委统一部署，2023年9月至11月，区委3个巡察组对5家单位开展了常规巡察。', '各被巡察单位共收到反馈问题20个，已完成整改18个。'].join('\n'));
    const db = join(mkdtempSync(join(tmpdir(), 'zg-year-db-')), 'z.db');
    expect(run('ingest', dir, '--db', db).status).toBe(0);
    const q = run('query', '--db', db, '--format', 'json', 'SELECT year FROM publication_overview');
    expect(JSON.parse(q.stdout)).toEqual([{ year: 2023 }]);
  }, 60_000);
});
