// A county news site's re-post of a bulletin (fixtures/news-repost-2023 is one): a news headline and no
// issuer title, the publishing body named in the lead (近日，X党组向社会公布了…), year-less dates dated by
// 今年/去年 against the page's date line, bold news subheads, problems as run-in 一是关于X的问题。 heads,
// photo captions between them. Each piece is checked here on small texts of other wordings, with the
// readings they must not take.
import { describe, it, expect } from 'vitest';
import { extractBytes } from '../stages/extract.js';
import { extractTotals } from '../stages/totals/totals.js';
import { announcedIssuer } from '../stages/metadata/title.js';
import { findDates, relativeYears } from '../stages/metadata/dates.js';
import { headlineDate } from '../readers/date-line.js';
import { rx } from '../core/rules.js';
import { structureRules } from '../core/vocabulary.js';

const enc = (s: string) => new TextEncoder().encode(s);

const page = (body: string, info = '<span>2024-03-15 09:20</span> <span>来源：汝阳县融媒体中心</span>') => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>县审计局：巡察整改见实效_汝阳新闻网</title></head><body>
<div class="nav"><a href="/">首页</a><a href="/xw/">新闻</a></div>
<div class="article"><h1>县审计局：巡察整改见实效</h1>
<div class="info">${info}</div>
<div class="content">${body}</div></div>
<div class="related"><h3>相关新闻</h3><ul><li>县住建局：聚焦15个反馈问题 推动整改落地<span>2024-03-01</span></li></ul></div>
<div class="footer">汝阳县融媒体中心 版权所有 豫ICP备12345678号</div></body></html>`;

const article = `<p>日前，汝阳县审计局党组在门户网站上公开了县委第三巡察组反馈意见整改进展情况。</p>
<p>据悉，去年10月9日至12月8日，县委第三巡察组对县审计局党组开展了常规巡察，并于今年1月16日反馈了巡察意见，共指出2个方面3个问题。截至2月29日，3个问题已完成整改2个，正在整改1个；追回违规资金30万元。</p>
<p style="text-align:center"><strong>狠抓落实 见行见效</strong></p>
<p><strong>一是关于审计项目质量控制不严的问题。</strong>该局修订审计质量控制办法，对上轮巡察反馈的9个问题开展“回头看”，复核审计项目12个。目前该问题已整改到位。</p>
<p style="text-align:center"><img src="/a.jpg"></p>
<p style="text-align:center">▲县审计局召开巡察整改推进会（张三 摄）</p>
<p><strong>二是关于审计发现问题督促整改不力的问题。</strong>该局建立审计整改台账，追回违规资金30万元。该问题已完成整改。</p>
<p><strong>三是关于干部教育培训针对性不强的问题。</strong>该局制定干部培训计划，组织业务培训4期。目前，相关工作正在持续推进中。</p>
<p style="text-align:center"><strong>建章立制 巩固成果</strong></p>
<p>记者了解到，该局新建和完善制度5项。</p>
<p style="text-align:right">（记者 李四）</p>`;

describe('a news re-post of a bulletin', () => {
  it('reads the run-in 一是关于X的问题。 heads as the problems, one measure each, the captions none, no subhead a category', async () => {
    const rec = await extractBytes(enc(page(article)), 'repost.html');
    expect(rec.issues.map((i) => [i.number, i.problem, i.measures.length, i.status])).toEqual([
      [1, '审计项目质量控制不严', 1, 'completed'],
      [2, '审计发现问题督促整改不力', 1, 'completed'],
      [3, '干部教育培训针对性不强', 1, 'in_progress'],
    ]);
    expect(rec.issues.flatMap((i) => [...i.measures, ...i.notes]).join('')).not.toContain('推进会');
    expect(rec.categories).toEqual([]);
    expect(rec.warnings.map((w) => w.code)).not.toContain('no_problems_found');
    // the totals are the lead's: not a problem's own 上轮…9个问题, the money counted once
    expect(rec.summary).toMatchObject({ aspects: 2, problems: 3, completed: 2, in_progress: 1, money_recovered: 300000 });
  });
  it('takes the issuer from the lead, the unit and its short forms, and dates 去年/今年 by the page\'s date line', async () => {
    const b = (await extractBytes(enc(page(article)), 'repost.html')).bulletin;
    expect(b).toMatchObject({
      title: '县审计局：巡察整改见实效', issuer: '汝阳县审计局党组', unit: '汝阳县审计局', region: '汝阳县', team: '县委第三巡察组',
      inspection_start: '2023-10-09', inspection_end: '2023-12-08', feedback_date: '2024-01-16', as_of_date: '2024-02-29', published_date: '2024-03-15',
    });
    expect(b.unit_aliases).toContain('县审计局');
  });
  it('without the page\'s date, 今年 dates nothing: the dates stay null, never guessed', async () => {
    const b = (await extractBytes(enc(page(article, '<span>来源：汝阳县融媒体中心</span>')), 'repost.html')).bulletin;
    expect(b.published_date).toBeNull();
    expect(b.inspection_start).toBeNull();
    expect(b.feedback_date).toBeNull();
  });
  it('a 一是 inside a problem\'s paragraph is a series of its measures, not problems', async () => {
    const text = `中共某某县财政局党组关于巡察整改进展情况的通报
