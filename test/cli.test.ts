// The command line as a user runs it: exit codes 0 / 1 / 2, JSON on stdout.
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = (...args: string[]) => spawnSync(process.execPath, [join(root, 'bin', 'zhenggai.mjs'), ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });

describe('cli', () => {
  it('extract prints one validated record', () => {
    const r = run('extract', 'fixtures/yuehe-town-2024/bulletin.txt');
    expect(r.status).toBe(0);
    const rec = JSON.parse(r.stdout);
    expect(rec.schema).toBe('zhenggai.bulletin/1');
    expect(rec.source.path).toBe('fixtures/yuehe-town-2024/bulletin.txt');
    expect(rec.issues.length).toBe(9);
  });
  it('several files give NDJSON; a bad one exits 1 and says why', () => {
    const bad = join(mkdtempSync(join(tmpdir(), 'zg-cli-')), 'empty.txt');
    writeFileSync(bad, '');
    const r = run('extract', 'fixtures/yuehe-town-2024/bulletin.txt', bad, 'fixtures/jinshui-round5-2024/bulletin.txt');
    expect(r.status).toBe(1);
    expect(r.stdout.trim().split('\n').map((l) => JSON.parse(l).schema)).toEqual(['zhenggai.bulletin/1', 'zhenggai.bulletin/1']);
    expect(r.stderr).toMatch(/empty_file/);
  });
  it('usage errors exit 2, help exits 0', () => {
    expect(run('frobnicate').status).toBe(2);
    expect(run('extract').status).toBe(2);
    const h = run('ingest', '--help');
    expect(h.status).toBe(0);
    expect(h.stdout).toMatch(/--db/);
  });
  it('ingest --json writes NDJSON events and a summary', () => {
    const db = join(mkdtempSync(join(tmpdir(), 'zg-cli-')), 'z.db');
    const r = run('ingest', 'fixtures/yuehe-town-2024', '--db', db, '--json');
    expect(r.status).toBe(0);
    const events = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(events[0]).toMatchObject({ event: 'file', status: 'ingested' });
    const inputs = readdirSync(join(root, 'fixtures', 'yuehe-town-2024')).filter((f) => f.startsWith('bulletin.')).length;
    expect(events.at(-1)).toMatchObject({ event: 'summary', ingested: inputs, failed: 0 });
  });
  it('a dataset that cannot be opened is a one-line error, not a stack', () => {
    const r = run('search', '党费', '--db', join(mkdtempSync(join(tmpdir(), 'zg-cli-')), 'none.db'));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^zhenggai: cannot open the dataset .*run `zhenggai ingest/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
