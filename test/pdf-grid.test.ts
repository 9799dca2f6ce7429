// A bordered ledger's rows told by its rules (readers/pdf-grid.ts, pdf-borders.ts): cells centred
// vertically (the number beside the middle of its problem), a category merged down over its rows
// and centred beside them, the header repeated on the next page, a row a page break cut (an empty
// number cell on the next page); tables without such borders read by their numbers as before. On
// synthetic pages, on the rules a page draws, and on the fixture pdf-landscape-ledger-2024.
import { beforeAll, describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ledgerRows, wantsBorders } from '../readers/pdf-tables.js';
import { gridRows } from '../readers/pdf-grid.js';
import { pageBorders, pathSegments, type Borders, type Ops } from '../readers/pdf-borders.js';
import { readPdf } from '../readers/pdf.js';
import type { Placed, Row } from '../readers/pdf-columns.js';
import { FIXTURES } from './fixtures.js';

const item = (str: string, x: number, y: number, width = str.length * 10): Placed => ({ str, x, y, width, fontSize: 10 });
const row = (y: number, ...items: Placed[]): Row<Placed> => ({ y, size: 10, items });
// columns: 类别 40–90 | 序号 90–120 | 问题 120–300 | 整改措施 300–480 | 完成情况 480–560
const header = row(800, item('类别', 50, 800), item('序号', 95, 800), item('问题', 190, 800), item('整改措施', 360, 800), item('完成情况', 490, 800));
const line = (y: number, cells: Array<[number, string]>) => row(y, ...cells.map(([x, s]) => item(s, x, y, Math.min(s.length * 10, 170))));
/** Rules across the whole table (40–560) at ys, and inside the category's merged cell (90–560) at inner ys; the verticals down the table. */
const borders = (full: number[], inner: number[], bottom: number, top = 812): Borders => ({
  h: [...full.map((y) => ({ y, x0: 40, x1: 560 })), ...inner.map((y) => ({ y, x0: 90, x1: 560 }))],
  v: [40, 90, 120, 300, 480, 560].map((x) => ({ x, y0: bottom, y1: top })),
});

// page 1: rule under the header at 792; category A merged over rows 1–2 (its name beside the middle of them, at the
// rule between them), category B over row 3 and on over the page break; every cell centred vertically
const page1 = [
  header,
  line(780, [[125, '理论学习不深入，'], [305, '1.修订学习制度；']]),
  line(766, [[95, '1'], [125, '学习流于形式。'], [305, '2.开展专题研讨。'], [485, '已完成']]),
  line(752, [[45, '政治'], [125, '']]),
  line(742, [[45, '建设'], [305, '1.建立台账；']]),
  line(728, [[95, '2'], [125, '台账缺失。'], [305, '2.逐项销号。'], [485, '已完成']]),
  line(704, [[45, '作风'], [125, '违规发放津补贴，'], [305, '1.清退津补贴；']]),
  line(690, [[45, '建设'], [95, '3'], [125, '超标准接待。'], [305, '2.追回接待费；'], [485, '基本完成']]),
  line(676, [[305, '3.给予处分；']]),
  row(40, item('— 1 —', 280, 40, 40)),
];
const rules1 = borders([812, 792, 716, 664], [748], 664);

