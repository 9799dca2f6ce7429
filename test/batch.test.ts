// Batch ingestion that survives real collections: kill -9 mid-batch, time and memory
// limits, --reprocess, and a hostile folder next to good files.
import { describe, it, expect } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, copyFileSync, symlinkSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { openDb } from '../store/db.js';
import { synthBulletin } from './bench/synth.js';
import { writeHostileSet } from './hostile.js';
import { FIXTURES } from './fixtures.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = (...args: string[]) => spawnSync(process.execPath, [join(root, 'bin', 'zhenggai.mjs'), ...args], { encoding: 'utf8', timeout: 120_000 });
const summary = (stdout: string) => JSON.parse(stdout.trim().split('\n').pop()!);

function corpus(n: number, offset = 0): string {
  const dir = mkdtempSync(join(tmpdir(), 'zg-corpus-'));
  for (let i = 0; i < n; i++) writeFileSync(join(dir, `b${i}.txt`), synthBulletin(offset + i).text);
  return dir;
}

function wholeDocuments(db: string): { docs: number; broken: number; integrity: unknown } {
  const d = openDb(db, { readonly: true });
  const integrity = d.pragma('integrity_check', { simple: true });
  const rows = d.prepare(`SELECT d.id, zg_record(d.record, d.text) AS record_json, (SELECT count(*) FROM bulletins b WHERE b.document_id = d.id) AS nb,
    (SELECT count(*) FROM issues i JOIN bulletins b ON b.id = i.bulletin_id WHERE b.document_id = d.id) AS ni FROM documents d`).all() as Array<{ record_json: string; nb: number; ni: number }>;
  const broken = rows.filter((r) => r.nb !== 1 || r.ni !== JSON.parse(r.record_json).issues.length).length;
  d.close();
  return { docs: rows.length, broken, integrity };
}

