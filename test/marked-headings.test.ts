// Category headings that carry no number, set apart by a mark: a line wholly in brackets (【X方面】, as
// WeChat and news copies print （一）X方面) or led by a heading symbol (■ X方面). The text reader gives
// such a line as a marked heading (core/blocks.ts textBlocks); segmentation takes it as a heading only
// where it heads (stages/segment/marked-lines.ts): never a status tag, a label, a bulleted measure or
// a bulleted problem. A run-on copy is cut at the mark and at the signal words after it.
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { textBlocks, markedLine } from '../core/blocks.js';
import { extractBytes } from '../stages/extract.js';
import { splitRunOn } from '../stages/normalize/run-on.js';
import { unwrapHardBreaks } from '../stages/normalize/wraps.js';
import { compareRecord, formatDiff } from './golden.js';
import { FIXTURES } from './fixtures.js';

const extract = (text: string) => extractBytes(new TextEncoder().encode(text), 'marked.txt');
const head = '中共某某县某某镇委员会关于巡察整改进展情况的通报\n根据县委统一部署，2024年3月1日至4月30日，县委第一巡察组对某某镇党委开展了常规巡察。现将整改进展情况公布如下。\n一、整改工作开展情况\n镇党委召开专题会议3次研究部署整改工作，逐项制定整改措施。\n二、巡察反馈问题整改情况\n';
const tail = '欢迎广大干部群众对巡察整改落实情况进行监督。联系电话：0377-1234567。\n';

describe('a line set apart by a mark, as the text reader gives it', () => {
  it('gives lines wholly in brackets or led by a heading symbol as marked headings', () => {
    const blocks = textBlocks('二、巡察反馈问题整改情况\n【党的领导方面】\n巡察指出：理论学习不够深入。\n■ 落实全面从严治党“两个责任”方面\n〔基层党组织建设方面〕\n◆提高政治站位，扛牢整改责任。巡察反馈会后召开会议。\n');
    expect(blocks).toEqual([
      { kind: 'heading', text: '【党的领导方面】', mark: '【】' },
      { kind: 'heading', text: '■ 落实全面从严治党“两个责任”方面', mark: '■' },
      { kind: 'heading', text: '〔基层党组织建设方面〕', mark: '〔〕' },
    ]);
  });

  it('reads the words inside the mark, a quoted title with its commas as one name', () => {
    expect(markedLine('■ 党的领导方面')).toEqual({ mark: '■', words: '党的领导方面' });
    expect(markedLine('【“党建引领作用发挥不够，组织建设还有不足”方面】')).toEqual({ mark: '【】', words: '“党建引领作用发挥不够，组织建设还有不足”方面' });
    // (the form only: a status tag has it too, segmentation tells them apart)
    expect(markedLine('【已完成】')).toEqual({ mark: '【】', words: '已完成' });
  });

  it('gives no sentence, no run of brackets, no bracket that is only part of the line', () => {
    for (const line of ['◆提高政治站位，扛牢整改责任。', '★理论学习中心组学习不够系统，学习与推动中心工作结合不紧。', '【字体：大 中 小】', '【打印本页】【关闭窗口】', '【问题1】党费收缴不规范', '党的领导方面', '1.【政治建设】学习贯彻不够深入']) {
      expect(markedLine(line), line).toBeNull();
    }
  });

  it('takes a bracketed heading wrapped over two lines as one, and no line cut at a hard-wrapped text\'s width', () => {
    expect(textBlocks('【贯彻落实党的路线方针政策和党中央决策部署、省委\n工作要求方面】\n1.关于X的问题。')).toEqual([{ kind: 'heading', text: '【贯彻落实党的路线方针政策和党中央决策部署、省委\n工作要求方面】', mark: '【】' }]);
    // a text wrapped at 20: a bulleted measure cut at the width is no marked line, whatever its first line reads
    const wrapped = ['一是组织开展专题学习研讨活动共计四次并形', '成调研报告和学习体会文章共计十二篇章节。', '二是组织开展专题学习研讨活动共计四次并形', '成调研报告和学习体会文章共计十二篇章节。', '三是组织开展专题学习研讨活动共计四次并形',
      '●对二零一九年以来安全生产专项资金使用情况', '开展全面清查，清查项目八十六个。'];
    expect(textBlocks(wrapped.join('\n'))).toEqual([]);
  });
});