describe('a bordered ledger read by its rules', () => {
  it('rows of cells whatever their vertical places: the number beside the middle, a merged category in each of its rows', () => {
    const { rows, open } = ledgerRows(page1, null, rules1);
    expect(rows.filter((r) => r.cells).map((r) => r.cells)).toEqual([
      ['类别', '序号', '问题', '整改措施', '完成情况'],
      ['政治建设', '1', '理论学习不深入，学习流于形式。', '1.修订学习制度；2.开展专题研讨。', '已完成'],
      ['政治建设', '2', '台账缺失。', '1.建立台账；2.逐项销号。', '已完成'],
      ['作风建设', '3', '违规发放津补贴，超标准接待。', '1.清退津补贴；2.追回接待费；3.给予处分；', '基本完成'],
    ]);
    // the page number under the last rule is no cell; the table goes on
    expect(rows.at(-1)!.cells).toBeUndefined();
    expect(open?.ruled).toBe(true);
  });

  it('the next page: its repeated header no row, the row the break cut goes on (empty number), the merged category left empty', () => {
    const first = ledgerRows(page1, null, rules1);
    const page2 = [
      row(830, item('巡察整改落实台账（续）', 200, 830, 200)),
      header,
      line(780, [[305, '4.建立长效机制。']]),
      line(756, [[125, '公务用车管理不规范。'], [95, '4'], [305, '1.清理车辆。'], [485, '已完成']]),
      line(600, [[125, '特此通报。']]),
    ];
    const next = ledgerRows(page2, first.open, borders([812, 792, 744], [768], 744));
    expect(next.rows.map((r) => [r.cells ?? r.items.map((i) => i.str).join(''), r.cont ?? false])).toEqual([
      ['巡察整改落实台账（续）', false],
      [['', '', '', '4.建立长效机制。', ''], true],
      [['', '4', '公务用车管理不规范。', '1.清理车辆。', '已完成'], false],
      ['特此通报。', false],
    ]);
    // (the text after the table's last rule ends it)
    expect(next.open).toBeNull();
  });

  it('a page that does not go on with a bordered table: its first line is no row of it', () => {
    const first = ledgerRows(page1, null, rules1);
    const next = ledgerRows([line(800, [[50, '三、下一步工作打算']])], first.open, { h: [], v: [] });
    expect(next.rows.map((r) => r.cells)).toEqual([undefined]);
    expect(next.open).toBeNull();
  });

  it('rules that do not split the numbers (a rule under the header and one at the foot, or one a category) leave the table to its numbers', () => {
    const top = [header, line(780, [[95, '1'], [125, '台账缺失。'], [305, '建立台账。'], [485, '已完成']]), line(766, [[95, '2'], [125, '制度不全。'], [305, '修订制度。'], [485, '已完成']])];
    const table = { bounds: [90, 120, 300, 480], heads: [50, 95, 190, 360, 490].map((x) => ({ x, right: x + 20 })), no: 1 };
    expect(gridRows(top.slice(1), table, borders([812, 792, 760, 700], [], 700), 800)).toBeNull();
    expect(gridRows(top.slice(1), table, borders([812, 792, 750], [], 750), 800)).toBeNull();
    expect(gridRows(top.slice(1), table, borders([812, 792], [], 700), 800)).toBeNull();
    expect(gridRows(top.slice(1), table, null, 800)).toBeNull();
    // read by the numbers: a row each
    expect(ledgerRows(top, null, borders([812, 792, 750], [], 750)).rows.filter((r) => r.cells).map((r) => r.cells![1])).toEqual(['序号', '1', '2']);
  });
});

describe('which pages have their borders read', () => {
  it('a ledger with a category column, or whose first row\'s number is not on its first line; not one whose numbers start its rows', () => {
    expect(wantsBorders(page1.flatMap((r) => r.items), null)).toBe(true);
    const noCategory = [item('序号', 50, 800), item('问题', 120, 800), item('整改措施', 300, 800), item('完成情况', 480, 800)];
    const topAligned = [...noCategory, item('1', 55, 780, 5), item('台账缺失', 80, 780), item('建立台账。', 300, 780), item('已完成', 480, 780)];
    const centred = [...noCategory, item('理论学习不深入，', 80, 780), item('1.修订制度；', 300, 780), item('1', 55, 766, 5), item('学习流于形式。', 80, 766), item('已完成', 480, 766)];
    expect(wantsBorders(topAligned, null)).toBe(false);
    expect(wantsBorders(centred, null)).toBe(true);
    // (no ledger on the page: no borders, unless a bordered table goes on onto it)
    expect(wantsBorders([item('根据县委统一部署，县委第一巡察组开展了巡察。', 50, 800, 400)], null)).toBe(false);
    expect(wantsBorders([item('根据县委统一部署。', 50, 800, 200)], { bounds: [], heads: [], no: 0, header: '', ruled: true })).toBe(true);
  });
});

