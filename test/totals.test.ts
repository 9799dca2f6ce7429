import { describe, it, expect } from 'vitest';
import { extractTotals } from '../stages/totals/totals.js';

const totals = (t: string) => extractTotals([{ text: t, start: 0 }]).summary;

describe('declared totals', () => {
  it('prefers 具体问题 over a bare 问题 count', () => {
    expect(totals('对照反馈的4个方面、11个问题、31项整改任务。针对四个方面31个具体问题，已完成整改26个，长期整改5个。')).toEqual({
      aspects: 4, problems: 31, tasks: 31, completed: 26, long_term: 5,
    });
  });
  it('all of N problems done, after a comma; tasks and measures completed kept apart from problems', () => {
    expect(totals('巡察反馈的3个方面12个问题，已全部完成整改。')).toEqual({ aspects: 3, problems: 12, completed: 12 });
    expect(totals('23个具体问题中已完成整改21个，正在整改2个；整改任务已完成72项。')).toMatchObject({ problems: 23, completed: 21, in_progress: 2, tasks_completed: 72 });
    expect(totals('巡察反馈的6个问题中，已完成整改4个，整改措施24条已完成20条。')).toMatchObject({ problems: 6, completed: 4, measures: 24, measures_completed: 20 });
    // one figure for both kinds of open problems: not completed, not long-term
    expect(totals('巡察反馈的7个问题，已完成整改5个，正在整改和长期坚持的2个。')).toEqual({ problems: 7, completed: 5, not_completed: 2 });
  });
  it('the problem count right after the aspects, with no 问题 after it', () => {
    expect(totals('反馈问题共计三个方面十二个，局党组制定整改措施三十六条。截至10月31日，已完成整改十个，剩余两个正在推进。')).toMatchObject({ aspects: 3, problems: 12, measures: 36, completed: 10, in_progress: 2 });
    expect(totals('梳理形成问题清单12项、整改任务36项，目前已完成整改11项。')).toMatchObject({ problems: 12, tasks: 36 });
    expect(totals('区委巡察组反馈了3大类15个问题，截至目前已整改完成13个，2个正在按序时推进。')).toEqual({ problems: 15, completed: 13, in_progress: 2 });
    // a count of something else after the aspects is no problem count
    expect(totals('反馈意见涉及3个方面5个单位。')).not.toHaveProperty('problems');
  });
  it('money and counts with thousands separators', () => {
    expect(totals('巡察反馈问题1,200个，已完成整改1,150个；共清退违规资金1,260.5万元。')).toEqual({ problems: 1200, completed: 1150, money_recovered: 12605000 });
  });
  it('长期整改任务N项 is the long-term count, not the task total', () => {
    expect(totals('共梳理出整改任务33项，已完成30项。长期整改任务3项。')).toEqual({ tasks: 33, completed: 30, long_term: 3 });
  });
  it('reads completion figures and rates', () => {
    expect(totals('巡察反馈12个问题，已完成整改10个、正在整改2个，整改完成率83.33%')).toMatchObject({ problems: 12, completed: 10, in_progress: 2, completion_rate: 0.8333 });
    expect(totals('43个问题，完成整改38个，基本完成取得阶段性成果并持续整改问题4个，未完成1个，总体完成率88.37%')).toMatchObject({ problems: 43, completed: 38, in_progress: 4, not_completed: 1, completion_rate: 0.8837 });
  });
  it('sums money recovered and reads people counts with written-out zeros', () => {
    expect(totals('清退违规资金86.32万元，追缴资金12.5万元。谈话提醒、批评教育41人，组织处理6人，党纪政务处分0人。')).toMatchObject({ money_recovered: 988200, people_admonished: 41, people_organizational: 6, people_disciplined: 0 });
  });
  it('一方面 is not one aspect', () => {
    expect(totals('一方面加强学习，另一方面完善制度')).toEqual({});
  });
  it('a numeral and measure word said twice (一项一项) or 一项也不 is a manner, not a total', () => {
    expect(totals('做到整改任务一项一项落实、整改成效一项一项检验。')).toEqual({});
    expect(totals('整改任务一项也不能少，整改任务共5项。')).toEqual({ tasks: 5 });
  });
  it('a breakdown by unit after the round figure is not the bulletin\'s own total', () => {
    const round = '4家被巡察单位共收到反馈问题10个，已完成整改8个，正在整改2个。';
    const parts = '分单位看：甲局党组收到反馈问题2个，已全部完成整改；乙局党组收到反馈问题3个，已完成整改2个，正在整改1个；丙局党组收到反馈问题5个，已完成整改4个，正在整改1个。';
    expect(totals(round + parts)).toMatchObject({ problems: 10, completed: 8, in_progress: 2 });
    expect(totals(parts + round)).toMatchObject({ problems: 10, completed: 8, in_progress: 2 });
    // a breakdown alone is not guessed into a total
    expect(totals(parts).problems).toBeUndefined();
  });
  it('a bulletin without totals declares nothing', () => {
    expect(totals('县科协党组高度重视巡察整改工作。')).toEqual({});
  });
});

