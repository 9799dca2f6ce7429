// Generality: the same bulletin reworded or reformatted must give the same record.
import { describe, it, afterAll } from 'vitest';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { extractBytes } from '../stages/extract.js';
import { compareRecord, formatDiff } from './golden.js';
import { FIXTURES } from './fixtures.js';
import { VARIANTS, NOISY, MEASURE_STYLES, toTraditional } from './variants.js';

// every fixture with a text version
const BASES = readdirSync(FIXTURES).filter((f) => existsSync(join(FIXTURES, f, 'bulletin.txt')) && existsSync(join(FIXTURES, f, 'expected.json')));
// variants that do not make sense for a fixture (with why): not gaps of the pipeline
const NOT_APPLICABLE: Record<string, string[]> = {
  // a PDF's text layer wrapped at 35 columns: its own wraps break numbers and words at line ends (1286.4 as 12-⏎86.4,
  // In-⏎SAR); rewriting a line-start 1. as 1、, widening its punctuation or rewrapping it at 33 moves those breaks where no
  // wrap rule can see them (86.4 becomes 86、4, the phone loses its wrap)
  'pdf-columns-2023': ['half-width punctuation', 'numbering 1、', 'numbering （1）', 'numbering 1）', 'full-width point 1．', 'hard-wrapped at 33 characters', 'line breaks lost', 'measures numbered （1）（2） in the paragraph', 'measures numbered 第一，第二，', 'measures worded 首先，其次，最后，'],
  // a tab-separated ledger: wrapping its rows at 33 or running them together breaks the rows (as for measure-table)
  'ledger-appendix-2024': ['hard-wrapped at 33 characters', 'line breaks lost'],
  // its problems are themselves a series (巡视指出：一是X；二是Y), answered 对第一个问题，一是…: renumbering every 一是 as
  // ① or 第一， renumbers the problems as well as the measures, a different document
  'series-problems-2023': ['measures numbered ①②', 'measures numbered 第一，第二，', 'measures worded 首先，其次，最后，'],
  // a decimal outline (1.1, 1.1.1): printing its 1. as 1、 or （1） turns 1.1 into 1、1 / （1）1, no outline at all
  'decimal-outline-2023': ['numbering 1、', 'numbering （1）', 'numbering 1）'],
  // its measures are numbered （1）（2） on lines of their own under problems 1.: numbering the problems （1） too erases the nesting
  'common-individual-2024': ['numbering （1）'],
  // tables of measures whose rows are lines of pipes: wrapping the lines or running them together breaks the rows
  'measure-table-2022': ['hard-wrapped at 33 characters', 'line breaks lost'],
  // its problems are the 一是/二是 items themselves: numbering them otherwise makes them measures
  // a PDF copy hard-wrapped at its page width: rewording a label or a marker inside a wrapped line
  // changes that line's length, and the wrap no longer reads as one width
  'pdf-long-2024': ['measures label 整改进展情况', 'measures numbered ①②', 'measures numbered 第一，第二，', 'measures label 整改措施及成效', 'measures worded 首先，其次，最后，'],
  'town-lists-2024': ['measures numbered （1）（2） in the paragraph', 'measures numbered ①②', 'measures numbered 第一，第二，', 'measures worded 首先，其次，最后，'],
  'yishi-problems-2022': ['measures numbered （1）（2） in the paragraph', 'measures numbered ①②', 'measures numbered 第一，第二，', 'measures worded 首先，其次，最后，'],
  // a table laid out in columns of spaces: wrapping its lines, losing its line breaks or indenting them with
  // full-width spaces moves its columns (the layout is the table)
  'spaced-table-2024': ['hard-wrapped at 33 characters', 'line breaks lost', 'CRLF and full-width indents'],
  // a table drawn in boxes is its lines: wrapped again or run together, no row is left
  'box-table-2024': ['hard-wrapped at 33 characters', 'line breaks lost'],
  'grid-table-2023': ['hard-wrapped at 33 characters', 'line breaks lost'],
  // OCR text: its numbers are damaged as a scan's are (l., I0.); a variant that rewrites the numbering by its form finds other forms, and its own hard wraps at 28 with a wrap at 33 read as none
  'ocr-noise-2023': ['numbering 1、', 'numbering （1）', 'numbering 1）', 'full-width point 1．', 'measures numbered ①②', 'line breaks lost'],
  // its totals are a table of figures: run together, the table's two rows are no rows
  'totals-table-2024': ['line breaks lost'],
  // its statuses are in a table after the signature: run together, the table's rows are no rows
  'status-table-after-2022': ['line breaks lost'],
  // their problems are already （1） under groups 1.: renumbering the groups （1） too erases the nesting
  'minzhengju-nested-2023': ['numbering （1）'],
  'henan-renminyiyuan-2023': ['numbering （1）'],
  // its unnumbered problems are known by the 整改情况： label that follows each: without the
  // label (or the line breaks) a problem sentence and its measures paragraph cannot be told apart
  // unnumbered problems (known by the label after them) and unnumbered unit lines: with the
  // line breaks lost nothing in the text marks where they start
  'baokang-xianwei-2023': ['no measures label', 'line breaks lost'],
  'xigong-round3-2023': ['line breaks lost'],
  // YAML front matter is front matter only on lines of its own
  'xuhui-jiaoyuju-2024': ['line breaks lost'],
  'xuhui-jiaoyuju-2024-reworded2': ['line breaks lost'],
  // already a PDF's hard-wrapped text layer: wrapping it again at another width is no copy anyone makes
  'xinxiang-shuili-2024': ['hard-wrapped at 33 characters'],
  // an OCR page's text wrapped at 20 characters: its lines start inside sentences and numbers (81.82% ; at a line's
  // start), so rewriting a line-start 1. rewrites those (81、82%); wrapping it again at 33 or running it together is no
  // copy anyone makes of it (as for ocr-noise-2023 and xinxiang-shuili-2024)
  'ocr-spaced-lines-2024': ['numbering 1、', 'numbering （1）', 'numbering 1）', 'full-width point 1．', 'hard-wrapped at 33 characters', 'line breaks lost'],
  // the same, and rewording a label inside a line already wrapped at the page's width gives lines of
  // widths no PDF has, which the unwrapping reads as paragraph ends
  'pdf-noise-2023': ['hard-wrapped at 33 characters', 'measures label 整改进展情况', 'measures label 整改措施及成效', 'no measures label', 'measures numbered （1）（2） in the paragraph', 'measures numbered 第一，第二，', 'measures worded 首先，其次，最后，'],
  // a table pasted as text is its lines: one row a line (wrapped or run together, it is no table)
  'tables-markdown-2023': ['hard-wrapped at 33 characters', 'line breaks lost'],
  'tables-tsv-2024': ['hard-wrapped at 33 characters', 'line breaks lost'],
  // a ledger copied from a PDF with each table cell on its own line: run together, no cell boundary is left
  'cell-lines-ledger-2023': ['line breaks lost'],
};

