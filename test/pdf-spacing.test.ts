// PDF text set with letter spacing (readers/pdf-words.ts, readers/pdf-columns.ts): a gap between
// two glyphs is a word space only when clearly wider than the line's letter spacing, and a gap
// that lines up down a letter-spaced page is no gutter between two columns. On item lists fed to
// the line assembler and the column finder, and on a PDF generated here (character spacing, Tc).
import { describe, it, expect } from 'vitest';
import { joinItems, pageLetterSpacing } from '../readers/pdf-words.js';
import { readingRows, type Placed } from '../readers/pdf-columns.js';
import { readPdf } from '../readers/pdf.js';
import { buildPdf } from './hostile.js';

/** Glyph items of one line set at `size` with `spacing` points after each glyph (CJK an em wide, Latin 0.55 em), as pdf.js gives them: one item a glyph. */
function spaced(text: string, x: number, y: number, spacing: number, size = 12): Placed[] {
  const out: Placed[] = [];
  for (const ch of text) {
    const w = /[\u4e00-\u9fff\uff00-\uffef\u3000-\u303f]/.test(ch) ? size : size * 0.55;
    out.push({ str: ch, x, y, width: w, fontSize: size });
    x += w + spacing;
  }
  return out;
}
/** One item holding glyphs with a space between every two (what pdf.js writes for gaps of 0.1–0.6 em). */
const run = (text: string, x: number, spacing: number, size = 12): Placed => {
  const chars = [...text];
  const w = chars.reduce((s, ch) => s + (/[\u4e00-\u9fff\uff00-\uffef]/.test(ch) ? size : size * 0.55), 0) + spacing * (chars.length - 1);
  return { str: chars.join(' '), x, y: 700, width: w, fontSize: size };
};

describe('word spaces against letter spacing', () => {
  it('a letter-spaced line closes up its digits and its date: one item a glyph, and digits in one item with spaces', () => {
    const line = [...spaced('根据县委统一部署，', 60, 700, 7.5), run('2023', 235.5, 7), ...spaced('年3月', 300, 700, 7.5)];
    expect(joinItems(line)).toBe('根据县委统一部署，2023年3月');
  });

  it('a telephone number and an e-mail address set letter-spaced close up', () => {
    expect(joinItems([...spaced('电话：', 60, 700, 7), run('0377-67923158', 117, 7)])).toBe('电话：0377-67923158');
    expect(joinItems([run('邮箱：sqxtyjrswj@163.com', 60, 7)])).toBe('邮箱：sqxtyjrswj@163.com');
  });

  it('a gap clearly wider than the letter spacing is a word space; one a little wider (a narrow digit) is not', () => {
    const contact = [...spaced('Contact', 60, 700, 7.5), ...spaced('us', 60 + 7 * (6.6 + 7.5) + 11, 700, 7.5)];
    expect(joinItems(contact)).toBe('Contact us');
    const digits = [...spaced('对照第', 60, 700, 7.5), ...spaced('12', 118.5, 700, 10), ...spaced('项问题', 118.5 + 2 * 16.6, 700, 7.5)];
    expect(joinItems(digits)).toBe('对照第12项问题');
  });

  it('English words in an ordinary line keep their spaces, a run of its own or words set apart', () => {
    expect(joinItems([{ str: 'Rectification of the problems found', x: 60, y: 700, width: 185, fontSize: 12 }])).toBe('Rectification of the problems found');
    const words = [{ str: 'Party', x: 60, y: 700, width: 28, fontSize: 12 }, { str: 'Committee', x: 92, y: 700, width: 55, fontSize: 12 }];
    expect(joinItems(words)).toBe('Party Committee');
    // touching items are one run split by the producer: no space
    expect(joinItems([{ str: '83', x: 60, y: 700, width: 12, fontSize: 12 }, { str: '.33%', x: 72, y: 700, width: 22, fontSize: 12 }])).toBe('83.33%');
  });

  it('an ordinary line keeps the spaces it has, even around a single digit', () => {
    const item = { str: '年 3 月 7 日至 4 月 22 日', x: 60, y: 700, width: 232, fontSize: 10.5 };
    expect(joinItems([item])).toBe('年 3 月 7 日至 4 月 22 日');
    expect(joinItems([{ str: 'Grade A B', x: 60, y: 700, width: 50, fontSize: 12 }])).toBe('Grade A B');
  });

  it('a line of two glyphs takes its page\'s letter spacing: closed on a letter-spaced page, kept on an ordinary one', () => {
    const short = [run('20', 60, 7)];
    expect(joinItems(short, 0.6)).toBe('20');
    expect(joinItems(short, null)).toBe('2 0');
  });

  it('a page is letter-spaced when most of its lines that tell are', () => {
    const letterSpaced = Array.from({ length: 6 }, (_, k) => spaced('整改工作开展情况', 60, 700 - k * 26, 7.5));
    expect(pageLetterSpacing(letterSpaced)).toBeCloseTo(0.625, 2);
    const ordinary = Array.from({ length: 6 }, (_, k) => [{ str: '整改工作开展情况，局党组', x: 60, y: 700 - k * 20, width: 144, fontSize: 12 }]);
    expect(pageLetterSpacing(ordinary)).toBeNull();
  });
});

