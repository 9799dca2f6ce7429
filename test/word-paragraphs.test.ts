// Paragraphs and lists as a structured reader gives them: a Word bulleted list is a list as a
// numbered one is (list_item blocks with their level and their list), and the paragraphs Word or
// a page's <p>/<li> keeps apart are never joined as wrapped lines, whatever their punctuation says
// (a problem stated with no closing 。 before its first measure). Plain text and PDF lines, whose
// wraps are only in the text, are still joined; so are a page's <br> wraps and a Word file whose
// paragraphs are a PDF's lines.
import { describe, it, expect } from 'vitest';
import { zipSync, strToU8 } from 'fflate';
import { docxRead } from '../readers/docx.js';
import { Numbering, modelFromXml } from '../readers/word-numbering.js';
import { hardLines, listsOf, alignBlocks, type ReaderBlock } from '../core/blocks.js';
import { normalize, joinBrokenSentences } from '../stages/normalize/normalize.js';
import { paragraphsOf } from '../core/doc.js';
import { extractBytes, extractBytesDoc } from '../stages/extract.js';
import { DOMParser, type Element as XElement } from '@xmldom/xmldom';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const lvl = (ilvl: number, fmt: string, text: string) => `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/></w:lvl>`;
// numId 1: parts 一、; 2: categories （一）; 3: problems 1.; 4: bullets • (▪ one level down); 5: a bullet that shows nothing
const NUMBERING = `<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、')}</w:abstractNum>
  <w:abstractNum w:abstractNumId="1">${lvl(0, 'chineseCounting', '（%1）')}</w:abstractNum>
  <w:abstractNum w:abstractNumId="2">${lvl(0, 'decimal', '%1.')}</w:abstractNum>
  <w:abstractNum w:abstractNumId="3">${lvl(0, 'bullet', '•')}${lvl(1, 'bullet', '▪')}</w:abstractNum>
  <w:abstractNum w:abstractNumId="4">${lvl(0, 'bullet', '')}</w:abstractNum>
  ${[1, 2, 3, 4, 5].map((n) => `<w:num w:numId="${n}"><w:abstractNumId w:val="${n - 1}"/></w:num>`).join('')}`;

type Para = string | { text: string; num?: number; ilvl?: number; bold?: boolean };
const para = (p: Para) => {
  const { text, num, ilvl = 0, bold = false } = typeof p === 'string' ? { text: p } : p;
  const pPr = num ? `<w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${num}"/></w:numPr></w:pPr>` : '';
  const runs = text.split('\n').map((t, k) => `<w:r>${bold ? '<w:rPr><w:b/></w:rPr>' : ''}${k ? '<w:br/>' : ''}<w:t xml:space="preserve">${esc(t)}</w:t></w:r>`).join('');
  return `<w:p>${pPr}${runs}</w:p>`;
};
const parts = (paras: Para[]) => ({
  'word/document.xml': strToU8(`<?xml version="1.0"?><w:document ${W}><w:body>${paras.map(para).join('')}</w:body></w:document>`),
  'word/numbering.xml': strToU8(`<?xml version="1.0"?><w:numbering ${W}>${NUMBERING}</w:numbering>`),
  'word/styles.xml': strToU8(`<?xml version="1.0"?><w:styles ${W}></w:styles>`),
});
const docx = (paras: Para[]) => zipSync(parts(paras));
// two lines a plain text joins (the first stops inside a sentence): two paragraphs where a reader gives them so
const BROKEN = ['县委巡察组反馈意见后，局党组立即召开会议研究部署整改工作，成立由党组书记任组长的', '整改工作领导小组，制定整改方案。'];

// A problem stated with no closing 。, its measures a bulleted list, then a plain status paragraph.
const PROBLEM = '学习贯彻党的二十大精神不够深入系统，理论学习与业务工作结合不紧';
const MEASURES = ['修订理论学习中心组学习规则，全年开展专题学习9次；', '领导班子成员围绕重点工作开展专题调研，形成调研报告12篇；', '举办干部专题培训班2期，培训干部146人次。'];
const BULLETIN: Para[] = [
  { text: '中共某某县文化和旅游局党组关于巡察整改进展情况的通报', bold: true },
  '根据县委统一部署，2023年3月20日至5月26日，县委第二巡察组对县文化和旅游局党组开展了常规巡察。现将巡察整改进展情况予以公布。',
  { text: '巡察反馈问题整改落实情况', num: 1 },
  { text: '贯彻落实党的路线方针政策方面', num: 2, bold: true },
  { text: PROBLEM, num: 3, bold: true },
  ...MEASURES.map((text) => ({ text, num: 4 })),
  '通过整改，理论学习与业务工作结合更加紧密，该问题已整改到位。',
  { text: '落实全面从严治党主体责任不够到位，对下属单位管党治党压力传导层层递减', num: 3, bold: true },
  { text: '制定全面从严治党主体责任清单，与5个下属单位签订党风廉政建设责任书；', num: 4 },
  { text: '开展谈心谈话32人次。', num: 4 },
  '目前，该问题已完成整改。',
  '中共某某县文化和旅游局党组',
  '2024年1月18日',
];

