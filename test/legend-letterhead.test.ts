// Two layouts read here on small texts of other wordings, with the readings they must not take:
//  - a 问题清单 whose statuses are marks a legend explains (fixtures/legend-marks-2024): ★1.X ☆2.X,
//    说明：标注“★”的为已完成整改… (stages/issues/legend.ts, the mark before a numbering in headings.ts);
//  - a 红头文件 (fixtures/docx-red-header-2023): the issuer in the 版头 line (中共X党组文件) over a title
//    that names none, the 版记's 印发 date, the notes a Word body cites, a list label before digits.
import { describe, it, expect } from 'vitest';
import { zipSync, strToU8 } from 'fflate';
import { extractBytes } from '../stages/extract.js';
import { legendIn } from '../stages/issues/legend.js';
import { issuedInText } from '../stages/metadata/page.js';
import { labelled } from '../readers/docx-print.js';
import { docxRead } from '../readers/docx.js';

const enc = (s: string) => new TextEncoder().encode(s);

const list = (legend: string, items: string[]) => `中共某某县交通运输局党组关于县委巡察反馈意见整改进展情况的通报
根据县委统一部署，2024年3月4日至4月30日，县委第二巡察组对某某县交通运输局党组进行了常规巡察，并于2024年6月5日反馈了巡察意见。现将整改进展情况予以公布。
一、整改工作总体情况
对照县委巡察反馈的2个方面4个问题，局党组制定整改措施8条。
二、巡察反馈问题整改清单
${legend}
（一）党的政治建设方面
${items.slice(0, 2).join('\n')}
（二）全面从严治党方面
${items.slice(2).join('\n')}
中共某某县交通运输局党组
2024年10月8日`;

const ITEMS = [
  '{1}1.农村公路建设质量监管不严，部分路段路面破损。\n整改情况：一是对全县农村公路开展质量排查；二是督促施工单位返工修复路面3.2公里。',
  '{2}2.交通运输安全隐患排查不彻底。\n整改情况：一是开展道路运输安全专项整治；二是建立隐患整改台账。',
  '{3}3.公务用车管理不规范。\n整改情况：一是修订公务用车管理办法；二是补齐车辆使用登记。',
  '{1}4.工程项目招投标监管存在漏洞。\n整改情况：一是对2022年以来的招投标项目逐一复核；二是对2名责任人进行诫勉谈话。',
];
const marked = (marks: [string, string, string]) => ITEMS.map((s) => s.replace(/\{(\d)\}/, (_, k: string) => marks[Number(k) - 1]!));

describe('statuses given by marks a legend explains', () => {
  it('reads each mark through the legend, the mark before the number no part of the problem', async () => {
    const text = list('注：●表示已完成整改，○表示正在整改，◎表示需长期坚持。', marked(['●', '○', '◎']));
    const rec = await extractBytes(enc(text), 'legend.txt');
    expect(rec.issues.map((i) => [i.number, i.status, i.status_phrase, i.problem.slice(0, 6)])).toEqual([
      [1, 'completed', '●', '农村公路建设'],
      [2, 'in_progress', '○', '交通运输安全'],
      [3, 'long_term', '◎', '公务用车管理'],
      [4, 'completed', '●', '工程项目招投'],
    ]);
  });

  it('reads a legend after the list, its marks unquoted, and problems with no number', async () => {
    const items = marked(['√', '△', '▲']).map((s) => s.replace(/^([√△▲])\d\./, '$1'));
    const text = list('', items).replace('中共某某县交通运输局党组\n2024', '（说明：√为已完成整改的问题，△为阶段性完成、持续推进的问题，▲为长期坚持的问题）\n中共某某县交通运输局党组\n2024');
    const rec = await extractBytes(enc(text), 'legend-after.txt');
    expect(rec.issues.map((i) => i.status)).toEqual(['completed', 'in_progress', 'long_term', 'completed']);
  });

  it('gives marks no status where no legend explains them', async () => {
    const rec = await extractBytes(enc(list('', marked(['★', '☆', '▲']))), 'no-legend.txt');
    expect(rec.issues.map((i) => [i.number, i.status])).toEqual([[1, 'unknown'], [2, 'unknown'], [3, 'unknown'], [4, 'unknown']]);
    expect(rec.issues[0]!.problem).toBe('农村公路建设质量监管不严，部分路段路面破损');
  });

  it('takes a line for a legend only where it gives two marks a status each, or is labelled so', () => {
    expect([...legendIn('说明：问题序号前标注“★”的为已完成整改的问题，标注“☆”的为正在整改的问题。')].map(([m, e]) => [m, e.status])).toEqual([['★', 'completed'], ['☆', 'in_progress']]);
    expect(legendIn('图例：★已完成').get('★')?.status).toBe('completed');
    // one mark, no label: a bulleted sentence, not a legend
    expect(legendIn('★已完成整改的问题8个，占比66.67%。').size).toBe(0);
    // marks with no status words: bullets
    expect(legendIn('■党的政治建设 ■全面从严治党').size).toBe(0);
  });
});

