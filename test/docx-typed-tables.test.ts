// Word tables typed the ways staff type them, found by rendering every text fixture as a .docx
// (test/probes/txt-to-docx.mjs): columns typed at tab stops in paragraphs (a row a paragraph: the
// paragraph's tabs were spaces, the rows' cells lost), and a ledger's rows in Word tables with no
// header row (a category's paragraph over each table of its problems, or a ledger cut into several
// tables of which only the first has the header). Each .docx is built here.
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
const parts = (body: string) => ({ 'word/document.xml': strToU8(`<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`) });
const docx = (body: string) => zipSync(parts(body));

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