/**
 * Known gaps, marked and never deleted: the variant is expected to fail (it.fails) until the
 * pipeline reads it, and then this test fails and the gap is taken off the list.
 */
const KNOWN_GAPS: Record<string, Record<string, string>> = {
  // problems told by their words alone (a sentence ending 的问题 before its 一是, a quoted title, 问题（N）answers): run
  // together with no line breaks, nothing cuts the text before them
  'soe-branch-2023': {
    'line breaks lost': 'lead sentences …的问题。 with no number are not cut out of a run-on line: no problems but the first',
    'hard-wrapped at 33 characters': 'a lead sentence wrapped over two lines no longer reads as one sentence naming a problem',
  },
  'xinye-kexie-2024-rewritten': { 'line breaks lost': 'the 经整改 result said before the measures runs into the next problem\'s heading' },
  'quoted-problems-2024-rewritten': { 'line breaks lost': 'results said before the measures and 第一，… lines run together: measures split at the wrong places' },
  'town-lists-2024-rewritten': { 'line breaks lost': 'already a known gap on its own lines (问题（N）answers); run together, nothing of its structure is left' },
  'village-notice-2024': { 'line breaks lost': 'the notice-board header and 问题N：…整改情况：… lines run together: the title and some problems are lost' },
  // run together with no line breaks, these layouts lose the headings a run-on line is cut at: the heading forms
  // are not numbered like 一、/（一）/1. (Ⅰ、 rewritten only at a line's start, 第一部分 with no colon, 一、<unit> in a digest,
  // 第1个问题 without a colon, 问：/答：, a status in brackets before the number), so the categories or problems run into each other
  'hyphen-numbers-2023': { 'line breaks lost': 'Ⅰ、 is rewritten to 一、 only at a line\'s start: run together, the categories are not cut' },
  'county-hospital-2022': {
    'line breaks lost': '第一部分　X方面 with no colon and 问题一： headings are not cut out of a run-on line: no categories',
    'hard-wrapped at 33 characters': 'a 第N部分 heading wrapped onto the line before reads as part of a problem: one category lost',
  },
  'ocr-spaced-lines-2024': { 'half-width punctuation': 'a full-width mark is two columns of the width its 20-character wrap is measured by: with every mark half-width the lines are narrower, and a wrapped category heading (…决策 ⏎ 部署方面) and numbers cut from their measure words (68 ⏎ 项) are no longer joined' },
  'quoted-findings-grouped-2024': { 'line breaks lost': 'quoted findings (“1.X。“2.Y。”) and answers 针对第1、2个问题 are not cut out of a run-on line: answers and statuses go to the wrong problems' },
  'digest-three-units-2024': { 'line breaks lost': 'the 一、<unit> headings run into the round\'s sentence: no unit categories, the units\' money added to the round\'s' },
  'numbered-q-and-a-2022': { 'line breaks lost': '第1个问题 with no colon after the category\'s title is not cut: the categories run into the first problem' },
  'interim-report-2024': { 'line breaks lost': 'a 整改进展： paragraph of two problems is cut at the wrong （N）: two problems lose their measures' },
  'combined-answer-2024': { 'line breaks lost': 'the category titles run into 主要问题：: titles keep 方面主要, and the per-category rolls are read as the document\'s' },
  'press-qa-2023': {
    'line breaks lost': 'the title runs into 来源：… and the first question: no title, issuer or unit',
    'measures numbered （1）（2） in the paragraph': 'the last answer\'s problem keeps a next-steps measure numbered （1）（2） like its own',
    'measures numbered ①②': 'the last answer\'s problem keeps a next-steps measure numbered ①② like its own',
    'measures numbered 第一，第二，': 'its problems are 一是针对… items: numbered 第一，… they read as measures, two problems lost',
  },
  'letter-items-2024': { 'hard-wrapped at 33 characters': 'a problem line wrapped right before its （已完成） leaves the status alone on a line, read as the problem' },
  'sub-problems-2023': { 'no measures label': 'without 整改情况： nothing tells the sub-problems 1.2.3. from the 一是 measures after them: they are read as measures' },
  // the rewordings number their measures （一）（二）（三） inside the paragraph: once the lines are wrapped or run
  // together, a measure's （二） at a line's start reads as a category heading (the same marks number categories)
  'nanyang-ligong-2024-reworded': {
    'hard-wrapped at 33 characters': 'a measure\'s （二） wrapped to a line\'s start reads as a category: 4 categories, a problem loses a measure',
    'line breaks lost': 'measures numbered （一）（二） in a run-on line are cut as categories',
  },
  'xuchang-jiaotong-2024-reworded': { 'line breaks lost': 'measures numbered （一）（二） in a run-on line are cut as categories' },
  'yuehe-town-2024-reworded': { 'line breaks lost': 'measures numbered （一）（二） in a run-on line are cut as headings: the categories are lost' },
  'pdf-long-2024': {
    'hard-wrapped at 33 characters': 'wrapped again at 33 over its own width: the two widths together read as none, the phone number and the completion rate stay broken',
    'line breaks lost': 'the running header (…巡察整改专栏) that stood on a line of its own runs into a problem\'s words',
  },
  'bracket-ledger-2023': { 'hard-wrapped at 33 characters': 'a one-line ledger wrapped and joined again: the fields after 【整改措施】 are not cut apart, measures stay one' },
  'list-items-2022': { 'line breaks lost': 'categories and 问题清单第N项 run together: category titles take the first problem, money is counted twice' },
  'town-lists-2024': {
    'hard-wrapped at 33 characters': 'a wrapped answer line (针对问题N，…) joined to the line before it is not cut again: problems 9 and 10 lose their measures and status',
    'line breaks lost': 'the categories and their 存在问题： lists run together: 4 problems of 11 found',
  },
  'mixed-marks-2024': { 'line breaks lost': 'categories numbered 一） and problems (1) run together: the run-on split knows neither, 1 category of 3 found' },
  'two-rounds-2023': { 'line breaks lost': 'a part title runs on into its lead: the category title takes the lead sentence with it' },
  'two-rounds-2023-reworded2': { 'line breaks lost': 'as two-rounds-2023: a part title runs on into its lead' },
  'yishi-problems-2022': { 'line breaks lost': 'the categories （一）关于…方面 run on with the problems named after them: categories are not found' },
  'common-individual-2024': { 'line breaks lost': 'the sentence giving the statuses by number runs on with the last problem: the statuses it gives are not read' },
  'five-fields-2023': { 'line breaks lost': 'the conclusion (院党委将以此次巡察整改为契机…) runs on with the last problem: its counts go to that problem' },
  'no-totals-village-2023': { 'line breaks lost': 'a short bulletin with no opening sentence the run-on split knows: title, issuer and unit are not read' },
  'inline-status-2024': { 'line breaks lost': 'a run-on line is not split before 1）…【已完成】 problems: categories and problems are not found' },
  'multi-per-paragraph-2022': {
    'hard-wrapped at 33 characters': 'the second problem named in a paragraph (。针对X的问题，) stays in the first one\'s outcome once the paragraph was wrapped and rejoined',
    'line breaks lost': 'the whole text on one line: categories are not found and the problems run together',
  },
  'wechat-emoji-2024': {
    'hard-wrapped at 33 characters': 'an e-mail address broken at the width loses its first part; the declared measures and some measures are misread',
    'line breaks lost': 'the title and the opening run together with the WeChat chrome: title, issuer and unit are not read',
  },
  'tiao-labels-2024': { 'line breaks lost': 'a run-on line is not split before 第N条 and its labels (巡察指出：…): categories and problems are not found' },
  'zhendui-paragraphs-2023': {
    'hard-wrapped at 33 characters': 'some 针对…的问题， paragraphs are joined onto the paragraph before them: problems shift by one',
    'line breaks lost': 'a run-on line is not split before 针对“X”问题，: categories and problems are not found',
  },
  'decimal-outline-2023': { 'line breaks lost': 'a run-on line is not split before 1.1 / 1.1.1 (the run-on numbering knows 1. and （1）, not decimal outlines)' },
  'runon-web-2024': {
    'hard-wrapped at 33 characters': 'its body is already run-on paragraphs: hard-wrapped too, a wrapped line that ends at the width swallows the next problem (4.…) before the run-on split sees it',
    'line breaks lost': 'the opening runs on into the page chrome and the body: the inspection, feedback and as-of dates are not read',
  },
  'sub-bullets-2022': {
    'hard-wrapped at 33 characters': 'a one-sentence status line (目前正在持续推进。) after a line that fills the width is joined to the last measure',
    'line breaks lost': 'measures marked ● run together with the problem and status sentences: 7 of 11 problems get the wrong number of measures',
  },
  'central-narrative-2022': { 'line breaks lost': 'problems 1.关于“X”问题。 run into the narrative measures: categories and problems found, some measures merged' },
  'field-blocks-2023': { 'line breaks lost': 'unnumbered field blocks (问题描述：…整改措施：…) run together: the problem label is not split off after a status value' },
  'spaced-numbering-2023': {
    'hard-wrapped at 33 characters': 'wrapped again at 33 over its own PDF width (about 35): the two widths together read as none, the opening\'s dates stay broken',
    'line breaks lost': 'numbering with spaces inside it (（ 一 ）, 1 . ) is not cut out of a run-on line: no categories',
  },
  'leader-groups-2024': {
    'hard-wrapped at 33 characters': 'a wrap that lands at a measure\'s 。 joins the progress note after it (目前，…正在推进中) to the measure',
    'line breaks lost': 'the group headings (一、由X牵头整改的问题（共N个）) run together with their problems: no categories',
  },
  // copies of web pages whose problems are told by their lines (问题N：X, N.X问题。 under （一）关于…): run together or wrapped, they are not cut again
  'guangdong-town-site-2022': { 'line breaks lost': 'problems 问题N：X with 整改措施：/整改情况： run together: the labels are not cut out of one line' },
  'sichuan-county-site-2024': { 'line breaks lost': 'bare N.X问题。 lines run together with their 整改措施及成效： paragraphs: problems lost' },
  'zhejiang-district-site-2023': {
    'hard-wrapped at 33 characters': 'a problem line （N）X。Y。 wrapped: its second sentence joined to the 整改措施： line and read as a measure',
    'line breaks lost': 'the 1.–4. measure lines and 整改状态： lines run together with the （N） problems: measures cut wrongly',
  },
  'four-levels-2023': { 'numbering （1）': 'its problems are already （1） under 1. themes: rewritten, the themes and the problems share one numbering' },
  'immediate-vs-longterm-2024': { 'line breaks lost': 'the 一、立行立改… group headings run into their problems: the groups are lost' },
  'paragraph-problems-2022': {
    'hard-wrapped at 33 characters': 'a wrap inside 巡察反馈的“X”问题， leaves the opener unread: the paragraph is no problem',
    'line breaks lost': 'paragraphs that open 巡察反馈的“X”问题， run together: only those after 。 are cut',
  },
  'rectification-report-2023': { 'line breaks lost': 'problems numbered 一、…十二、 at the top level run together with their 整改情况：/整改进度： lines: the top-level numbering is not cut out of one line' },
  'central-ministry-amounts-2022': {
    'hard-wrapped at 33 characters': 'a 巡视指出，X。 paragraph wrapped inside its first sentence is not read back as one: problems lost',
    'line breaks lost': 'the 巡视指出，X。 paragraphs run together with the part headings: the parts are not cut',
  },
  'inline-brackets-2022': {
    'hard-wrapped at 33 characters': 'a problem\'s one paragraph of 【】 fields wrapped: a label cut by a wrap is not read back',
    'line breaks lost': 'problems of 【】 fields run together with the 【第N方面】 lines: categories lost',
  },
  'bracket-numbers-2024': { 'line breaks lost': 'problems numbered 〔N〕 are not cut out of a run-on line' },
  'inline-fields-2023': { 'line breaks lost': 'one-line problems of fields run together: the fields of one problem run into the next' },
  'ordinal-problems-2022': {
    'no measures label': 'its problems are told only by the 整改情况： after them (第一，/其一，/首先， also start measures): without the label none is found',
    'line breaks lost': 'problems told only by the 整改情况： after them run together: nothing cuts the text before 第一，/其一，',
  },
  'field-blocks-2023-reworded2': { 'line breaks lost': 'as field-blocks-2023: unnumbered field blocks (存在问题：…整改举措：…) run together are not cut apart' },
  'oneline-problems-2024': {
    'line breaks lost': 'one-line problems have no marker: with the line breaks lost nothing in the text says where a problem starts',
    'hard-wrapped at 33 characters': 'a one-line problem of about the wrap width is joined to the measures paragraph after it',
  },
  'pdf-noise-2023': { 'line breaks lost': 'page headers and numbers inside sentences once the lines are joined' },
  'problem-n-labels-2024': { 'line breaks lost': 'a 第N部分：X方面 heading is not split off a run-on line (第八项问题： labels now are)' },
  'round-units-2024': { 'line breaks lost': 'a unit heading （一）区教育局 runs into its count sentence' },
  'by-lead-department-2024': { 'numbering （1）': 'the problems renumbered （1） sit at the level of its measures （1）（2）: the problems and their measures are one level' },
  'county-template-2024': { 'line breaks lost': 'the closing plan runs into the last problem, whose 长期坚持 plan then reads as its status' },
  'municipal-template-2023': {
    'line breaks lost': 'unnumbered problems under an unnumbered-line category: run together, nothing marks where a category title ends',
    'measures numbered 第一，第二，': 'a measure numbered 第二， as a paragraph of its own after a 一是-less first: read as a problem lead',
  },
  'central-long-2022': {
    'traditional-script mirror': 'the mirror writes 覆盖 as 覆蓋, which simplification reads back as 复盖 (覆 is also a traditional form of 复): a word the converter cannot tell',
    'line breaks lost': 'unnumbered theme paragraphs under its categories run into the next numbered point: the categories are cut at other sentences',
  },
  'star-bullets-2022': {
    'hard-wrapped at 33 characters': 'problems marked ★/◆ with no number: a wrapped problem line is joined to the measure lines after it',
    'line breaks lost': 'problems marked ★ and measures marked → run together: no number tells a problem from a measure',
  },
  'title-matched-answers-2023': { 'line breaks lost': 'as the text itself: answers headed by the problem\'s quoted title are not matched to it (fixture gap)' },
  'type-label-lines-2024': { 'line breaks lost': 'label lines (问题类型：X) run into the problem after them: the categories are read as problems\' words' },
  'inline-category-2022': { 'line breaks lost': 'as the text itself: the category label after a problem number ([政治建设]) is read as problem text (fixture gap)' },
  'pipe-lines-2024': {
    'hard-wrapped at 33 characters': 'as the text itself: a bare number and a bar (3｜…) is not read as a problem row (fixture gap)',
    'line breaks lost': 'as the text itself: a bare number and a bar (3｜…) is not read as a problem row (fixture gap)',
  },
  'problem-codes-2024': {
    'hard-wrapped at 33 characters': 'as the text itself: a code on its own line ([XC2024-01-02], 问题编号：SJ-07) does not start a problem (fixture gap)',
    'line breaks lost': 'as the text itself: a code on its own line does not start a problem (fixture gap)',
  },
  'roman-outline-2022': { 'line breaks lost': 'ASCII Roman (i) and letters A. are read at the head of a line only: run together, nothing marks a problem' },
  'toc-report-2023': { 'line breaks lost': 'as the text itself: the table of contents is read as the outline (fixture gap)' },
};

