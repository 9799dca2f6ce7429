// A ledger copied out of a PDF with every table cell on its own line (readers/cell-lines.ts): the
// header's cells one a line, then each row from its bare number, its cells in the columns' order, a
// long cell wrapped over lines (joined without a break, a number split over two lines too), page
// numbers and the header repeated between rows dropped; text that is no such table stays. The prose of a
// hard-wrapped text around it is unwrapped at its width, the ledger's longer lines let be; a fine is no money recovered.
import { describe, it, expect } from 'vitest';
import { cellLines, widthOf } from '../readers/cell-lines.js';
import { textLedgers } from '../readers/tables.js';
import { moneyRole } from '../stages/issues/quantities.js';
import { unwrapHardBreaks } from '../stages/normalize/wraps.js';

const HEAD = ['序号', '问题类别', '存在问题', '整改措施', '责任单位', '完成时限', '整改状态'];
const ROW1 = ['1', '党建工作方面', '理论学习不够深入，学用结合不紧', '密', '1.修订学习制度，将专题学习作为常态', '化内容；', '2.开展专题研讨6次，撰写材料14篇。', '办公室', '2023年9月', '已完成'];
const ROW2 = ['2', '党建工作方面', '资金管理不规范，部分资金拨付滞后', '1.追回资金31.47万元，拨付滞留资金1', '860万元；', '2.建立资金台账。', '计划财务科、生态保护', '修复科', '2024年6月', '基本完成，持续推', '进'];
const ROW3 = ['3', '作风建设方面', '公务用车管理不规范', '一是修订公务用车管理办法，明确用', '车审批程序；二是安装北斗定位终端。', '办公室', '立行立改', '已完成'];
const AFTER = '下一步，我们将持续抓好整改，巩固整改成果，防止问题反弹回潮，以整改实效推动各项工作高质量发展。';
const rowsOf = (text: string) => cellLines(text).split('\n').filter((l) => l.includes('\t')).map((l) => l.split('\t'));

describe('a ledger copied a cell a line', () => {
  it('reads each row into its columns: wrapped cells joined, a measures cell kept in its paragraphs', () => {
    const rows = rowsOf(['前言。', '台账', ...HEAD, ...ROW1, ...ROW2, AFTER].join('\n'));
    expect(rows[0]).toEqual(HEAD);
    expect(rows[1]).toEqual(['1', '党建工作方面', '理论学习不够深入，学用结合不紧密', '1.修订学习制度，将专题学习作为常态化内容；<br>2.开展专题研讨6次，撰写材料14篇。', '办公室', '2023年9月', '已完成']);
    // a number split over two lines joined (资金1 ⏎ 860万元), an owner over two lines one cell, a status wrapped
    expect(rows[2]).toEqual(['2', '党建工作方面', '资金管理不规范，部分资金拨付滞后', '1.追回资金31.47万元，拨付滞留资金1860万元；<br>2.建立资金台账。', '计划财务科、生态保护修复科', '2024年6月', '基本完成，持续推进']);
  });

  it('keeps the text before and after the table, the last row ending where its cells do', () => {
    const lines = cellLines(['前言。', ...HEAD, ...ROW1, ...ROW2, AFTER, '中共某某局党组'].join('\n')).split('\n');
    expect(lines[0]).toBe('前言。');
    expect(lines.slice(-2)).toEqual([AFTER, '中共某某局党组']);
    expect(lines).toHaveLength(6);
  });

  it('drops the page number and the header printed again between rows; a short line after the table stays', () => {
    const text = [...HEAD, ...ROW1, '— 3 —', ...HEAD, ...ROW2, ...ROW3, '中共某某局党组', '2023年12月15日'].join('\n');
    const out = cellLines(text).split('\n');
    const rows = out.filter((l) => l.includes('\t')).map((l) => l.split('\t'));
    expect(rows.map((r) => r[0])).toEqual(['序号', '1', '2', '3']);
    expect(rows.every((r) => r.length === 7)).toBe(true);
    expect(rows[3]).toEqual(['3', '作风建设方面', '公务用车管理不规范', '一是修订公务用车管理办法，明确用车审批程序；二是安装北斗定位终端。', '办公室', '立行立改', '已完成']);
    expect(out.slice(-2)).toEqual(['中共某某局党组', '2023年12月15日']);
    expect(out.some((l) => l.includes('— 3 —'))).toBe(false);
  });

  it('is read as a ledger: categories, labelled problems, measures and statuses', () => {
    const lines = textLedgers(['前言。', ...HEAD, ...ROW1, ...ROW2, ...ROW3, AFTER].join('\n')).split('\n');
    expect(lines).toContain('问题类别：党建工作方面');
    expect(lines).toContain('问题类别：作风建设方面');
    expect(lines.filter((l) => l.startsWith('问题类别：'))).toHaveLength(2);
    expect(lines).toContain('1.问题：理论学习不够深入，学用结合不紧密');
    expect(lines).toContain('整改措施：1.修订学习制度，将专题学习作为常态化内容；');
    expect(lines).toContain('2.开展专题研讨6次，撰写材料14篇。');
    expect(lines).toContain('整改状态：基本完成，持续推进');
    expect(lines).toContain('3.问题：公务用车管理不规范');
    expect(lines[lines.length - 1]).toBe(AFTER);
  });

  it('a cell the copy has no line for: the column no role names (备注) left empty, the status read by its form', () => {
    const head = ['序号', '存在问题', '整改措施', '责任部门', '整改状态', '备注'];
    const text = [...head, '1', '学习不深入，学用结合不紧密，理论学', '习流于形式', '1.修订学习制度；', '2.开展专题研讨6次。', '办公室', '已完成',
      '2', '资金管理不规范', '1.追回资金31.47万元；', '2.建立资金台账。', '财务科', '正在推进', '涉及诉讼', AFTER].join('\n');
    expect(rowsOf(text).slice(1)).toEqual([
      ['1', '学习不深入，学用结合不紧密，理论学习流于形式', '1.修订学习制度；<br>2.开展专题研讨6次。', '办公室', '已完成', ''],
      ['2', '资金管理不规范', '1.追回资金31.47万元；<br>2.建立资金台账。', '财务科', '正在推进', '涉及诉讼'],
    ]);
  });

  it('a heading after the table is no cell of its last row; measures numbered 2、2023年 are paragraphs', () => {
    const head = ['序号', '反馈问题', '整改措施', '完成时限', '完成情况'];
    const text = [...head, '1', '资金管理不规范，部分资金拨付滞后', '1、追回资金31.47万元；', '2、2023年建立资金台账。', '2024年6月底前', '正在推进',
      '2', '公务用车管理不规范', '1、修订办法；', '2、安装定位终端。', '立行立改', '已完成', '二、下一步工作打算', '我们将持续巩固整改成果。'].join('\n');
    const out = cellLines(text).split('\n');
    expect(out.slice(1, 3).map((l) => l.split('\t'))).toEqual([
      ['1', '资金管理不规范，部分资金拨付滞后', '1、追回资金31.47万元；<br>2、2023年建立资金台账。', '2024年6月底前', '正在推进'],
      ['2', '公务用车管理不规范', '1、修订办法；<br>2、安装定位终端。', '立行立改', '已完成'],
    ]);
    expect(out.slice(3)).toEqual(['二、下一步工作打算', '我们将持续巩固整改成果。']);
  });

  it('measures a line as a PDF sets it: CJK and full-width characters two columns, digits one', () => {
    expect(widthOf('资金1')).toBe(5);
    expect(widthOf('“三会一课”')).toBe(12);
  });
});

