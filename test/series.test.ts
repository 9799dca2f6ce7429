// A series of measures (一是…二是…, 首先…其次…最后) within a paragraph, after the clause's subject,
// and over paragraphs; and what is no series (numbers listed in a sentence, 首先 alone).
import { describe, it, expect } from 'vitest';
import { seriesMarkers } from '../stages/issues/series.js';
import { extractBytes } from '../stages/extract.js';

const ks = (s: string, after = 0) => seriesMarkers(s, after).map((m) => [s.slice(m.at, m.at + m.len), m.k]);

describe('series markers', () => {
  it('a series after the clause subject, in any form whose second item follows in the same form', () => {
    expect(ks('部党组首先，开展清查；其次，推行出让；最后，建成系统。')).toEqual([['首先，', 1], ['其次，', 2], ['最后，', 3]]);
    expect(ks('局党组（1）修订规则；（2）举办读书班。')).toEqual([['（1）', 1], ['（2）', 2]]);
    expect(ks('局党组第一，修订规则；第二，举办读书班。')).toEqual([['第一，', 1], ['第二，', 2]]);
    expect(ks('局党组一是修订规则；二是举办读书班。')).toEqual([['一是', 1], ['二是', 2]]);
  });
  it('no series: numbers listed in a sentence, a subject marker without its second, 首先 as a word', () => {
    expect(ks('共涉及1、2、3号楼的改造工程。')).toEqual([]);
    expect(ks('局党组（1）班子成员带头学习。')).toEqual([]);
    expect(ks('首先要加强学习，提高认识。')).toEqual([]);
    expect(ks('在工作中首先，要强化责任。')).toEqual([]);
  });
  it('a series after the clause subject whose second item opens the next paragraph (部党组一是…； ⏎ 二是…)', () => {
    const ksNext = (s: string, next?: string) => seriesMarkers(s, 0, next).map((m) => [s.slice(m.at, m.at + m.len), m.k]);
    expect(ksNext('巡视指出，X不够深入。部党组一是修订学习制度；', '二是举办读书班2期；')).toEqual([['一是', 1]]);
    expect(ksNext('巡视指出，X不够深入。部党组首先，修订学习制度；', '其次，举办读书班2期；')).toEqual([['首先，', 1]]);
    // not when the next paragraph goes on otherwise, or counts in another form
    expect(ksNext('巡视指出，X不够深入。部党组一是修订学习制度；', '通过整改，学习更加规范。')).toEqual([]);
    expect(ksNext('巡视指出，X不够深入。部党组一是修订学习制度；', '（2）举办读书班2期；')).toEqual([]);
    expect(ksNext('巡视指出，X不够深入。部党组一是修订学习制度；')).toEqual([]);
  });
  it('首先， opening a paragraph starts a series the next paragraphs go on with (其次， after 1, 最后， after 2)', () => {
    expect(ks('首先，对专项资金使用情况进行全面梳理。')).toEqual([['首先，', 1]]);
    expect(ks('其次，收回闲置资金96.5万元。', 1)).toEqual([['其次，', 2]]);
    expect(ks('最后，对负有责任的2名人员给予党纪处分。', 2)).toEqual([['最后，', 3]]);
    expect(ks('其次，收回闲置资金96.5万元。')).toEqual([]);
  });
});

describe('measures over paragraphs after the clause subject', () => {
  it('巡视指出，X。部党组一是…； ⏎ 二是…； ⏎ 三是…。通过整改…: three measures and the outcome', async () => {
    const text = [
      '中共某某部党组关于十九届中央第九轮巡视整改进展情况的通报',
      '根据中央统一部署，2022年4月至6月，中央第五巡视组对某某部党组进行了常规巡视。2022年8月，中央巡视组向某某部党组反馈了巡视意见。现将巡视整改进展情况予以公布。',
      '一、关于贯彻落实党中央决策部署方面',
      '巡视指出，学习贯彻习近平总书记重要论述不够深入。部党组一是把重要论述作为党组会议“第一议题”，开展专题学习研讨6次；',
      '二是举办司局级干部专题读书班2期，培训218人次；',
      '三是开展调查研究，形成调研报告14篇。通过整改，部党组推动工作的能力明显提升。',
      '巡视指出，推动生态保护修复不够有力。部党组一是开展专项督查；二是约谈进展滞后的3个省份。目前，相关项目正在推进中。',
    ].join('\n');
    const rec = await extractBytes(new TextEncoder().encode(text), 'series.txt');
    expect(rec.issues.map((i) => i.measures.length)).toEqual([3, 2]);
    expect(rec.issues[0]!.measures[0]).toBe('把重要论述作为党组会议“第一议题”，开展专题学习研讨6次');
    expect(rec.issues[0]!.outcome).toBe('通过整改，部党组推动工作的能力明显提升。');
  });
});

describe('measures worded 首先/其次/最后 over paragraphs', () => {
  it('each paragraph is a measure; the status line after them is the status', async () => {
    const text = [
      '中共某某县文化广电和旅游局党组关于巡察整改进展情况的通报',
      '根据县委统一部署，2024年4月8日至5月30日，县委第二巡察组对县文化广电和旅游局党组进行了巡察。2024年7月5日，巡察组向县文化广电和旅游局党组反馈了巡察意见。现将巡察整改进展情况予以公布。',
      '一、巡察反馈问题整改落实情况',
      '（一）落实全面从严治党主体责任方面',
      '1.关于“专项资金管理使用不规范”的问题',
      '首先，对2021年以来文化产业专项资金使用情况进行全面梳理，涉及资金1.28亿元。',
      '其次，收回闲置资金96.5万元，统筹用于公共文化服务项目。',
      '最后，修订《专项资金管理办法》，明确审批流程。',
      '整改状态：已完成。',
      '2.关于“公务接待管理不严格”的问题',
      '首先，开展公务接待专项检查。',
      '其次，建立公务接待审批台账。',
      '整改状态：持续整改。',
    ].join('\n');
    const rec = await extractBytes(new TextEncoder().encode(text), 'series.txt');
    expect(rec.issues.map((i) => [i.number, i.measures.length, i.status])).toEqual([[1, 3, 'completed'], [2, 2, 'long_term']]);
    expect(rec.issues[0]!.measures[1]).toBe('收回闲置资金96.5万元，统筹用于公共文化服务项目。');
    expect(rec.issues[0]!.notes).toEqual([]);
  });
});