describe('a gutter is wider than the rows\' usual gap', () => {
  const text = (rows: Array<{ items: Placed[] }>) => rows.map((r) => r.items.map((i) => i.str).join(''));

  it('a letter-spaced page whose glyph gaps line up down the page is one column', () => {
    const lines = Array.from({ length: 14 }, (_, k) => `第${'一二三四五六七八九十'[k % 10]}行整改工作开展情况与措施`);
    const items = lines.flatMap((l, k) => spaced(l, 60, 780 - k * 26, 7.5));
    expect(text(readingRows(items))).toEqual(lines);
  });

  it('two letter-spaced columns with a gutter wider than their letter spacing are still read one after the other', () => {
    const items: Placed[] = [];
    for (let k = 0; k < 12; k++) items.push(...spaced(`左栏第${k + 1}行`, 50, 780 - k * 20, 4), ...spaced(`右栏第${k + 1}行`, 320, 780 - k * 20, 4));
    const rows = text(readingRows(items));
    expect(rows.slice(0, 12)).toEqual(Array.from({ length: 12 }, (_, k) => `左栏第${k + 1}行`));
    expect(rows.slice(12)).toEqual(Array.from({ length: 12 }, (_, k) => `右栏第${k + 1}行`));
  });
});

/** A one-page PDF: lines of [font, text] runs, CJK in STSong-Light (UniGB-UCS2-H), Latin in Helvetica, each line with its character spacing (Tc). */
function letterSpacedPdf(lines: Array<{ y: number; tc: number; runs: Array<['cjk' | 'latin', string]> }>): Uint8Array {
  const hex = (s: string) => [...s].map((c) => c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')).join('');
  const content = lines.map((l) => `BT ${l.tc} Tc 60 ${l.y} Td ` + l.runs.map(([f, t]) => (f === 'cjk' ? `/F1 12 Tf <${hex(t)}> Tj` : `/F2 12 Tf (${t}) Tj`)).join(' ') + ' ET').join('\n');
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R /F2 8 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ]);
}

describe('a PDF set with letter spacing', () => {
  // 7.5 pt after every glyph at 12 pt: pdf.js gives one item a glyph (CJK) or a run with a space between every two (digits at 6 pt)
  const body = ['巡察整改进展情况予以公布现将有关情况通报如下', '局党组把巡察整改作为一项重大政治任务坚持书记', '负总责班子成员分工负责成立整改工作领导小组下', '设综合协调组和督查督办组抽调业务骨干集中办公',
    '反馈会后局党组第一时间召开会议传达学习反馈会', '精神先后召开党组会议和整改推进会专题研究部署', '整改工作确保整改工作有力有序推进取得明显成效', '对照巡察反馈的问题逐条分析原因研究对策制定措',
    '施形成问题任务责任三张清单明确每个问题的责任', '领导责任股室和完成时限实行整改台账管理。'];
  const pdf = letterSpacedPdf([
    { y: 780, tc: 7.5, runs: [['cjk', '根据县委统一部署，'], ['latin', '2023'], ['cjk', '年'], ['latin', '3'], ['cjk', '月'], ['latin', '20'], ['cjk', '日，']] },
    ...body.map((t, k) => ({ y: 754 - k * 26, tc: 7.5, runs: [['cjk', t]] as Array<['cjk' | 'latin', string]> })),
    { y: 480, tc: 6, runs: [['cjk', '联系电话：'], ['latin', '0377-67923158']] },
    { y: 454, tc: 6, runs: [['cjk', '电子邮箱：'], ['latin', 'sqxtyjrswj@163.com']] },
    { y: 428, tc: 7.5, runs: [['latin', 'Contact us']] },
    { y: 402, tc: 0, runs: [['latin', 'Rectification of the problems found'], ['cjk', '。']] },
  ]);

  it('reads each line whole, top to bottom, with its date, telephone number and e-mail address closed up and word spaces kept', async () => {
    const { text } = await readPdf(pdf, { ocr: false });
    const lines = text.split('\n');
    expect(text).toContain('根据县委统一部署，2023年3月20日，');
    // the lines follow one another (no left half of the page before its right half)
    expect(text.replace(/\n/g, '')).toContain(body.join(''));
    expect(lines).toContain('联系电话：0377-67923158');
    expect(lines).toContain('电子邮箱：sqxtyjrswj@163.com');
    expect(text).toContain('Contact us');
    expect(text).toContain('Rectification of the problems found');
  });
});
