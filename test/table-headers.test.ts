// A ledger's header over two rows (readers/table-headers.ts): 完成情况 over 已完成 | 正在推进 | 长期坚持,
// merged down and across as Word (vMerge, gridSpan), HTML (rowspan, colspan) and a Markdown copy
// (cells left empty) write it, read as one header; a mark in a column named after a status value
// gives its row that status; marks that say no, and marks in columns that name no status, do not.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gridOf, headerRows, tableLines, textLedgers, type TableCell } from '../readers/tables.js';
import { tableHeader, markedStatus, ticks } from '../readers/table-headers.js';
import { statusTable, measuresTable } from '../readers/table-shapes.js';
import { statusCell } from '../readers/table-cells.js';
import { readHtml } from '../readers/html.js';
import { readBytes } from '../readers/index.js';
import { extractBytes } from '../stages/extract.js';
import { FIXTURES } from './fixtures.js';

const CAT = '一、党的建设方面';
/** [序号, 问题, 整改措施, 责任单位, the mark in 已完成, 正在推进, 长期坚持] */
const ROWS: string[][] = [
  ['1', '理论学习不深入，学习制度落实不到位。', '修订学习制度，建立学习台账。', '办公室', '√', '', ''],
  ['2', '基层组织建设薄弱，组织生活不规范。', '开展专项检查，通报问题9个。', '组织部', '', '✓', ''],
  ['3', '作风建设有差距，文山会海问题仍然存在。', '精简会议文件，建立长效机制。', '办公室', '', '', '●'],
];
/** What each format reads: the same lines. */
const EXPECTED = [
  `问题类别：${CAT}`,
  '1.问题：理论学习不深入，学习制度落实不到位。', '整改措施：修订学习制度，建立学习台账。', '整改状态：已完成',
  '2.问题：基层组织建设薄弱，组织生活不规范。', '整改措施：开展专项检查，通报问题9个。', '整改状态：正在推进',
  '3.问题：作风建设有差距，文山会海问题仍然存在。', '整改措施：精简会议文件，建立长效机制。', '整改状态：长期坚持',
];

const PROSE = '<p>按照县委巡察工作统一部署，县委第一巡察组对县文化广电和旅游局党组开展了常规巡察，现将整改情况通报如下。</p><p>二、巡察反馈问题整改落实情况</p>';
const html = `<html><head><meta charset="utf-8"><title>t</title></head><body><div id="zoom"><h1>中共县文化广电和旅游局党组关于县委巡察整改情况的通报</h1>${PROSE}<table>
<tr><th rowspan="2">序号</th><th rowspan="2">问题</th><th rowspan="2">整改措施</th><th rowspan="2">责任单位</th><th colspan="3">完成情况</th></tr>
<tr><th>已完成</th><th>正在推进</th><th>长期坚持</th></tr>
<tr><td colspan="7">${CAT}</td></tr>
${ROWS.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n')}
</table></div></body></html>`;

const md = [
  '| 序号 | 问题 | 整改措施 | 责任单位 | 完成情况 | | |',
  '|---|---|---|---|---|---|---|',
  '| | | | | 已完成 | 正在推进 | 长期坚持 |',
  `| ${CAT} | | | | | | |`,
  ...ROWS.map((r) => `| ${r.join(' | ')} |`),
].join('\n');

/** The same table as Word's cells: the first four merged down (vMerge), 完成情况 across three (gridSpan), the category across all seven. */
const word: TableCell[][] = [
  [...['序号', '问题', '整改措施', '责任单位'].map((text) => ({ text })), { text: '完成情况', colspan: 3 }],
  [...Array.from({ length: 4 }, () => ({ text: '', continues: true })), { text: '已完成' }, { text: '正在推进' }, { text: '长期坚持' }],
  [{ text: CAT, colspan: 7 }],
  ...ROWS.map((r) => r.map((text) => ({ text }))),
];

