import { describe, it, expect } from 'vitest';
import { readStatus } from '../stages/issues/status.js';
import type { IssueParts } from '../stages/issues/issue.js';
import { isLeadStatus } from '../core/vocabulary.js';
import { extractTotals } from '../stages/totals/totals.js';
import { loadRules } from '../core/rules.js';

const parts = (p: Partial<IssueParts>): IssueParts => ({ problem: '问题', measures: [], outcome: null, notes: [], progress: [], statusField: null, ...p });

describe('status', () => {
  it('explicit fields win', () => {
    expect(readStatus(parts({ statusField: '完成', notes: ['正在推进中'] })).status).toBe('completed');
    expect(readStatus(parts({ statusField: '阶段性完成' })).status).toBe('in_progress');
    expect(readStatus(parts({ statusField: '长期坚持' })).status).toBe('long_term');
  });
  it('reads pending words in notes and the outcome', () => {
    expect(readStatus(parts({ outcome: '通过整改，效果明显。', notes: ['此项工作正在沟通协调中。'] })).status).toBe('in_progress');
    expect(readStatus(parts({ notes: ['下一步，将及时跟进。'] })).status).toBe('in_progress');
    expect(readStatus(parts({ outcome: '通过整改，招录人员到位后将有效解决短板问题。' })).status).toBe('in_progress');
    expect(readStatus(parts({ measures: ['此项为长期整改任务，将持续深化落实。'] })).status).toBe('long_term');
  });
  it('正在持续推进 (under way, no 中) is in progress; 正在实施的项目 describes a project, not the problem', () => {
    expect(readStatus(parts({ measures: ['建立台账。目前正在持续推进。'] }))).toMatchObject({ status: 'in_progress', phrase: '正在持续推进' });
    expect(readStatus(parts({ measures: ['对正在实施的项目开展检查。已完成整改。'] }))).toMatchObject({ status: 'completed', rule: 'status.done' });
  });
  it('在整改中 (in the course of the work) is not a status', () => {
    expect(readStatus(parts({ measures: ['在整改中注重建章立制'], outcome: '通过整改，更加规范。' })).status).toBe('completed');
  });
  it('method words inside measures are not statuses', () => {
    expect(readStatus(parts({ measures: ['对问题进行持续整改', '对下一步规范用人作了安排部署'], outcome: '通过整改，更加规范。' })).status).toBe('completed');
    expect(readStatus(parts({ measures: ['坚持立行立改、即知即改，确保见底清零'] })).status).toBe('unknown');
  });
  it('reads done words and otherwise an outcome', () => {
    expect(readStatus(parts({ measures: ['清退借调人员。已完成整改。'] }))).toMatchObject({ status: 'completed', rule: 'status.done' });
    expect(readStatus(parts({ outcome: '通过整改，规范有序。' }))).toMatchObject({ status: 'completed', rule: 'status.outcome' });
    expect(readStatus(parts({ outcome: '整改成效：已按期完成。' }))).toMatchObject({ status: 'completed', phrase: '已按期完成', rule: 'status.done' });
    expect(readStatus(parts({ outcome: '整改成效：制度更加健全，管理规范有序。' }))).toMatchObject({ status: 'completed', phrase: '制度更加健全', rule: 'status.outcome' });
    expect(readStatus(parts({ statusField: '已按期完成' })).status).toBe('completed');
    expect(readStatus(parts({ measures: ['召开会议'] })).status).toBe('unknown');
  });
});

describe('status in a whole bulletin', () => {
  it('a date still to come (拟于/预计…完成) ends the measures: in progress; 基本整改到位 and a progress figure under 100% are in progress', async () => {
    const { extractBytes } = await import('../stages/extract.js');
    const ends = ['拟于明年3月前完成。', '预计2024年12月底前完成。', '目前已基本整改到位。', '目前整改进度达80%。', '整改完成率100%。', '计划于每季度开展一次检查。已完成整改。'];
    let t = '中共某某县审计局党组关于巡察整改情况的通报\n2024年3月4日至4月26日，县委第二巡察组对县审计局党组开展了常规巡察，5月20日反馈了巡察意见。\n二、问题整改情况\n';
    ends.forEach((e, i) => { t += `${i + 1}.关于“审计整改第${i + 1}项不到位”的问题。\n整改情况：一是建立制度；二是开展检查。${e}\n`; });
    const rec = await extractBytes(new TextEncoder().encode(t), 'ends.txt');
    expect(rec.issues.map((i) => i.status)).toEqual(['in_progress', 'in_progress', 'in_progress', 'in_progress', 'completed', 'completed']);
  });
});

describe('status rule examples', () => {
  it('every phrase example reads as its status', async () => {
    const { loadRules } = await import('../core/rules.js');
    const rules = loadRules<{ phrases: Array<{ id: string; status: string; scope: string; examples: string[] }> }>('status.json').phrases;
    for (const r of rules) {
      for (const ex of r.examples) {
        const got = readStatus(parts(r.scope === 'tail' ? { notes: [ex] } : { measures: [ex] }));
        expect(got.status, `${r.id}: ${ex}`).toBe(r.status);
      }
    }
  });
});

describe('one status vocabulary', () => {
  const vocab = loadRules<Record<string, string[]>>('vocabulary.json');
  const cases: Array<[string, string, string]> = [
    ['status_done_word', 'completed', 'completed'],
    ['status_partial_word', 'in_progress', 'in_progress'],
    ['status_long_word', 'long_term', 'long_term'],
  ];
  for (const [list, status, key] of cases) {
    it(`every word of ${list} is read alike as a field, as the lead of the measures, and before a declared figure`, () => {
      for (const w of vocab[list]!) {
        expect(readStatus(parts({ statusField: w })).status, `${w} as a field`).toBe(status);
        expect(isLeadStatus(w), `${w} said first under the measures label`).toBe(true);
        expect(extractTotals([{ text: `巡察反馈的12个问题中，${w}7个。`, start: 0 }]).summary[key], `${w}7个`).toBe(7);
      }
    });
  }
});
