// PDF pages read in their reading orientation (readers/pdf-rotation.ts): a landscape page stored
// as a portrait page under /Rotate 90, 180 or 270, and text drawn turned on an unrotated page, on
// PDFs made here; text running another way on a page read after its main text, slanted text
// (a watermark) left out; and the directions told from the items' transforms.
import { describe, it, expect } from 'vitest';
import { readPdf } from '../readers/pdf.js';
import { directionGroups, quarterOf, type RawTextItem } from '../readers/pdf-rotation.js';
import { buildPdf } from './hostile.js';

const hex = (s: string) => [...s].map((c) => c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')).join('');
const PORTRAIT = { w: 595, h: 842 };

/** What a page draws: lines of text in its own frame (landscape or portrait), set into the page by `cm`. */
interface PageSpec { rotate?: number; cm: string; lines: string[]; extra?: string }

/** The content that sets each line 12 pt, one under the other from the frame's top left. */
const linesContent = (lines: string[], top: number) => lines.map((l, k) => `BT /F1 12 Tf 60 ${top - k * 20} Td <${hex(l)}> Tj ET`).join('\n');

/** A PDF of such pages, Chinese in a non-embedded font through a predefined CMap (read with the Adobe maps). */
function turnedPdf(pages: PageSpec[]): Uint8Array {
  const n = pages.length;
  const font = 3 + 2 * n;
  const objs = ['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [${pages.map((_, i) => `${3 + 2 * i} 0 R`).join(' ')}] /Count ${n} >>`];
  pages.forEach((p, i) => {
    const content = `q ${p.cm} cm\n${linesContent(p.lines, p.cm.startsWith('1 0 0 1') || p.cm.startsWith('-1') ? PORTRAIT.h - 60 : PORTRAIT.w - 60)}\nQ\n${p.extra ?? ''}`;
    objs.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PORTRAIT.w} ${PORTRAIT.h}]${p.rotate ? ` /Rotate ${p.rotate}` : ''} /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${4 + 2 * i} 0 R >>`);
    objs.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
  });
  objs.push(
    `<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [${font + 1} 0 R] >>`,
    `<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor ${font + 2} 0 R /DW 1000 >>`,
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  );
  return buildPdf(objs);
}

// a landscape frame (842 × 595) set into the portrait page so that the page, turned as /Rotate says, shows it upright
const TURN = {
  r90: `0 1 -1 0 ${PORTRAIT.w} 0`, // text runs bottom to top on the page; /Rotate 90 turns it clockwise
  r270: `0 -1 1 0 0 ${PORTRAIT.h}`, // text runs top to bottom; /Rotate 270
  r180: `-1 0 0 -1 ${PORTRAIT.w} ${PORTRAIT.h}`, // upside down (a portrait frame); /Rotate 180
  none: '1 0 0 1 0 0',
};
// (numbered sentences: each line a paragraph of its own)
const lines = (tag: string) => [`一、${tag}县委巡察组反馈问题整改落实情况。`, `二、${tag}已完成整改事项十二个。`, `三、${tag}正在推进整改事项三个。`];
const paragraphs = async (bytes: Uint8Array) => (await readPdf(bytes, { ocr: false })).text.split('\n');

describe('pages read in their reading orientation', () => {
  it('a landscape page stored as a portrait page under /Rotate 90, 270 or 180 reads line by line, top to bottom', async () => {
    const text = await paragraphs(turnedPdf([
      { rotate: 90, cm: TURN.r90, lines: lines('甲') },
      { rotate: 270, cm: TURN.r270, lines: lines('乙') },
      { rotate: 180, cm: TURN.r180, lines: lines('丙') },
    ]));
    expect(text).toEqual([...lines('甲'), ...lines('乙'), ...lines('丙')]);
  });

  it('text drawn turned on an unrotated page (a landscape table set sideways) reads as the page turned upright would', async () => {
    const text = await paragraphs(turnedPdf([{ cm: TURN.r90, lines: lines('丁') }, { cm: TURN.r270, lines: lines('戊') }]));
    expect(text).toEqual([...lines('丁'), ...lines('戊')]);
  });

  it('an upright page reads as before: the items in their own coordinates', async () => {
    expect(await paragraphs(turnedPdf([{ cm: TURN.none, lines: lines('己') }]))).toEqual(lines('己'));
  });

  it('a note running another way reads after the page\'s main text; a slanted watermark is no text', async () => {
    // on a page of text turned sideways: a note set upright along its foot, and a watermark at 45°
    const note = `BT /F1 12 Tf 200 30 Td <${hex('本页为横排表格附注。')}> Tj ET`;
    const watermark = `BT /F1 40 Tf 0.7071 0.7071 -0.7071 0.7071 150 300 Tm <${hex('内部资料')}> Tj ET`;
    const text = await paragraphs(turnedPdf([{ cm: TURN.r90, lines: lines('庚'), extra: `${note}\n${watermark}` }]));
    expect(text).toEqual([...lines('庚'), '本页为横排表格附注。']);
    expect(text.join('')).not.toContain('内部');
  });
});

describe('an item\'s direction', () => {
  const upright = [1, 0, 0, -1, 0, 842]; // an unrotated A4 page's viewport
  const item = (transform: number[], str = '字'): RawTextItem => ({ str, transform, width: 12, height: 12, fontName: 'F1', dir: 'ltr', hasEOL: false });

  it('the quarter turn its text runs in on the screen, from its transform through the page\'s viewport', () => {
    expect(quarterOf(upright, [12, 0, 0, 12, 50, 700])).toBe(0);
    expect(quarterOf(upright, [0, 12, -12, 0, 50, 700])).toBe(3); // bottom to top
    expect(quarterOf(upright, [0, -12, 12, 0, 50, 700])).toBe(1); // top to bottom
    expect(quarterOf(upright, [-12, 0, 0, -12, 50, 700])).toBe(2);
    // (a skewed scan's text layer, 3° off level, is level text; 45° is a slant)
    expect(quarterOf(upright, [11.98, 0.63, -0.63, 11.98, 50, 700])).toBe(0);
    expect(quarterOf(upright, [8.5, 8.5, -8.5, 8.5, 50, 700])).toBeNull();
    // under /Rotate 90 (pdf.js's viewport for it) text running up the page reads left to right
    expect(quarterOf([0, 1, 1, 0, 0, 0], [0, 12, -12, 0, 50, 700])).toBe(0);
  });

  it('the page\'s items grouped by direction, the most text first, each with the turn that sets it upright; a slant left out', () => {
    const turned = Array.from({ length: 5 }, (_, k) => item([0, 12, -12, 0, 100 + 20 * k, 100], '横排表格文字'));
    const groups = directionGroups([item([10, 0, 0, 10, 300, 30], '第3页'), ...turned, item([8.5, 8.5, -8.5, 8.5, 200, 400], '内部资料')], 0, upright);
    expect(groups.map((g) => [g.rotation, g.items.length])).toEqual([[90, 5], [0, 1]]);
    // an unrotated page of upright text: one group, no turn
    expect(directionGroups([item([12, 0, 0, 12, 50, 700])], 0, upright).map((g) => [g.rotation, g.quarter])).toEqual([[0, 0]]);
  });
});