describe('text that is no ledger copied a cell a line', () => {
  it('a list of short lines, numbers among them, with no header naming the columns', () => {
    const text = ['参加人员', '1', '张三', '办公室', '2', '李四', '财务科', '下一步，继续抓好整改。'].join('\n');
    expect(cellLines(text)).toBe(text);
  });

  it('header words with no numbered rows under them', () => {
    const text = [...HEAD, '理论学习不够深入', '修订学习制度', '办公室'].join('\n');
    expect(cellLines(text)).toBe(text);
  });

  it('a header without a problem and a measures column', () => {
    const text = ['序号', '责任单位', '完成时限', '1', '办公室', '2023年9月', '2', '财务科', '2023年10月'].join('\n');
    expect(cellLines(text)).toBe(text);
  });

  it('a numbered list whose numbers are not alone on their lines', () => {
    const text = ['序号', '存在问题', '整改措施', '1.理论学习不够深入', '2.资金管理不规范'].join('\n');
    expect(cellLines(text)).toBe(text);
  });

  it('one row only is no table', () => {
    const text = [...HEAD, ...ROW1].join('\n');
    expect(cellLines(text)).toBe(text);
  });
});

describe('money a fine names', () => {
  it('is a fine, whatever verb collects it; money recovered stays recovered', () => {
    expect(moneyRole('立案查处违法占用林地案件23起，收缴罚没款')).toBe('fined');
    expect(moneyRole('追缴罚款')).toBe('fined');
    expect(moneyRole('清退违规发放的津贴补贴')).toBe('recovered');
    expect(moneyRole('处罚并追回违规资金')).toBe('recovered');
  });
});

describe('a hard-wrapped text around a ledger read from its cells', () => {
  const wrap = (p: string, w: number) => p.match(new RegExp(`.{1,${w}}`, 'gu'))!;
  const prose = [
    '截至2023年11月30日，16个问题已完成整改11个，正在推进4个，需长期坚持1个，整改完成率68.75%；51条整改措施已落实46条，建立完善制度11项。',
    '下一步，局党组将坚持目标不变、标准不降、力度不减，对正在推进的问题继续实行台账管理、定期调度，防止问题反弹回潮，以整改实效推动高质量发展。',
  ];
  const ledger = [
    '问题类别：贯彻落实党的路线方针政策和党中央决策部署方面',
    ...[1, 2, 3, 4].flatMap((n) => [`${n}.问题：学习贯彻习近平生态文明思想不够深入，局党组理论学习中心组学习存在照本宣科现象`, '整改措施：1.修订《市林业局党组理论学习中心组学习制度》，将其作为常态化学习内容；', '2.2023年7月以来开展中心组专题学习研讨6次，班子成员撰写研讨材料14篇。', '整改状态：已完成']),
  ];

  it('its prose is unwrapped at the width its lines reach, the ledger\'s longer labelled lines let be', () => {
    const lines = [...wrap(prose[0]!, 20), ...wrap(prose[1]!, 20), ...ledger, ...wrap(prose[1]!, 20), ...wrap(prose[0]!, 20)];
    const out = unwrapHardBreaks(lines);
    expect(out.filter((l) => l === prose[0])).toHaveLength(2);
    expect(out.filter((l) => l === prose[1])).toHaveLength(2);
    expect(out).toHaveLength(4 + ledger.length);
    for (const l of ledger) expect(out).toContain(l);
  });

  it('a text of whole paragraphs is no wrapped text, with or without labelled lines', () => {
    const lines = [...prose, ...ledger, '中共某某局党组', '2023年12月15日'];
    expect(unwrapHardBreaks(lines)).toEqual(lines);
  });
});
