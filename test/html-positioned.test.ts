// Saved pages whose text is a PDF's laid out line by line (readers/html-positioned.ts): pdf2htmlEX's
// classes, a PDF.js viewer's text layer (inline style, percents, top instead of bottom), a ledger row
// written as one line with wide spacers between its cells, a part's heading in the body's face right
// under a ledger set smaller; and a page with a few placed marks, which is read as before.
import { describe, it, expect } from 'vitest';
import { readHtml } from '../readers/html.js';
import { extractBytes } from '../stages/extract.js';
import { emWidth } from '../readers/pdf-words.js';

const enc = (s: string) => new TextEncoder().encode(s);

const BODY = [
  '根据市委统一部署，2024年4月8日至6月7日，市委第二巡察组对某某市水利局党组进行了常规巡察。7月12日，巡察组向市水利局党组反馈了巡察意见。现将巡察整改进展情况予以公布。',
  '一、巡察反馈问题整改落实情况',
  '1.关于“河湖长制落实不到位，部分河段巡查流于形式”的问题。',
  '整改情况：一是修订河湖长巡查考核办法，对巡河记录实行月度抽查。二是开展河道“清四乱”专项行动，清理违规堆放点37处。该问题已完成整改。',
  '2.关于“水利工程项目管理不规范，个别项目验收把关不严”的问题。',
  '整改情况：一是对2022年以来的19个项目逐一复核验收资料。二是约谈相关责任单位负责人4人。目前正在推进中。',
];

/** A glyph's width in ems: digits and ASCII half an em. */
const em = (ch: string) => (/[\x20-\x7e]/.test(ch) ? 0.5 : 1);

/** Lines of `cols` ems at most, the first indented 2em, as a PDF wraps a paragraph (full lines justified to the width). */
function wrap(text: string, cols = 24): Array<{ text: string; indent: boolean }> {
  const out: Array<{ text: string; indent: boolean }> = [];
  let line = '';
  let width = 0;
  for (const ch of text) {
    const room = out.length ? cols : cols - 2;
    if (width + em(ch) > room) { out.push({ text: line, indent: !out.length }); line = ''; width = 0; }
    line += ch;
    width += em(ch);
  }
  if (line) out.push({ text: line, indent: !out.length });
  return out;
}