describe('the rules a page draws', () => {
  it('a path\'s straight segments: lines, a rectangle\'s four edges, no curve', () => {
    expect(pathSegments([0, 10, 20, 1, 110, 20])).toEqual([[10, 20, 110, 20]]);
    expect(pathSegments([0, 0, 0, 1, 50, 0, 1, 50, 1, 1, 0, 1, 4])).toHaveLength(4);
    expect(pathSegments([0, 0, 0, 2, 10, 10, 20, 10, 30, 0])).toEqual([]);
  });

  it('rules in the reading frame: under the page\'s transforms, a clip path none, a short mark none', async () => {
    const OPS: Ops = { save: 10, restore: 11, transform: 12, constructPath: 91, endPath: 28, paintFormXObjectBegin: 74, paintFormXObjectEnd: 75 };
    const page = { getOperatorList: async () => ({
      fnArray: [10, 12, 91, 91, 91, 11, 91],
      argsArray: [[], [0, 1, -1, 0, 595, 0], [20, [new Float32Array([0, 42, 500, 1, 800, 500])]], [28, [new Float32Array([0, 0, 0, 1, 842, 0])]], [20, [new Float32Array([0, 100, 300, 1, 102, 300])]], [], [22, [new Float32Array([0, 40, 700, 1, 40, 100])]]],
    }) };
    // the page under /Rotate 90 (pdf.js's viewport for it: x = page y, y = page x), the frame 595 high
    const b = await pageBorders(page, OPS, [0, 1, 1, 0, 0, 0], 595);
    // the landscape content's rule at its y 500 from x 42 to 800: where a reader of the turned page sees it
    // and, drawn after the restore in the page's own coordinates, an upright rule on the portrait page: level once turned
    expect(b.h).toEqual([{ y: 500, x0: 42, x1: 800 }, { y: 555, x0: 100, x1: 700 }]);
    expect(b.v).toEqual([]);
  });
});

describe('the fixture pdf-landscape-ledger-2024 (two landscape ledger pages under /Rotate 90)', () => {
  let text = '';
  let rows: string[][] = [];
  beforeAll(async () => {
    text = (await readPdf(new Uint8Array(readFileSync(join(FIXTURES, 'pdf-landscape-ledger-2024', 'bulletin.pdf'))), { ocr: false })).text;
    rows = text.split('\n').filter((l) => l.includes('\t')).map((l) => l.split('\t'));
  });

  it('one header, thirteen rows numbered 1–13, each with the seven cells', () => {
    expect(rows[0]).toEqual(['类别', '序号', '巡视反馈问题', '整改措施', '责任处室', '完成时限', '整改进展']);
    expect(rows.slice(1).map((r) => r[1])).toEqual(Array.from({ length: 13 }, (_, k) => String(k + 1)));
    expect(rows.every((r) => r.length === 7)).toBe(true);
  });

  it('the category merged down beside the middle of its rows stands in each of them; left empty on the page it runs on to', () => {
    const cats = rows.slice(1).map((r) => r[0]);
    expect(cats.slice(0, 4)).toEqual(Array(4).fill('贯彻落实党中央决策部署和省委工作要求方面'));
    expect(cats.slice(4, 8)).toEqual(['落实全面从严治党战略部署方面', '落实全面从严治党战略部署方面', '', '']);
    expect(cats.slice(8)).toEqual([...Array(3).fill('落实新时代党的组织路线方面'), ...Array(2).fill('巡视、审计等监督发现问题整改方面')]);
  });

  it('the row the page break cut is one row with its four measures; cells read whole, letter spacing closed up', () => {
    expect(rows[6]![3]).toMatch(/^1\.对 2020 年.*2\.查处.*3\.修订.*4\.对 1名负有责任的处级干部给予政务记过处分。$/);
    expect(rows[13]![6]).toBe('基本完成，剩余7个项目竣工决算正在审计中。');
    expect(text).toContain('\n三、下一步工作打算\n');
  });
});
