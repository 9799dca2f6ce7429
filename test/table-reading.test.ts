// What a table's cells say, in any format (readers/table-cells.ts, table-shapes.ts, tables.ts): line
// breaks written <br> in every cell, a status cell's marks and lines, one problem's statuses over
// several rows, the category each problem's table repeats, a legend under a Markdown table, and
// Markdown footnotes (readers/md-footnotes.ts).
import { describe, it, expect } from 'vitest';
import { cellMeasures, combineStatus, statusCell } from '../readers/table-cells.js';
import { fieldTable } from '../readers/table-shapes.js';
import { tableLines, textLedgers } from '../readers/tables.js';
import { footnotes } from '../readers/md-footnotes.js';

const md = (rows: string[][]) => rows.map((r) => `| ${r.join(' | ')} |`).join('\n');
const HEAD = ['序号', '反馈问题', '整改措施', '完成时限', '整改状态'];
const RULE = HEAD.map(() => '---');

describe('a cell written with <br>', () => {
  it('is lines in every cell: the problem joined, the measures split, the status one phrase', () => {
    const lines = textLedgers(md([HEAD, RULE, ['1', '制度执行不严，<br>台账缺失', '1.修订制度；<br/>2.建立台账。', '2023年9月', '⏳ 整改中<br />剩余3个台账年底前补齐']])).split('\n');
    expect(lines).toEqual(['1.问题：制度执行不严，台账缺失', '整改措施：1.修订制度；', '2.建立台账。', '整改状态：整改中，剩余3个台账年底前补齐', '整改时限：2023年9月']);
    expect(lines.join('')).not.toMatch(/<br/);
  });

  it('a measures cell of one line with no series splits at its semicolons only where each clause is a measure', () => {
    expect(cellMeasures('修订议事规则；建立督办台账')).toEqual(['修订议事规则；', '建立督办台账']);
    expect(cellMeasures('一是修订规则；二是建立台账')).toEqual(['一是修订规则；二是建立台账']);
    expect(cellMeasures('甲；乙')).toEqual(['甲；乙']);
  });
});

describe('a status cell', () => {
  it('is its words without the marks set before them, its lines one phrase', () => {
    expect(statusCell('✅ 已完成')).toBe('已完成');
    expect(statusCell('✅已完成')).toBe('已完成');
    expect(statusCell('🔄 长期坚持')).toBe('长期坚持');
    expect(statusCell('阶段性完成。\n其余正在推进')).toBe('阶段性完成。其余正在推进');
    // a mark alone is left as it is: no words to read
    expect(statusCell('✅')).toBe('✅');
  });

  it('several rows of one problem: any row under way leaves it under way; done but one to keep up is long-term; all done is done', () => {
    expect(combineStatus(['已完成', '序时推进', '已完成'])).toBe('序时推进');
    expect(combineStatus(['已完成', '长期坚持'])).toBe('长期坚持');
    expect(combineStatus(['长期坚持', '正在推进'])).toBe('正在推进');
    expect(combineStatus(['已完成', '已办结'])).toBe('已办结');
    expect(combineStatus(['', '已完成', ''])).toBe('已完成');
    // a row that speaks of the whole problem decides it
    expect(combineStatus(['已完成', '长期坚持', '已完成，该问题已整改到位'])).toBe('已完成，该问题已整改到位');
    expect(combineStatus([])).toBe('');
  });

  it('a ledger with a row per measure: the rows\' statuses read together, a deadline only where the rows agree on one', () => {
    const rows = [['序号', '问题', '整改措施', '完成时限', '完成情况'], ['1', '台账缺失', '建立台账', '2024年6月', '已完成'], ['1', '台账缺失', '开展复核', '2024年9月', '序时推进'], ['1', '台账缺失', '形成机制', '2024年12月', '已完成'], ['2', '学习不深', '修订制度', '2024年6月', '已完成'], ['2', '学习不深', '开展研讨', '2024年6月', '已完成']];
    const lines = tableLines(rows);
    expect(lines.slice(0, 5)).toEqual(['1.问题：台账缺失', '整改措施：建立台账；', '开展复核；', '形成机制', '整改状态：序时推进']);
    expect(lines).not.toContain('整改时限：2024年12月');
    expect(lines.slice(5)).toEqual(['2.问题：学习不深', '整改措施：修订制度；', '开展研讨', '整改状态：已完成', '整改时限：2024年6月']);
  });
});

