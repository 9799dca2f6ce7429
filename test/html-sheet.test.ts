// A bulletin made as a spreadsheet and saved as a web page (readers/html-sheet.ts): the title and
// the prose in rows merged across above the ledger are paragraphs; the ledger is read as any; a
// totals row gives no problem, a note row under the ledger no category; the note's 填报日期 is the
// date of issue and the closing words placed with the prose give the contact. Other layouts than
// the fixture html-spreadsheet-ledger-2024's: LibreOffice Calc's export (the table right in <body>,
// no wrapping div), a ledger with no category column whose status column is 整改落实情况 after 整改措施.
import { describe, it, expect } from 'vitest';
import { extractBytes } from '../stages/extract.js';
import { readHtml } from '../readers/html.js';
import { tableLines } from '../readers/tables.js';
import { leadRows } from '../readers/html-sheet.js';

const enc = (s: string) => new TextEncoder().encode(s);

const PROBLEMS: Array<[string, string[], string]> = [
  ['林地保护管理责任落实不到位，部分乡镇违法占用林地问题查处不及时', ['开展违法占用林地专项清理，查处案件9起。', '建立林长巡林月报告制度。'], '已完成整改'],
  ['森林防火基础设施建设滞后，部分防火通道年久失修', ['维修防火通道12公里。', '新建防火物资储备点2个。'], '正在推进'],
  ['公益林补偿资金发放审核不严，存在重复发放现象', ['追回重复发放资金1.26万元。', '修订《公益林补偿资金管理办法》。'], '已完成整改'],
  ['干部教育培训针对性不强，专业技术人员培训不足', ['举办林业技术培训班3期、培训150人次。'], '长期坚持'],
  ['机关党支部组织生活不够规范，主题党日活动内容单一', ['制定主题党日活动年度计划。', '开展支部书记讲党课4次。'], '已完成整改'],
];

/** LibreOffice Calc's "save as HTML": the table is the body's child, cells set in <font>, <br> inside a cell. */
function calcPage(): string {
  const row = (cells: string) => `<tr>${cells}</tr>\n`;
  const rows = PROBLEMS.map(([p, ms, st], k) => row(`<td height="80" align="center" sdval="${k + 1}" sdnum="2052;">${k + 1}</td>`
    + `<td align="left"><font face="仿宋">${p}</font></td><td align="left"><font face="仿宋">${ms.map((m, i) => `（${i + 1}）${m}`).join('<br>')}</font></td>`
    + `<td align="center">林政资源股</td><td align="center">2024年6月底</td><td align="center">${st}</td>`)).join('');
  return `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0 Transitional//EN"><html><head>
<meta http-equiv="content-type" content="text/html; charset=utf-8"/><title></title>
<meta name="generator" content="LibreOffice 7.4.7.2 (Linux)"/>
<style type="text/css">body,div,table,thead,tbody,tfoot,tr,th,td,p { font-family:"宋体"; font-size:x-small }</style>
</head><body>
<table cellspacing="0" border="0">
<colgroup width="40"></colgroup><colgroup width="260"></colgroup><colgroup width="360"></colgroup><colgroup span="3" width="90"></colgroup>
${row('<td colspan=6 height="48" align="center"><b><font face="方正小标宋简体" size=4>中共桐柏县林业局党组关于县委巡察反馈意见整改情况的通报</font></b></td>')}
${row('<td colspan=6 height="120" align="left" valign="top"><font face="仿宋">根据县委统一部署，2024年3月4日至4月30日，县委第二巡察组对县林业局党组进行了常规巡察，并于2024年5月20日反馈了巡察意见。现将整改情况予以公布。<br>截至2024年8月31日，巡察反馈的5个问题已完成整改3个，正在推进1个，长期坚持1个。<br>欢迎广大干部群众对巡察整改落实情况进行监督，联系电话：0377-68222315。</font></td>')}
${row('<td height="30" align="center"><b>序号</b></td><td align="center"><b>反馈问题</b></td><td align="center"><b>整改措施</b></td><td align="center"><b>责任科室</b></td><td align="center"><b>整改时限</b></td><td align="center"><b>整改落实情况</b></td>')}
${rows}${row('<td height="30" align="center"><b>总计</b></td><td align="center">5个问题</td><td align="center">整改措施9条</td><td></td><td></td><td align="center">已完成3个</td>')}
${row('<td colspan=6 height="30" align="left">注：整改时限为“长期坚持”的问题按月调度。</td>')}
${row('<td colspan=3 height="30" align="left">报送单位：中共桐柏县林业局党组</td><td colspan=3 align="right">报送日期：2024年9月6日</td>')}
</table></body></html>`;
}