describe('a header over two rows', () => {
  it('is one header in HTML (rowspan, colspan), Markdown (cells left empty) and Word (vMerge, gridSpan): no problem made of its second row, each tick its column\'s status', () => {
    const text = readHtml(new TextEncoder().encode(html)).text.split('\n').filter(Boolean);
    const fromHtml = text.slice(text.indexOf(EXPECTED[0]!));
    const fromMd = textLedgers(md).split('\n');
    const fromWord = tableLines(gridOf(word));
    expect(fromWord).toEqual(EXPECTED);
    expect(fromHtml).toEqual(EXPECTED);
    expect(fromMd).toEqual(EXPECTED);
  });

  it('names each column once, the rows over it joined; a column\'s role is the lowest row\'s that has one', () => {
    const grid = gridOf(word);
    const head = tableHeader(grid, 0);
    expect(head.depth).toBe(2);
    expect(head.names).toEqual(['序号', '问题', '整改措施', '责任单位', '完成情况/已完成', '完成情况/正在推进', '完成情况/长期坚持']);
    expect(head.roles).toEqual(['no', 'problem', 'measures', 'owner', 'status', 'status', 'status']);
    expect(head.marks).toEqual([{ col: 4, word: '已完成' }, { col: 5, word: '正在推进' }, { col: 6, word: '长期坚持' }]);
    expect(headerRows(grid)).toBe(2);
    // a Markdown copy: the columns a merged cell covered are empty over their names
    const rows = md.split('\n').filter((l) => !l.startsWith('|---')).map((l) => l.slice(1, -1).split('|').map((c) => c.trim()));
    expect(tableHeader(rows, 0).names.slice(4)).toEqual(['完成情况/已完成', '完成情况/正在推进', '完成情况/长期坚持']);
    // 整改落实情况 over 整改措施 | 完成时限: measures and deadline, not measures twice
    const sub = tableHeader([['序号', '问题', '整改落实情况', '整改落实情况'], ['序号', '问题', '整改措施', '完成时限']], 0);
    expect(sub.roles).toEqual(['no', 'problem', 'measures', 'deadline']);
    expect(sub.marks).toEqual([]);
  });

  it('a row under the header that is not one stays a row: a problem, or a category merged across (已完成的问题)', () => {
    const head = ['序号', '问题', '整改措施', '完成情况'];
    expect(tableHeader([head, ['1', '问题甲描述', '措施甲', '已完成']], 0).depth).toBe(1);
    expect(tableHeader([head, ['已完成', '已完成', '已完成', '已完成']], 0).depth).toBe(1);
    expect(tableHeader([head, [...head]], 0).depth).toBe(1);
    const lines = tableLines([head, ['已完成整改的问题', '已完成整改的问题', '已完成整改的问题', '已完成整改的问题'], ['1', '问题甲描述', '措施甲', '已完成']]);
    expect(lines[0]).toBe('问题类别：已完成整改的问题');
    expect(lines).toContain('1.问题：问题甲描述');
  });

  it('reads the Word ledger of the tick-ledger fixture: twelve problems, its header two rows', async () => {
    const path = join(FIXTURES, 'tick-ledger-2022', 'bulletin.docx');
    const read = await readBytes(readFileSync(path), path);
    const table = read.blocks!.find((b) => b.kind === 'table')!;
    expect(table.kind === 'table' && table.header_rows).toBe(2);
    expect(table.text).not.toMatch(/问题：问题$/m);
    expect(table.text.match(/^整改状态：/gm)).toHaveLength(12);
  });

  it('gives the record each problem\'s status (HTML, Markdown)', async () => {
    const rec = await extractBytes(new TextEncoder().encode(html), 'ticks.html');
    expect(rec.issues.map((i) => i.status)).toEqual(['completed', 'in_progress', 'long_term']);
    const text = `中共县文化广电和旅游局党组关于县委巡察整改情况的通报\n\n${PROSE.replace(/<\/?p>/g, '\n')}\n${md}\n`;
    const fromMd = await extractBytes(new TextEncoder().encode(text), 'ticks.md');
    expect(fromMd.issues.map((i) => [i.number, i.status])).toEqual([[1, 'completed'], [2, 'in_progress'], [3, 'long_term']]);
  });
});