describe('Word bulleted lists', () => {
  it('a bullet is an item of its list, at its level, with no label; a bullet that shows nothing is none', () => {
    const xml = new DOMParser().parseFromString(`<w:numbering ${W}>${NUMBERING}</w:numbering>`, 'text/xml').documentElement as unknown as XElement;
    const n = new Numbering(modelFromXml(xml, null));
    expect(n.item({ numId: '3', ilvl: 0, style: null })).toEqual({ list: '3', ilvl: 0, label: '1.' });
    expect(n.item({ numId: '4', ilvl: 0, style: null })).toEqual({ list: '4', ilvl: 0, label: null });
    expect(n.item({ numId: '4', ilvl: 1, style: null })).toEqual({ list: '4', ilvl: 1, label: null });
    expect(n.item({ numId: '5', ilvl: 0, style: null })).toBeNull();
    expect(n.item({ numId: null, ilvl: null, style: null })).toBeNull();
    expect(n.label({ numId: '3', ilvl: 0, style: null })).toBe('2.');
    expect(n.label({ numId: '4', ilvl: 0, style: null })).toBeNull();
  });

  it('the reader gives bullets as list items of their own list, at their depth, their text without a mark', () => {
    const { lines, blocks } = docxRead(parts([{ text: '问题甲', num: 3 }, { text: '措施一；', num: 4 }, { text: '细项', num: 4, ilvl: 1 }, { text: '措施二。', num: 4 }, { text: '看不见的标记', num: 5 }, '状态一段。']));
    expect(lines).toEqual(['1.问题甲', '措施一；', '细项', '措施二。', '看不见的标记', '状态一段。']);
    expect(blocks.map((b) => [b.kind, b.depth ?? null, b.list ?? null, b.numbering ?? null])).toEqual([
      ['list_item', 0, '3', '1.'],
      ['list_item', 0, '4', null],
      ['list_item', 1, '4', null],
      ['list_item', 0, '4', null],
      ['paragraph', null, null, null],
      ['paragraph', null, null, null],
    ]);
  });

  it('a run of bullets after a numbered item is a list of its own, not the numbered list going on', () => {
    const { lines, blocks } = docxRead(parts([{ text: '问题甲', num: 3 }, { text: '措施一；', num: 4 }, { text: '措施二。', num: 4 }, { text: '问题乙', num: 3 }, { text: '措施三。', num: 4 }]));
    const paras = paragraphsOf(lines.join('\n'));
    const lists = listsOf(alignBlocks(blocks, paras, (s) => s), paras.length);
    expect(lists[1]).not.toBeNull();
    expect(lists[1]).toBe(lists[2]);
    expect(lists[0]).not.toBe(lists[1]);
    expect(lists[3]).not.toBe(lists[2]);
    expect(lists[4]).not.toBe(lists[1]);
  });

  it('a problem with no closing 。 keeps apart from its first bullet; each bullet is one measure, the status paragraph none', async () => {
    const doc = await extractBytesDoc(docx(BULLETIN), 'b.docx');
    expect(doc.text.split('\n')).toContain(`1.${PROBLEM}`);
    expect(doc.blocks.filter((b) => b.kind === 'list_item' && !b.numbering).length).toBe(5);
    const rec = await extractBytes(docx(BULLETIN), 'b.docx');
    expect(rec.issues.map((i) => i.problem)).toEqual([PROBLEM, '落实全面从严治党主体责任不够到位，对下属单位管党治党压力传导层层递减']);
    expect(rec.issues[0]!.measures.map((m) => m.replace(/[；。]$/, ''))).toEqual(MEASURES.map((m) => m.replace(/[；。]$/, '')));
    expect(rec.issues[1]!.measures.length).toBe(2);
    expect(rec.issues.map((i) => i.status)).toEqual(['completed', 'completed']);
  });
});