/**
 * Variants that erase a boundary no reader can recover: with the line breaks lost, where an
 * outcome ends and a follow-up note begins (通过整改，…。目前此项工作…) is not in the text. The
 * structure (problems, their measure count, status, categories, totals, metadata) is compared;
 * the text of outcomes and measures is not.
 */
const BOUNDARIES_LOST = new Set(['line breaks lost']);
const recoverable = (name: string) => (m: { path: string }) => !BOUNDARIES_LOST.has(name) || !/\.outcome$|\.measures\[\d+\]$/.test(m.path);

/** Variants that change nothing in a fixture test nothing: they are reported once and dropped. */
const unchanged: string[] = [];

describe('variants of the fixtures', () => {
  afterAll(() => {
    if (unchanged.length) console.info(`variants that change nothing, dropped (${unchanged.length}):\n  ${unchanged.join('\n  ')}`);
  });
  for (const base of BASES) {
    const text = readFileSync(join(FIXTURES, base, 'bulletin.txt'), 'utf8').replace(/\r\n/g, '\n');
    const expected = JSON.parse(readFileSync(join(FIXTURES, base, 'expected.json'), 'utf8'));
    const tradGap = KNOWN_GAPS[base]?.['traditional-script mirror'];
    (tradGap ? it.fails : it)(`${base}: traditional-script mirror${tradGap ? ` (known gap: ${tradGap})` : ''}`, async () => {
      const rec = await extractBytes(new TextEncoder().encode(await toTraditional(text)), `${base}-tw.txt`);
      const diff = compareRecord(expected, rec).filter((m) => !m.known);
      if (diff.length) throw new Error(formatDiff(`${base} (traditional)`, diff));
    });
    for (const [name, f] of Object.entries({ ...VARIANTS, ...NOISY, ...MEASURE_STYLES })) {
      if (NOT_APPLICABLE[base]?.includes(name)) continue;
      if (f(text) === text) { unchanged.push(`${base}: ${name}`); continue; }
      const gap = KNOWN_GAPS[base]?.[name];
      (gap ? it.fails : it)(`${base}: ${name}${gap ? ` (known gap: ${gap})` : ''}`, async () => {
        const rec = await extractBytes(new TextEncoder().encode(f(text)), `${base}-variant.txt`);
        const diff = compareRecord(expected, rec).filter((m) => !m.known).filter(recoverable(name));
        if (diff.length) throw new Error(formatDiff(`${base} (${name})`, diff));
      });
    }
  }
});
