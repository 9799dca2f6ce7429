// Three layouts read in general (fixtures html-tabs-2024, quoted-findings-grouped-2024, ocr-spaced-lines-2024):
// a page's sections in tabs, findings quoted a paragraph each and answered by number lists, and
// straight quotes mixed with curly ones; with the negatives that must stay as they were.
import { describe, it, expect } from 'vitest';
import { readHtml } from '../readers/html.js';
import { refNumbers } from '../stages/segment/answer-refs.js';
import { unquoteItems } from '../stages/normalize/lines.js';
import { widenPunctuation } from '../stages/normalize/characters.js';

const enc = (s: string) => new TextEncoder().encode(s);
const prose = '局党组坚持把巡察整改作为重要政治任务，逐条制定整改措施，明确责任领导和完成时限，确保整改到位。'.repeat(3);
const page = (body: string) => `<html><head><meta charset="utf-8"><style>.tab-pane{display:none}.tab-pane.active{display:block}</style></head><body><div id="zoom"><p>${prose}</p>${body}</div></body></html>`;

describe('tabs', () => {
  it('ARIA/Bootstrap tabs: each panel headed by its label, the badge count no part of it, the strip gone', () => {
    const r = readHtml(enc(page(`<ul class="nav nav-tabs" role="tablist"><li><a href="#a" role="tab">党的建设方面<span class="badge">2</span></a></li><li><a href="#b" role="tab">作风建设方面（1）</a></li></ul>`
      + `<div class="tab-content"><div class="tab-pane active" id="b"><p>2.落实中央八项规定精神不严格，存在违规发放津补贴问题。</p></div><div class="tab-pane" id="a"><p>1.学习贯彻不够深入，理论学习与业务工作结合不紧。</p></div></div>`)));
    const lines = r.text.split('\n');
    expect(lines.indexOf('作风建设方面')).toBe(lines.findIndex((l) => l.startsWith('2.')) - 1);
    expect(lines.indexOf('党的建设方面')).toBe(lines.findIndex((l) => l.startsWith('1.')) - 1);
    expect(r.text).not.toMatch(/方面2|（1）/);
    expect((r.blocks ?? []).filter((b) => b.kind === 'heading').map((b) => b.text)).toEqual(['作风建设方面', '党的建设方面']);
  });
  it('layui tabs matched by place: the Nth label heads the Nth panel', () => {
    const r = readHtml(enc(page(`<div class="layui-tab"><ul class="layui-tab-title"><li class="layui-this">政治建设</li><li>组织建设</li></ul>`
      + `<div class="layui-tab-content"><div class="layui-tab-item layui-show"><p>1.学习贯彻不够深入，理论学习与业务工作结合不紧。</p></div><div class="layui-tab-item"><p>2.基层党组织建设薄弱，三会一课记录不规范问题突出。</p></div></div></div>`)));
    const lines = r.text.split('\n');
    expect(lines[lines.indexOf('政治建设') + 1]).toMatch(/^1\./);
    expect(lines[lines.indexOf('组织建设') + 1]).toMatch(/^2\./);
  });
  it('a list of links that is no tab strip stays as it is', () => {
    const r = readHtml(enc(page(`<ul class="list"><li><a href="/a.html">相关文章一</a></li><li><a href="/b.html">相关文章二</a></li></ul>`)));
    expect((r.blocks ?? []).some((b) => b.kind === 'heading')).toBe(false);
  });
  it('a problem label in a badge of its own reads as the label (问题3：X); a label that is the whole block or mid-sentence does not', () => {
    expect(readHtml(enc(page('<p><span class="no">问题3</span>学习贯彻不够深入。</p>'))).text).toContain('问题3：学习贯彻不够深入');
    expect(readHtml(enc(page('<p>整改情况见<span>问题3</span>有关内容。</p>'))).text).toContain('整改情况见问题3有关内容');
  });
});

describe('answers by number lists', () => {
  it('reads single numbers, lists and ranges', () => {
    expect(refNumbers('1')).toEqual([1]);
    expect(refNumbers('1、2')).toEqual([1, 2]);
    expect(refNumbers('一个、第三')).toEqual([1, 3]);
    expect(refNumbers('3至5')).toEqual([3, 4, 5]);
  });
});

describe('quoted findings', () => {
  it('a quotation over paragraphs (“1.X。 ⏎ “2.Y。”) loses its marks; a quote closed inside the line stays', () => {
    expect(unquoteItems(['\u201c1.学习贯彻不够深入。', '\u201c2.财务管理不规范。\u201d'])).toEqual(['1.学习贯彻不够深入。', '2.财务管理不规范。']);
    expect(unquoteItems(['\u201c1.2\u201d讲话精神学习不够。', '\u201c三会一课\u201d执行不严。'])).toEqual(['\u201c1.2\u201d讲话精神学习不够。', '\u201c三会一课\u201d执行不严。']);
  });
  it('a straight quote closes the curly one open before it, across a hard wrap too', () => {
    expect(widenPunctuation('建立\u201c三张清单"，实行销号管理')).toBe('建立\u201c三张清单\u201d，实行销号管理');
    expect(widenPunctuation('关于\u201c农村公路养护不到\n位"的问题。')).toBe('关于\u201c农村公路养护不到\n位\u201d的问题。');
    expect(widenPunctuation('落实"第一议题"制度。\n"三会一课"不规范。')).toBe('落实\u201c第一议题\u201d制度。\n\u201c三会一课\u201d不规范。');
  });
});