describe('a sheet saved as a web page (LibreOffice Calc, the table right in <body>)', () => {
  it('reads the merged rows above the ledger as the bulletin\'s paragraphs', () => {
    const lines = readHtml(enc(calcPage())).text.split('\n');
    expect(lines[0]).toBe('中共桐柏县林业局党组关于县委巡察反馈意见整改情况的通报');
    expect(lines[1]).toMatch(/^根据县委统一部署/);
    expect(lines[2]).toMatch(/^截至2024年8月31日/);
  });
  it('reads the ledger as any: five problems, the 整改落实情况 column their status, the totals and note rows none', async () => {
    const rec = await extractBytes(enc(calcPage()), 'sheet.html');
    expect(rec.bulletin.title).toBe('中共桐柏县林业局党组关于县委巡察反馈意见整改情况的通报');
    expect(rec.issues.map((i) => i.number)).toEqual([1, 2, 3, 4, 5]);
    expect(rec.issues.map((i) => i.status)).toEqual(['completed', 'in_progress', 'completed', 'long_term', 'completed']);
    expect(rec.issues.map((i) => i.measures.length)).toEqual([2, 2, 2, 1, 2]);
    expect(rec.issues[4]!.notes.join('')).not.toMatch(/总计|报送/);
    expect(rec.categories).toEqual([]);
    expect(rec.bulletin.contact.phones).toEqual(['0377-68222315']);
    expect(rec.bulletin.published_date).toBe('2024-09-06');
    expect(rec.summary).toMatchObject({ problems: 5, completed: 3, in_progress: 1, long_term: 1 });
  });
});

describe('a ledger\'s rows that are no problem\'s', () => {
  const head = ['序号', '问题类别', '存在问题', '整改措施', '完成情况'];
  const rows = [
    head,
    ['1', '党建方面', '组织生活不规范', '制定计划', '已完成'],
    ['2', '党建方面', '党费收缴不及时', '补缴党费', '整改中'],
    ['合计', '合计', '2个问题', '措施2条', '已完成1个\n整改中1个'],
    ['注：本表由局办公室汇总', '注：本表由局办公室汇总', '注：本表由局办公室汇总', '注：本表由局办公室汇总', '注：本表由局办公室汇总'],
    ['填表人：李华', '填表人：李华', '填表人：李华', '联系电话：0377-1234567', '联系电话：0377-1234567'],
  ];
  const lines = tableLines(rows);
  it('a totals row is a line of its figures, labelled by its word', () => {
    expect(lines).toContain('合计：2个问题；措施2条；已完成1个；整改中1个');
    expect(lines.filter((l) => /^\d+\./.test(l))).toHaveLength(2);
  });
  it('a row merged across under the last problem is a note, no category', () => {
    expect(lines).toContain('注：本表由局办公室汇总');
    expect(lines.some((l) => l.includes('：注：'))).toBe(false);
  });
  it('a row merged across the numbering and the problem is no problem', () => {
    expect(lines).toContain('填表人：李华 联系电话：0377-1234567');
  });
  it('a row merged across above the problems is still their category', () => {
    const cat = tableLines([['序号', '存在问题', '整改措施'], ['一、党建方面', '一、党建方面', '一、党建方面'], ['1', '组织生活不规范', '制定计划']]);
    expect(cat[0]).toMatch(/一、党建方面$/);
    expect(cat[0]).not.toBe('一、党建方面');
  });
});

describe('the rows above a table that are paragraphs', () => {
  it('only above a ledger\'s header, and only rows of one text', () => {
    expect(leadRows([['标题', '标题'], ['序号', '存在问题', '整改措施'], ['1', 'X', 'Y']])).toBe(1);
    expect(leadRows([['索引号', '123'], ['序号', '存在问题', '整改措施']])).toBe(0);
    expect(leadRows([['标题', '标题'], ['姓名', '电话']])).toBe(0);
  });
});
