// A group's own figures (属于立行立改的问题13个，已整改到位12个，另有1个…正在推进) give the statuses its
// problems do not state, only where they tie exactly and only for a group among others
// (stages/reconcile/group-lead.ts; rules/status.json status.group_lead_figures).
import { describe, it, expect } from 'vitest';
import { extractBytes } from '../stages/extract.js';

/** A bulletin with a group of `n1` problems under （一） after `lead`, problem 3 saying it is in progress, then (unless single) a long-term group of 2. */
function bulletin(lead: string, o: { n1?: number; single?: boolean } = {}): string {
  const n1 = o.n1 ?? 4;
  const out = ['中共某县农业农村局党组', '关于县委巡察反馈意见整改情况的通报', '',
    '根据县委巡察工作统一部署，2024年3月至5月，县委第二巡察组对县农业农村局党组开展了常规巡察。2024年6月10日，巡察组反馈了巡察意见。现将整改情况通报如下。', '',
    '一、整改工作开展情况', '局党组高度重视，成立整改工作领导小组，逐项制定整改措施，明确责任领导和完成时限。', '',
    '二、巡察反馈问题整改落实情况', '（一）即知即改问题', lead];
  let k = 0;
  for (let i = 0; i < n1; i++) {
    k++;
    out.push(`${k}．档案管理工作落实不到位，第${k}类制度执行不严格。`);
    out.push(`整改情况：一是制定专项工作方案；二是完善管理台账和登记制度。${k === 3 ? '目前该项工作正在推进中。' : ''}`);
  }
  if (!o.single) {
    out.push('（二）需长期坚持整改的问题');
    for (let i = 0; i < 2; i++) {
      k++;
      out.push(`${k}．高标准农田建设项目推进缓慢，第${k}批项目进度滞后。`);
      out.push('整改情况：一是建立长效推进机制；二是持续跟踪问效，按月调度进度。');
    }
  }
  out.push('', '欢迎广大干部群众对巡察整改落实情况进行监督。联系电话：0371-1234567。', '', '中共某县农业农村局党组', '2024年9月30日');
  return `${out.join('\n')}\n`;
}

const statuses = async (text: string) => {
  const rec = await extractBytes(new Uint8Array(Buffer.from(text)), 'b.txt');
  return rec.issues.map((i) => [i.number, i.status, i.status_rule]);
};
const LEAD = 'status.group_lead_figures';

describe("a group's lead figures", () => {
  it('give the problems that say nothing their status where the figures tie', async () => {
    for (const lead of ['此类问题共4个，已整改完成3个，1个正在推进。', '即知即改问题四个，已完成整改三个，另有一个问题正在推进。']) {
      expect(await statuses(bulletin(lead)), lead).toEqual([
        [1, 'completed', LEAD], [2, 'completed', LEAD], [3, 'in_progress', expect.any(String)], [4, 'completed', LEAD],
        [5, 'long_term', expect.any(String)], [6, 'long_term', expect.any(String)],
      ]);
    }
  });

  it('change nothing where they do not tie, are not the group’s, or are the whole bulletin’s', async () => {
    const unknownKept = (s: unknown[][]) => s.filter((x) => x[0] !== 3 && Number(x[0]) <= 4).map((x) => x[1]);
    // two done of four, with one open: two are unaccounted for
    expect(unknownKept(await statuses(bulletin('此类问题共4个，已整改完成2个。')))).toEqual(['unknown', 'unknown', 'unknown']);
    // a count that is not the group's (5, over 4 problems)
    expect(unknownKept(await statuses(bulletin('此类问题共5个，已整改完成4个，1个正在推进。')))).toEqual(['unknown', 'unknown', 'unknown']);
    // one group, the bulletin's every problem: its figures are declared totals, checked, never statuses
    expect(unknownKept(await statuses(bulletin('反馈问题共4个，已整改完成3个，1个正在推进。', { single: true })))).toEqual(['unknown', 'unknown', 'unknown']);
  });
});