describe('marked lines that head problems are their categories', () => {
  it('reads 【X方面】 lines over unnumbered signal-word blocks as categories', async () => {
    const rec = await extract(`${head}【党的领导方面】\n巡察指出：理论学习不够深入，研讨交流不充分。\n整改情况：一是修订学习制度；二是开展专题研讨4次。\n目前，该问题已整改完成。\n反馈问题：意识形态工作责任制落实不到位。\n整改情况：一是制定责任清单；二是开展专项检查。\n目前，该问题已整改完成。\n【全面从严治党方面】\n巡察指出：公务接待管理不规范。\n整改情况：一是清退违规费用1.2万元；二是修订接待制度。\n目前，该问题正在推进中。\n${tail}`);
    expect(rec.categories.map((c) => [c.ordinal, c.title])).toEqual([[1, '党的领导'], [2, '全面从严治党']]);
    expect(rec.issues.map((i) => [i.problem, i.category])).toEqual([['理论学习不够深入，研讨交流不充分', 1], ['意识形态工作责任制落实不到位', 1], ['公务接待管理不规范', 2]]);
  });

  it('reads ■ X方面 over numbered problems, and over problems led by the same mark', async () => {
    const numbered = await extract(`${head}■ 党的建设方面\n1.理论学习不够深入。\n整改情况：一是修订学习制度；二是开展专题研讨4次。\n2.党费收缴不规范。\n整改情况：一是补缴党费；二是建立台账。\n■ 选人用人方面\n3.干部选拔程序不严格。\n整改情况：一是修订选拔办法；二是开展专项检查。\n${tail}`);
    expect(numbered.categories.map((c) => c.title)).toEqual(['党的建设', '选人用人']);
    expect(numbered.issues.map((i) => i.category)).toEqual([1, 1, 2]);
    const same = await extract(`${head}■ 党的建设方面\n■理论学习不够深入，研讨交流不充分。\n整改措施：一是修订学习制度；二是开展专题研讨4次。\n■ 选人用人方面\n■干部选拔程序不严格，考察不够全面。\n整改措施：一是修订选拔办法；二是开展专项检查。\n${tail}`);
    expect(same.categories.map((c) => c.title)).toEqual(['党的建设', '选人用人']);
    expect(same.issues.map((i) => [i.problem, i.category])).toEqual([['理论学习不够深入，研讨交流不充分', 1], ['干部选拔程序不严格，考察不够全面', 2]]);
  });
});

describe('marked lines that are no headings', () => {
  it('a short bulleted problem over its bulleted measures is a problem, not a category', async () => {
    const rec = await extract(`${head}（一）党的建设方面\n★理论学习不够系统\n▶修订学习制度；\n▶开展专题研讨4次。（已完成）\n★选人用人不规范\n▶修订干部选拔办法。（已完成）\n（二）全面从严治党方面\n★公务接待管理不严\n▶清退违规费用1.2万元。（已完成）\n${tail}`);
    expect(rec.categories.map((c) => c.title)).toEqual(['党的建设', '全面从严治党']);
    expect(rec.issues.map((i) => [i.problem, i.category, i.measures.length])).toEqual([['理论学习不够系统', 1, 2], ['选人用人不规范', 1, 1], ['公务接待管理不严', 2, 1]]);
  });

  it('a list of short bulleted measures, a status tag and a bracketed label are no headings', async () => {
    const rec = await extract(`${head}（一）党的建设方面\n1.理论学习不够深入。\n整改措施：\n●修订学习制度\n●开展专题研讨\n●建立学习台账\n【已完成】\n2.党费收缴不规范。\n【整改措施】一是补缴党费；二是建立台账。\n【整改状态】已完成\n${tail}`);
    expect(rec.categories.map((c) => c.title)).toEqual(['党的建设']);
    expect(rec.issues.map((i) => [i.number, i.category, i.status])).toEqual([[1, 1, 'completed'], [2, 1, 'completed']]);
  });
});

describe('a run-on copy is cut at the mark and the signal words', () => {
  it('cuts before a mark after a heading\'s words, and before 巡察指出：/反馈问题：/整改成效： after the mark\'s words or a stop', () => {
    const line = '一、整改工作开展情况◆提高政治站位，扛牢整改责任。巡察反馈会后，镇党委第一时间召开会议研究部署整改工作，成立整改工作领导小组，整改期间召开专题会议5次，督促检查3轮。二、巡察反馈问题整改情况■ 党的政治建设巡察指出：理论学习不够深入。整改情况：一是修订制度；二是开展研讨。整改成效：学习主动性明显增强。目前，该问题已整改完成。反馈问题：党费收缴不规范。整改情况：一是补缴党费。三、下一步工作打算继续巩固整改成果。';
    expect(splitRunOn([line])).toEqual([
      '一、整改工作开展情况', '◆提高政治站位，扛牢整改责任。巡察反馈会后，镇党委第一时间召开会议研究部署整改工作，成立整改工作领导小组，整改期间召开专题会议5次，督促检查3轮。', '二、巡察反馈问题整改情况', '■ 党的政治建设', '巡察指出：理论学习不够深入。',
      '整改情况：一是修订制度；二是开展研讨。', '整改成效：学习主动性明显增强。目前，该问题已整改完成。', '反馈问题：党费收缴不规范。', '整改情况：一是补缴党费。', '三、下一步工作打算继续巩固整改成果。',
    ]);
  });

  it('leaves a signal word inside a sentence and an ordinary paragraph alone', () => {
    const para = '镇党委对巡察指出：的问题逐项整改，巡察发现问题已整改完成。';
    expect(splitRunOn([para])).toEqual([para]);
  });
});

