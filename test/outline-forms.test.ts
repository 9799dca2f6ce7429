// Outline forms read in general: ASCII Roman numerals and capital letters at the heads of lines, a
// table of contents before the body, categories named at the head of each problem, and ledger rows
// separated by bars with no header. Each with the cases it must leave alone.
import { describe, it, expect } from 'vitest';
import { asciiRomanNumbering } from '../core/numbering.js';
import { loadRules } from '../core/rules.js';
import { barRows, columnRoles } from '../readers/bar-rows.js';
import { extractBytes } from '../stages/extract.js';

const enc = (t: string) => new TextEncoder().encode(t);
const OPENING = '中共某县某镇委员会关于巡察整改情况的通报\n根据县委统一部署，2023年3月1日至4月30日，县委第一巡察组对某镇党委开展了常规巡察，5月20日反馈了巡察意见。\n';

describe('ASCII Roman numerals at the heads of lines (rules/numbering.json ascii_roman)', () => {
  it('reads as each rule\'s examples say', () => {
    for (const r of loadRules<{ ascii_roman: Array<{ id: string; examples: Array<{ text: string; value: string }> }> }>('numbering.json').ascii_roman) {
      for (const e of r.examples) expect(asciiRomanNumbering(e.text), `${r.id}: ${e.text}`).toBe(e.value);
    }
  });
  it('leaves a lone I. or (i), Roman numerals inside a line, and letters of a list alone', () => {
    expect(asciiRomanNumbering('I. 整改工作开展情况\nA. 强化组织领导')).toBe('I. 整改工作开展情况\nA. 强化组织领导');
    expect(asciiRomanNumbering('提供II型糖尿病筛查\n(ii) 不在行首的(ii)')).toBe('提供II型糖尿病筛查\n(ii) 不在行首的(ii)');
    expect(asciiRomanNumbering('H. 第八项\nI. 第九项\nJ. 第十项')).toBe('H. 第八项\nI. 第九项\nJ. 第十项');
  });
});

describe('a table of contents before the body', () => {
  const toc = ['目  录', '一、整改工作总体情况 ……………… 1', '二、巡察反馈问题整改落实情况 ……… 2', '（一）关于党的建设方面的问题 ………… 2', '1.关于“理论学习不深入”的问题 ……… 2', '2.关于“制度执行不严”的问题 ……… 3', '三、下一步工作打算 ………………… 4'].join('\n');
  const body = ['一、整改工作总体情况', '镇党委对照反馈的1个方面2个问题，制定整改措施4条。截至2023年9月30日，2个问题已完成整改2个。', '二、巡察反馈问题整改落实情况', '（一）关于党的建设方面的问题', '1.关于“理论学习不深入”的问题。', '整改措施：一是修订学习制度；二是开展专题研讨3次。', '整改情况：已完成。', '2.关于“制度执行不严”的问题。', '整改措施：一是修订财务制度；二是开展专项检查2次。', '整改情况：已完成。', '三、下一步工作打算', '持续巩固整改成果。'].join('\n');
  it('is no outline: its lines are no problems or categories, and the opening after it is found', async () => {
    const lines = OPENING.split('\n');
    const rec = await extractBytes(enc(`${lines[0]}\n${toc}\n${lines[1]}\n${body}`), 'toc.txt');
    expect(rec.issues.map((i) => i.problem)).toEqual(['理论学习不深入', '制度执行不严']);
    expect(rec.categories.map((c) => c.title)).toEqual(['党的建设']);
    expect(rec.bulletin.feedback_date).toBe('2023-05-20');
  });
  it('two lines ending in a page number are no contents', async () => {
    const rec = await extractBytes(enc(`${OPENING}${body.replace('一、整改工作总体情况', '一、整改工作总体情况 …… 1')}`), 'x.txt');
    expect(rec.issues.length).toBe(2);
  });
});

describe('categories named at the head of each problem', () => {
  const item = (n: number, label: string) => `${n}.${label}问题${n}的表述不够到位。整改措施：一是建立制度；二是开展检查${n}次。整改结果：已完成整改。`;
  it('a label repeated by the problems of one category is that category, no part of the problem', async () => {
    const items = [item(1, '【政治建设】'), item(2, '【政治建设】'), item(3, '（作风建设方面）'), item(4, '（作风建设方面）'), item(5, '（作风建设方面）')];
    const rec = await extractBytes(enc(`${OPENING}二、巡察反馈问题整改情况\n${items.join('\n')}\n三、下一步工作打算\n持续巩固。`), 'x.txt');
    expect(rec.categories.map((c) => c.title)).toEqual(['政治建设', '作风建设']);
    expect(rec.issues.map((i) => i.category)).toEqual([1, 1, 2, 2, 2]);
    expect(rec.issues[0]!.problem.startsWith('问题1')).toBe(true);
    expect(rec.text.slice(...rec.categories[1]!.span)).toBe('（作风建设方面）');
  });
  it('a bracket every problem has its own of (no label repeats) makes no categories', async () => {
    const items = [1, 2, 3, 4].map((n) => item(n, `【事项${'甲乙丙丁'[n - 1]}】`));
    const rec = await extractBytes(enc(`${OPENING}二、巡察反馈问题整改情况\n${items.join('\n')}`), 'x.txt');
    expect(rec.categories).toEqual([]);
  });
});