describe('paragraphs a structured reader keeps apart', () => {
  it('hardLines: a paragraph starts with its first line and ends with its last; the lines inside it are no bounds', () => {
    const h = hardLines([
      { kind: 'paragraph', text: '第一行没有句号，' },
      { kind: 'paragraph', text: '软换行之前，\n软换行之后' },
      { kind: 'list_item', text: '一项措施；', depth: 0 },
      { kind: 'table', text: '表格一行\n表格二行', rows: [] },
    ], (s) => normalize(s));
    expect([...h.starts].sort()).toEqual(['一项措施；', '第一行没有句号，', '软换行之前，'].sort());
    expect([...h.ends].sort()).toEqual(['一项措施；', '第一行没有句号，', '软换行之后'].sort());
  });

  it('normalization joins no reader paragraph to the next, however it ends; a soft break inside one may still be a wrap', () => {
    const text = `${BROKEN.join('\n')}\n${PROBLEM}\n${MEASURES[0]}\n一是严格落实学习制度，\n二是加强督促检查。`;
    const blocks: ReaderBlock[] = [
      ...BROKEN.map((t) => ({ kind: 'paragraph' as const, text: t })),
      { kind: 'list_item', text: PROBLEM, depth: 0 },
      { kind: 'list_item', text: MEASURES[0]!, depth: 0 },
      { kind: 'paragraph', text: '一是严格落实学习制度，\n二是加强督促检查。' },
    ];
    // (二是 starts a paragraph of its own in any text: a soft break before a plain clause is joined)
    const wrap = '整改期间召开党组会议专题研究整改工作，\n制定整改方案并逐项明确责任人和完成时限。';
    const out = normalize(`${text}\n${wrap}`, hardLines([...blocks, { kind: 'paragraph', text: wrap }], (s) => normalize(s))).split('\n');
    expect(out.slice(0, 4)).toEqual([...BROKEN, PROBLEM, MEASURES[0]]);
    expect(out).toContain(wrap.replace('\n', ''));
  });

  it('plain text and PDF lines are still joined where a sentence breaks (no reader paragraphs)', () => {
    expect(normalize(BROKEN.join('\n'))).toBe(BROKEN.join(''));
    expect(joinBrokenSentences(['整改期间召开党组会议专题研究整改工作，', '制定整改方案并逐项明确责任人和完成时限。'])).toEqual(['整改期间召开党组会议专题研究整改工作，制定整改方案并逐项明确责任人和完成时限。']);
    // a heading the reader marks stays apart as before, the wrap after it is joined
    const h = hardLines([{ kind: 'heading', text: '一、组织领导方面', level: 2 }], (s) => normalize(s));
    expect(normalize('一、组织领导方面\n整改期间召开党组会议专题研究整改工作，\n制定整改方案并逐项明确责任人和完成时限。', h).split('\n'))
      .toEqual(['一、组织领导方面', '整改期间召开党组会议专题研究整改工作，制定整改方案并逐项明确责任人和完成时限。']);
  });

  it('a Word file whose paragraphs are a PDF\'s lines (most stop inside a sentence) is unwrapped as text is', async () => {
    const sentence = '县委巡察组反馈意见后，局党组立即召开会议研究部署整改工作，成立由党组书记任组长的整改工作领导小组，制定整改方案，明确整改措施和完成时限，建立整改台账，实行销号管理，确保件件有着落、事事有回音。';
    const cut = (s: string) => s.match(/.{1,22}/gu)!;
    const lines = [...cut(sentence), ...cut(sentence.replace('县委', '市委')), ...cut(sentence.replace('县委', '省委'))];
    const doc = await extractBytesDoc(docx(lines), 'lines.docx');
    expect(doc.text.split('\n')).toContain(sentence);
  });

  it('a page\'s <p> paragraphs keep apart, a <br> inside one may be a wrap', async () => {
    const page = `<html><head><meta charset="utf-8"><title>通报</title></head><body><div id="zoom">
      <p>中共某某县文化和旅游局党组关于巡察整改进展情况的通报</p>
      <p>一、贯彻落实党的路线方针政策方面</p>
      <p>${BROKEN[0]}</p><p>${BROKEN[1]}</p>
      <p>1.${PROBLEM}</p><p>${MEASURES.join('')}</p><p>该问题已整改到位。</p>
      <p>2.落实全面从严治党主体责任不够到位，对下属单位管党治党压力传导层层递减，<br>压力传导不够有力</p><p>开展谈心谈话32人次。</p><p>该问题已完成整改。</p>
      </div></body></html>`;
    const doc = await extractBytesDoc(new TextEncoder().encode(page), 'p.html');
    const lines = doc.text.split('\n');
    expect(lines).toContain(BROKEN[0]);
    expect(lines).toContain(BROKEN[1]);
    expect(lines).toContain(`1.${PROBLEM}`);
    expect(lines).toContain('2.落实全面从严治党主体责任不够到位，对下属单位管党治党压力传导层层递减，压力传导不够有力');
  });
});
