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

describe('declared totals, a part is never the total', () => {
  it('剩余/其余 before a count, or a status after it, marks a part of the total, for tasks as for problems', () => {
    expect(totals('共形成整改任务113项。截至2024年10月31日，已完成整改任务98项，剩余15项整改任务持续推进。')).toEqual({ tasks: 113, tasks_completed: 98 });
    expect(totals('对巡视反馈的3个方面14个问题，制定整改措施67条。14个问题已完成整改11个，3个问题阶段性完成、持续推进。')).toMatchObject({ aspects: 3, problems: 14, measures: 67, completed: 11 });
    expect(totals('其余3条整改措施正在落实。')).toEqual({});
    expect(totals('另有2项整改任务需长期坚持。')).not.toHaveProperty('tasks');
    // a part stated alone gives no total; a whole stated with a done part after it stays the whole
    expect(totals('3个问题阶段性完成。')).not.toHaveProperty('problems');
    expect(totals('制定的41条整改措施已落实36条。')).toMatchObject({ measures: 41, measures_completed: 36 });
    expect(totals('79项整改任务已完成71项，8项需长期坚持。')).toMatchObject({ tasks: 79, tasks_completed: 71 });
    // a comma between the count and what follows: the count stands (制定整改措施32条，正在逐条落实)
    expect(totals('制定整改措施32条，正在逐条落实。')).toEqual({ measures: 32 });
    // needing work is no status: 需长期/需持续 is
    expect(totals('共梳理出具体问题46个需整改。')).toEqual({ problems: 46 });
  });
});

describe('declared totals, verbs and people', () => {
  it('clues handed over by 交办 or 移交了, problems 认领; 查处 clues are the unit\'s own', () => {
    expect(totals('中央巡视组交办的问题线索37件已全部办结。')).toEqual({ clues_transferred: 37 });
    expect(totals('反馈了巡视意见，并移交了问题线索6件。')).toEqual({ clues_transferred: 6 });
    expect(totals('查处问题线索47件。')).not.toHaveProperty('clues_transferred');
    expect(totals('被巡察单位共认领问题287个，制定整改措施1,046条。')).toEqual({ problems: 287, measures: 1046 });
  });
  it('N人次 counts people the same in every people rule, with the people named between the verb and the count', () => {
    expect(totals('谈话提醒相关科室负责人7人次，问责2人。')).toEqual({ people_admonished: 7, people_accountable: 2 });
    expect(totals('问责1020人次。')).toEqual({ people_accountable: 1020 });
    expect(totals('问责干部45人次。')).toEqual({ people_accountable: 45 });
    expect(totals('四是谈话提醒村“两委”干部15人次。')).toEqual({ people_admonished: 15 });
    expect(totals('组织处理相关责任人4人次，党纪政务处分相关责任人3人。')).toEqual({ people_organizational: 4, people_disciplined: 3 });
    // another handling verb between them: the figure is that verb's, not this one's
    expect(totals('谈话提醒和组织处理12人。')).toEqual({ people_organizational: 12 });
    // a count of person-times with no handling verb is no people count
    expect(totals('开展谈心谈话58人次，培训干部120人次。')).toEqual({});
  });
  it('the completed share (占N%) is the completion rate where no 完成率 is stated', () => {
    expect(totals('一是已完成整改问题11个，占84.6%；二是2个问题正在整改。')).toMatchObject({ completed: 11, completion_rate: 0.846 });
    expect(totals('已完成整改11个，占84.6%，整改完成率85%。').completion_rate).toBe(0.85);
    expect(totals('已完成整改任务30项，占75%。')).not.toHaveProperty('completion_rate');
    expect(totals('正在整改2个，占15.4%。')).not.toHaveProperty('completion_rate');
  });
  it('rules named by their fields ending in 等; units placed by their level (市直)', () => {
    expect(totals('二是建立健全村级财务管理等制度10项。')).toEqual({ rules: 10 });
    expect(totals('修订完善选人用人制度12项。')).toEqual({});
    expect(totals('对市发展改革委、市财政局等15个市直单位党组织开展了常规巡察。')).toEqual({ units_inspected: 15 });
    expect(totals('对整改推进不力的2家直属单位主要负责人进行了约谈。')).toEqual({});
  });
});
