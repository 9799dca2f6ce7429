// Status and level values in Chinese on the command line (issue 22): with --lang zh, or a zh_CN
// locale, search, compare, units, errors and explain print 已完成, 县级 … (rules/labels.json through
// app/labels.ts) in tables and CSV; JSON keeps the dataset's values; --lang en wins over the locale.
import { describe, it, expect, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cliLang, localizeValues, levelCode, STATUS_LABEL, LEVEL_LABEL } from '../app/labels.js';
import { FIXTURES } from './fixtures.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** the CLI in a locale of our choosing (none of the machine's) */
const cli = (env: Record<string, string>, ...a: string[]) => {
  const base = { ...process.env };
  for (const k of ['LANG', 'LC_ALL', 'LC_MESSAGES']) delete base[k];
  return spawnSync(process.execPath, [join(root, 'bin', 'zhenggai.mjs'), ...a], { encoding: 'utf8', timeout: 60_000, cwd: root, env: { ...base, ...env } });
};
const dir = mkdtempSync(join(tmpdir(), 'zg-lang-'));
const db = join(dir, 'z.db');
const seed = join(FIXTURES, 'xinye-kexie-2024', 'bulletin.txt');

beforeAll(() => {
  // the seed (a county unit, problems completed and long-term) and a round summary that declares
  // problems it does not list (zhenggai errors shows it)
  const r = cli({}, 'ingest', seed, join(FIXTURES, 'jinshui-round5-2024', 'bulletin.txt'), '--db', db, '--quiet');
  expect(r.status, r.stderr).toBe(0);
}, 60_000);

describe('the language of status and level values', () => {
  it('--lang first, then LC_ALL, LC_MESSAGES, LANG; Chinese for zh_CN only', () => {
    expect(cliLang('zh', {})).toBe('zh');
    expect(cliLang('en', { LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(cliLang(undefined, { LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(cliLang(undefined, { LC_ALL: 'zh_CN.GB18030', LANG: 'C.UTF-8' })).toBe('zh');
    expect(cliLang(undefined, { LC_ALL: 'C', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(cliLang(undefined, { LC_ALL: '', LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' })).toBe('zh');
    expect(cliLang(undefined, { LANG: 'zh_TW.UTF-8' })).toBe('en');
    expect(cliLang(undefined, {})).toBe('en');
  });
  it('status and level columns take their labels; other columns and unknown values stay', () => {
    const rows = [{ status: 'completed', level: 'county', unit: 'completed' }, { status: 'odd', level: null }];
    expect(localizeValues(rows, 'zh')).toEqual([{ status: '已完成', level: '县级', unit: 'completed' }, { status: 'odd', level: null }]);
    expect(localizeValues(rows, 'en')).toBe(rows);
    expect(rows[0]!.status).toBe('completed'); // not changed in place
    for (const [code, zh] of Object.entries(LEVEL_LABEL)) expect([levelCode(zh), levelCode(code)]).toEqual([code, code]);
    expect(Object.values(STATUS_LABEL)).toEqual(['已完成', '正在整改', '长期整改', '未注明']);
  });
});

describe('commands that print statuses and levels', () => {
  it('search: a table and CSV in Chinese with --lang zh or a zh_CN locale; JSON keeps the codes', () => {
    const en = cli({}, 'search', '党费', '--db', db);
    expect(en.stdout).toMatch(/│ completed/);
    for (const [env, args] of [[{}, ['--lang', 'zh']], [{ LANG: 'zh_CN.UTF-8' }, []], [{ LC_ALL: 'zh_CN.UTF-8', LANG: 'C' }, []]] as const) {
      const zh = cli(env, 'search', '党费', '--db', db, ...args);
      expect(zh.status, zh.stderr).toBe(0);
      expect(zh.stdout).toMatch(/│ 已完成/);
      expect(zh.stdout).not.toMatch(/completed|long_term|in_progress/);
    }
    // --lang en wins over the locale, and LC_ALL over LANG
    expect(cli({ LANG: 'zh_CN.UTF-8' }, 'search', '党费', '--db', db, '--lang', 'en').stdout).toMatch(/│ completed/);
    expect(cli({ LANG: 'zh_CN.UTF-8', LC_ALL: 'C.UTF-8' }, 'search', '党费', '--db', db).stdout).toMatch(/│ completed/);
    const csv = cli({}, 'search', '党费', '--db', db, '--lang', 'zh', '--format', 'csv').stdout.split('\n');
    expect(csv[0]).toBe('\ufeffunit,year,number,status,snippet,path'); // headers stay (export --chinese-headers is for those)
    expect(csv[1]).toMatch(/^新野县科学技术协会,2024,\d+,已完成,/);
    const json = JSON.parse(cli({ LANG: 'zh_CN.UTF-8' }, 'search', '党费', '--db', db, '--lang', 'zh', '--format', 'json').stdout);
    expect(json[0].status).toBe('completed');
    expect(cli({}, 'search', '党费', '--db', db, '--lang', 'fr').status).toBe(2);
  });
  it('units and compare: levels in Chinese; --level takes 县级 as well as county', () => {
    const units = cli({}, 'units', '--db', db, '--lang', 'zh', '--format', 'csv').stdout;
    expect(units).toMatch(/新野县科学技术协会,新野县,县级,/);
    expect(cli({ LANG: 'zh_CN.UTF-8' }, 'units', '--db', db).stdout).toMatch(/│ 县级/);
    expect(cli({}, 'units', '--db', db).stdout).toMatch(/│ county/);
    const byLevel = cli({}, 'compare', '--by', 'level', '--db', db, '--lang', 'zh', '--format', 'csv').stdout;
    expect(byLevel).toMatch(/\n县级,/);
    expect(byLevel).not.toMatch(/county/);
    const code = cli({}, 'compare', '--by', 'unit', '--level', 'county', '--db', db, '--format', 'json').stdout;
    expect(JSON.parse(code).length).toBeGreaterThan(0);
    expect(cli({}, 'compare', '--by', 'unit', '--level', '县级', '--db', db, '--format', 'json').stdout).toBe(code);
    expect(JSON.parse(cli({}, 'compare', '--by', 'level', '--db', db, '--lang', 'zh', '--format', 'json').stdout).map((r: { level: string }) => r.level)).toContain('county');
  });
  it('errors: the warnings (which name statuses and counts) in Chinese; explain: statuses and the level', () => {
    const zh = cli({}, 'errors', '--db', db, '--lang', 'zh');
    expect(zh.stdout).toMatch(/declared_total_mismatch\s+\S+jinshui-round5-2024\/bulletin\.txt {2}自报问题 236 个，列出 0 个/);
    expect(zh.stdout).toMatch(/no_problems_found\s+\S+ {2}未读出问题清单/);
    expect(cli({}, 'errors', '--db', db).stdout).toMatch(/declared 236 problems, found 0/);
    const ex = cli({}, 'explain', seed, '--lang', 'zh').stdout;
    expect(ex).toMatch(/^ {2}level +L\d+ +县级 /m);
    expect(ex).toMatch(/· 已完成 \(/);
    expect(ex).toMatch(/· 长期整改/);
    expect(ex).not.toMatch(/· (completed|long_term) /);
    const exEn = cli({}, 'explain', seed).stdout;
    expect(exEn).toMatch(/· completed \(/);
    expect(JSON.parse(cli({}, 'explain', seed, '--lang', 'zh', '--format', 'json').stdout).bulletin.level.value).toBe('county');
  });
});
