// PDF page layouts rebuilt from text items' places: two columns read one after the other
// (readers/pdf-columns.ts), and a ledger table's rows of cells (readers/pdf-tables.ts), on
// synthetic pages; and pages that are neither left as lines.
import { describe, it, expect } from 'vitest';
import { readingRows, type Placed } from '../readers/pdf-columns.js';
import { ledgerRows } from '../readers/pdf-tables.js';
import { linesToDocument, type Line } from '../readers/pdf-lines.js';

const item = (str: string, x: number, y: number, width = str.length * 10): Placed => ({ str, x, y, width, fontSize: 10 });
const text = (rows: Array<{ items: Placed[] }>) => rows.map((r) => r.items.map((i) => i.str).join(''));

describe('two columns', () => {
  // a title across the page, then 12 rows of a left column (x 50–250) and a right column (x 300–500)
  const items = [item('关于巡察整改情况的通报标题横跨两栏', 100, 800, 400)];
  for (let k = 0; k < 12; k++) items.push(item(`左栏第${k + 1}行文字内容`, 50, 780 - k * 14, 200), item(`右栏第${k + 1}行文字内容`, 300, 780 - k * 14, 200));

  it('the title first, then the left column top to bottom, then the right', () => {
    const rows = readingRows(items);
    expect(text(rows)).toEqual(['关于巡察整改情况的通报标题横跨两栏', ...Array.from({ length: 12 }, (_, k) => `左栏第${k + 1}行文字内容`), ...Array.from({ length: 12 }, (_, k) => `右栏第${k + 1}行文字内容`)]);
    // the right column's lines measured from the page's margin, the left's to its right edge
    expect(rows[13]!.dx).toBe(-250);
    expect(rows[1]!.dRight).toBe(250);
  });

  it('one column stays as it is', () => {
    const one = Array.from({ length: 12 }, (_, k) => item(`第${k + 1}行是一整行正文的内容`, 50, 780 - k * 14, 450));
    expect(text(readingRows(one))).toEqual(one.map((i) => i.str));
  });
});

describe('a ledger table', () => {
  // header words in the middle of their columns; columns start at 50, 80, 200, 330
  const rows = (ys: Array<[number, Placed[]]>) => ys.map(([y, items]) => ({ y, size: 10, items }));
  const page = rows([
    [800, [item('序号', 50, 800), item('问题', 120, 800), item('整改措施', 240, 800), item('完成情况', 340, 800)]],
    [786, [item('（一）政治建设方面', 50, 786, 200)]],
    [772, [item('1', 55, 772, 5), item('理论学习', 80, 772), item('一是修订制度；', 200, 772), item('已完成', 330, 772)]],
    [758, [item('不深入', 80, 758), item('二是开展研讨。', 200, 758)]],
    [744, [item('2', 55, 744, 5), item('台账缺失', 80, 744), item('建立台账。', 200, 744), item('正在推进', 330, 744)]],
    [700, [item('下一步，局党组将持续巩固整改成果，确保整改到位。', 50, 700, 480)]],
  ]);

  it('rows of cells: the header, a category row, a row whose wrapped cells are joined; the text after it left as a line', () => {
    const { rows: out, open } = ledgerRows(page, null);
    expect(out.map((r) => r.cells ?? null)).toEqual([
      ['序号', '问题', '整改措施', '完成情况'],
      ['（一）政治建设方面', '', '', ''],
      ['1', '理论学习不深入', '一是修订制度；二是开展研讨。', '已完成'],
      ['2', '台账缺失', '建立台账。', '正在推进'],
      null,
    ]);
    expect(open).toBeNull();
  });

  it('a table that runs on to the next page: its first lines go on with the last row, the header again is no row', () => {
    const first = ledgerRows(page.slice(0, 4), null);
    expect(first.open).not.toBeNull();
    const next = ledgerRows(rows([[800, page[0]!.items], [786, [item('三是建立清单。', 200, 786)]]]), first.open);
    expect(next.rows.map((r) => [r.cells, r.cont ?? false])).toEqual([[['', '', '三是建立清单。', ''], true]]);
  });

  it('a page with no ledger header is left as it is', () => {
    const plain = rows([[800, [item('根据县委统一部署，县委第一巡察组开展了巡察。', 50, 800, 400)]]]);
    expect(ledgerRows(plain, null).rows.map((r) => r.cells)).toEqual([undefined]);
  });
});

describe('footnotes', () => {
  it('a citation set small above the line is no text of it', () => {
    const items = [...Array.from({ length: 6 }, (_, k) => item(`第${k + 1}行正文内容`, 50, 800 - k * 14, 300)), { ...item('②', 352, 803, 5), fontSize: 6 }];
    expect(text(readingRows(items))).toEqual(Array.from({ length: 6 }, (_, k) => `第${k + 1}行正文内容`));
  });

  it('a small number on its own baseline (a table set smaller than the text, its 序号) is kept', () => {
    const body = Array.from({ length: 6 }, (_, k) => item(`第${k + 1}行正文内容`, 50, 800 - k * 14, 300));
    const table = [{ ...item('1', 55, 700, 5), fontSize: 6 }, { ...item('理论学习不深入', 80, 700, 60), fontSize: 6 }];
    expect(text(readingRows([...body, ...table])).pop()).toBe('1理论学习不深入');
  });

  it('lines set smaller below the last line of body text on a page are its footnotes: out of the text, a page footer', () => {
    const line = (t: string, y: number, size = 10): Line => ({ text: t, x: 50, y, right: 500, size, page: 0 });
    const doc = linesToDocument([[line('一、整改工作开展情况', 800), line('局党组修订《管护办法》，加强督导。', 786), line('①《管护办法》由省农业农村厅印发。', 100, 8)]]);
    expect(doc.text).not.toContain('由省农业农村厅印发');
    expect(doc.blocks).toContainEqual({ kind: 'page_footer', text: '①《管护办法》由省农业农村厅印发。', page: 1 });
  });
});

describe('a heading that fills its line', () => {
  const line = (t: string, y: number, right: number, font: string): Line => ({ text: t, x: 50, y, right, size: 12, page: 0, font });
  // the heading stops 10 pt short of the right edge: a full line by its width
  const lines = (headFont: string) => [line('整改工作开展情况如下。', 800, 300, 'serif'), line('（三）落实新时代党的组织路线和上轮巡察整改方面', 786, 490, headFont),
    line('9.机关党支部“三会一课”制度落实不严格，组织生活质量', 772, 500, 'serif'), line('不高。', 758, 120, 'serif')];

  it('set in its own font, ends before a numbered line in another', () => {
    expect(linesToDocument([lines('sans')]).text.split('\n')).toContain('（三）落实新时代党的组织路线和上轮巡察整改方面');
  });

  it('in the same font as the numbered line after it, the two read as one paragraph (a line that fills the width goes on)', () => {
    expect(linesToDocument([lines('serif')]).text).toContain('方面9.机关党支部');
  });
});
