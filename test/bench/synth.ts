// Synthetic bulletins with known answers, for the benchmark corpus and for a
// generality test: units, regions, years, numbering, labels, status wording and sizes vary.
// Deterministic for a seed.

export interface SynthTruth {
  unit: string;
  region: string;
  year: number;
  problems: number;
  categories: number;
  completed: number;
  notDone: number;
  money: number; // yuan, in the problems
}

const REGIONS = ['新野县', '桐柏县', '西峡县', '内乡县', '镇平县', '方城县', '社旗县', '唐河县', '淅川县', '邓州市', '宛城区', '卧龙区', '金水区', '二七区', '中原区', '惠济区', '登封市', '新密市', '巩义市', '荥阳市', '中牟县', '尉氏县', '杞县', '通许县', '兰考县'];
const UNITS: Array<[string, string]> = [
  ['科学技术协会', '科协'], ['卫生健康委员会', '卫健委'], ['文化广电和旅游局', '文旅局'], ['市场监督管理局', '市场监管局'],
  ['住房和城乡建设局', '住建局'], ['人力资源和社会保障局', '人社局'], ['教育体育局', '教体局'], ['农业农村局', '农业农村局'],
  ['民政局', '民政局'], ['财政局', '财政局'], ['审计局', '审计局'], ['水利局', '水利局'], ['医疗保障局', '医保局'], ['应急管理局', '应急局'],
];
const CATEGORIES = ['贯彻落实党的路线方针政策和党中央决策部署不到位', '落实全面从严治党战略部署有差距', '落实新时代党的组织路线不够到位', '落实上轮巡察整改不彻底', '履行主责主业有差距', '作风建设不够扎实'];
const PROBLEMS = ['理论学习中心组学习不够深入', '意识形态工作责任制落实不到位', '三会一课制度执行不严格', '党费收缴不规范', '违规报销差旅费', '公务接待管理不规范', '专项资金监管缺位', '干部档案管理不规范', '选人用人程序不严谨', '三重一大决策制度执行不严', '财务管理制度不健全', '政府采购程序不规范', '工会经费使用不合规', '基层党组织换届不及时', '党员教育管理不严格', '办公用房超标', '公车管理使用不规范', '违规发放津补贴', '项目推进缓慢', '服务群众意识不强', '履行监管职责不到位', '问题线索处置不及时', '廉政风险防控机制不健全', '合同管理不规范'];
const MEASURES = ['组织领导班子集中学习相关制度，提高思想认识', '修订完善《{u}财务管理办法》，严格报销审核', '召开专题会议研究整改工作，明确责任分工', '对相关责任人进行批评教育和提醒谈话', '开展专项检查{n}次，建立问题台账', '督促相关人员退还违规费用{m}元', '清退违规发放资金{w}万元', '建立健全长效机制，完善制度{n}项', '组织党员干部培训{n}期，参训{p}人次', '对{n}个基层党支部进行督导检查'];
const OUTCOMES = ['通过整改，相关制度更加健全，工作更加规范。', '通过整改，干部职工纪律意识明显增强。', '通过整改，财务管理更加规范有序。'];
const PENDING = ['目前，此项工作正在推进中。', '下一步，将持续跟踪问题整改情况。', '此项为长期整改任务，将持续深化落实。'];
const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

function rng(seed: number) {
  let x = seed * 2654435761 % 4294967296 || 1;
  return () => {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    return x / 4294967296;
  };
}