describe('marks', () => {
  const marks = [{ col: 1, word: '已完成' }, { col: 2, word: '正在推进' }, { col: 3, word: '长期坚持' }];
  it('that tick: √ ✓ ✔️ ● ■ ★ ✅ ☑', () => {
    for (const m of ['√', '✓', '✔️', '●', '■', '★', '✅', '☑', ' √ ']) expect(ticks(m), m).toBe(true);
    expect(markedStatus(['1', '', '✔', ''], marks)).toBe('正在推进');
  });

  it('that say no, or nothing, tick no column: ○ × ✗ ☐ — / ?; a word or a date is no mark', () => {
    for (const m of ['○', '◯', '×', '✗', '✘', '❌', '☐', '□', '—', '-', '/', '？', '是', '否', '2022年9月', '已完成', '']) expect(ticks(m), m).toBe(false);
    expect(markedStatus(['1', '○', '×', ''], marks)).toBe('');
    expect(markedStatus(['1', '2022年9月', '', ''], marks)).toBe('');
  });

  it('in two columns: read together as one problem\'s rows are (done and kept up: long-term)', () => {
    expect(markedStatus(['1', '√', '', '√'], marks)).toBe('长期坚持');
    expect(markedStatus(['1', '√', '√', ''], marks)).toBe('正在推进');
  });

  it('in a column that names no status (是否销号), or alone under 完成情况 with no columns under it, give no status', async () => {
    // (a ledger of one problem: its header row no table of fields)
    const own = tableLines([['序号', '问题', '整改措施', '是否销号'], ['1', '问题甲描述', '措施甲', '√']]);
    expect(own).toEqual(['1.问题：问题甲描述', '整改措施：措施甲']);
    // a mark alone under 完成情况 is left as it is: no status word
    const alone = tableLines([['序号', '问题', '整改措施', '完成情况'], ['1', '问题甲描述', '措施甲', '√']]);
    expect(alone).toEqual(['1.问题：问题甲描述', '整改措施：措施甲', '整改状态：√']);
    expect(statusCell('√')).toBe('√');
    expect(tableHeader([['序号', '问题', '整改措施', '是否销号', '是否完成']], 0).marks).toEqual([]);
    const text = ['中共县文化广电和旅游局党组关于县委巡察整改情况的通报', '', '按照县委巡察工作统一部署，县委第一巡察组对县文化广电和旅游局党组开展了常规巡察，现将整改情况通报如下。', '',
      '| 序号 | 问题 | 整改措施 | 完成情况 | 是否销号 |', '|---|---|---|---|---|',
      '| 1 | 理论学习不深入，学习制度落实不到位。 | 修订学习制度，建立学习台账。 | √ | √ |',
      '| 2 | 基层组织建设薄弱，组织生活不规范。 | 开展专项检查，通报问题9个。 | | √ |'].join('\n');
    const rec = await extractBytes(new TextEncoder().encode(text), 'marks.txt');
    expect(rec.issues.map((i) => i.status)).toEqual(['unknown', 'unknown']);
  });

  it('in columns named after status values with no header over them, or words beside them: the marks, else the words', () => {
    const lines = tableLines([['序号', '问题', '整改措施', '已完成', '未完成'], ['1', '问题甲描述', '措施甲', '√', ''], ['2', '问题乙描述', '措施乙', '', '√']]);
    expect(lines.filter((l) => l.startsWith('整改状态'))).toEqual(['整改状态：已完成', '整改状态：未完成']);
    const both = tableLines([['序号', '问题', '整改措施', '完成情况', '已完成'], ['1', '问题甲描述', '措施甲', '整改中', ''], ['2', '问题乙描述', '措施乙', '', '√']]);
    expect(both.filter((l) => l.startsWith('整改状态'))).toEqual(['整改状态：整改中', '整改状态：已完成']);
  });
});

describe('other tables with a header over two rows', () => {
  const top = ['完成情况', '完成情况'];
  const sub = ['已完成', '正在推进'];
  it('a problem\'s own table of measures: one status from its rows\' marks', () => {
    const lines = measuresTable([['序号', '整改措施', ...top], ['序号', '整改措施', ...sub], ['1', '修订制度', '√', ''], ['2', '建立台账', '', '√']]);
    expect(lines).toEqual(['整改措施：修订制度；', '建立台账', '整改状态：正在推进']);
  });

  it('a table of statuses by number: a status roll per row ticked, none for a row no mark ticks', () => {
    const lines = statusTable([['序号', '问题', ...top], ['序号', '问题', ...sub], ['1', '问题甲', '√', ''], ['2', '问题乙', '', '●'], ['3', '问题丙', '○', '']]);
    expect(lines).toEqual(['第1个问题已完成。', '第2个问题正在推进。']);
  });
});
