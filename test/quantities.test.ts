import { describe, it, expect } from 'vitest';
import { extract } from '../stages/issues/quantities.js';
import { loadRules } from '../core/rules.js';
import { parseChineseNumeral, parseNumber } from '../core/numerals.js';

const pick = (s: string) => extract(s).map((q) => [q.text, q.value, q.unit, q.kind, q.approx]);

describe('numerals', () => {
  it('reads Chinese numerals', () => {
    expect(parseChineseNumeral('三十一')).toBe(31);
    expect(parseChineseNumeral('十')).toBe(10);
    expect(parseChineseNumeral('两')).toBe(2);
    expect(parseChineseNumeral('一百零五')).toBe(105);
    expect(parseChineseNumeral('二〇二四')).toBe(2024);
    expect(parseChineseNumeral('三万五千')).toBe(35000);
    expect(parseChineseNumeral('x')).toBeNull();
  });
  it('reads digits with 万/亿 without float noise', () => {
    expect(parseNumber('66.57万')).toBe(665700);
    expect(parseNumber('5.0227万')).toBe(50227);
    expect(parseNumber('1.2亿')).toBe(120000000);
  });
});

describe('quantities', () => {
  const examples = loadRules<{ examples: Array<{ text: string; expect: unknown[] }> }>('quantities.json').examples;
  for (const ex of examples) {
    it(`rules example: ${ex.text}`, () => {
      expect(pick(ex.text)).toEqual(ex.expect);
    });
  }
  it('digits with thousands separators are one number (1,260.5万元), not the part after the comma', () => {
    expect(pick('追回资金1,260.5万元，涉及人民币3,500元，共计1,234,567.89元')).toEqual([
      ['1,260.5万元', 12605000, '元', 'money', null],
      ['3,500元', 3500, '元', 'money', null],
      ['1,234,567.89元', 1234567.89, '元', 'money', null],
    ]);
    // a full-width copy (２，６０５万元) after width folding
    expect(pick('追回资金2，605万元，处理12人')).toEqual([['2，605万元', 26050000, '元', 'money', null], ['12人', 12, '人', 'count', null]]);
  });
  it('spans slice back to the text, with an offset window', () => {
    const t = '前言。补缴党费696元，滞纳金411.46元。';
    for (const q of extract(t, 3)) expect(t.slice(q.span[0], q.span[1])).toBe(q.text);
    expect(extract(t, 3).map((q) => q.value)).toEqual([696, 411.46]);
  });
  it('set terms are not counts', () => {
    expect(pick('严格执行三会一课制度，落实一岗双责和三重一大，第一议题')).toEqual([]);
    expect(pick('增强四个意识、坚定四个自信、做到两个维护')).toEqual([]);
  });
  it('years, dates and ordinals are not quantities', () => {
    expect(pick('2024年')).toEqual([]);
    expect(pick('于2023年12月召开')).toEqual([]);
    expect(pick('9月份启动')).toEqual([]);
    expect(pick('第3次会议，第十二条')).toEqual([]);
    expect(pick('一是加强学习，二是完善制度')).toEqual([]);
  });
  it('the article 一 is not a count, a closing 一次 is', () => {
    expect(pick('作为一项日常性工作来抓')).toEqual([]);
    expect(pick('为今后一个时期指明方向')).toEqual([]);
    expect(pick('一次性补齐')).toEqual([]);
    expect(pick('召开民主生活会一次。')).toEqual([['一次', 1, '次', 'count', null]]);
  });
  it('a numeral and measure word said twice (一个一个过) is a manner, not a count', () => {
    expect(pick('问题一个一个过，措施一条一条落实。')).toEqual([]);
    expect(pick('反馈问题一个也不能少。')).toEqual([]);
  });
  it('a numeral inside a short quoted name is part of the name', () => {
    expect(pick('建立“两场联动”监管机制')).toEqual([]);
    expect(pick('落实“四议两公开”工作法')).toEqual([]);
    expect(pick('开展“双述双评”，召开会议两次。')).toEqual([['两次', 2, '次', 'count', null]]);
    expect(pick('召开会议三次，三次会议均有记录。')).toEqual([['三次', 3, '次', 'count', null], ['三次', 3, '次', 'count', null]]);
  });
  it('reads hedges and money forms', () => {
    expect(pick('追缴资金20余万元')).toEqual([['20余万元', 200000, '元', 'money', '余']]);
    expect(pick('挽回损失5万余元')).toEqual([['5万余元', 50000, '元', 'money', '余']]);
    expect(pick('超3万元')).toEqual([['超3万元', 30000, '元', 'money', '超']]);
    expect(pick('约200人参加')).toEqual([['约200人', 200, '人', 'count', '约']]);
  });
});

describe('what a money amount is', () => {
  it('recovered, fined, involved or other, from the words before it in its clause', async () => {
    const { extract } = await import('../stages/issues/quantities.js');
    const roles = (t: string) => extract(t).filter((q) => q.kind === 'money').map((q) => [q.text, q.role]);
    expect(roles('清退违规发放的津贴补贴18.6万元，罚款金额合计186万元；涉及资金120万元。投入养护资金2860万元，挽回经济损失1.18亿元。')).toEqual([
      ['18.6万元', 'recovered'], ['186万元', 'fined'], ['120万元', 'involved'], ['2860万元', 'other'], ['1.18亿元', 'recovered'],
    ]);
    // a count is no money: it has no role
    expect(extract('检查企业12家').map((q) => q.role)).toEqual([null]);
  });
});