describe('a PDF.js text layer: spans placed by inline style in percents, top down', () => {
  // a page 600 x 800 (the scale factor's units), 16 units a character, lines 28 apart
  const spans: string[] = [];
  let top = 80;
  for (const p of BODY) {
    for (const l of wrap(p)) {
      const left = ((l.indent ? 80 : 48) / 600) * 100;
      spans.push(`<span dir="ltr" role="presentation" style="left: ${left.toFixed(3)}%; top: ${((top / 800) * 100).toFixed(3)}%; font-size: calc(var(--scale-factor)*16.00px); font-family: sans-serif; transform: scaleX(0.998);">${l.text}</span><br role="presentation">`);
      top += 28;
    }
  }
  const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>某某市水利局党组关于巡察整改进展情况的通报</title></head><body>`
    + `<div id="viewer" class="pdfViewer"><div class="page" data-page-number="1" style="width: calc(var(--scale-factor) * 600.00px); height: calc(var(--scale-factor) * 800.00px);">`
    + `<div class="canvasWrapper"><canvas role="presentation"></canvas></div><div class="textLayer">${spans.join('')}</div></div></div></body></html>`;
  const read = readHtml(enc(html));
  const lines = read.text.split('\n');

  it('joins each paragraph from its wrapped lines, a line a paragraph where it starts indented', () => {
    for (const p of BODY) expect(lines).toContain(p);
  });
  it('reads the problems', async () => {
    const rec = await extractBytes(enc(html), 'textlayer.html');
    expect(rec.issues.map((i) => i.number)).toEqual([1, 2]);
    expect(rec.issues[0]!.measures).toHaveLength(2);
    expect(rec.issues.map((i) => i.status)).toEqual(['completed', 'in_progress']);
  });
});

/** A pdf2htmlEX page: lines placed by left/bottom classes; `rows` extra lines given as [x, bottom, size, text, gaps]. */
function pdf2html(rows: Array<[number, number, number, string]>): string {
  const xs = new Map<number, string>();
  const ys = new Map<number, string>();
  const fs = new Map<number, string>();
  const c = (m: Map<number, string>, p: string, v: number) => { if (!m.has(v)) m.set(v, `${p}${m.size}`); return m.get(v)!; };
  const divs = rows.map(([x, y, size, text]) => `<div class="t m0 ${c(xs, 'x', x)} ${c(ys, 'y', y)} ff1 ${c(fs, 'fs', size)}">${text}</div>`);
  const css = ['.t{position:absolute;white-space:pre;font-size:1px;transform-origin:0 100%;}', '._{display:inline-block;}', '.m0{transform:matrix(0.5,0,0,0.5,0,0);}', ...[...xs].map(([v, k]) => `.${k}{left:${v}px;}`), ...[...ys].map(([v, k]) => `.${k}{bottom:${v}px;}`), ...[...fs].map(([v, k]) => `.${k}{font-size:${v * 2}px;}`)].join('\n');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><style>${css}</style></head><body><div id="page-container"><div class="pf" id="pf1"><div class="pc">${divs.join('\n')}</div></div></div></body></html>`;
}

describe('pdf2htmlEX: a ledger row written as one line with wide spacers between its cells', () => {
  const rows: Array<[number, number, number, string]> = [];
  let y = 760;
  for (const p of BODY) for (const l of wrap(p)) { rows.push([l.indent ? 122 : 90, y, 16, l.text]); y -= 28; }
  rows.push([122, y, 16, '该方面问题整改情况见下表。']);
  y -= 34;
  // 序号 | 存在问题 | 整改措施 | 整改进展 in one line each, a spacer before each cell as wide as brings it to its column
  const COLS = [60, 110, 250, 420];
  const line = (cells: string[]) => cells.map((c, k) => {
    if (k === 0) return c;
    // (widths as the reader reckons them: a cell starts at its column's edge, as a table's cells do)
    const end = COLS[k - 1]! + [...cells[k - 1]!].reduce((w, ch) => w + emWidth(ch) * 12, 0);
    return `<span class="_" style="width:${(COLS[k]! - end) * 2}px"></span>${c}`;
  }).join('');
  for (const cells of [['序号', '存在问题', '整改措施', '整改进展'], ['1', '河湖长制落实不到位', '修订河湖长巡查考核办法', '已完成'], ['2', '工程验收把关不严', '逐一复核验收资料', '正在推进']]) {
    rows.push([60, y, 12, line(cells)]);
    y -= 18;
  }
  y -= 16;
  rows.push([122, y, 16, '二、下一步工作打算']);
  y -= 28;
  rows.push([122, y, 16, '局党组将持续巩固整改成果，对正在推进的问题紧盯不放。']);
  const read = readHtml(enc(pdf2html(rows)));

  it('reads the ledger as a table of cells', () => {
    const table = read.blocks?.find((b) => b.kind === 'table');
    expect(table?.rows?.[0]).toEqual(['序号', '存在问题', '整改措施', '整改进展']);
    expect(table?.rows?.[2]).toEqual(['2', '工程验收把关不严', '逐一复核验收资料', '正在推进']);
  });
  it('ends the table at a heading in the body\'s face below it, no category row of the ledger', () => {
    expect(read.text.split('\n')).toContain('二、下一步工作打算');
    expect(read.blocks?.find((b) => b.kind === 'table')?.rows).toHaveLength(3);
  });
});

describe('a page with a few placed marks is read as before', () => {
  it('leaves an article with a floating button and badges alone', () => {
    const marks = [1, 2, 3].map((n) => `<span style="position:absolute;left:${n * 10}px;top:${n * 20}px">标记${n}</span>`).join('');
    const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>通报</title></head><body><div class="content">${marks}${BODY.map((p) => `<p>${p}</p>`).join('')}</div></body></html>`;
    const read = readHtml(enc(html));
    const lines = read.text.split('\n');
    for (const p of BODY) expect(lines).toContain(p);
    expect(lines.indexOf('标记1')).toBeLessThan(lines.indexOf(BODY[0]!));
  });
});
