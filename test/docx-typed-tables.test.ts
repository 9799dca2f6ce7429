// Word tables typed the ways staff type them, found by rendering every text fixture as a .docx
// (test/probes/txt-to-docx.mjs): columns typed at tab stops in paragraphs (a row a paragraph: the
// paragraph's tabs were spaces, the rows' cells lost), and a ledger's rows in Word tables with no
// header row (a category's paragraph over each table of its problems, or a ledger cut into several
// tables of which only the first has the header); and a problem's measures as a Word list whose items
// are numbered 1.1.1, 1.1.2 (the next item kept its number) or whose last item ends with what came of
// the work (…。通过整改，X: kept in the measure). Each .docx is built here.
import { describe, it, expect } from 'vitest';
import { zipSync, strToU8 } from 'fflate';
import { docxRead } from '../readers/docx.js';
import { headlessGrid } from '../readers/headless-tables.js';
import { extractBytes } from '../stages/extract.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const run = (t: string) => `<w:r><w:t xml:space="preserve">${esc(t)}</w:t></w:r>`;
/** A paragraph; \t in its text is a Word tab (w:tab). */
const p = (text: string) => `<w:p>${text.split('\t').map((t, k) => `${k ? '<w:r><w:tab/></w:r>' : ''}${run(t)}`).join('')}</w:p>`;
const tbl = (rows: string[][]) => `<w:tbl>${rows.map((r) => `<w:tr>${r.map((c) => `<w:tc>${p(c)}</w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>`;
const parts = (body: string, numbering = '') => ({
  'word/document.xml': strToU8(`<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`),
  ...(numbering ? { 'word/numbering.xml': strToU8(`<?xml version="1.0"?><w:numbering ${W}>${numbering}</w:numbering>`) } : {}),
});
const docx = (body: string, numbering = '') => zipSync(parts(body, numbering));
/** A paragraph of a Word list (w:numId, w:ilvl). */
const li = (text: string, numId: number, ilvl: number) => `<w:p><w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr></w:pPr>${run(text)}</w:p>`;

const OPENING = [
  p('中共某某县水利局党组关于巡察整改进展情况的通报'),
  p('根据县委统一部署，2024年3月4日至4月30日，县委第一巡察组对县水利局党组进行了巡察。现将巡察整改进展情况予以公布。'),
  p('截至2024年10月31日，巡察反馈的4个问题已完成整改3个，正在整改1个。'),
  p('二、巡察反馈问题整改情况'),
].join('');
const ROWS = [
  ['1', '河长制工作落实不到位，部分河段巡河记录缺失', '一是修订巡河制度；二是开展巡河专项督查2次', '已完成'],
  ['2', '水利工程建设管理不规范，个别项目未批先建', '对2022年以来的项目开展全面排查，补办手续3项', '已完成'],
  ['3', '防汛物资储备不足，部分乡镇物资台账不清', '补充购置防汛物资价值12.6万元，建立物资台账', '正在整改'],
  ['4', '干部队伍结构老化，专业技术人员不足', '引进水利专业技术人员5名，开展业务培训3期', '已完成'],
];

describe('columns typed at tab stops', () => {
  it('keeps a paragraph\'s tabs where they part three cells or more, and reads the rows as a ledger', async () => {
    const head = p('序号\t问题\t整改措施\t完成情况');
    const { lines } = docxRead(parts(head + ROWS.map((r) => p(r.join('\t'))).join('')));
    expect(lines[0]).toBe('序号\t问题\t整改措施\t完成情况');
    expect(lines[1]).toBe(ROWS[0]!.join('\t'));
    const rec = await extractBytes(docx(OPENING + head + ROWS.map((r) => p(r.join('\t'))).join('')), 'tabs.docx');
    expect(rec.issues.map((i) => i.problem)).toEqual(ROWS.map((r) => r[1]));
    expect(rec.issues.map((i) => i.status)).toEqual(['completed', 'completed', 'in_progress', 'completed']);
    expect(rec.issues[0]!.measures).toHaveLength(2);
  });

  it('a tab or two parting two words is a space as ever, and a status after a paragraph\'s one tab its field', () => {
    const { lines } = docxRead(parts(p('完成时限\t2023年6月') + p('联系人\t\t张某') + p('巡河记录缺失的问题。\t已完成')));
    expect(lines).toEqual(['完成时限 2023年6月', '联系人 张某', '巡河记录缺失的问题。', '整改状态：已完成']);
    // (a number typed before a tab, as Word sets its own label, is no cell: the status after the last tab is still the field)
    const numbered = docxRead(parts(p('1.\t巡河记录缺失的问题。\t已完成') + p('（二）\t防汛物资储备不足\t基本完成')));
    expect(numbered.lines).toEqual(['1. 巡河记录缺失的问题。', '整改状态：已完成', '（二） 防汛物资储备不足', '整改状态：基本完成']);
  });
});

describe('a ledger\'s rows in Word tables with no header row', () => {
  it('reads a table under each category\'s paragraph by its cells: number, problem, measures, status', async () => {
    const body = OPENING + p('（一）河湖管理方面') + tbl(ROWS.slice(0, 2)) + p('（二）工程建设和干部队伍方面') + tbl(ROWS.slice(2));
    const rec = await extractBytes(docx(body), 'headless.docx');
    expect(rec.issues.map((i) => [i.number, i.category, i.problem])).toEqual(ROWS.map((r, k) => [k + 1, k < 2 ? 1 : 2, r[1]]));
    expect(rec.issues.map((i) => i.status)).toEqual(['completed', 'completed', 'in_progress', 'completed']);
    expect(rec.categories.map((c) => c.title)).toEqual(['河湖管理', '工程建设和干部队伍']);
  });

  it('a ledger cut into tables, the header on the first only: the later ones go on under it', async () => {
    const header = ['序号', '反馈问题', '整改措施', '整改进展'];
    const body = OPENING + p('（一）河湖管理方面') + tbl([header, ...ROWS.slice(0, 2)]) + p('（二）工程建设和干部队伍方面') + tbl(ROWS.slice(2));
    const rec = await extractBytes(docx(body), 'cut.docx');
    expect(rec.issues.map((i) => i.problem)).toEqual(ROWS.map((r) => r[1]));
    expect(rec.issues.map((i) => i.category)).toEqual([1, 1, 2, 2]);
    expect(rec.issues[2]!.status).toBe('in_progress');
  });

  it('leaves a table that names its columns, one of no long texts, and one of a single row as they are', () => {
    expect(headlessGrid([['序号', '整改措施', '责任部门', '完成时限'], ['1', '修订巡河制度并开展督查', '河湖科', '2024年6月']], null)).toBeNull();
    expect(headlessGrid([['城关镇', '3', '2'], ['南关镇', '4', '4']], null)).toBeNull();
    expect(headlessGrid([ROWS[0]!], null)).toBeNull();
    // (under a ledger's header, a table of another width reads by its own cells)
    expect(headlessGrid([['城关镇', '3'], ['南关镇', '4']], ['序号', '问题', '整改措施', '完成情况'])).toBeNull();
  });
});

describe('a problem\'s measures as a Word list', () => {
  // one multilevel list: 1. problems' categories, 1.1 problems, 1.1.1 measures (legal numbering)
  const LEGAL = `<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>` +
    `<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>` +
    `<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2.%3"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
  const problem = (words: string, measures: string[], status: string) => [li(words, 1, 1), ...measures.map((m) => li(m, 1, 2)), p(`整改进展：${status}。`)].join('');
  it('reads each item less its number, the next ones of the series (1.1.2, 1.1.3) as the first', async () => {
    const body = OPENING + li('河湖管理方面', 1, 0) +
      problem('河长制工作落实不到位，部分河段巡河记录缺失', ['修订巡河制度，明确巡河频次。', '开展巡河专项督查2次。', '对3名履职不力的村级河长进行约谈。'], '已完成整改') +
      problem('防汛物资储备不足，部分乡镇物资台账不清', ['补充购置防汛物资价值12.6万元。', '建立物资台账，实行动态管理。'], '阶段性完成');
    const rec = await extractBytes(docx(body, LEGAL), 'legal.docx');
    expect(rec.issues.map((i) => i.measures)).toEqual([
      ['修订巡河制度，明确巡河频次。', '开展巡河专项督查2次。', '对3名履职不力的村级河长进行约谈。'],
      ['补充购置防汛物资价值12.6万元。', '建立物资台账，实行动态管理。'],
    ]);
  });

  it('takes what came of the work off the end of the last item (…。通过整改，X), as a paragraph of no list', async () => {
    const CN = `<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>` +
      `<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
    const opening = OPENING.replace('4个问题已完成整改3个', '2个问题已完成整改1个');
    const body = opening + li('关于河长制工作落实不到位的问题', 1, 0) + li('修订巡河制度，明确巡河频次。', 1, 1) +
      li('对3名履职不力的村级河长进行约谈。通过整改，全县河长巡河率达到100%。', 1, 1) + p('（已完成）') +
      li('关于防汛物资储备不足的问题', 1, 0) + li('补充购置防汛物资价值12.6万元。', 1, 1) + li('建立物资台账，实行动态管理。', 1, 1) + p('（正在整改）');
    const rec = await extractBytes(docx(body, CN), 'outcome.docx');
    expect(rec.issues[0]!.measures).toEqual(['修订巡河制度，明确巡河频次。', '对3名履职不力的村级河长进行约谈。']);
    expect(rec.issues[0]!.outcome).toBe('通过整改，全县河长巡河率达到100%。');
    // (an item that only goes on with its sentence after 通过 is no result: 通过公开招租… stays the measure)
    expect(rec.issues[1]!.measures).toEqual(['补充购置防汛物资价值12.6万元。', '建立物资台账，实行动态管理。']);
    expect(rec.issues[1]!.outcome).toBeNull();
  });
});
