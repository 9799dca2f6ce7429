// Synthetic bulletins in five templates that differ in structure, not only in wording: labelled
// blocks under aspects, three numbered levels, run-in problems in a part of their own, unnumbered
// problems followed by their measures, and bare labels numbered again in each 第N方面 with the
// totals after the list. Problems, measures and units come from lists written for this file
// (not from the rules' examples); each answer carries its exact status. Deterministic per seed.
import type { Status } from '../../core/record.js';

export interface TemplateIssue { number: number; category: number | null; problem: string; measures: number; status: Status }
export interface TemplateTruth {
  template: string;
  unit: string;
  region: string;
  level: 'county' | 'municipal' | 'provincial';
  team: string;
  categories: string[];
  issues: TemplateIssue[];
  summary: Record<string, number>;
}

const PLACES: Array<[string, 'county' | 'municipal' | 'provincial']> = [
  ['叶县', 'county'], ['舞钢市', 'county'], ['汝州市', 'county'], ['鲁山县', 'county'], ['郏县', 'county'], ['宝丰县', 'county'],
  ['湛河区', 'county'], ['卫东区', 'county'], ['洛阳市', 'municipal'], ['开封市', 'municipal'], ['商丘市', 'municipal'], ['河南省', 'provincial'],
  ['固始县', 'county'], ['光山县', 'county'], ['浉河区', 'county'], ['信阳市', 'municipal'], ['安阳市', 'municipal'], ['林州市', 'county'],
];
const BODIES: Array<[string, string]> = [
  ['林业局', '林业局'], ['统计局', '统计局'], ['档案馆', '档案馆'], ['供销合作社', '供销社'], ['退役军人事务局', '退役军人局'], ['机关事务管理局', '机关事务局'],
  ['生态环境局', '生态环境局'], ['公共资源交易中心', '交易中心'], ['残疾人联合会', '残联'], ['商务局', '商务局'], ['信访局', '信访局'], ['粮食和物资储备局', '粮储局'],
];
const ASPECTS = ['落实党中央重大决策部署', '履行职能责任', '落实全面从严治党两个责任', '干部队伍建设和基层党组织建设', '巡视巡察和审计反馈问题整改', '意识形态工作'];
const PROBLEMS = [
  '年度重点任务推进迟缓', '专项资金拨付不及时', '内部控制制度形同虚设', '固定资产账实不符', '工程项目验收把关不严', '执法检查流于形式',
  '信访积案化解进度慢', '档案数字化工作滞后', '业务培训针对性不强', '临时聘用人员管理松散', '食堂经费收支不透明', '办公设备采购未比价',
  '对下属单位指导督促不够', '廉政谈话覆盖面窄', '党员发展把关不严', '支部换届未按期进行', '驻外人员请销假管理混乱', '网站信息更新不及时',
];
const ACTIONS = [
  '梳理形成任务清单{n}项，逐项明确时间节点', '召开专题推进会{n}次', '制定出台管理细则{n}项', '对{n}个下属单位开展督导', '追回违规支出{w}万元',
  '组织业务骨干集中轮训{n}期', '更换责任科室负责人{n}名', '完成历史档案扫描{k}卷', '建立月通报制度', '对相关人员进行提醒谈话{n}人次', '退还多领补助{m}元',
];
const DONE = ['已整改到位', '该问题已全部完成整改', '此项已办结', '目前已按期完成整改'];
const OPEN = ['目前该项工作正在加紧推进中', '已取得阶段性成效，正在持续推进', '阶段性完成，序时推进'];
const LONG = ['此项属长期整改任务，需长期坚持', '将持续深化落实，常抓不懈'];
const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

function rng(seed: number) {
  let x = (seed * 2246822519 + 374761393) % 4294967296 || 7;
  return () => {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    return x / 4294967296;
  };
}

export const TEMPLATES = ['labelled', 'three_levels', 'run_in', 'before_measures', 'bare_restart'] as const;
export type Template = (typeof TEMPLATES)[number];

