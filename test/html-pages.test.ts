// Saved pages whose article stands in several boxes (a paginated print view, a CMS's content in
// several <div>s), an icon's text alternative in a ledger's cell, disclosure fields in label/value
// cells with spaced labels, and a completion still to come (拟于…完成) as a status.
import { describe, it, expect } from 'vitest';
import { readHtml } from '../readers/html.js';
import { readStatus } from '../stages/issues/status.js';
import type { IssueParts } from '../stages/issues/issue.js';

const enc = (s: string) => new TextEncoder().encode(s);
const page = (body: string, head = '') => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>页面</title>${head}</head><body>${body}</body></html>`;
const para = (n: number) => `<p>第${n}段：局党组坚持把巡视整改作为重大政治任务，认真研究部署，逐项明确责任领导和完成时限，推动整改任务落地落实见效。</p>`;
const printPage = (n: number, of: number, body: string) =>
  `<div class="page" data-page="${n}"><div class="page-header"><span>某某市林业局</span><span>某某市林业局党组关于巡察整改进展情况的通报</span></div>`
  + `<div class="page-body">${body}</div><div class="page-footer">第${n}页 共${of}页</div></div>`;

describe('an article in several boxes of one kind', () => {
  const html = page(`<div class="toolbar"><a>打印</a></div><div class="pages">`
    + printPage(1, 3, `<h1>某某市林业局党组关于巡察整改进展情况的通报</h1>${para(1)}${para(2)}<p>截至2024年10月31日，已完成整改10个，基本完成并持续推进</p>`)
    + printPage(2, 3, `<p class="pager-cont">4个，需长期坚持1个。</p>${para(3)}${para(4)}<p>12.干部选拔任用工作不够严格，个别干部</p>`)
    + printPage(3, 3, `<p class="pager-cont">人事档案材料记载不一致。</p><p style="text-align:right">中共某某市林业局党组</p>`)
    + `</div>`);
  const read = readHtml(enc(html));
  const lines = read.text.split('\n');

  it('reads every page of a paginated print view, the short last one too', () => {
    for (const n of [1, 2, 3, 4]) expect(read.text).toContain(`第${n}段`);
    expect(read.text).toContain('中共某某市林业局党组');
  });
  it('leaves out the running header and footer repeated on every page', () => {
    expect(read.text).not.toContain('共3页');
    expect(lines.filter((l) => l.includes('某某市林业局党组关于巡察整改进展情况的通报'))).toHaveLength(1); // the h1 only
    expect(read.text).not.toContain('打印');
  });
  it('joins a paragraph a page break cut in the middle of a sentence', () => {
    expect(lines).toContain('截至2024年10月31日，已完成整改10个，基本完成并持续推进4个，需长期坚持1个。');
    expect(lines).toContain('12.干部选拔任用工作不够严格，个别干部人事档案材料记载不一致。');
  });
  it('does not join a page that ends a sentence, or a next page that starts a paragraph', () => {
    const two = readHtml(enc(page(`<div class="pages">`
      + printPage(1, 2, `${para(1)}${para(2)}<p>该问题已完成整改。</p>`)
      + printPage(2, 2, `<p>局党组坚持问题导向，持续推进整改落实，确保整改见底见效，不断巩固整改成果，推动各项工作高质量发展。</p>${para(3)}<p>二、下一步工作打算</p><p>持续推进</p>`)
      + `</div>`))).text.split('\n');
    expect(two).toContain('该问题已完成整改。');
    expect(two.some((l) => l.startsWith('局党组坚持问题导向'))).toBe(true);
    const numbered = readHtml(enc(page(`<div class="pages">`
      + printPage(1, 2, `${para(1)}${para(2)}<p>（一）压实整改责任</p>`)
      + printPage(2, 2, `<p>1.学习贯彻不够深入，理论学习中心组学习以读文件为主，研讨交流不够深入，理论联系实际不够紧密。</p>${para(3)}`)
      + `</div>`))).text.split('\n');
    expect(numbered).toContain('（一）压实整改责任');
  });
  it('reads a CMS content split into several divs of one class, with what stands between them', () => {
    const split = readHtml(enc(page(`<div class="nav"><a>首页</a></div><div class="wrap">`
      + `<div class="part">${para(1)}${para(2)}</div><table><tr><td>序号</td><td>问题</td></tr><tr><td>1</td><td>表中问题</td></tr></table>`
      + `<div class="part">${para(3)}${para(4)}</div></div><div class="foot"><p>主办单位：某某市林业局</p></div>`))).text;
    for (const n of [1, 2, 3, 4]) expect(split).toContain(`第${n}段`);
    expect(split).toContain('表中问题');
    expect(split).not.toContain('主办单位');
    expect(split).not.toContain('首页');
  });
  it('keeps one article beside boxes of its kind that hold no prose, and a repeated sentence that is no furniture', () => {
    const one = readHtml(enc(page(`<div class="wrap"><div class="box">${para(1)}${para(2)}</div>`
      + `<div class="box"><ul><li><a>相关新闻一</a></li><li><a>相关新闻二</a></li></ul></div></div>`))).text;
    expect(one).toContain('第2段');
    expect(one).not.toContain('相关新闻');
    // a layout's rows of one class: the site footer's few lines of prose are no part of the article
    const rows = readHtml(enc(page(`<div class="row">${[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(para).join('')}</div>`
      + `<div class="row"><p>主办单位：某某市林业局　承办单位：某某市林业局办公室　地址：某某市人民路一号　联系电话：0371-12345678　网站标识码：4101000001　备案号：豫公网安备号</p></div>`))).text;
    expect(rows).toContain('第10段');
    expect(rows).not.toContain('主办单位');
    const repeated = readHtml(enc(page(`<div class="wrap"><div class="part">${para(1)}<p>该问题已完成整改。</p></div>`
      + `<div class="part">${para(2)}<p>该问题已完成整改。</p></div></div>`))).text;
    expect(repeated.split('该问题已完成整改')).toHaveLength(3);
  });
});

describe('an icon that is all its cell holds reads as its text alternative', () => {
  const ledger = (status: string) => page(`<div class="header"><a class="logo"><img src="/logo.png" alt="某某市退役军人事务局"></a></div>`
    + `<div id="zoom">${para(1)}${para(2)}<p class="legend">整改状态：<img src="/done.png" alt="已完成"> 已完成　<i class="iconfont" title="长期坚持"></i> 需长期坚持</p>`
    + `<table><tr><td>序号</td><td>反馈问题</td><td>整改措施</td><td>整改状态</td></tr>`
    + `<tr><td>1</td><td>学习不够深入。</td><td>1.修订学习制度；<br>2.开展研讨5次。</td><td>${status}</td></tr></table></div>`);
  const statusOf = (status: string) => readHtml(enc(ledger(status))).blocks?.find((b) => b.kind === 'table')?.rows?.[1]?.[3];

  it('reads <img alt>, an iconfont glyph\'s title and aria-label', () => {
    expect(statusOf('<img src="/zgzt/done.png" alt="已完成">')).toBe('已完成');
    expect(statusOf('<i class="iconfont icon-wancheng" title="已整改"></i>')).toBe('已整改');
    expect(statusOf('<span class="icon" role="img" aria-label="正在整改"></span>')).toBe('正在整改');
  });
  it('never reads a decorative alternative: 图片, icon, a file name, an English word, a page control', () => {
    for (const alt of ['图片', '图标1', 'done.png', '已完成.png', 'icon', 'status-ok', '打印', '分享到微信']) expect(statusOf(`<img src="/a.png" alt="${alt}">`)).toBe('');
  });
  it('does not double a legend whose icons stand beside their words, nor read the page chrome', () => {
    const text = readHtml(enc(ledger('<img alt="已完成">'))).text;
    expect(text.replace(/[ \u3000]/g, '')).toContain('整改状态：已完成需长期坚持');
    expect(text).not.toContain('某某市退役军人事务局');
  });
  it('reads an icon in a cell beside text as nothing more', () => {
    expect(statusOf('<i class="iconfont" title="已整改"></i>2023年10月')).toBe('2023年10月');
  });
});

describe('disclosure fields', () => {
  const table = (rows: string) => page(`<table class="xxgk">${rows}</table><div id="zoom">${para(1)}${para(2)}</div>`);
  it('reads a spaced label in a cell of its own and its value in the next, four cells to a row', () => {
    const meta = readHtml(enc(table(`<tr><td>索 引 号：</td><td>014187516/2023-00347</td><td>分　　类：</td><td>党群工作</td></tr>`
      + `<tr><td>发布机构：</td><td>市退役军人事务局</td><td>发文日期：</td><td>2023-12-12</td></tr>`
      + `<tr><td>文　　号：</td><td></td><td>时 效 性：</td><td>有效</td></tr>`))).meta;
    expect(meta.doc_number).toBe('014187516/2023-00347');
    expect(meta.publisher).toBe('市退役军人事务局');
  });
  it('takes a 文号 cell over the 索引号, and an empty 发布机构 cell is no publisher', () => {
    const meta = readHtml(enc(table(`<tr><td>索引号</td><td>014187516/2023-00347</td><td>文号</td><td>淮退役党〔2023〕12号</td></tr>`
      + `<tr><td>发布机构</td><td></td><td>主题</td><td>党建</td></tr>`))).meta;
    expect(meta.doc_number).toBe('淮退役党〔2023〕12号');
    expect(meta.publisher).toBeUndefined();
  });
  it('reads a spaced label in an info line', () => {
    const meta = readHtml(enc(page(`<div class="info">索 引 号：11320800MB1234567X/2024-00012  发布日期：2024-05-06</div><div id="zoom">${para(1)}${para(2)}</div>`))).meta;
    expect(meta.doc_number).toBe('11320800MB1234567X/2024-00012');
    expect(meta.published_date).toBe('2024-05-06');
  });
});

describe('a completion still to come', () => {
  const parts = (p: Partial<IssueParts>): IssueParts => ({ problem: '问题', measures: [], outcome: null, notes: [], progress: [], statusField: null, ...p });
  it('拟于…完成 at a clause\'s end is in progress, the phrase from 拟于', () => {
    expect(readStatus(parts({ measures: ['完成补植补造1.8万亩，剩余0.5万亩拟于2025年春季完成。'] }))).toMatchObject({ status: 'in_progress', phrase: '拟于2025年春季完成', rule: 'status.planned_completion' });
    expect(readStatus(parts({ measures: ['剩余6个服务站改造计划于2024年6月底前完成'] })).status).toBe('in_progress');
  });
  it('a plan of one step, or a plan already met, is not', () => {
    expect(readStatus(parts({ measures: ['计划于年底前完成制度修订。该问题已完成整改。'] })).status).toBe('completed');
    expect(readStatus(parts({ measures: ['建立台账，已按计划于6月底前完成整改。'] })).status).toBe('completed');
  });
});
