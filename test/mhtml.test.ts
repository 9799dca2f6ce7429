// Pages saved as one file (MHTML, .mht): readers/mhtml.ts. Built here in the shapes browsers and
// Word write them, and broken in the ways a download or a disk breaks them: a clear error code or
// a warning, never a crash.
import { describe, it, expect } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encode as qp, wrap } from 'libqp';
import { extractBytes } from '../stages/extract.js';
import { ZhenggaiError } from '../core/errors.js';
import { readBytes, sniff } from '../readers/index.js';
import { collectFiles } from '../app/files.js';
import { FIXTURES } from './fixtures.js';

const FIXTURE = readFileSync(join(FIXTURES, 'mhtml-saved-2022', 'bulletin.mhtml'));
const SOURCE = readFileSync(join(FIXTURES, 'mhtml-saved-2022', 'source.html.src'), 'utf8');
const TITLE = '中共甘肃省文化和旅游厅党组关于十三届省委第十二轮巡视整改进展情况的通报';
const CRLF = '\r\n';
const codeOf = async (p: Promise<unknown>) => {
  try { await p; return 'ok'; } catch (e) { return e instanceof ZhenggaiError ? e.code : `not a ZhenggaiError: ${e}`; }
};

interface PartSpec { type: string; body: Buffer; encoding: 'quoted-printable' | 'base64' | '8bit'; location?: string; id?: string }
/** An MHTML file as a browser writes it: headers, then each part in the boundary. */
function mhtml(parts: PartSpec[], head: { subject?: string; location?: string; start?: string } = {}): Buffer {
  const boundary = '----MultipartBoundary--abc123----';
  const lines = ['From: <Saved by Blink>'];
  if (head.location) lines.push(`Snapshot-Content-Location: ${head.location}`);
  if (head.subject) lines.push(`Subject: =?utf-8?B?${Buffer.from(head.subject).toString('base64')}?=`);
  lines.push('MIME-Version: 1.0', `Content-Type: multipart/related;${CRLF}\ttype="text/html";${CRLF}\tboundary="${boundary}"${head.start ? `;${CRLF}\tstart="${head.start}"` : ''}`, '', '');
  const chunks: Buffer[] = [Buffer.from(lines.join(CRLF))];
  for (const p of parts) {
    const h = [`--${boundary}`, `Content-Type: ${p.type}`, ...(p.id ? [`Content-ID: ${p.id}`] : []), `Content-Transfer-Encoding: ${p.encoding}`, ...(p.location ? [`Content-Location: ${p.location}`] : []), '', ''].join(CRLF);
    chunks.push(Buffer.from(h));
    if (p.encoding === 'quoted-printable') chunks.push(Buffer.from(wrap(qp(p.body), 76).replace(/\r?\n/g, CRLF)));
    else if (p.encoding === 'base64') chunks.push(Buffer.from(p.body.toString('base64').replace(/.{76}/g, `$&${CRLF}`)));
    else chunks.push(p.body);
    chunks.push(Buffer.from(CRLF));
  }
  chunks.push(Buffer.from(`--${boundary}--${CRLF}`));
  return Buffer.concat(chunks);
}
const gbk = (s: string) => {
  // GB18030 bytes through a round trip Node can do: TextDecoder reads GBK, so each character is looked up once
  const dec = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++) for (let lo = 0x40; lo <= 0xfe; lo++) { if (lo === 0x7f) continue; const c = dec.decode(new Uint8Array([hi, lo])); if (c.length === 1 && !table.has(c)) table.set(c, [hi, lo]); }
  return Buffer.from([...s].flatMap((c) => (c.charCodeAt(0) < 0x80 ? [c.charCodeAt(0)] : table.get(c) ?? [0x3f])));
};
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

