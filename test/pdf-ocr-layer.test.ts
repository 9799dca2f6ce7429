// A scanned page's invisible OCR text layer (fixtures/pdf-ocr-text-layer-2024): read as visible text is,
// with no OCR run. Its runs lean as the sheet was scanned askew (readers/pdf-rotation.ts skewOf/deskew),
// and its lines' sizes are the engine's estimates, jittering by a point or more (readers/pdf-lines.ts).
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { readPdf } from '../readers/pdf.js';
import { deskew, skewOf, type RawTextItem } from '../readers/pdf-rotation.js';

const Y_DOWN = [1, 0, 0, -1, 0, 842];
const run = (str: string, x: number, y: number, rad: number): RawTextItem =>
  ({ str, transform: [16 * Math.cos(rad), 16 * Math.sin(rad), -16 * Math.sin(rad), 16 * Math.cos(rad), x, y], width: 16 * str.length, height: 16, fontName: 'f', dir: 'ltr', hasEOL: false });

describe('a text layer scanned askew', () => {
  it('tells the lean of its runs, counted by their characters', () => {
    const a = 0.019;
    expect(skewOf([run('关于巡察整改', 78, 700, a), run('情况', 200, 702, a), run('1', 300, 40, 0)], Y_DOWN)).toBeCloseTo(a, 5);
    expect(Math.abs(skewOf([run('正文', 78, 700, 0)], Y_DOWN))).toBe(0);
    expect(skewOf([run('向下', 78, 700, -0.012)], Y_DOWN)).toBeCloseTo(-0.012, 5);
  });
  it('turns the runs of one slanted line back onto one baseline, and leaves a straight page as it is', () => {
    const a = 0.02;
    const items = [0, 120, 240, 400].map((dx) => ({ str: '字', x: 78 + dx * Math.cos(a), y: 600 + dx * Math.sin(a), width: 16, height: 16, fontSize: 16, fontFamily: '', dir: 'ltr', hasEOL: false }));
    const ys = deskew(items, a).map((i) => i.y);
    expect(Math.max(...ys) - Math.min(...ys)).toBeLessThan(0.01);
    expect(deskew(items, 0.0005)).toBe(items);
  });
});

describe('fixtures/pdf-ocr-text-layer-2024', () => {
  it('reads the invisible layer with no OCR, a line broken inside a quote joined again over sizes that jitter', async () => {
    const r = await readPdf(new Uint8Array(readFileSync('fixtures/pdf-ocr-text-layer-2024/bulletin.pdf')), { ocr: false });
    expect(r.ocr).toBeUndefined();
    // (a gap between two runs may read as a space between two ideographs: the text's normalizing closes it up)
    const text = r.text.replace(/(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])/g, '');
    expect(text).toContain('7.关于“财务管理制度执行不严格，部分支出票据不规范”的问题。');
    expect(text).toContain('8.关于“基层党组织建设不够规范，‘三会一课’制度落实不到位”的问题。');
    expect(text).toContain('收缴、清退违规资金共计4.6万元');
    expect(r.text).not.toMatch(/- \d -/);
  });
});
