// Tables drawn in plain text, with box-drawing characters or as grid tables (readers/box-tables.ts): rows between
// rules, a long cell wrapped onto the lines of its row, rows told by their first cell where no
// rule separates them, a category row across the table; and text that is no table stays.
import { describe, it, expect } from 'vitest';
import { boxTables } from '../readers/box-tables.js';
import { textLedgers } from '../readers/tables.js';

const ruled = [
  '┌──┬────────┬────────┬──────┐',
  '│序号│问题        │整改措施      │完成情况  │',
  '├──┴────────┴────────┴──────┤',
  '│（一）政治建设方面                         │',
  '├──┬────────┬────────┬──────┤',
  '│1 │党委会议事规则│一是修订规则；│已完成    │',
  '│  │不清          │二是建立清单。│          │',
  '├──┼────────┼────────┼──────┤',
  '│2 │信息发布审核不│一是建立“三审│正在推进  │',
  '│  │严            │三校”制度。  │          │',
  '└──┴────────┴────────┴──────┘',
].join('\n');

describe('box-drawn tables', () => {
  it('rows between rules, a wrapped cell joined, a category row kept as a row', () => {
    expect(boxTables(ruled).split('\n')).toEqual([
      '序号\t问题\t整改措施\t完成情况',
      '（一）政治建设方面\t\t\t',
      '1\t党委会议事规则不清\t一是修订规则；二是建立清单。\t已完成',
      '2\t信息发布审核不严\t一是建立“三审三校”制度。\t正在推进',
    ]);
  });

  it('with no rule between rows, a line whose first cell is blank goes on with the row before', () => {
    const t = ['┌──┬──────┬──────┐', '│序号│问题      │整改措施    │', '├──┼──────┼──────┤', '│1 │制度不全  │建立制度    │', '│  │执行不严  │加强督导    │', '│2 │台账缺失  │建立台账    │', '└──┴──────┴──────┘'].join('\n');
    expect(boxTables(t).split('\n')).toEqual(['序号\t问题\t整改措施', '1\t制度不全执行不严\t建立制度加强督导', '2\t台账缺失\t建立台账']);
  });

  it('a ledger drawn in boxes is read as one: labelled problem lines with their measures and status', () => {
    const lines = textLedgers(`前言。\n${ruled}\n下一步，将持续整改。`).split('\n');
    expect(lines[0]).toBe('前言。');
    expect(lines).toContain('1.问题：党委会议事规则不清');
    expect(lines).toContain('整改状态：正在推进');
    expect(lines[lines.length - 1]).toBe('下一步，将持续整改。');
  });

  it('a pandoc grid table: +---+ rules, +===+ under the header, wrapped cells joined', () => {
    const t = ['+----+----------+----------+', '| 序号 | 反馈问题 | 完成情况 |', '+====+==========+==========+', '| 1  | 学习不够深 | 已完成   |', '|    | 入         |          |', '+----+----------+----------+', '| 2  | 台账缺失 | 正在推进 |', '+----+----------+----------+'].join('\n');
    expect(boxTables(t).split('\n')).toEqual(['序号\t反馈问题\t完成情况', '1\t学习不够深入\t已完成', '2\t台账缺失\t正在推进']);
  });

  it('text with a bar but no box is left as it is', () => {
    const t = '联系电话│0377-66269828\n整改情况：一是建立制度。';
    expect(boxTables(t)).toBe(t);
  });
});
