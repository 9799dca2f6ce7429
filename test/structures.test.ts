// Problem-list layouts beyond the fixtures: numbered measure paragraphs under （一）关于…的问题,
// problems as the top-level parts (一、关于“X”的问题), and 问题一：/整改措施： labels.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractBytes } from '../stages/extract.js';
import { makeDocx } from './make-docx.js';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'cases');
const read = async (name: string) => extractBytes(readFileSync(join(dir, name)), name);
const brief = (rec: Awaited<ReturnType<typeof read>>) => rec.issues.map((i) => [i.number, i.problem, i.measures.length, i.status]);

describe('problem-list layouts', () => {
  it('one-line problems under numbered category headings with no 方面 and no declared count: read as competing readings, one status each wins', async () => {
    const rec = await read('oneline-under-numbered-categories.txt');
    expect(rec.categories.map((c) => [c.ordinal, c.title])).toEqual([[1, '政治建设'], [2, '党风廉政建设']]);
    expect(brief(rec)).toEqual([
      [1, '林长制工作推进不平衡', 1, 'completed'],
      [2, '生态保护修复项目进度滞后', 1, 'in_progress'],
      [3, '护林员补助发放审核把关不严', 1, 'completed'],
      [4, '公务用车使用管理不规范', 1, 'completed'],
    ]);
    expect(rec.issues.map((i) => i.category)).toEqual([1, 1, 2, 2]);
    expect(rec.issues.map((i) => i.rule)).toEqual(Array(4).fill('layout.one_line'));
    expect(rec.warnings.map((w) => w.code)).not.toContain('no_problems_found');
  });
  it('categories numbered 第一方面：X (words without 方面) over 问题：-labelled and unnumbered one-sentence problems', async () => {
    const rec = await read('aspect-numbered-categories.txt');
    expect(rec.categories.map((c) => [c.ordinal, c.title])).toEqual([[1, '政治责任扛得不牢'], [2, '作风建设有差距']]);
    expect(brief(rec)).toEqual([
      [1, '审计发现问题整改督促不力', 2, 'completed'],
      [2, '审计项目质量控制不严', 2, 'in_progress'],
      [3, '公务用车管理不规范', 2, 'completed'],
      [4, '干部培训针对性不强', 1, 'long_term'],
    ]);
    expect(rec.issues.map((i) => i.category)).toEqual([1, 1, 2, 2]);
    expect(rec.issues[2]!.quantities.map((q) => [q.value, q.kind])).toEqual([[2400, 'money']]);
    // the organizational part's count is the bulletin's, not a problem's
    expect(rec.quantities.map((q) => q.text)).toEqual(['3次']);
    // a document number printed bare under the title
    expect(rec.bulletin.doc_number).toBe('某审党〔2024〕9号');
    // pasted as one line: the 问题： label right after an aspect heading's words starts a line
    const flat = await extractBytes(new TextEncoder().encode(readFileSync(join(dir, 'aspect-numbered-categories.txt'), 'utf8').replace(/\s*\n\s*/g, '')), 'flat.txt');
    expect(flat.bulletin).toMatchObject({ title: rec.bulletin.title, doc_number: '某审党〔2024〕9号', inspection_start: '2024-03-04' });
    expect(flat.categories[0]!.title).toBe('政治责任扛得不牢');
    expect(brief(flat).slice(0, 2)).toEqual(brief(rec).slice(0, 2));
    // (an unlabelled one-sentence problem run into its heading, 第二方面：作风建设有差距公务用车管理不规范。,
    // has no boundary left to find: not asserted)
  });
  it('numbered measure paragraphs are measures, not notes', async () => {
    const rec = await read('numbered-measures.txt');
    expect(brief(rec)).toEqual([
      [1, '学习贯彻习近平新时代中国特色社会主义思想不深入', 2, 'completed'],
      [2, '预算绩效管理不到位', 2, 'in_progress'],
      [3, '违规发放津补贴', 1, 'completed'],
    ]);
    expect(rec.issues[1]!.notes).toEqual(['目前，绩效评价结果应用工作正在推进中。']);
  });
  it('problems as the top-level parts, status words in the measures, a 监督电话 closing', async () => {
    const rec = await read('problems-at-part-level.txt');
    expect(brief(rec)).toEqual([
      [1, '落实意识形态工作责任制不到位', 2, 'completed'],
      [2, '项目资金监管不严', 2, 'completed'],
      [3, '干部作风不实', 2, 'long_term'],
    ]);
    expect(rec.bulletin.contact.phones).toEqual(['0371-66661234']);
    expect(rec.issues[1]!.quantities.map((q) => q.value)).toEqual([568000]);
  });
  it('问题一：/整改措施： labels with inline status fields', async () => {
    const rec = await read('problem-labels-numbered.txt');
    expect(brief(rec)).toEqual([
      [1, '村级集体经济发展不平衡', 1, 'completed'],
      [2, '基层党组织书记队伍老化', 1, 'in_progress'],
    ]);
    expect(rec.bulletin).toMatchObject({ unit: '某某镇', level: 'township', team: '县委第六巡察组', feedback_date: '2024-08-15' });
  });
  it('一、整改工作情况 then 二、关于“X”的问题 …: the problem parts are problems, the first is not', async () => {
    const rec = await read('problems-after-an-org-part.txt');
    expect(brief(rec)).toEqual([
      [2, '统计数据质量不高', 2, 'completed'],
      [3, '统计执法检查开展不足', 2, 'completed'],
      [4, '干部教育培训不够', 1, 'in_progress'],
    ]);
  });
  it('run-in problems, some with 一是…二是…, some with one plain measure: every one is a problem', async () => {
    const rec = await read('run-in-problems-mixed.txt');
    expect(brief(rec)).toEqual([
      [1, '理论武装不够扎实', 2, 'completed'],
      [2, '推动重大决策部署落地见效有差距', 2, 'completed'],
      [3, '落实中央八项规定精神不够严格', 2, 'completed'],
      [4, '财务管理不规范', 1, 'completed'],
      [5, '选人用人不够规范', 1, 'long_term'],
      [6, '干部教育培训针对性不强', 2, 'completed'],
    ]);
    expect(rec.issues.map((i) => i.category)).toEqual([1, 1, 2, 2, 3, 3]);
    expect(rec.warnings).toEqual([]);
  });
  it('一、X方面存在的问题 / （一）problem / 1. 2. measures / 整改进展：status: the （一） items are the problems', async () => {
    const rec = await read('three-levels-status-lines.txt');
    expect(brief(rec)).toEqual([
      [1, '学习贯彻党的二十大精神不深入', 2, 'completed'],
      [2, '耕地保护责任落实不到位', 2, 'in_progress'],
      [3, '违反中央八项规定精神问题时有发生', 2, 'completed'],
    ]);
    expect(rec.categories.map((c) => c.title)).toEqual(['履行管党治党政治责任', '全面从严治党']);
    expect(rec.issues.map((i) => i.category)).toEqual([1, 1, 2]);
    expect(rec.warnings).toEqual([]);
  });
  it('the totals said after the last problem are the bulletin\'s, not that problem\'s; the signature names the issuer', async () => {
    const rec = await read('totals-after-last-problem.txt');
    expect(brief(rec).map((b) => b[3])).toEqual(['completed', 'completed', 'completed', 'in_progress', 'completed']);
    expect(rec.issues[4]!.notes).toEqual([]);
    // 整改情况：已完成。制定… : the status said first is the status, not the start of the measure
    expect(rec.issues.map((i) => i.measures[0]!.slice(0, 4))).toEqual(['制定年度', '召开意识', '签订党风', '修订《财', '开展支部']);
    expect(rec.issues.map((i) => i.status_rule)).toEqual(['status.field.done', 'status.field.done', 'status.field.done', 'status.field.partial', 'status.field.done']);
    expect(rec.summary).toEqual({ problems: 5, completed: 4, in_progress: 1 });
    expect(rec.warnings).toEqual([]);
    // the title has no issuer (关于区委第三巡察组…的通报): the signature line gives it
    expect(rec.bulletin).toMatchObject({ issuer: '中共某某区财政局党组', unit: '某某区财政局', region: '某某区', level: 'county' });
  });
  it('a quote that closes inside the title: the problem runs on to 问题, inner quotes kept', async () => {
    const text = '中共某某县交通运输局党组关于巡察整改情况的通报\n根据县委统一部署，2024年3月4日至4月26日，县委第一巡察组对县交通运输局党组进行了巡察。\n二、问题整改情况\n' +
      '1.关于“三会一课”制度落实不严格的问题。\n整改情况：一是督促各支部严格落实“三会一课”制度；二是党组书记讲党课2次。已完成整改。\n' +
      '2.关于落实“三重一大”决策制度不到位问题的整改情况\n整改情况：修订党组议事规则，已完成整改。\n' +
      '3.关于“公务用车管理不规范”的问题。\n整改情况：一是修订管理办法；二是安装定位系统8套。已完成整改。\n';
    const rec = await extractBytes(new TextEncoder().encode(text), 'inner-quotes.txt');
    expect(brief(rec)).toEqual([
      [1, '“三会一课”制度落实不严格', 2, 'completed'],
      [2, '落实“三重一大”决策制度不到位', 1, 'completed'],
      [3, '公务用车管理不规范', 2, 'completed'],
    ]);
    expect(rec.issues[0]!.notes).toEqual([]);
  });
  it('a quote nested in a quoted title with the same marks: the title ends at the quote its 问题 ends', async () => {
    const text = '中共某某县民政局党组关于巡察整改情况的通报\n根据县委统一部署，2024年3月4日至4月26日，县委第一巡察组对县民政局党组进行了巡察。\n二、问题整改情况\n' +
      '1.关于“基层“微腐败”问题仍然易发多发”的问题。一是开展专项整治，查处问题26个；二是追缴违规资金18.5万元。目前已完成整改。\n' +
      '2.关于“低保“关系保”清理不彻底”的问题。一是全面复核低保对象；二是清退不符合条件对象37户。正在推进。\n' +
      '3.关于“殡葬管理不规范”问题，一是修订管理办法；二是开展检查12次。已完成整改。\n';
    const rec = await extractBytes(new TextEncoder().encode(text), 'nested-quotes.txt');
    expect(brief(rec)).toEqual([
      [1, '基层“微腐败”问题仍然易发多发', 2, 'completed'],
      [2, '低保“关系保”清理不彻底', 2, 'in_progress'],
      [3, '殡葬管理不规范', 2, 'completed'],
    ]);
  });
  it('measures 1.…；2.… run into the label\'s paragraph, and a status field after them (整改状态：…) that is not a measure', async () => {
    const text = '中共某某学院委员会关于巡察整改情况的通报\n根据省委统一部署，2024年4月7日至6月6日，省委第九巡视组对某某学院党委开展了常规巡视，8月2日反馈了巡视意见。\n' +
      '一、贯彻落实党的教育方针方面\n（一）立德树人根本任务落实不够到位\n整改完成情况：1.修订人才培养方案，投入经费1.5万元；2.开展综合改革。整改状态：已完成。\n' +
      '（二）意识形态工作责任制落实有差距\n整改完成情况：1.制定实施细则；2.开展专项排查，排查活动1260场次。整改状态：按时序推进。\n' +
      '二、全面从严治党方面\n（三）招生录取监督不够有力\n整改完成情况：1.建立全流程监督机制；2.开展专项检查2次；3.约谈相关负责人。整改状态：未完成，持续推进中。\n';
    const rec = await extractBytes(new TextEncoder().encode(text), 'inline-numbered-measures.txt');
    expect(brief(rec)).toEqual([
      [1, '立德树人根本任务落实不够到位', 2, 'completed'],
      [2, '意识形态工作责任制落实有差距', 2, 'in_progress'],
      [3, '招生录取监督不够有力', 3, 'in_progress'],
    ]);
    expect(rec.issues.map((i) => i.measures.at(-1))).toEqual(['开展综合改革。', '开展专项排查，排查活动1260场次。', '约谈相关负责人。']);
    expect(rec.issues.map((i) => i.status_phrase)).toEqual(['已完成', '按时序推进', '未完成']);
    // 1.2 in a number is no measure marker
    expect(rec.issues[0]!.measures[0]).toBe('修订人才培养方案，投入经费1.5万元');
  });
  it('measures as plain paragraphs, one after another: each a measure; where the work stands, or why, a note', async () => {
    const text = '中共某某省委关于巡视整改进展情况的通报\n根据中央统一部署，2020年10月16日至2021年1月15日，中央第五巡视组对某某省进行了常规巡视，并于2021年3月24日反馈了巡视意见。\n' +
      '二、巡视反馈意见整改落实情况\n（一）关于落实重要讲话精神有差距的问题\n制定实施方案，逐项明确责任单位和完成时限。\n组织开展专题学习研讨，集体学习12次。\n截至目前，该问题整改已完成。\n' +
      '（二）关于推动高质量发展存在短板的问题\n出台支持制造业发展的政策措施28条。\n开展“万人助万企”活动，帮助企业解决问题1.2万个。目前平台运行平稳。\n由于部分项目审批周期较长，此项工作正在持续推进中。\n' +
      '欢迎广大干部群众对巡视整改落实情况进行监督。联系电话：0371-12388；电子邮箱：xszg@example.cn。\n';
    const rec = await extractBytes(new TextEncoder().encode(text), 'plain-measure-paragraphs.txt');
    expect(brief(rec)).toEqual([
      [1, '落实重要讲话精神有差距', 2, 'completed'],
      [2, '推动高质量发展存在短板', 2, 'in_progress'],
    ]);
    expect(rec.issues.map((i) => i.notes)).toEqual([['截至目前，该问题整改已完成。'], ['由于部分项目审批周期较长，此项工作正在持续推进中。']]);
    // a service number after an area code is a phone
    expect(rec.bulletin.contact).toEqual({ phones: ['0371-12388'], emails: ['xszg@example.cn'] });
  });
  it('measures written 首先…其次…最后 are split; 首先 alone is a word', async () => {
    const text = '中共某某县审计局党组关于巡察整改情况的通报\n2024年3月4日至4月26日，县委第二巡察组对县审计局党组开展了常规巡察，5月20日反馈了巡察意见。\n二、问题整改情况\n' +
      '1.关于“审计整改督促不力”的问题。\n整改情况：首先，建立整改台账；其次，开展回头看；最后，约谈相关负责人。已完成整改。\n' +
      '2.关于“审计质量控制不严”的问题。\n整改情况：首先要修订质量控制办法，并开展交叉检查。已完成整改。\n';
    const rec = await extractBytes(new TextEncoder().encode(text), 'ordinal-words.txt');
    expect(rec.issues.map((i) => i.measures)).toEqual([
      ['建立整改台账', '开展回头看', '约谈相关负责人。已完成整改。'],
      ['首先要修订质量控制办法，并开展交叉检查。已完成整改。'],
    ]);
  });
  it('a status in brackets after the title, and run-in （1）（2） measures', async () => {
    const text = '中共某某县林业局党组关于巡察整改情况的通报\n根据县委统一部署，2024年3月4日至4月26日，县委第一巡察组对县林业局党组进行了巡察。\n二、问题整改情况\n' +
      '1.关于“森林防火责任落实不到位”的问题（已完成）\n整改措施：（1）修订森林防火预案；（2）开展防火巡查36次。\n' +
      '2.关于“林业项目资金拨付滞后”的问题【正在整改】\n整改措施：（1）建立资金拨付台账；（2）督促拨付资金120万元。\n';
    const rec = await extractBytes(new TextEncoder().encode(text), 'bracket.txt');
    expect(brief(rec)).toEqual([
      [1, '森林防火责任落实不到位', 2, 'completed'],
      [2, '林业项目资金拨付滞后', 2, 'in_progress'],
    ]);
    expect(rec.issues.map((i) => i.status_phrase)).toEqual(['已完成', '正在整改']);
  });
  it('a central bulletin that reports by theme has no problem list: no issues, still its totals', async () => {
    const rec = await read('central-themes.txt');
    expect(rec.issues).toEqual([]);
    expect(rec.categories.map((c) => c.title)).toEqual(['贯彻落实党中央重大决策部署', '全面从严治党', '领导班子和干部队伍建设']);
    expect(rec.summary).toMatchObject({ problems: 86, completed: 79, completion_rate: 0.9186 });
    expect(rec.bulletin).toMatchObject({ level: 'provincial', team: '中央第九巡视组', inspection_kind: '巡视', feedback_date: '2023-08-10' });
    expect(rec.quantities.map((q) => q.text)).toEqual(expect.arrayContaining(['12次', '86个', '79个', '23个', '1260件', '42个']));
  });
  it('整改进展： is measures when it lists them and a status field when it names a status', async () => {
    const rec = await read('progress-label.txt');
    expect(brief(rec)).toEqual([
      [1, '理论学习中心组学习不够深入系统', 2, 'completed'],
      [2, '思政课教师队伍建设滞后', 2, 'in_progress'],
    ]);
    expect(rec.issues.map((i) => i.status_phrase)).toEqual(['已完成', '阶段性完成']);
  });
  it('parts named after party building (二、党的思想建设) hold problems by what is in them; 下一步 does not', async () => {
    const rec = await read('categories-as-parts.txt');
    expect(brief(rec)).toEqual([
      [1, '学习贯彻党的二十大精神不够深入', 2, 'completed'],
      [2, '意识形态工作责任制落实不到位', 2, 'completed'],
      [3, '“三会一课”制度执行不严格', 2, 'long_term'],
    ]);
    expect(rec.categories.map((c) => [c.ordinal, c.title])).toEqual([[1, '党的政治建设'], [2, '党的思想建设'], [3, '党的组织建设']]);
    expect(rec.issues.map((i) => i.category)).toEqual([1, 2, 3]);
  });
  it('a rectification ledger in a Word table (整改台账) gives its problems, categories and statuses', async () => {
    const docx = makeDocx(readFileSync(join(dir, 'ledger.txt'), 'utf8'));
    const rec = await extractBytes(docx, 'ledger.docx');
    expect(brief(rec)).toEqual([
      [1, '“三会一课”制度执行不严格', 1, 'completed'],
      [2, '党费收缴不规范', 1, 'completed'],
      [3, '农村公路养护资金使用不规范', 1, 'in_progress'],
    ]);
    expect(rec.categories.map((c) => c.title)).toEqual(['党的建设', '业务工作']);
    expect(rec.issues.map((i) => i.category)).toEqual([1, 1, 2]);
    expect(rec.issues.flatMap((i) => i.quantities.map((q) => q.value))).toEqual([1280, 65000]);
  });
  it('the same ledger as an HTML table', async () => {
    const lines = readFileSync(join(dir, 'ledger.txt'), 'utf8').split('\n');
    const html = '<html><head><meta charset="utf-8"></head><body><div id="zoom">' + lines.filter((l) => !l.includes('|')).map((l) => `<p>${l}</p>`).join('') +
      '<table>' + lines.filter((l) => l.includes('|')).map((l) => `<tr>${l.split('|').map((c) => `<td>${c}</td>`).join('')}</tr>`).join('') + '</table></div></body></html>';
    const rec = await extractBytes(new TextEncoder().encode(html), 'ledger.html');
    expect(brief(rec).map((b) => b[3])).toEqual(['completed', 'completed', 'in_progress']);
  });
  for (const [name, row] of [
    ['pasted into a .txt as tab-separated lines (from Excel)', (cells: string[]) => cells.join('\t')],
    ['in a Markdown copy (| … | rows and a |---| rule)', (cells: string[]) => `| ${cells.join(' | ')} |`],
  ] as const) {
    it(`the same ledger ${name}`, async () => {
      const lines = readFileSync(join(dir, 'ledger.txt'), 'utf8').split('\n');
      const out: string[] = [];
      for (const l of lines) {
        if (!l.includes('|')) { out.push(l); continue; }
        const cells = l.split('|');
        out.push(row(cells));
        if (name.includes('Markdown') && cells[0] === '序号') out.push(row(cells.map(() => '---')));
      }
      const rec = await extractBytes(new TextEncoder().encode(out.join('\n')), 'ledger.txt');
      expect(brief(rec)).toEqual([
        [1, '“三会一课”制度执行不严格', 1, 'completed'],
        [2, '党费收缴不规范', 1, 'completed'],
        [3, '农村公路养护资金使用不规范', 1, 'in_progress'],
      ]);
      expect(rec.issues.map((i) => i.category)).toEqual([1, 1, 2]);
      expect(rec.issues.flatMap((i) => i.quantities.map((q) => q.value))).toEqual([1280, 65000]);
    });
  }
  it('tab-separated lines that are not a ledger stay as they are', async () => {
    const text = '中共某某县林业局党组关于巡察整改情况的通报\n根据县委统一部署，2024年3月4日至4月26日，县委第一巡察组对县林业局党组进行了巡察。\n单位\t人数\t金额\n一股\t3\t1.2万元\n二、问题整改情况\n1.关于“森林防火责任落实不到位”的问题\n整改措施：一是修订预案；二是开展巡查36次。已完成整改。\n';
    const rec = await extractBytes(new TextEncoder().encode(text), 'tabs.txt');
    expect(brief(rec)).toEqual([[1, '森林防火责任落实不到位', 2, 'completed']]);
    expect(rec.text).toContain('一股');
  });
  it('a quoted problem title broken over two lines is one title', async () => {
    const rec = await read('title-broken-over-lines.txt');
    expect(brief(rec)).toEqual([
      [1, '河道采砂监管不到位，部分河段存在非法采砂现象', 2, 'completed'],
      [2, '水利工程质量监管不严', 2, 'completed'],
    ]);
  });
  it('problems as the top level with （一）（二） measure paragraphs under them', async () => {
    const rec = await read('problems-with-numbered-measures.txt');
    expect(brief(rec)).toEqual([
      [1, '理论学习不够深入', 2, 'completed'],
      [2, '招商引资项目落地缓慢', 2, 'in_progress'],
    ]);
  });
  it('问题表现：/整改措施：/整改成效： under a titled problem: description, measures, outcome', async () => {
    const rec = await read('problem-description-labels.txt');
    expect(brief(rec)).toEqual([
      [1, '安全生产监管不到位', 2, 'completed'],
      [2, '应急物资储备不足', 2, 'completed'],
    ]);
    expect(rec.issues[0]!.outcome).toBe('企业安全隐患明显减少。') // the field's label is no part of the result;
    expect(rec.issues[0]!.notes).toEqual(['问题表现：对部分企业检查流于形式。']);
  });
});