describe('declared totals, number first', () => {
  it('reads 20个问题已完成整改, 2个问题正在推进, 3个问题需长期坚持', () => {
    expect(totals('反馈问题25个，其中20个问题已完成整改，2个问题正在推进，3个问题需长期坚持。')).toMatchObject({ problems: 25, completed: 20, in_progress: 2, long_term: 3 });
  });
});

describe('declared totals, number first but another number after', () => {
  it('7个问题已完成整改6个 declares 6 completed', () => {
    expect(totals('7个问题已完成整改6个，剩余1个正在推进中。')).toMatchObject({ completed: 6, in_progress: 1 });
  });
});

describe('declared totals, all done', () => {
  it('N个问题已全部完成整改 declares N completed', () => {
    expect(totals('巡察反馈的12个问题已全部完成整改。')).toMatchObject({ problems: 12, completed: 12 });
    expect(totals('已完成整改10个，12个问题尚未全部完成整改')).toMatchObject({ completed: 10 });
    expect(totals('反馈的12个问题尚未全部完成整改。').completed).toBeUndefined();
  });
});

describe('declared totals, ordinals', () => {
  it('a number after 第 names one problem, never a count (第7个问题正在推进)', () => {
    const table = '第1个问题已完成。第7个问题正在推进。第九个问题长期坚持。';
    expect(totals(table)).toEqual({});
    expect(totals(`已完成整改9个，正在推进3个，长期坚持1个。${table}`)).toMatchObject({ completed: 9, in_progress: 3, long_term: 1 });
  });
});

describe('declared totals, wording', () => {
  it('专项整治 counts campaigns; 制度办法 counts rules; people named between the count and the verb', () => {
    expect(totals('新建和修订制度12项，开展专项整治2项。')).toEqual({ rules: 12, special_campaigns: 2 });
    expect(totals('整改中建立健全制度办法21项。')).toEqual({ rules: 21 });
    expect(totals('对5名干部进行谈话提醒、批评教育，对2名财务人员进行批评教育。')).toEqual({ people_admonished: 7 });
  });
});

describe('a money total with its breakdown', () => {
  it('the figures after 其中 are parts of the sum before them, not added again', async () => {
    const { extractBytes } = await import('../stages/extract.js');
    const text = '中共某某县财政局党组关于巡察整改进展情况的通报\n根据县委统一部署，县委第一巡察组对县财政局党组开展了巡察。截至2024年6月30日，追缴、清退各类资金共计15.6万元，其中追缴违规资金12.4万元、清退违规发放的补贴3.2万元。\n一、整改情况\n1.财务管理不规范。\n整改情况：修订制度。已完成整改。\n';
    const rec = await extractBytes(new TextEncoder().encode(text), 'x.txt');
    expect(rec.summary.money_recovered).toBe(156000);
  });
});
