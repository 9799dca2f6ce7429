import { describe, it, expect } from 'vitest';
import { normalize, widenPunctuation, closeCjkSpaces, unwrapHardBreaks, joinBrokenSentences } from '../stages/normalize/normalize.js';

describe('normalize', () => {
  it('handles CRLF, full-width spaces and digits', () => {
    expect(normalize('第一行\r\n\u3000\u3000２０２４年　\r\n')).toBe('第一行\n2024年');
  });
  it('widens half-width punctuation next to Chinese, not in emails or times', () => {
    expect(widenPunctuation('整改措施:一是学习,二是(1)完善;')).toBe('整改措施：一是学习，二是（1）完善；');
    expect(widenPunctuation('邮箱a.b@163.com 10:30')).toBe('邮箱a.b@163.com 10:30');
    expect(widenPunctuation('关于"公务接待"的问题')).toBe('关于“公务接待”的问题');
  });
  it('closes spaces a PDF put between Chinese and digits', () => {
    expect(closeCjkSpaces('2024 年 5 月 16 日，会议 6 次')).toBe('2024年5月16日，会议6次');
    expect(closeCjkSpaces('Tel 0377 6626')).toBe('Tel 0377 6626');
  });
  it('drops page numbers, markdown bold and <!--more-->', () => {
    expect(normalize('**一、组织整改**\n— 3 —\n正文<!--more-->继续')).toBe('一、组织整改\n正文继续');
  });
  it('joins a number at a line end to its measure word on the next line, and nothing else that ends in a digit', () => {
    expect(joinBrokenSentences(['1.对移交的9件信访问题逐件明确责任领导，已办结7', '件。', '2.对2件信访事项研究化解方案。'])).toEqual(['1.对移交的9件信访问题逐件明确责任领导，已办结7件。', '2.对2件信访事项研究化解方案。']);
    expect(joinBrokenSentences(['追回资金56.7', '万元。'])).toEqual(['追回资金56.7万元。']);
    expect(joinBrokenSentences(['联系电话：037', '3-3051234。'])).toEqual(['联系电话：037', '3-3051234。']);
    expect(joinBrokenSentences(['— 1 —', '个人事项报告制度落实不严'])).toEqual(['— 1 —', '个人事项报告制度落实不严']);
  });
  it('joins hard-wrapped lines but keeps headings apart', () => {
    const wrapped = ['一二三四五六七八九十一二三四五六七八九十', '续行文字。', '1.关于问题', ...Array(10).fill('一二三四五六七八九十一二三四五六七八九十')];
    const out = unwrapHardBreaks(wrapped);
    expect(out[0]).toBe('一二三四五六七八九十一二三四五六七八九十续行文字。');
    expect(out[1]).toBe('1.关于问题'); // short: a line of its own
    expect(out[2]).toBe('一二三四五六七八九十一二三四五六七八九十'.repeat(10));
    expect(out.length).toBe(3);
  });
  it('leaves text that is not hard-wrapped alone', () => {
    const lines = ['短行', '一个较长的段落，结尾有句号。', '另一段。'];
    expect(unwrapHardBreaks(lines)).toEqual(lines);
  });
});

describe('Markdown furniture', () => {
  it('drops an editor\'s empty anchors, images and the TOC marker, and keeps a link\'s words', () => {
    const md = '[TOC]\n<a name="Lm5xC"></a>\n### （一）党的建设方面\n![](https://cdn.example.com/a.jpeg)\n1.理论学习不深入，详见[整改方案](https://example.com/x.html)。';
    expect(normalize(md)).toBe('（一）党的建设方面\n1.理论学习不深入，详见整改方案。');
  });
  it('leaves square brackets that are no link alone', () => {
    expect(normalize('整改措施：[1]修订制度')).toBe('整改措施：[1]修订制度');
  });
});