根据县委统一部署，2023年4月1日至5月30日，县委第一巡察组对县财政局党组开展了常规巡察，反馈了2个问题。
一、关于预算执行不严格的问题。一是修订预算管理办法；二是开展预算执行专项检查。目前已完成整改。
二、关于国有资产管理不规范的问题。一是开展资产清查；二是建立资产台账；三是关于闲置资产的问题，逐项盘活处置。目前已完成整改。`;
    const rec = await extractBytes(enc(text), 'series.txt');
    expect(rec.issues.map((i) => [i.number, i.problem, i.measures.length])).toEqual([
      [1, '预算执行不严格', 2],
      [2, '国有资产管理不规范', 3],
    ]);
  });
  it('a caption among a problem\'s own paragraphs is none of its measures', async () => {
    const text = `中共某某县水利局党组关于巡察整改进展情况的通报
根据县委统一部署，2023年4月1日至5月30日，县委第一巡察组对县水利局党组开展了常规巡察，反馈了2个问题。
一、关于河道管理不到位的问题
整改措施：开展河道清障专项行动，清理违建12处。
图为县水利局工作人员在河道开展巡查。
建立河长巡河台账，实行周巡月报。目前已完成整改。
二、关于工程质量监管不严的问题
整改措施：开展在建工程质量检查，整改隐患8处。目前已完成整改。`;
    const read = async (t: string) => (await extractBytes(enc(t), 'caption.txt')).issues.map((i) => [i.problem, i.measures, i.notes, i.status]);
    const got = await read(text);
    expect(got.flat(2).join('')).not.toContain('图为');
    // read as the same text without the caption
    expect(got).toEqual(await read(text.replace(/\n图为[^\n]*/, '')));
    expect(got.map((i) => (i[1] as string[]).length)).toEqual([1, 1]);
  });
});

describe('the pieces', () => {
  it('photo captions: ▲…（资料图）, 图为…, …（X摄）; a bullet ▲ before a measure is none', () => {
    const cap = rx(structureRules().photo_caption);
    for (const t of ['▲县医保局召开巡察整改专题民主生活会（资料图）', '图为整改推进会现场。', '县住建局召开专题会议（记者 王五 摄）', '△入户核查（图源：县融媒体中心）']) expect(cap.test(t), t).toBe(true);
    for (const t of ['▲开展专项检查，追回资金3万元', '一是关于X的问题。该局开展检查（已完成）', '制定《整改方案》（见附件）']) expect(cap.test(t), t).toBe(false);
  });
  it('the issuer a lead names must carry its area: a short form is no issuer', () => {
    const area = (n: string) => /^(?:\S{2,}[县市区])/.test(n) && !/^[县市区]/.test(n);
    expect(announcedIssuer('近日，营山县医疗保障局党组向社会公布了县委第二巡察组反馈意见整改进展情况。', 100, area)?.issuer).toBe('营山县医疗保障局党组');
    expect(announcedIssuer('近日，县医保局党组向社会公布了整改进展情况。', 100, area)).toBeNull();
    expect(announcedIssuer('县委第二巡察组对营山县医疗保障局党组开展了常规巡察。', 100, area)).toBeNull();
    // only before the problems
    expect(announcedIssuer('整改情况如下：\n一是…。近日，营山县医疗保障局党组公布了…', 8, area)).toBeNull();
  });
  it('今年/去年/前年 before a year-less date: the page\'s year plus the offset; a written year or no word stays', () => {
    const text = '今年3月20日至5月19日；去年11月2日；前年6月1日；2021年7月1日；8月9日';
    const ds = relativeYears(text, findDates(text), 2023);
    expect(ds.map((d) => d.year)).toEqual([2023, null, 2022, 2021, 2021, null]);
    expect(relativeYears(text, findDates(text), null).map((d) => d.year)).toEqual([null, null, null, null, 2021, null]);
  });
  it('the date line under a headline, and no date further away or inside a sentence', () => {
    const iso = (m: RegExpExecArray | null) => (m ? `${m[1]}-${m[2]}-${m[3]}` : null);
    expect(iso(headlineDate('首页\n县审计局：巡察整改见实效\n2024-03-15 09:20 来源：县融媒体中心\n正文', '县审计局：巡察整改见实效'))).toBe('2024-03-15');
    expect(iso(headlineDate('县审计局：巡察整改见实效\n来源：县融媒体中心 作者：李四\n2024年3月15日，县审计局召开整改推进会。', '县审计局：巡察整改见实效'))).toBeNull();
    expect(iso(headlineDate('县审计局：巡察整改见实效\n来源：县融媒体中心\n正文一\n正文二\n2024-03-15', '县审计局：巡察整改见实效'))).toBeNull();
    expect(iso(headlineDate('另一篇\n2024-03-15', '县审计局：巡察整改见实效'))).toBeNull();
  });
  it('a sum stated whole and in its parts counts once; equal figures that are no parts add up', () => {
    const sum = (t: string) => extractTotals([{ text: t, start: 0 }]).summary.money_recovered;
    expect(sum('追回违规使用医保基金136.52万元。检查中追回违规使用医保基金128.76万元。另追回多支付的医疗费用7.76万元。')).toBe(1365200);
    expect(sum('清退违规资金86.32万元，追缴资金12.5万元。')).toBe(988200);
    expect(sum('追回资金5万元。另追回资金5万元。')).toBe(100000);
  });
});
