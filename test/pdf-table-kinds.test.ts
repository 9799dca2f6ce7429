// PDF tables a Word user prints besides a plain ledger (readers/pdf-tables.ts, pdf-headless.ts, pdf-grid.ts):
// a header whose cells wrap their words onto a second line, tables of other named columns (a status table,
// a totals table, a problem's measures table), a ledger's rows in a bordered table with no header row, and
// a running header's underline above a table going on from the page before. On synthetic pages and on the
// fixtures printed so.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { headerBounds, joinHeaderWraps, ledgerRows } from '../readers/pdf-tables.js';
import { readPdf } from '../readers/pdf.js';
import type { Borders } from '../readers/pdf-borders.js';
import type { Placed, Row } from '../readers/pdf-columns.js';
import { FIXTURES } from './fixtures.js';

const item = (str: string, x: number, y: number, width = str.length * 10): Placed => ({ str, x, y, width, fontSize: 10 });
const row = (y: number, ...items: Placed[]): Row<Placed> => ({ y, size: 10, items });
const line = (y: number, cells: Array<[number, string]>) => row(y, ...cells.map(([x, s]) => item(s, x, y, Math.min(s.length * 10, 150))));

describe('a header whose cells wrap', () => {
  // 序号 | 问题 | 整改措施 | 责任单位 | 完成时⏎限 | 完成情⏎况
  const head = line(800, [[42, '序号'], [100, '问题'], [250, '整改措施'], [400, '责任单位'], [455, '完成时'], [510, '完成情']]);
  const wrap = line(786, [[465, '限'], [520, '况']]);
  const body = line(770, [[45, '1'], [80, '学习不深入'], [230, '修订学习制度'], [400, '办公室'], [455, '6月'], [510, '已完成']]);
  it('joins the wrapped words into the header, which then gives the columns', () => {
    expect(headerBounds(head, [wrap, body])).toBeNull();
    const rows = joinHeaderWraps([head, wrap, body]);
    expect(rows).toHaveLength(2);
    expect(rows[0]!.items.map((i) => i.str)).toEqual(['序号', '问题', '整改措施', '责任单位', '完成时限', '完成情况']);
    expect(headerBounds(rows[0]!, [body])).toHaveLength(5);
    const read = ledgerRows([head, wrap, body], null);
    expect(read.rows.map((r) => r.cells)).toEqual([['序号', '问题', '整改措施', '责任单位', '完成时限', '完成情况'], ['1', '学习不深入', '修订学习制度', '办公室', '6月', '已完成']]);
  });
  it('leaves a table\'s first row under its header as a row', () => {
    const first = line(786, [[45, '1'], [80, '问题'], [230, '措施']]);
    expect(joinHeaderWraps([head, first])).toHaveLength(2);
  });
});

describe('tables of other named columns', () => {
  it('reads a status table and a totals table as tables', () => {
    const status = [line(800, [[42, '序号'], [100, '问题'], [400, '完成情况']]), line(786, [[45, '1'], [100, '服务保障不充分'], [400, '已完成']])];
    expect(ledgerRows(status, null).rows.map((r) => r.cells)).toEqual([['序号', '问题', '完成情况'], ['1', '服务保障不充分', '已完成']]);
    const totals = [line(800, [[40, '问题总数'], [140, '已完成'], [240, '正在推进'], [340, '长期坚持'], [440, '完成率']]), line(786, [[50, '15'], [150, '11'], [250, '3'], [350, '1'], [450, '73.3%']])];
    expect(ledgerRows(totals, null).rows.map((r) => r.cells)[1]).toEqual(['15', '11', '3', '1', '73.3%']);
  });
  it('ends a measures table at a heading across it (no category row in a table of no problems)', () => {
    const rows = [
      line(800, [[42, '序号'], [100, '整改措施'], [300, '责任部门'], [400, '完成时限'], [480, '完成情况']]),
      line(786, [[45, '1'], [100, '修订制度'], [300, '办公室'], [400, '6月'], [480, '已完成']]),
      row(760, item('（二）落实全面从严治党方面的问题', 42, 760, 400)),
    ];
    const read = ledgerRows(rows, null);
    expect(read.rows[2]!.cells).toBeUndefined();
    expect(read.open).toBeNull();
  });
  it('reads no table where only one cell names a column', () => {
    expect(headerBounds(line(800, [[42, '序号'], [100, '单位'], [300, '数量']]))).toBeNull();
  });
});

describe('a ledger in a bordered table with no header row', () => {
  // columns: 40 | 70 | 250 | 430 | 500 | 560, rows 790–760 and 760–730; a category heading above the table
  const cols = [40, 70, 250, 430, 500, 560];
  const borders: Borders = { h: [800, 770, 740].map((y) => ({ y, x0: 40, x1: 560 })), v: cols.map((x) => ({ x, y0: 740, y1: 800 })) };
  const rows = [
    row(812, item('（一）党的领导方面', 42, 812, 180)),
    line(790, [[50, '1'], [75, '学习贯彻不够深入，'], [255, '修订中心组学习制度，'], [435, '党政办'], [505, '已完成']]),
    line(778, [[75, '学习计划执行不到位'], [255, '开展专题研讨5次']]),
    line(760, [[50, '2'], [75, '网格化管理重划分轻运行'], [255, '重新调整优化网格126个'], [435, '社会治理办'], [505, '已完成']]),
    line(748, [[75, '部分网格员履职不到位'], [255, '建立闭环机制']]),
    row(720, item('（二）干部队伍建设方面', 42, 720, 200)),
  ];
  it('reads its rows as cells under a header of the roles they show', () => {
    const read = ledgerRows(rows, null, borders);
    const cells = read.rows.filter((r) => r.cells).map((r) => r.cells);
    expect(cells).toHaveLength(3);
    expect(cells[0]).toContain('整改措施');
    expect(cells[1]).toEqual(['1', '学习贯彻不够深入，学习计划执行不到位', '修订中心组学习制度，开展专题研讨5次', '党政办', '已完成']);
    expect(read.rows[read.rows.length - 1]!.cells).toBeUndefined();
  });
  it('leaves the rows as lines with no borders to read them by', () => {
    expect(ledgerRows(rows, null).rows.some((r) => r.cells)).toBe(false);
  });
});

describe('the fixtures printed so', () => {
  const read = async (name: string) => (await readPdf(new Uint8Array(readFileSync(join(FIXTURES, name, 'bulletin.pdf'))), { ocr: false })).text;
  it('reads a wrapped header, a headless ledger and a table under a running header', async () => {
    expect(await read('tables-tsv-2024')).toContain('序号\t问题表现\t整改措施\t责任人\t完成时限\t完成情况');
    expect(await read('pipe-lines-2024')).toMatch(/\n1\t学习贯彻习近平新时代中国特色社会主义思想不够深入，党工委理论学习中心组学习计划执行不到位\t/);
    const appendix = await read('ledger-appendix-2024');
    expect(appendix).toMatch(/\n1\t学习贯彻习近平新时代中国特色社会主义思想不够深入/);
    expect(appendix.match(/\n序号\t反馈问题/g)).toHaveLength(1);
  }, 60_000);
});
