// Never a silent zero (issue 20): a bulletin whose problems are not found says so in its record,
// in the ingest summary, in `zhenggai errors` and on the web app's home page.
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extractBytes } from '../stages/extract.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = (...args: string[]) => spawnSync(process.execPath, [join(root, 'bin', 'zhenggai.mjs'), ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });

// declares 5 problems; its problem part is prose with no numbering, labels or lines a reading can take
const PROSE = [
  '中共某某县统计局党组关于巡察整改情况的通报',
  '根据县委统一部署，2024年3月4日至4月26日，县委第二巡察组对县统计局党组进行了巡察。2024年5月20日，巡察组反馈了巡察意见。',
  '一、整改工作开展情况',
  '局党组对巡察反馈的5个问题逐项建立台账，截至2024年9月30日，已完成整改4个，正在整改1个。',
  '二、巡察反馈问题整改情况',
  '局党组认真对照巡察反馈意见，在统计数据质量、统计执法、党风廉政建设、基层党组织建设和干部队伍建设等方面持续发力，制定完善制度8项，开展专项检查3次，约谈提醒干部6人，各项整改工作有序推进，取得了阶段性成效，统计数据质量明显提升，干部作风持续好转，党组织战斗堡垒作用进一步发挥，为推动全县统计事业高质量发展提供了坚强保障。',
  '三、下一步工作打算',
  '局党组将持续巩固整改成果，建立长效机制。',
  '联系电话：0371-12345678',
].join('\n');

describe('never a silent zero', () => {
  it('a bulletin that declares problems and lists none gets no_problems_found (what was seen and tried) and declared_total_mismatch', async () => {
    const rec = await extractBytes(Buffer.from(PROSE), 'prose.txt');
    expect(rec.issues).toEqual([]);
    const byCode = Object.fromEntries(rec.warnings.map((w) => [w.code, w.message]));
    expect(byCode.no_problems_found).toMatch(/headings seen: .*整改工作开展情况/);
    expect(byCode.no_problems_found).toMatch(/readings tried: .*labelled 0.*one-line 0|readings tried: .*one-line 0/);
    expect(rec.warnings.find((w) => w.rule === 'reconcile.problems')?.message).toBe('declared 5 problems, found 0');
  });
  it('a bulletin that lists what it declares gets neither', async () => {
    const ok = PROSE.replace(/二、巡察反馈问题整改情况\n[^\n]+/, '二、巡察反馈问题整改情况\n' + [1, 2, 3, 4, 5].map((k) => `${k}.关于问题${'一二三四五'[k - 1]}的整改。整改情况：一是制定制度；二是开展检查。已完成整改。`).join('\n'));
    const rec = await extractBytes(Buffer.from(ok), 'ok.txt');
    expect(rec.issues.length).toBe(5);
    expect(rec.warnings.map((w) => w.code)).not.toContain('no_problems_found');
    expect(rec.warnings.filter((w) => w.rule === 'reconcile.problems')).toEqual([]);
  });
  it('ingest counts such bulletins in its summary and errors lists them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zg-zero-'));
    writeFileSync(join(dir, 'prose.txt'), PROSE);
    copyFileSync(join(root, 'fixtures', 'yuehe-town-2024', 'bulletin.txt'), join(dir, 'yuehe.txt'));
    const db = join(dir, 'z.db');
    const r = run('ingest', dir, '--db', db, '--jobs', '1');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^2 ingested, 0 unchanged, 0 reprocessed, 0 failed/m);
    expect(r.stdout).toMatch(/^1 bulletin: declared problems not found \(zhenggai errors lists them\)$/m);
    const j = JSON.parse(run('ingest', dir, '--db', join(dir, 'j.db'), '--json').stdout.trim().split('\n').pop()!);
    expect(j.problems_not_found).toBe(1);
    const e = run('errors', '--db', db);
    expect(e.stdout).toMatch(/1 bulletin read without the problems they declare/);
    expect(e.stdout).toMatch(/no_problems_found\s+\S*prose\.txt/);
    expect(e.stdout).toMatch(/declared_total_mismatch\s+\S*prose\.txt\s+declared 5 problems, found 0/);
    expect(e.stdout).not.toMatch(/yuehe/);
    const ej = JSON.parse(run('errors', '--db', db, '--format', 'json').stdout);
    expect(ej.problems_not_found.map((x: { code: string }) => x.code).sort()).toEqual(['declared_total_mismatch', 'no_problems_found']);
  }, 120_000);
});
