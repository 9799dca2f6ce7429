// A problem's fields set as a two-column table in a PDF (readers/pdf-fields.ts): the labels in a
// narrow column on the left, each set beside the middle of its value's lines; a value's lines
// placed by the gaps between them, a table going on over a page break inside a cell; then read as
// a Word table of fields is (readers/pdf-lines.ts → tables.ts).
import { describe, it, expect } from 'vitest';
import { readingRows, type Placed } from '../readers/pdf-columns.js';
import { cellParagraphs, fieldRows } from '../readers/pdf-fields.js';
import { linesToDocument, type Line } from '../readers/pdf-lines.js';

const item = (str: string, x: number, y: number, width = str.length * 10): Placed => ({ str, x, y, width, fontSize: 10 });
const label = (str: string, y: number) => item(str, 60, y, 40);
const value = (str: string, y: number) => item(str, 120, y, Math.min(300, str.length * 10));
const cells = (items: Placed[], open = null as Parameters<typeof fieldRows>[1]) => {
  const read = fieldRows(readingRows(items), open);
  return { open: read.open, cells: read.rows.map((r) => (r.field ? [r.field.label, r.field.lines.map((l) => l.map((i) => i.str).join('')).join('|'), r.field.first ? 'first' : r.field.cont ? 'cont' : ''] : r.items.map((i) => i.str).join(''))) };
};

// two tables; in each a cell's lines 15 apart, cells 20 apart, tables 30; labels in the middle of their lines
const page = [
  item('现将整改情况逐项列示如下：', 50, 800, 300),
  label('问题类别', 780), value('党的建设', 780),
  value('理论学习不够深入，', 760), label('问题描述', 752.5), value('以读代学现象存在。', 745),
  value('1.修订学习制度；', 725), label('整改措施', 710), value('2.2024年建立台账；', 710), value('3.开展复核。', 695),
  label('整改状态', 675), value('已完成', 675),
  label('问题类别', 645), value('党的建设', 645),
  label('问题描述', 625), value('台账管理不规范。', 625),
  label('整改措施', 605), value('建立台账。', 605),
  label('整改状态', 585), value('正在推进', 585),
  item('特此通报', 60, 550, 40),
];

describe('a table of fields on a page', () => {
  it('each label with its value\'s lines, the tables one after the other; the text around them left as lines', () => {
    const { cells: got, open } = cells(page);
    expect(got).toEqual([
      '现将整改情况逐项列示如下：',
      ['问题类别', '党的建设', 'first'],
      ['问题描述', '理论学习不够深入，|以读代学现象存在。', ''],
      ['整改措施', '1.修订学习制度；|2.2024年建立台账；|3.开展复核。', ''],
      ['整改状态', '已完成', ''],
      ['问题类别', '党的建设', 'first'],
      ['问题描述', '台账管理不规范。', ''],
      ['整改措施', '建立台账。', ''],
      ['整改状态', '正在推进', ''],
      '特此通报',
    ]);
    expect(open).toBeNull();
  });

  it('a table that runs on to the next page inside a cell: the next page\'s first lines go on with it', () => {
    const first = cells([...page.slice(0, 10), item('— 1 —', 280, 40, 40)]);
    expect(first.open).not.toBeNull();
    const next = cells([value('4.形成长效机制。', 800), label('整改状态', 780), value('已完成', 780), item('下一步，将持续巩固整改成果。', 50, 740, 300)], first.open);
    expect(next.cells).toEqual([['', '4.形成长效机制。', 'cont'], ['整改状态', '已完成', ''], '下一步，将持续巩固整改成果。']);
  });

  it('a page with no column of labels is left as it is', () => {
    const plain = [item('整改措施', 50, 800, 40), item('一是修订制度；二是建立台账。', 50, 780, 300), item('整改状态：已完成', 50, 760, 160)];
    const { cells: got, open } = cells(plain);
    expect(got).toEqual(['整改措施', '一是修订制度；二是建立台账。', '整改状态：已完成']);
    expect(open).toBeNull();
  });
});

describe('the cells read as a table of fields', () => {
  const at = (y: number, page = 0): Omit<Line, 'text'> => ({ x: 60, y, right: 400, size: 10, page });
  const field = (label: string, lines: string[], y: number, extra: { first?: boolean; cont?: boolean } = {}, page = 0): Line => ({ ...at(y, page), text: [label, ...lines].join(' '), field: { label, lines, ...extra } });

  it('labelled lines, each a paragraph of its own, a cell a page break cut joined again; one table block', () => {
    const pages: Line[][] = [
      [{ ...at(800), x: 50, text: '现将整改情况逐项列示如下：' }, field('问题类别', ['党的建设'], 780, { first: true }), field('问题描述', ['理论学习不够深入，', '以读代学。'], 760), field('整改措施', ['1.修订学习制度；', '2.2024年建立台账；'], 725)],
      [field('', ['3.开展复核。'], 800, { cont: true }, 1), field('整改状态', ['已完成'], 780, {}, 1), { ...at(740, 1), x: 50, text: '特此通报。' }],
    ];
    const { text, blocks } = linesToDocument(pages, false);
    expect(text.split('\n')).toEqual(['现将整改情况逐项列示如下：', '问题类别：党的建设', '问题：理论学习不够深入，以读代学。', '整改措施：1.修订学习制度；', '2.2024年建立台账；', '3.开展复核。', '整改状态：已完成', '特此通报。']);
    const table = blocks.find((b) => b.kind === 'table');
    expect(table?.rows?.map((r) => r[0])).toEqual(['问题类别', '问题描述', '整改措施', '整改状态']);
  });
});

describe('a cell\'s lines as paragraphs', () => {
  it('a wrapped line joined; a numbered line after a finished one starts a paragraph, 2.2024年 too', () => {
    expect(cellParagraphs(['1.修订《议事', '规则》；', '2.2024年引进人才2名；', '3.建立制度。'])).toBe('1.修订《议事规则》；\n2.2024年引进人才2名；\n3.建立制度。');
    // (a line after an unfinished one goes on with it, whatever it starts with)
    expect(cellParagraphs(['追回违规款项共计', '2.5万元；', '5.开展培训'])).toBe('追回违规款项共计2.5万元；\n5.开展培训');
  });
});