describe('a status in brackets between two problems of a run-on or re-wrapped copy', () => {
  const opening = '中共某某县某某局党组关于巡察整改进展情况的通报根据县委统一部署，县委第一巡察组于2024年3月至4月对某某局党组开展了常规巡察，并向局党组反馈了巡察意见。';
  it('closes the problem before it where the first problem has none before it, the text after it a line of its own', () => {
    const line = `${opening}一、关于理论学习不够深入的问题（一）修订学习制度，每月开展集中学习1次。（二）开展专题研讨4次。（已完成）二、关于党费收缴不规范的问题（一）对2023年以来党费收缴情况开展清查。（二）建立党费收缴台账。（正在整改）下一步，局党组将持续巩固巡察整改成果。欢迎广大干部群众监督。`;
    expect(splitRunOn([line]).slice(2)).toEqual(['一、关于理论学习不够深入的问题', '（一）修订学习制度，每月开展集中学习1次。', '（二）开展专题研讨4次。（已完成）', '二、关于党费收缴不规范的问题',
      '（一）对2023年以来党费收缴情况开展清查。', '（二）建立党费收缴台账。（正在整改）', '下一步，局党组将持续巩固巡察整改成果。', '欢迎广大干部群众监督。']);
  });

  it('heads the problem after it where the first problem has one before it too', () => {
    const line = `${opening}一、整改工作开展情况局党组召开专题会议3次。二、巡察反馈问题整改情况【已完成】1.关于理论学习不够深入的问题。整改情况：一是修订学习制度，每月开展集中学习1次；二是开展专题研讨4次。【正在整改】2.关于党费收缴不规范的问题。整改情况：一是对2023年以来党费收缴情况开展清查；二是建立党费收缴台账。三、下一步工作打算持续巩固巡察整改成果。`;
    const lines = splitRunOn([line]);
    expect(lines).toContain('【已完成】1.关于理论学习不够深入的问题。');
    expect(lines).toContain('【正在整改】2.关于党费收缴不规范的问题。');
  });

  it('ends its paragraph in a hard-wrapped text, as a stop does', () => {
    const body = Array.from({ length: 10 }, (_, k) => `（${'一二三四五六七八九十'[k]}）建立信息发布审核制度，落实专人审核把关，每月通报一次审核情况并`);
    // (the status line a character short of the width, as a wrap leaves a line it did not break)
    const closed = `（十一）${'落实专人审核把关工作'.padEnd(body[0]!.length - 11, '并')}。（已完成）`;
    expect(closed.length).toBe(body[0]!.length - 1);
    const lines = [...body, closed, '下一步，局党组将持续巩固巡察整改成果。'];
    expect(unwrapHardBreaks(lines).slice(-2)).toEqual([closed, '下一步，局党组将持续巩固巡察整改成果。']);
    // (without the status the line goes on: a wrap may fall anywhere in a sentence)
    expect(unwrapHardBreaks([...body, closed.replace('。（已完成）', '工作情况并且'), '下一步'])).toHaveLength(11);
  });
});

// every text fixture whose categories are （一）X方面 lines, those lines printed 【X方面】 or ■ X方面 with no number
const NOT_APPLICABLE: Record<string, string> = {
  // their category lines are rows of a table pasted as text: a bracketed row is the table's, read by its reader
  'pipe-lines-2024': 'a table pasted as text',
  'spaced-table-2024': 'a table pasted as text',
};
const CATEGORY_LINE = /^[ \t\u3000]*[（(]([一二三四五六七八九十]{1,3})[）)][ \t]*([^\n。；]{2,60}方面[^\n。；]{0,20}?)[：:。]?[ \t]*$/gm;
const REWRITES: Record<string, (t: string) => string> = {
  '【X方面】': (t) => t.replace(CATEGORY_LINE, '【$2】'),
  '■ X方面': (t) => t.replace(CATEGORY_LINE, '■ $2'),
};

describe('fixtures whose numbered category lines are printed with a mark instead', () => {
  const bases = readdirSync(FIXTURES).filter((f) => existsSync(join(FIXTURES, f, 'bulletin.txt')) && !NOT_APPLICABLE[f]);
  let applicable = 0;
  for (const base of bases) {
    const text = readFileSync(join(FIXTURES, base, 'bulletin.txt'), 'utf8').replace(/\r\n/g, '\n');
    const expected = JSON.parse(readFileSync(join(FIXTURES, base, 'expected.json'), 'utf8'));
    if (!expected.categories?.length || REWRITES['【X方面】']!(text) === text) continue;
    applicable++;
    for (const [name, f] of Object.entries(REWRITES)) {
      it(`${base}: categories as ${name}`, async () => {
        const rec = await extractBytes(new TextEncoder().encode(f(text)), `${base}-marked.txt`);
        const diff = compareRecord(expected, rec).filter((m) => !m.known);
        if (diff.length) throw new Error(formatDiff(`${base} (${name})`, diff));
      }, 30_000);
    }
  }
  it('finds the fixtures to rewrite', () => expect(applicable).toBeGreaterThanOrEqual(40));
});