// ---- a 红头文件 ----------------------------------------------------------------------------------

const NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:v="urn:schemas-microsoft-com:vml"';
const P = (t: string, extra = '') => `<w:p>${extra}<w:r><w:t xml:space="preserve">${t}</w:t></w:r></w:p>`;
const box = (t: string) => `<w:p><w:r><w:pict><v:shape><v:textbox><w:txbxContent>${P(t)}</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>`;
const docx = (body: string, footnotes = '') => zipSync({
  '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
  'word/document.xml': strToU8(`<?xml version="1.0"?><w:document ${NS}><w:body>${body}</w:body></w:document>`),
  ...(footnotes ? { 'word/footnotes.xml': strToU8(`<?xml version="1.0"?><w:footnotes ${NS}><w:footnote w:type="separator" w:id="-1">${P('')}</w:footnote>${footnotes}</w:footnotes>`) } : {}),
});

describe('a 红头文件', () => {
  const body = (head: string) => [
    box(head), box('某农党〔2024〕9号'),
    P('关于县委第四巡察组巡察反馈意见'), P('整改进展情况的通报'),
    `<w:p><w:r><w:t>根据县委统一部署，2024年3月4日至4月30日，县委第四巡察组对县农业农村局党组</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:t>进行了常规巡察。2024年6月5日，巡察组反馈了巡察意见。现将整改进展情况予以公布。</w:t></w:r></w:p>`,
    P('一、关于耕地保护责任落实不到位的问题'), P('整改情况：一是开展耕地保护专项检查；二是对2名责任人进行批评教育。该问题已完成整改。'),
    P('2024年10月9日'), P('抄送：县委巡察办。'), P('某某县农业农村局办公室　　　2024年10月10日印发'),
  ].join('');
  const note = `<w:footnote w:id="1">${P('指中共淇县农业农村局党组。淇县农业农村局（以下简称“县农业农村局”）。')}</w:footnote>`;

  it('reads the issuer from the letter-spaced 版头 over a title that names none, the 印发 date as published', async () => {
    const rec = await extractBytes(docx(body('中 共 淇 县 农 业 农 村 局 党 组 文 件'), note), 'red.docx');
    expect(rec.bulletin.title).toBe('关于县委第四巡察组巡察反馈意见整改进展情况的通报');
    expect(rec.bulletin.issuer).toBe('中共淇县农业农村局党组');
    expect(rec.bulletin.unit).toBe('淇县农业农村局');
    expect(rec.bulletin.published_date).toBe('2024-10-10');
    expect(rec.bulletin.doc_number).toBe('某农党〔2024〕9号');
  });

  it('gives the cited footnote after the body, led by its mark; an uncited one not at all', () => {
    const files = { 'word/document.xml': strToU8(`<?xml version="1.0"?><w:document ${NS}><w:body>${body('中共淇县农业农村局党组文件')}</w:body></w:document>`),
      'word/footnotes.xml': strToU8(`<?xml version="1.0"?><w:footnotes ${NS}>${note}<w:footnote w:id="7">${P('未引用的脚注')}</w:footnote></w:footnotes>`) };
    const { lines } = docxRead(files);
    expect(lines[lines.length - 1]).toBe('①指中共淇县农业农村局党组。淇县农业农村局（以下简称“县农业农村局”）。');
    expect(lines.some((l) => l.includes('未引用'))).toBe(false);
  });

  it('reads no 印发 date from a measure that issued a document', () => {
    expect(issuedInText('一是于2024年5月6日印发《整改方案》，明确责任分工。\n2024年10月9日')).toBeNull();
    expect(issuedInText('抄送：县委巡察办。\n某某县委办公室 2024年3月5日 印发\n')).toBe('2024-03-05');
  });

  it('keeps a Word list label apart from digits that start its paragraph', () => {
    expect(labelled('4.', '12345政务服务热线')).toBe('4. 12345政务服务热线');
    expect(labelled('4.', '政务服务热线')).toBe('4.政务服务热线');
    expect(labelled('（1）', '2023年以来')).toBe('（1）2023年以来');
  });
});