describe('ledger rows separated by bars, with no header', () => {
  const rows = [
    '1｜理论学习不够深入，学习计划执行不到位｜修订学习制度；开展专题研讨5次｜党政办｜2024年8月｜已完成',
    '（二）干部队伍建设方面',
    '2 | 选人用人不规范，补选程序不严谨 | 逐一复查补选程序；对2个社区责令整改 | 组织办 | 2024年6月 | 整改中',
  ];
  it('reads the columns\' roles from their cells and writes a header of their words', () => {
    const roles = columnRoles([rows[0]!, rows[2]!].map((r) => r.split(/\s*[|｜]\s*/)));
    expect(roles).toEqual(['no', 'problem', 'measures', 'owner', 'deadline', 'status']);
    const out = barRows(rows.join('\n')).split('\n');
    expect(out.length).toBe(4);
    expect(out[1]!.split('\t')[1]).toBe('理论学习不够深入，学习计划执行不到位');
    expect(out[2]).toBe('（二）干部队伍建设方面');
  });
  it('leaves a single row, and rows of short fields (a contact list), as they are', () => {
    expect(barRows(rows[0]!)).toBe(rows[0]);
    const contacts = '1｜张三｜办公室｜0371-1234567\n2｜李四｜财务科｜0371-7654321';
    expect(barRows(contacts)).toBe(contacts);
  });
});

describe('problems answered in a later part by their numbers alone', () => {
  const problems = ['二、巡察反馈的问题', '1.理论学习不够深入。', '2.财务报销不规范。', '3.党费收缴不及时。'];
  const answers = (n: number) => ['三、整改落实情况', ...[1, 2, 3].slice(0, n).map((k) => `${k}.一是修订制度${k}项；二是开展检查${k}次。目前已完成整改。`), '四、下一步工作打算', '持续巩固整改成果。'];
  it('joins each answer to the problem of its number', async () => {
    const rec = await extractBytes(enc(`${OPENING}${[...problems, ...answers(3)].join('\n')}`), 'x.txt');
    expect(rec.issues.map((i) => [i.problem, i.measures.length, i.status])).toEqual([['理论学习不够深入', 2, 'completed'], ['财务报销不规范', 2, 'completed'], ['党费收缴不及时', 2, 'completed']]);
  });
  it('a later part with fewer items than problems is no list of their answers', async () => {
    const rec = await extractBytes(enc(`${OPENING}${[...problems, ...answers(2)].join('\n')}`), 'x.txt');
    expect(rec.issues.every((i) => i.measures.length === 0)).toBe(true);
  });
});

describe('problems answered in a later part under their quoted titles', () => {
  const listed = ['镇党委对照巡察反馈的3个问题，制定整改措施6条。', '二、巡察反馈的主要问题', '1.理论学习不够深入，中心组学习流于形式。', '2.财务报销不规范，违规发放补贴。', '3.党费收缴不及时，台账不全。'];
  const answer = (title: string, n: number) => [`关于‘${title}’的问题。`, `整改情况：一是修订制度${n}项；二是开展检查${n}次。目前已完成整改。`];
  it('joins each answer to the problem its title is like, in any order and reworded', async () => {
    const text = [...listed, '三、整改落实情况', ...answer('财务报销不规范', 2), ...answer('党费收缴不及时', 3), ...answer('理论学习不深入、中心组学习流于形式', 1), '四、下一步工作打算', '持续巩固。'];
    const rec = await extractBytes(enc(`${OPENING}${text.join('\n')}`), 'x.txt');
    expect(rec.issues.map((i) => [i.number, i.measures[0]])).toEqual([[1, '修订制度1项'], [2, '修订制度2项'], [3, '修订制度3项']]);
  });
  it('titles like no listed problem join nothing', async () => {
    const text = [...listed, '三、整改落实情况', ...answer('招商引资项目落地慢', 2), ...answer('安全生产隐患排查不彻底', 3), '四、下一步工作打算', '持续巩固。'];
    const rec = await extractBytes(enc(`${OPENING}${text.join('\n')}`), 'x.txt');
    expect(rec.issues.every((i) => i.measures.length === 0)).toBe(true);
  });
});

describe('a paragraph after a problem\'s list of measures', () => {
  const page = (after: string) => `<html><head><meta charset="utf-8"><title>通报</title></head><body><div class="content"><h1>中共某县某镇委员会关于巡察整改情况的通报</h1>
<p>根据县委统一部署，2023年3月1日至4月30日，县委第一巡察组对某镇党委开展了常规巡察，5月20日反馈了巡察意见。</p>
<h2>一、整改工作开展情况</h2><p>镇党委把巡察整改作为重大政治任务，成立由党委书记任组长的整改工作领导小组，对照巡察反馈的2个问题逐项制定整改措施4条，明确责任领导、责任单位和完成时限，实行台账管理、对账销号，定期调度整改进展，确保每一项整改任务都落到实处、见到实效。</p>
<h2>二、巡察反馈问题整改情况</h2><p>1.学科专业结构不够合理。</p><ul><li>修订专业设置管理办法</li><li>停招专业3个</li></ul><p>${after}</p>
<p>2.财务报销不规范。</p><ul><li>修订报销制度</li><li>开展专项检查2次</li></ul><p>目前已完成整改。</p><h2>三、下一步工作打算</h2><p>镇党委将坚持目标不变、标准不降、力度不减，持续巩固整改成果，防止问题反弹回潮，以整改实效推动各项工作高质量发展。</p></div></body></html>`;
  it('that only says where the work stands is a note, its status read', async () => {
    const rec = await extractBytes(enc(page('专业结构调整需长期坚持，将持续优化学科专业布局。')), 'x.html');
    expect(rec.issues[0]!.measures.length).toBe(2);
    expect(rec.issues[0]!.notes).toEqual(['专业结构调整需长期坚持，将持续优化学科专业布局。']);
    expect(rec.issues[0]!.status).toBe('long_term');
  });
  it('that says what was done stays a measure', async () => {
    const rec = await extractBytes(enc(page('建立专业动态调整机制，每年评估1次。')), 'x.html');
    expect(rec.issues[0]!.measures.length).toBe(3);
  });
});
