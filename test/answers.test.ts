// Problems listed first and answered later by their numbers: numbered as the list is, or labelled
// 问题N： — an answer that first states its problem again answers from the paragraph after, and a
// list that names no category takes the categories its answers are under.
import { describe, it, expect } from 'vitest';
import { extractBytes } from '../stages/extract.js';

const head = [
  '中共某某市国资委党委关于巡察整改进展情况的通报',
  '根据市委统一部署，2023年3月6日至5月12日，市委第四巡察组对市国资委党委进行了巡察。2023年7月3日，巡察组反馈了巡察意见。现将整改进展情况予以公布。',
  '一、巡察反馈问题清单',
  '市委第四巡察组共反馈2个方面3个问题。反馈问题清单如下：',
  '1.学习贯彻党的创新理论不够深入，理论学习与推动工作结合不紧。',
  '2.履行出资人监管职责不到位，对企业投资项目事前论证不充分。',
  '3.落实中央八项规定精神不严格，个别企业存在超标准公务接待。',
  '二、反馈问题整改落实情况',
  '（一）贯彻落实党的路线方针政策方面',
];
const answers = (label: (n: number) => string) => [
  ...head,
  `${label(1)}关于“学习贯彻党的创新理论不够深入”的问题。`,
  '整改情况：一是修订理论学习中心组学习规则；二是举办专题读书班2期。',
  '整改状态：已完成。',
  `${label(2)}关于“履行出资人监管职责不到位”的问题。`,
  '整改情况：一是制定投资项目负面清单；二是开展投资项目后评价3个。',
  '整改状态：持续整改。',
  '（二）全面从严治党方面',
  `${label(3)}关于“落实中央八项规定精神不严格”的问题。`,
  '整改情况：一是开展公务接待专项检查；二是清退超标准接待费用1.2万元。',
  '整改状态：已完成。',
].join('\n');

describe('a list answered later by number', () => {
  for (const [name, label] of [['问题N：', (n: number) => `问题${n}：`], ['问题一：', (n: number) => `问题${'一二三'[n - 1]}：`], ['N.', (n: number) => `${n}.`]] as const) {
    it(`answers labelled ${name}: measures after the restated problem, the categories the answers are under`, async () => {
      const rec = await extractBytes(new TextEncoder().encode(answers(label)), 'a.txt');
      expect(rec.issues.map((i) => [i.number, i.problem.slice(0, 12), i.measures.length, i.status, i.category])).toEqual([
        [1, '学习贯彻党的创新理论不够', 2, 'completed', 1],
        [2, '履行出资人监管职责不到位', 2, 'long_term', 1],
        [3, '落实中央八项规定精神不严', 2, 'completed', 2],
      ]);
      expect(rec.issues[0]!.measures[0]).toBe('修订理论学习中心组学习规则');
      expect(rec.categories.map((c) => c.title)).toEqual(['贯彻落实党的路线方针政策', '全面从严治党']);
    });
  }
});