describe('tables of one problem\'s fields', () => {
  it('each repeating its category: the category said where it changes', () => {
    const shared = {};
    const table = (cat: string, problem: string) => [['问题类别', cat], ['问题描述', problem], ['整改措施', '1.修订制度；\n2.建立台账。'], ['整改状态', '已完成']];
    expect(tableLines(table('党的建设', '甲问题'), { shared })[0]).toBe('问题类别：党的建设');
    expect(tableLines(table('党的建设', '乙问题'), { shared })[0]).toBe('问题：乙问题');
    expect(tableLines(table('作风建设', '丙问题'), { shared })[0]).toBe('问题类别：作风建设');
  });

  it('a table that is no table of fields leaves the shared category as it was', () => {
    const shared = { category: '党的建设' };
    expect(fieldTable([['问题类别', '作风建设'], ['联系人', '张三']], shared)).toBeNull();
    expect(shared.category).toBe('党的建设');
  });

  it('a department label (责任科室) is a field of the problem, not a measure', () => {
    expect(fieldTable([['问题描述', '甲问题'], ['整改措施', '修订制度'], ['责任科室', '办公室']])).toEqual(['问题：甲问题', '整改措施：修订制度', '责任科室：办公室']);
  });
});

describe('a legend under a Markdown ledger', () => {
  const table = md([HEAD, RULE, ['1', '台账缺失', '建立台账。', '2023年9月', '✅ 已完成'], ['2', '学习不深', '开展研讨。', '2023年12月', '⏳ 整改中']]);

  it('is no text of the bulletin: the marks it explains are read as words already', () => {
    const lines = textLedgers(`${table}\n\n> 图例：✅ 已完成　⏳ 整改中　🔄 长期坚持\n\n## 三、下一步工作打算`).split('\n');
    expect(lines.some((l) => l.includes('图例'))).toBe(false);
    expect(lines[lines.length - 1]).toBe('## 三、下一步工作打算');
  });

  it('a line after the table that is no legend stays', () => {
    for (const after of ['下一步，将持续巩固整改成果。', '> 注：✅ 表示已完成', '🎉 整改见成效 🎉 欢迎监督']) {
      expect(textLedgers(`${table}\n\n${after}`).split('\n')).toContain(after);
    }
  });
});

describe('Markdown footnotes', () => {
  const isRow = (l: string) => l.trim().startsWith('|');

  it('a row\'s citation is a note of its problem; the definition leaves the end of the file', () => {
    const text = `${md([HEAD, RULE, ['1', '维保记录弄虚作假[^2]', '立案查处5起。', '2023年10月', '已完成']])}\n\n特此通报。\n\n[^2]: 涉及维保单位3家、电梯26台。`;
    const lines = textLedgers(text).split('\n');
    expect(lines).toContain('1.问题：维保记录弄虚作假');
    expect(lines).toContain('备注：涉及维保单位3家、电梯26台。');
    expect(lines.indexOf('备注：涉及维保单位3家、电梯26台。')).toBeLessThan(lines.indexOf('特此通报。'));
    expect(lines.join('\n')).not.toMatch(/\[\^/);
  });

  it('a citation in a paragraph: no word of it; its definition stays where it is, without its label', () => {
    const read = footnotes(['细化整改措施39条[^1]，逐项明确责任。', '', '[^1]: 其中立行立改措施17条，', '    需长期坚持的4条。'], isRow)!;
    expect(read.lines).toEqual(['细化整改措施39条，逐项明确责任。', '', '其中立行立改措施17条，需长期坚持的4条。']);
    expect(read.notes.size).toBe(0);
  });

  it('a citation with no definition, and a definition no one cites, stay as they are', () => {
    expect(footnotes(['见附件[^9]。'], isRow)).toBeNull();
    expect(footnotes(['正文。', '[^a]: 无人引用的说明。', '  续行。'], isRow)).toBeNull();
    const read = footnotes(['甲[^1]乙[^9]。', '[^1]: 说明。', '[^b]: 另一条。'], isRow)!;
    expect(read.lines).toEqual(['甲乙[^9]。', '说明。', '[^b]: 另一条。']);
  });
});
