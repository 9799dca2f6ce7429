// Word layouts read through what Word says of them: a table inside a table's cell (a category's cell
// beside a table of its problems) read as a table of its own; a status after a tab at the end of a
// problem's paragraph (X。……已完成, a dot leader to a right tab stop) a field of its own; automatic
// numbering whose level text holds Chinese words (第%1项问题：, （%2）) with unnumbered Heading 2
// categories over it. Each .docx is built here.
import { describe, it, expect } from 'vitest';
import { zipSync, strToU8 } from 'fflate';
import { docxRead } from '../readers/docx.js';
import { nestedGrid } from '../readers/nested-tables.js';
import { columnRoles } from '../readers/bar-rows.js';
import { extractBytes } from '../stages/extract.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const run = (t: string, bold = false) => `<w:r>${bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${esc(t)}</w:t></w:r>`;
/** A paragraph; \t in its text is a Word tab (w:tab), \n a soft break. */
const p = (text: string, pPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${text.split('\t').map((t, k) => `${k ? '<w:r><w:tab/></w:r>' : ''}${t.split('\n').map((x, j) => (j ? '<w:r><w:br/></w:r>' : '') + run(x)).join('')}`).join('')}</w:p>`;
const tc = (inner: string, merge?: 'restart' | 'cont') => `<w:tc><w:tcPr>${merge === 'restart' ? '<w:vMerge w:val="restart"/>' : merge === 'cont' ? '<w:vMerge/>' : ''}</w:tcPr>${inner}</w:tc>`;
const tbl = (rows: string[][]) => `<w:tbl>${rows.map((r) => `<w:tr>${r.join('')}</w:tr>`).join('')}</w:tbl>`;
/** A cell of paragraphs (one per line of `text`). */
const cell = (text: string, merge?: 'restart' | 'cont') => tc(text.split('\n').map((l) => p(l)).join('') || '<w:p/>', merge);

const LEVELS = (texts: Array<[string, string]>) => texts.map(([fmt, text], i) => `<w:lvl w:ilvl="${i}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/><w:suff w:val="nothing"/></w:lvl>`).join('');
const STYLES = `<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>` +
  [1, 2].map((n) => `<w:style w:type="paragraph" w:styleId="${n}"><w:name w:val="heading ${n}"/><w:basedOn w:val="a"/><w:pPr><w:outlineLvl w:val="${n - 1}"/></w:pPr></w:style>`).join('');
function parts(body: string, numbering = '') {
  return {
    'word/document.xml': strToU8(`<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`),
    'word/numbering.xml': strToU8(`<?xml version="1.0"?><w:numbering ${W}>${numbering}</w:numbering>`),
    'word/styles.xml': strToU8(`<?xml version="1.0"?><w:styles ${W}>${STYLES}</w:styles>`),
  };
}
const docx = (body: string, numbering = '') => zipSync(parts(body, numbering));

const OPENING = [
  p('中共某某县商务局党组关于巡察整改情况的通报'),
  p('根据县委统一部署，2023年3月13日至5月12日，县委第二巡察组对县商务局党组开展了常规巡察。现将巡察整改情况予以通报。'),
  p('截至2023年11月30日，反馈的2个方面3个问题，已完成整改2个，基本完成1个。'),
  p('二、巡察反馈问题整改落实情况'),
].join('');
const CLOSING = [p('三、下一步工作打算'), p('下一步，局党组将持续抓好整改。'), p('中共某某县商务局党组'), p('2023年12月8日')].join('');

const INNER_HEAD = [cell('问题'), cell('整改措施'), cell('整改结果/状态')];
const PROBLEMS = [
  ['1.学习贯彻党的二十大精神不够深入，理论学习与业务工作结合不紧。', '一是修订中心组学习制度；\n二是开展专题研讨6次。', '已完成\n通过整改，学习更加扎实。'],
  ['2.重点商圈提档升级进度滞后，社会消费品零售总额增速偏低。', '一是制定三年行动方案；\n二是举办促消费活动12场。', '基本完成'],
  ['3.落实中央八项规定精神有差距，违规发放津补贴问题仍有发生。', '一是清退违规发放的津补贴8.64万元；\n二是修订公务用车管理办法。', '已完成'],
];
const innerRows = (ns: number[]) => ns.map((n) => PROBLEMS[n]!.map((c) => cell(c)));
/** The outer table: 问题类别 | 具体问题…, a category's cell beside an inner table; the second category over two rows (merged down), its second inner table with no header. */
const NESTED = tbl([
  [cell('问题类别'), cell('具体问题及整改落实情况')],
  [cell('贯彻落实党的路线方针政策方面'), tc(tbl([INNER_HEAD, ...innerRows([0, 1])]) + '<w:p/>')],
  [cell('落实全面从严治党战略部署方面', 'restart'), tc(tbl([INNER_HEAD, ...innerRows([2])]) + '<w:p/>')],
]);

describe('a table inside a table cell', () => {
  it('each inner row is a ledger row beside its outer row, the left cell its category, the inner headers no problems', () => {
    const { lines, blocks } = docxRead(parts(NESTED));
    expect(lines.filter((l) => l.startsWith('问题类别：'))).toEqual(['问题类别：贯彻落实党的路线方针政策方面', '问题类别：落实全面从严治党战略部署方面']);
    expect(lines.filter((l) => /^\d+\.问题：/.test(l))).toEqual([
      '1.问题：学习贯彻党的二十大精神不够深入，理论学习与业务工作结合不紧。',
      '2.问题：重点商圈提档升级进度滞后，社会消费品零售总额增速偏低。',
      '3.问题：落实中央八项规定精神有差距，违规发放津补贴问题仍有发生。',
    ]);
    expect(lines.some((l) => /问题：问题|整改措施：整改措施/.test(l))).toBe(false);
    // (the result said under the status is the result, the status its first paragraph)
    expect(lines).toContain('整改状态：已完成');
    expect(lines).toContain('整改成效：通过整改，学习更加扎实。');
    const table = blocks.find((b) => b.kind === 'table')!;
    expect(table.rows![0]).toEqual(['序号', '问题', '整改措施', '整改结果/状态', '问题类别', '整改成效']);
    expect(table.rows!.length).toBe(4);
  });

  it('a category merged down over two outer rows is one category; an inner table with no header row takes the first one\'s', () => {
    const body = tbl([
      [cell('问题类别'), cell('具体问题及整改落实情况')],
      [cell('贯彻落实党的路线方针政策方面', 'restart'), tc(tbl([INNER_HEAD, ...innerRows([0])]) + '<w:p/>')],
      [cell('', 'cont'), tc(tbl(innerRows([1])) + '<w:p/>')],
      [cell('落实全面从严治党战略部署方面'), tc(tbl([INNER_HEAD, ...innerRows([2])]) + '<w:p/>')],
    ]);
    const { lines } = docxRead(parts(body));
    expect(lines.filter((l) => l.startsWith('问题类别：')).length).toBe(2);
    expect(lines.filter((l) => /^\d+\.问题：/.test(l)).map((l) => l.split('.')[0])).toEqual(['1', '2', '3']);
  });

  it('a whole bulletin so laid out: its problems, categories, measures, statuses and results', async () => {
    const rec = await extractBytes(docx(OPENING + NESTED + CLOSING), 'n.docx');
    expect(rec.categories.map((c) => c.title)).toEqual(['贯彻落实党的路线方针政策', '落实全面从严治党战略部署']);
    expect(rec.issues.map((i) => [i.number, i.category, i.status])).toEqual([[1, 1, 'completed'], [2, 1, 'in_progress'], [3, 2, 'completed']]);
    expect(rec.issues[0]!.problem).toBe('学习贯彻党的二十大精神不够深入，理论学习与业务工作结合不紧');
    expect(rec.issues[0]!.measures.length).toBe(2);
    expect(rec.issues[0]!.outcome).toBe('通过整改，学习更加扎实。');
    expect(rec.issues[1]!.outcome).toBeNull();
  });

  it('with no header in any inner table, the columns\' roles are read from the cells', () => {
    const grid = nestedGrid([
      [{ text: '贯彻落实党的路线方针政策方面' }, { text: '', tables: [PROBLEMS.slice(0, 2)] }],
      [{ text: '落实全面从严治党战略部署方面' }, { text: '', tables: [PROBLEMS.slice(2)] }],
    ]);
    expect(grid).not.toBeNull();
    // (each column named by its role's own header word, rules/readers.json table_columns)
    expect(grid![0]).toEqual(['序号', '存在问题', '整改措施', '完成情况', '问题类别', '整改成效']);
    expect(grid!.slice(1).map((r) => [r[0], r[4]])).toEqual([['1', '贯彻落实党的路线方针政策方面'], ['2', '贯彻落实党的路线方针政策方面'], ['3', '落实全面从严治党战略部署方面']]);
  });

  it('is no container of ledgers: no cell holds a table, a cell has text besides its table, an inner table that is no ledger', () => {
    expect(nestedGrid([[{ text: 'a' }, { text: 'b' }]])).toBeNull();
    const inner = [['问题', '整改措施', '完成情况'], ...PROBLEMS.slice(0, 1)];
    expect(nestedGrid([[{ text: '类别一' }, { text: '说明', tables: [inner], text_outside: true }]])).toBeNull();
    expect(nestedGrid([[{ text: '类别一' }, { text: '', tables: [[['甲', '乙'], ['丙', '丁']]] }]])).toBeNull();
    // (such a table is read as before: its rows flattened, the inner table's own lines in its cell)
    const { lines } = docxRead(parts(tbl([[cell('附件'), tc(tbl([[cell('甲'), cell('乙')]]) + '<w:p/>')]])));
    expect(lines).toEqual(['附件 甲 乙']);
  });

  it('columnRoles reads every column from its cells where the first is no number', () => {
    expect(columnRoles(PROBLEMS.map((r) => [...r]), { numbered: false })).toEqual(['problem', 'measures', 'status']);
    expect(columnRoles([['1', ...PROBLEMS[0]!], ['2', ...PROBLEMS[2]!]])).toEqual(['no', 'problem', 'measures', 'status']);
  });
});

describe('a status after a tab at the end of a paragraph', () => {
  it('is a field of its own: the status on a line under the status label', () => {
    const { lines } = docxRead(parts(p('学习贯彻不够深入，研讨仅开展4次。\t已完成') + p('推进乡村振兴不够有力\t基本完成')));
    expect(lines).toEqual(['学习贯彻不够深入，研讨仅开展4次。', '整改状态：已完成', '推进乡村振兴不够有力', '整改状态：基本完成']);
  });

  it('a tab before anything else is a space as ever: a date, a long clause, a tab inside a table cell', () => {
    const { lines } = docxRead(parts(p('完成时限\t2023年6月') + p('一是修订制度\t二是开展专题学习，推动学习成果转化为具体措施') + tbl([[cell('问题甲'), tc(p('说明\t已完成'))]])));
    expect(lines).toEqual(['完成时限 2023年6月', '一是修订制度 二是开展专题学习，推动学习成果转化为具体措施', '问题甲 说明 已完成']);
  });
});

describe('Word numbering with Chinese level text under unnumbered Heading 2 categories', () => {
  const NUM = `<w:abstractNum w:abstractNumId="0">${LEVELS([['chineseCounting', '第%1项问题：'], ['decimal', '（%2）']])}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
  const item = (ilvl: number, text: string) => p(text, `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="1"/></w:numPr>`);
  const h = (n: number, text: string) => p(text, `<w:pStyle w:val="${n}"/>`);
  const body = [
    p('中共某某镇委员会关于巡察整改进展情况的通报'),
    p('根据县委统一部署，县委第三巡察组对镇党委开展了常规巡察。现将巡察整改进展情况予以公布。'),
    h(1, '一、整改工作开展情况'),
    p('截至2022年10月31日，反馈的2个方面3个问题，已完成整改2个，长期坚持1个。'),
    h(1, '二、巡察反馈问题整改落实情况'),
    h(2, '贯彻落实党的路线方针政策方面'),
    item(0, '学习贯彻新思想不够深入，中心组学习流于形式。\t已完成'),
    item(1, '修订中心组学习制度，开展集中学习研讨11次；'),
    item(1, '班子成员讲专题党课22场次；'),
    item(1, '建立学习成果转化机制。'),
    p('通过整改，理论学习水平明显提升。'),
    item(0, '生态环境保护责任落实不到位，河长制巡河流于形式。\t长期坚持'),
    item(1, '调整充实镇村两级河长27名；'),
    item(1, '开展沿线环境集中整治。'),
    p('此项工作需长期坚持，镇党委将常态化开展河道巡查。'),
    h(2, '落实全面从严治党战略部署方面'),
    item(0, '村级“三资”管理不规范，合同管理混乱。\t已完成'),
    item(1, '开展村级集体“三资”清理，规范不合规合同41份；'),
    item(1, '将集体资产发包纳入公共资源交易平台。'),
    h(1, '三、下一步工作打算'),
    p('镇党委将持续抓好整改。'),
    p('中共某某镇委员会'),
    p('2022年11月18日'),
  ].join('');

  it('the categories are the Heading 2 lines, the problems numbered on through them, each status the word after its tab', async () => {
    const rec = await extractBytes(docx(body, NUM), 'c.docx');
    expect(rec.categories.map((c) => c.title)).toEqual(['贯彻落实党的路线方针政策', '落实全面从严治党战略部署']);
    expect(rec.issues.map((i) => [i.number, i.category, i.status, i.status_phrase])).toEqual([
      [1, 1, 'completed', '已完成'], [2, 1, 'long_term', '长期坚持'], [3, 2, 'completed', '已完成'],
    ]);
    expect(rec.issues[0]!.problem).toBe('学习贯彻新思想不够深入，中心组学习流于形式');
  });

  it('every measure loses its （N） label alike, and none is the status word', async () => {
    const rec = await extractBytes(docx(body, NUM), 'c.docx');
    expect(rec.issues.map((i) => i.measures.length)).toEqual([3, 2, 2]);
    for (const i of rec.issues) for (const m of i.measures) expect(m).not.toMatch(/^[（(]\d/);
    expect(rec.issues[0]!.measures[0]).toMatch(/^修订中心组学习制度/);
    expect(rec.issues[0]!.outcome).toBe('通过整改，理论学习水平明显提升。');
    expect(rec.issues[1]!.notes).toEqual(['此项工作需长期坚持，镇党委将常态化开展河道巡查。']);
  });
});
