// Issue 21's measure: a batch of 300 good texts with the files that used to take the whole
// ingest down (a 416-byte PDF with a 2480×3508 pt page, a blank 4960×7016 PNG and a 16000×16000
// one renamed .txt, a 3 KB .docx whose list starts at 2.6 billion) and a PDF of 5,000 blank
// pages: every text lands, each bad file has its code, exit 1, errors lists them, within 3 minutes.
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { synthBulletin } from './bench/synth.js';
import { pngOf, bigCounterDocx, bigPagePdf, blankPagesPdf } from './hostile.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = (...args: string[]) => spawnSync(process.execPath, [join(root, 'bin', 'zhenggai.mjs'), ...args], { cwd: root, encoding: 'utf8', timeout: 400_000 });

describe('one document never takes down a batch', () => {
  it('300 texts with the crashing files and a 5,000-page PDF: all texts land, each bad file has its code, within 3 minutes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zg-contain-'));
    for (let i = 0; i < 300; i++) writeFileSync(join(dir, `b${i}.txt`), synthBulletin(5000 + i).text);
    const bad: Record<string, Uint8Array> = {
      'big-page.pdf': bigPagePdf(),
      'blank-scan.png': pngOf(4960, 7016, 7016),
      'huge-picture.txt': pngOf(16000, 16000),
      'counter.docx': bigCounterDocx(),
      'blank-5000.pdf': blankPagesPdf(5000),
    };
    for (const [name, bytes] of Object.entries(bad)) writeFileSync(join(dir, name), bytes);
    expect(bad['big-page.pdf']!.length).toBeLessThan(1000);
    expect(bad['blank-5000.pdf']!.length).toBeLessThan(700_000);
    const db = join(mkdtempSync(join(tmpdir(), 'zg-contain-db-')), 'z.db');
    const t0 = Date.now();
    const r = run('ingest', dir, '--db', db, '--json', '--timeout', '20000');
    const seconds = (Date.now() - t0) / 1000;
    expect(r.status, r.stderr.slice(-2000)).toBe(1);
    const events = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    const byName = new Map(events.filter((e) => e.event === 'file').map((e) => [e.path.split('/').pop(), e]));
    expect(events.at(-1)).toMatchObject({ event: 'summary', ingested: 300 });
    expect(byName.get('big-page.pdf')).toMatchObject({ status: 'failed', code: 'pdf_no_text' });
    expect(byName.get('blank-scan.png')).toMatchObject({ status: 'failed', code: 'empty_file' });
    expect(byName.get('huge-picture.txt')).toMatchObject({ status: 'failed', code: 'image_too_large' });
    expect(byName.get('counter.docx')).toMatchObject({ status: 'failed', code: 'docx_corrupt' });
    // the 5,000 blank pages: stopped by its one time limit (reading 5,000 pages' text layers takes
    // pdf.js about 20 s here), or, on a faster machine, at most --ocr-max-pages of them OCR'd and
    // nothing found: either way in seconds, not the 7 hours a limit re-armed per page allowed
    const scan = byName.get('blank-5000.pdf');
    expect(scan?.status).toBe('failed');
    expect(['timeout', 'pdf_no_text']).toContain(scan?.code);
    const errors = run('errors', '--db', db).stdout;
    for (const name of Object.keys(bad)) expect(errors).toContain(name);
    console.info(`300 texts + 5 hostile files: ${seconds.toFixed(1)} s`);
    expect(seconds).toBeLessThan(180);
  }, 400_000);
});