describe('MHTML: a page saved as one file', () => {
  it('is told by its content, whatever its name; the fixture reads as its page', async () => {
    expect(sniff(FIXTURE)).toBe('mhtml');
    expect(sniff(Buffer.from('MIME-Version: 1.0\r\nX-Document-Type: Document\r\nContent-Type: multipart/related; boundary="----=_NextPart_01D9"\r\n\r\n'))).toBe('mhtml');
    expect(sniff(Buffer.from('Subject: 巡察整改\r\n\r\n一、问题'))).toBe('text');
    expect(sniff(Buffer.from('Content-Type: text/plain\r\n\r\n正文'))).toBe('text');
    const rec = await extractBytes(FIXTURE, 'saved.txt');
    expect(rec.source.format).toBe('html');
    expect(rec.bulletin.title).toBe(TITLE);
    expect(rec.bulletin.published_date).toBe('2022-11-18');
    expect(rec.issues.length).toBe(12);
    // the stylesheets' words and the pictures' bytes are no text of the page
    const read = await readBytes(FIXTURE, 'bulletin.mhtml');
    expect(read.text).not.toMatch(/=E4|仿宋|微软雅黑|iVBOR/);
    expect(read.warnings ?? []).toEqual([]);
  });
  it('a GBK page: the charset its part declares, else the page\'s own <meta> (Chrome declares none)', async () => {
    const page = SOURCE.replace(/charset=UTF-8/i, 'charset=gb2312');
    expect(page).toContain('charset=gb2312');
    const viaMeta = await readBytes(mhtml([{ type: 'text/html', body: gbk(page), encoding: 'quoted-printable' }]), 'gbk.mhtml');
    expect(viaMeta.encoding).toBe('gb18030');
    expect(viaMeta.text).toContain('巡视整改');
    const noMeta = page.replace(/<meta[^>]+charset[^>]*>/gi, '');
    const viaPart = await readBytes(mhtml([{ type: 'text/html; charset="gb2312"', body: gbk(noMeta), encoding: 'base64' }]), 'gbk.mht');
    expect(viaPart.encoding).toBe('gb18030');
    expect(viaPart.meta.title).toBe(TITLE);
  });
  it('the page at Snapshot-Content-Location (or start=), not a frame saved before it; the Subject titles a page without one', async () => {
    const frame = `<html><body><div class="content"><p>${'这是页面里嵌入的另一个框架的文字内容，与通报无关。'.repeat(6)}</p></div></body></html>`;
    const untitled = SOURCE.replace(/<title>[\s\S]*?<\/title>/, '').replace(/<meta name="ArticleTitle"[^>]*>/, '').replace(/<h1[\s\S]*?<\/h1>/g, '');
    const parts: PartSpec[] = [
      { type: 'text/html', body: Buffer.from(frame), encoding: 'quoted-printable', location: 'https://x.gov.cn/frame.html', id: '<frame-1@mhtml.blink>' },
      { type: 'image/png', body: PNG, encoding: 'base64', location: 'https://x.gov.cn/logo.png' },
      { type: 'text/html', body: Buffer.from(untitled), encoding: 'quoted-printable', location: 'https://x.gov.cn/page.html', id: '<frame-2@mhtml.blink>' },
    ];
    const bySnapshot = await readBytes(mhtml(parts, { location: 'https://x.gov.cn/page.html', subject: `${TITLE}_通知公告_甘肃省文化和旅游厅` }), 'a.mhtml');
    expect(bySnapshot.text).toContain('巡视整改');
    expect(bySnapshot.text).not.toContain('另一个框架');
    expect(bySnapshot.meta.title).toBe(TITLE);
    const byStart = await readBytes(mhtml(parts, { start: '<frame-2@mhtml.blink>' }), 'b.mht');
    expect(byStart.text).not.toContain('另一个框架');
    const first = await readBytes(mhtml(parts), 'c.mht');
    expect(first.text).toContain('另一个框架');
  });
  it('broken files: a clear error code, never a crash', async () => {
    expect(await codeOf(readBytes(Buffer.from('garbage, no MIME at all'), 'x.mhtml'))).toBe('mhtml_corrupt');
    expect(await codeOf(readBytes(Buffer.from('From: <Saved by Blink>\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n'), 'x.mht'))).toBe('mhtml_corrupt');
    const noPage = mhtml([{ type: 'image/png', body: PNG, encoding: 'base64' }, { type: 'text/css', body: Buffer.from('body{}'), encoding: 'quoted-printable' }]);
    expect(await codeOf(readBytes(noPage, 'x.mhtml'))).toBe('mhtml_corrupt');
    const emptyPage = mhtml([{ type: 'text/html', body: Buffer.alloc(0), encoding: '8bit' }]);
    expect(await codeOf(readBytes(emptyPage, 'x.mhtml'))).toBe('mhtml_corrupt');
    // cut short in its head, in the page before the article, in a picture
    expect(await codeOf(readBytes(FIXTURE.subarray(0, 300), 'cut.mhtml'))).toBe('mhtml_corrupt');
    expect(await codeOf(readBytes(FIXTURE.subarray(0, 3000), 'cut.mhtml'))).toBe('mhtml_corrupt');
    const inPicture = await readBytes(FIXTURE.subarray(0, FIXTURE.indexOf('iVBOR') + 40), 'cut.mhtml');
    expect(inPicture.warnings ?? []).toEqual([]);
  });
  it('cut short inside its page after the article began: read as far as it goes, with mhtml_truncated', async () => {
    const end = FIXTURE.indexOf('Content-Type: text/css');
    const cut = FIXTURE.subarray(0, Math.round(end * 0.85));
    const read = await readBytes(cut, 'cut.mhtml');
    expect(read.warnings?.map((w) => w.code)).toEqual(['mhtml_truncated']);
    expect(read.text).toContain('巡视整改');
    // a cut page whose elements, closed where it ends, nest past the stack
    const deep = mhtml([{ type: 'text/html', body: Buffer.from(`<html><body>${'<div>'.repeat(50_000)}${'中共某某县民政局党组关于巡察整改情况的通报'.repeat(5)}`), encoding: '8bit' }]);
    expect(['ok', 'mhtml_corrupt']).toContain(await codeOf(readBytes(deep.subarray(0, deep.length - 40), 'deep.mhtml')));
    // every cut of the file gives a record or a ZhenggaiError (a cut between a character's bytes too)
    for (let n = 0; n < FIXTURE.length; n += 1531) {
      const code = await codeOf(extractBytes(FIXTURE.subarray(0, n), 'cut.mhtml'));
      expect(['ok', 'mhtml_corrupt', 'empty_file']).toContain(code);
    }
  });
  it('ingest takes .mht and .mhtml files from a folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zg-mhtml-'));
    for (const f of ['a.mhtml', 'b.mht', 'c.MHTML', 'd.xlsx']) writeFileSync(join(dir, f), FIXTURE);
    const found = await collectFiles([dir]);
    expect(found.files.map((f) => f.slice(dir.length + 1)).sort()).toEqual(['a.mhtml', 'b.mht', 'c.MHTML']);
    expect(found.skipped.map((f) => f.slice(dir.length + 1))).toEqual(['d.xlsx']);
  });
});