export function synthBulletin(seed: number): { text: string; truth: SynthTruth } {
  const r = rng(seed + 1);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  const int = (a: number, b: number) => a + Math.floor(r() * (b - a + 1));
  const region = pick(REGIONS);
  const [full, short] = pick(UNITS);
  const unit = region + full;
  const lvl = region.slice(-1);
  const alias = lvl + short;
  const year = int(2019, 2025);
  const team = `${lvl === '区' ? '区' : lvl === '市' ? '市' : '县'}委第${CN[int(1, 8)]}巡察组`;
  const deployer = team.slice(0, 2);
  const numbering = pick(['dot', 'comma', 'paren', 'fullpoint']);
  const label = pick(['整改情况：', '整改措施：', '整改进展情况：', '']);
  const paraHeads = r() < 0.3;
  const measureStyle = pick(['shi', 'shi', 'paren', 'di']);
  const marker = (m: number) => (measureStyle === 'paren' ? `（${m}）` : measureStyle === 'di' ? `第${CN[m]}，` : `${CN[m]}是`);
  const bracketStatus = r() < 0.15;
  const orgItems = r() < 0.4;
  const statusField = r() < 0.25;
  const halfWidth = r() < 0.2;
  const nCat = int(2, 5);
  let problemNo = 0;
  let completed = 0;
  let notDone = 0;
  let money = 0;
  const body: string[] = [];
  for (let c = 1; c <= nCat; c++) {
    const cat = CATEGORIES[(c + seed) % CATEGORIES.length];
    body.push(pick([`（${CN[c]}）“${cat}”方面`, `（${CN[c]}）在${cat}方面`, `（${CN[c]}）关于${cat}方面`]));
    const nProb = int(1, 8);
    for (let k = 0; k < nProb; k++) {
      problemNo++;
      const num = numbering === 'dot' ? `${problemNo}.` : numbering === 'comma' ? `${problemNo}、` : numbering === 'paren' ? `（${problemNo}）` : `${problemNo}．`;
      const doneNow = r() < 0.8;
      body.push(`${num}关于“${pick(PROBLEMS)}”${r() < 0.5 ? '的问题' : '问题'}${bracketStatus ? (doneNow ? '（已完成）' : '（正在整改）') : '。'}`);
      const nMeasures = int(1, 4);
      const ms: string[] = [];
      for (let m = 1; m <= nMeasures; m++) {
        let t = pick(MEASURES).replace('{u}', alias).replace('{n}', String(int(2, 30))).replace('{p}', String(int(20, 400)));
        if (t.includes('{m}')) { const v = int(200, 9000); money += v; t = t.replace('{m}', String(v)); }
        if (t.includes('{w}')) { const v = int(1, 90) + int(1, 9) / 10; money += Math.round(v * 10000); t = t.replace('{w}', String(v)); }
        ms.push(`${marker(m)}${t}`);
      }
      const done = doneNow;
      if (done) completed++;
      else notDone++;
      if (paraHeads && nMeasures > 1) {
        body.push(...ms.map((m, i) => (i === 0 && label ? label : '') + m + '。'));
        if (done && !statusField && !bracketStatus) body.push(pick(OUTCOMES));
      }
      else body.push(label + (nMeasures > 1 ? ms.join('；') : ms[0]!.slice(marker(1).length)) + '。' + (done && !statusField && !bracketStatus ? pick(OUTCOMES) : ''));
      if (bracketStatus) continue;
      if (statusField) body.push(`整改状态：${done ? '完成' : '阶段性完成'}`);
      else if (!done) body.push(pick(PENDING));
    }
  }
  const text = [
    `中共${unit}党组关于巡察整改情况的通报`,
    '',
    `根据${deployer}统一部署，${year}年${int(2, 4)}月${int(1, 28)}日至${int(5, 6)}月${int(1, 28)}日，${team}对${alias}党组进行了巡察。${int(7, 9)}月${int(1, 28)}日，巡察组向${alias}党组反馈了巡察意见。现将巡察整改情况予以公布。`,
    '一、组织整改落实情况',
    ...(orgItems ? ['1.加强组织领导。成立由党组书记任组长的整改工作领导小组。', '2.压实整改责任。逐项明确责任领导和完成时限。'] : []),
    `${alias}党组高度重视巡察整改工作，召开专题会议${int(2, 9)}次，研究部署整改工作。针对巡察反馈的${nCat}个方面${problemNo}个具体问题，已完成整改${completed}个，${notDone ? `正在整改${notDone}个。` : '全部完成整改。'}`,
    '二、巡察反馈问题整改情况',
    ...body,
    `欢迎广大干部群众对巡察整改落实情况进行监督。联系电话：0377-${int(60000000, 69999999)}。`,
  ].join('\n');
  const out = halfWidth ? text.replace(/，/g, ',').replace(/：/g, ':').replace(/；/g, ';') : text;
  return { text: out, truth: { unit, region, year, problems: problemNo, categories: nCat, completed, notDone, money } };
}