describe('batch ingest', () => {
  it('survives kill -9: whole documents only, and a rerun completes without duplicates', async () => {
    const dir = corpus(400);
    const db = join(dir, 'z.db');
    const child = spawn(process.execPath, [join(root, 'bin', 'zhenggai.mjs'), 'ingest', dir, '--db', db, '--jobs', '2', '--json']);
    let files = 0;
    // kill it mid-batch, then wait until the process is really gone before looking
    const signal = await new Promise<NodeJS.Signals | null>((resolve) => {
      child.stdout.on('data', (d: Buffer) => {
        files += d.toString().split('\n').filter((l) => l.includes('"event":"file"')).length;
        if (files >= 40 && !child.killed) child.kill('SIGKILL');
      });
      child.on('close', (_code, sig) => resolve(sig));
    });
    expect(signal).toBe('SIGKILL');
    const after = wholeDocuments(db);
    expect(after.integrity).toBe('ok');
    expect(after.broken).toBe(0);
    expect(after.docs).toBeGreaterThan(0);
    expect(after.docs).toBeLessThan(400);
    const rerun = cli('ingest', dir, '--db', db, '--json', '--quiet');
    expect(rerun.status).toBe(0);
    const s = summary(rerun.stdout);
    expect(s.ingested + s.unchanged).toBe(400);
    expect(s.unchanged).toBe(after.docs);
    const final = wholeDocuments(db);
    expect(final).toMatchObject({ docs: 400, broken: 0, integrity: 'ok' });
  }, 120_000);

  it('two ingests into one dataset at the same time: each waits for the other\'s commits, none fails', async () => {
    const a = corpus(60);
    const b = corpus(60, 1000);
    const db = join(mkdtempSync(join(tmpdir(), 'zg-conc-')), 'z.db');
    const go = (dir: string) => new Promise<string>((resolve) => {
      const child = spawn(process.execPath, [join(root, 'bin', 'zhenggai.mjs'), 'ingest', dir, '--db', db, '--jobs', '2', '--json']);
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.on('close', () => resolve(out));
    });
    const [ra, rb] = (await Promise.all([go(a), go(b)])).map(summary);
    expect([ra, rb].map((r) => [r.ingested, r.failed])).toEqual([[60, 0], [60, 0]]);
    expect(wholeDocuments(db)).toEqual({ docs: 120, broken: 0, integrity: 'ok' });
  }, 120_000);

  it('names its threads (zg-parse per job; the main thread, which writes, keeps its name) so their CPU can be told apart from outside', async () => {
    if (process.platform !== 'linux') return; // /proc/<pid>/task/<tid>/comm is Linux's
    const dir = corpus(300, 3000);
    const db = join(mkdtempSync(join(tmpdir(), 'zg-names-')), 'z.db');
    const child = spawn(process.execPath, [join(root, 'bin', 'zhenggai.mjs'), 'ingest', dir, '--db', db, '--jobs', '2', '--quiet']);
    const names = new Map<string, string>(); // tid → name
    const poll = setInterval(() => {
      try {
        for (const tid of readdirSync(`/proc/${child.pid}/task`)) {
          try { names.set(tid, readFileSync(`/proc/${child.pid}/task/${tid}/comm`, 'utf8').trim()); } catch { /* ended */ }
        }
      } catch { /* exited */ }
    }, 10);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    clearInterval(poll);
    expect(code).toBe(0);
    const count = (n: string) => [...names.values()].filter((x) => x === n).length;
    expect([count('zg-parse'), [...names.values()].filter((x) => x.startsWith('zg-')).length]).toEqual([2, 2]);
    // the main thread keeps the process's own name
    expect(names.get(String(child.pid))).not.toMatch(/^zg-/);
  }, 120_000);

  it('a document over the time limit fails with timeout; the batch goes on and a rerun ingests it', () => {
    const dir = corpus(10, 1000);
    copyFileSync(join(FIXTURES, 'xinye-kexie-2024', 'bulletin.pdf'), join(dir, 'slow.pdf'));
    const db = join(dir, 'z.db');
    const r = cli('ingest', dir, '--db', db, '--jobs', '2', '--timeout', '1', '--json');
    expect(r.status).toBe(1);
    const events = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(events.filter((e) => e.code === 'timeout').length).toBeGreaterThan(0);
    expect(summary(r.stdout).ingested + summary(r.stdout).failed).toBe(11);
    const again = cli('ingest', dir, '--db', db, '--jobs', '2', '--json');
    expect(again.status).toBe(0);
    expect(wholeDocuments(db)).toMatchObject({ docs: 11, broken: 0 });
  }, 120_000);

  it('a worker over the memory limit fails with out_of_memory instead of taking the batch down', () => {
    const dir = corpus(10, 2000);
    const r = cli('ingest', dir, '--db', join(dir, 'z.db'), '--jobs', '2', '--max-memory', '3', '--json');
    expect(r.status).toBe(1);
    const s = summary(r.stdout);
    expect(s.failed).toBe(10);
    expect(r.stdout).toMatch(/"code":"out_of_memory"/);
  }, 60_000);

  it('--reprocess re-derives documents whose rules changed, in place', () => {
    const dir = corpus(12, 3000);
    const db = join(dir, 'z.db');
    expect(summary(cli('ingest', dir, '--db', db, '--json', '--quiet').stdout).ingested).toBe(12);
    const d = new Database(db);
    d.prepare("UPDATE documents SET rules_hash = 'old' WHERE id <= 5").run();
    const before = (d.prepare('SELECT count(*) AS n FROM issues').get() as { n: number }).n;
    d.close();
    expect(summary(cli('ingest', dir, '--db', db, '--json', '--quiet').stdout)).toMatchObject({ unchanged: 12, reprocessed: 0 });
    expect(summary(cli('ingest', dir, '--db', db, '--json', '--quiet', '--reprocess').stdout)).toMatchObject({ reprocessed: 5, unchanged: 7, failed: 0 });
    const d2 = new Database(db, { readonly: true });
    expect((d2.prepare('SELECT count(*) AS n FROM issues').get() as { n: number }).n).toBe(before);
    expect((d2.prepare('SELECT count(*) AS n FROM document_paths').get() as { n: number }).n).toBe(12);
    expect((d2.prepare("SELECT count(*) AS n FROM documents WHERE rules_hash = 'old'").get() as { n: number }).n).toBe(0);
    d2.close();
  }, 60_000);

  it('a hostile folder: every bad file has its code, every good file is ingested, the same bytes twice are one document', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zg-hostile-batch-'));
    writeHostileSet(join(dir, 'bad'), { bomb: true, big: true });
    symlinkSync(join(dir, 'nowhere.txt'), join(dir, 'bad', 'dangling.txt'));
    mkdirSync(join(dir, 'good'));
    for (let i = 0; i < 8; i++) writeFileSync(join(dir, 'good', `s${i}.txt`), synthBulletin(4000 + i).text);
    copyFileSync(join(dir, 'good', 's0.txt'), join(dir, 'good', 's0-copy.txt'));
    const db = join(dir, 'z.db');
    const r = cli('ingest', dir, '--db', db, '--jobs', '2', '--json');
    expect(r.status).toBe(1);
    const events = r.stdout.trim().split('\n').map((l) => JSON.parse(l)).filter((e) => e.event === 'file');
    const code = (name: string) => events.find((e) => e.path.endsWith(name))?.code ?? events.find((e) => e.path.endsWith(name))?.status;
    expect({
      empty: code('empty.txt'), random: code('random.pdf'), truncated: code('truncated.pdf'), encrypted: code('encrypted.pdf'),
      binary: code('binary.txt'), doc: code('old-word.doc'), bomb: code('bomb.docx'), huge: code('huge.txt'), dangling: code('dangling.txt'),
    }).toEqual({
      empty: 'empty_file', random: 'pdf_corrupt', truncated: 'pdf_corrupt', encrypted: 'pdf_encrypted',
      binary: 'binary_input', doc: 'doc_corrupt', bomb: 'docx_too_large', huge: 'too_large', dangling: 'unreadable',
    });
    // mojibake, news and script pages are read, with warnings; the 8 good ones are ingested once each
    const d = new Database(db, { readonly: true });
    const warn = d.prepare('SELECT code FROM warnings').all().map((w) => (w as { code: string }).code);
    expect(warn).toEqual(expect.arrayContaining(['suspicious_encoding', 'not_a_bulletin']));
    expect((d.prepare("SELECT count(*) AS n FROM document_paths p JOIN documents x ON x.id = p.document_id WHERE p.path LIKE '%/good/%'").get() as { n: number }).n).toBe(9);
    expect((d.prepare("SELECT count(DISTINCT x.id) AS n FROM document_paths p JOIN documents x ON x.id = p.document_id WHERE p.path LIKE '%/good/%'").get() as { n: number }).n).toBe(8);
    const errs = cli('errors', '--db', db);
    expect(errs.stdout).toMatch(/docx_too_large/);
    d.close();
    expect(existsSync(db)).toBe(true);
  }, 120_000);
});