export function templateBulletin(template: Template, seed: number): { text: string; truth: TemplateTruth } {
  const r = rng(seed * 7 + TEMPLATES.indexOf(template) + 1);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const int = (a: number, b: number) => a + Math.floor(r() * (b - a + 1));
  const [region, level] = pick(PLACES);
  const [body, short] = pick(BODIES);
  const unit = region + body;
  const lc = level === 'provincial' ? '省' : region.endsWith('区') ? '区' : region.endsWith('县') ? '县' : '市';
  const alias = lc + short;
  const team = `${lc === '省' ? '省委' : `${lc}委`}第${CN[int(1, 9)]}${lc === '省' ? '巡视' : '巡察'}组`;
  const kind = lc === '省' ? '巡视' : '巡察';
  const year = int(2020, 2025);
  const used = new Set<string>();
  const problemText = () => { let p = pick(PROBLEMS); while (used.has(p)) p = pick(PROBLEMS); used.add(p); return p; };
  const action = () => pick(ACTIONS).replace('{n}', String(int(2, 40))).replace('{k}', String(int(100, 9000))).replace('{w}', String(int(1, 60) + int(1, 9) / 10)).replace('{m}', String(int(300, 9000)));
  const statusOf = (): [Status, string] => { const x = r(); return x < 0.65 ? ['completed', pick(DONE)] : x < 0.87 ? ['in_progress', pick(OPEN)] : ['long_term', pick(LONG)]; };
  const nCat = int(2, 4);
  const aspects = [...ASPECTS].sort(() => r() - 0.5).slice(0, nCat);
  const issues: TemplateIssue[] = [];
  const body_: string[] = [];
  const measuresOf = (n: number, style: 'shi' | 'circled' | 'paren') => Array.from({ length: n }, (_, k) => (style === 'shi' ? `${CN[k + 1]}是` : style === 'circled' ? '①②③④⑤'[k]! : `（${k + 1}）`) + action()).join('；') + '。';

  switch (template) {
    case 'labelled': {
      // 一、X方面 ⏎ 问题N：P ⏎ 整改措施：①…②… ⏎ 整改结果：status
      aspects.forEach((a, c) => {
        body_.push(`${CN[c + 1]}、${a}方面`);
        for (let k = int(1, 3); k > 0; k--) {
          const p = problemText(); const m = int(1, 4); const [st, w] = statusOf();
          issues.push({ number: issues.length + 1, category: c + 1, problem: p, measures: m, status: st });
          body_.push(`问题${CN[issues.length]}：${p}。`, `整改措施：${measuresOf(m, 'circled')}`, `整改结果：${st === 'completed' ? '已整改到位' : st === 'in_progress' ? '正在整改' : '长期坚持'}。`);
        }
      });
      break;
    }
    case 'three_levels': {
      // （一）在X方面 ⏎ 1.关于“G”问题的整改 ⏎ （1）关于“P”的问题 ⏎ 整改情况：一是…。status
      let g = 0;
      body_.push('二、反馈问题整改落实情况');
      aspects.forEach((a, c) => {
        body_.push(`（${CN[c + 1]}）在“${a}”方面`);
        for (let gk = int(1, 2); gk > 0; gk--) {
          g++;
          body_.push(`${g}.关于“${a.slice(0, 4)}工作存在短板”问题的整改`);
          for (let k = int(1, 3), s = 1; k > 0; k--, s++) {
            const p = problemText(); const m = int(2, 4); const [st, w] = statusOf();
            issues.push({ number: issues.length + 1, category: c + 1, problem: p, measures: m, status: st });
            body_.push(`（${s}）关于“${p}”的问题`, `整改情况：${measuresOf(m, 'shi')}${w}。`);
          }
        }
      });
      break;
    }
    case 'run_in': {
      // 二、巡察反馈问题整改情况 ⏎ （N）关于P的问题。一是…；二是…。status — no categories
      body_.push('二、巡察反馈问题整改情况');
      for (let k = int(3, 8); k > 0; k--) {
        const p = problemText(); const m = int(2, 4); const [st, w] = statusOf();
        issues.push({ number: issues.length + 1, category: null, problem: p, measures: m, status: st });
        body_.push(`（${CN[issues.length]}）关于${p}的问题。${measuresOf(m, 'shi')}${w}。`);
      }
      aspects.length = 0;
      break;
    }
    case 'before_measures': {
      // （一）X方面 ⏎ P。 ⏎ 整改情况：一是…。status — unnumbered problems
      body_.push('二、巡察反馈意见整改落实情况');
      aspects.forEach((a, c) => {
        body_.push(`（${CN[c + 1]}）${a}方面`);
        for (let k = int(1, 3); k > 0; k--) {
          const p = problemText(); const m = int(1, 3); const [st, w] = statusOf();
          issues.push({ number: issues.length + 1, category: c + 1, problem: p, measures: m, status: st });
          body_.push(`${p}。`, `整改情况：${m === 1 ? action() + '。' : measuresOf(m, 'shi')}${w}。`);
        }
      });
      break;
    }
    case 'bare_restart': {
      // 第一方面：X方面 ⏎ 1.P。 ⏎ 整改措施：（1）…（2）… ⏎ 整改进展：status — numbers restart per aspect
      aspects.forEach((a, c) => {
        body_.push(`第${CN[c + 1]}方面：${a}方面`);
        for (let k = int(1, 3), s = 1; k > 0; k--, s++) {
          const p = problemText(); const m = int(2, 3); const [st] = statusOf();
          issues.push({ number: issues.length + 1, category: c + 1, problem: p, measures: m, status: st });
          body_.push(`${s}.${p}。`, `整改措施：${measuresOf(m, 'paren')}`, `整改进展：${st === 'completed' ? '已完成' : st === 'in_progress' ? '阶段性完成' : '长期坚持'}`);
        }
      });
      break;
    }
  }
  const done = issues.filter((i) => i.status === 'completed').length;
  const open = issues.length - done;
  const totals = `巡察反馈的${issues.length}个问题，已完成整改${done}个${open ? `，正在整改和长期坚持的${open}个` : ''}。`;
  const totalsFirst = template !== 'bare_restart';
  const text = [
    `中共${unit}${template === 'run_in' ? '委员会' : '党组'}关于${team}${kind}反馈意见整改情况的通报`,
    `根据${team.slice(0, 2)}统一部署，${year}年${int(3, 5)}月${int(1, 20)}日至${int(6, 7)}月${int(1, 20)}日，${team}对${alias}${template === 'run_in' ? '党委' : '党组'}进行了${kind}，并于${year}年${int(8, 9)}月${int(1, 28)}日反馈了${kind}意见。现将整改情况予以公布。`,
    ...(template === 'labelled' || template === 'bare_restart' ? [] : ['一、整改工作组织情况', `${alias}成立整改工作领导小组，召开专题会议${int(2, 9)}次研究整改工作。${totalsFirst ? totals : ''}`]),
    ...body_,
    ...(totalsFirst && (template === 'labelled') ? [totals] : []),
    ...(!totalsFirst ? [`截至${year + 1}年${int(1, 6)}月底，${totals}`] : []),
    `欢迎广大干部群众对整改落实情况进行监督。联系电话：0375-${int(2000000, 8999999)}。`,
  ].join('\n');
  const summary: Record<string, number> = { problems: issues.length, completed: done };
  return { text, truth: { template, unit, region, level, team, categories: aspects, issues, summary } };
}
