// The typed document (core/blocks.ts): every reader says what it saw (headings, bold
// paragraphs, list items, tables, page headers, front matter), the blocks are placed on the
// normalized text, and segmentation reads headings the text does not number from them.
//
// The bulletin below is the seed's, with its problems' numbering and 关于“…”问题 wrapping taken
// off and its measures' 整改情况： labels removed: the problems are told from their measures only
// by how they are set (bold, a heading style, <h4>). Each format must read it as the seed reads.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractBytes, extractBytesDoc } from '../stages/extract.js';
import { alignBlocks, textBlocks, BlockSchema } from '../core/blocks.js';
import { linesToDocument, type Line } from '../readers/pdf.js';
import { normalize } from '../stages/normalize/normalize.js';
import { paragraphsOf } from '../core/doc.js';
import { makeDocx } from './make-docx.js';
import { FIXTURES } from './fixtures.js';

const seedDir = join(FIXTURES, 'xinye-kexie-2024');
const seed = readFileSync(join(seedDir, 'bulletin.txt'), 'utf8');
const expected = JSON.parse(readFileSync(join(seedDir, 'expected.json'), 'utf8'));

/** The seed's lines, each problem line marked as a set-apart block (`mark`), its measures unlabelled. */
function restyled(mark: (problem: string) => string): string {
  let inProblems = false;
  return seed.split('\n').map((l) => {
    if (/^二、/.test(l)) inProblems = true;
    if (/^三、/.test(l)) inProblems = false;
    if (!inProblems) return l;
    const m = /^\d+\.关于“(.*)”(?:的)?问题。?\s*$/.exec(l);
    if (m) return mark(m[1]!);
    if (/^\d+\.关于/.test(l)) return mark(l.replace(/^\d+\.关于/, ''));
    return l.replace(/^整改情况：/, '');
  }).join('\n');
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const html = (inner: (line: string) => string) => `<html><head><meta charset="utf-8"><title>x</title></head><body><div id="zoom">${restyled((p) => `\u0000${p}`).split('\n').map((l) => (l.startsWith('\u0000') ? inner(esc(l.slice(1))) : `<p>${esc(l)}</p>`)).join('\n')}</div></body></html>`;

const inputs: Array<[string, string, Uint8Array]> = [
  ['Markdown **bold** lines', 'b.md', new TextEncoder().encode(restyled((p) => `**${p}**`))],
  ['HTML <p><strong>', 'b.html', new TextEncoder().encode(html((p) => `<p><strong>${p}</strong></p>`))],
  ['HTML <h4>', 'h.html', new TextEncoder().encode(html((p) => `<h4>${p}</h4>`))],
  ['Word bold runs', 'b.docx', makeDocx(restyled((p) => `**${p}**`))],
  ['Word heading style 标题 3', 'h.docx', makeDocx(restyled((p) => `### ${p}`))],
];

describe('problems set apart only by how they look', () => {
  for (const [name, file, bytes] of inputs) {
    it(`${name}: every problem, its text, measures and status as the seed's`, async () => {
      const rec = await extractBytes(bytes, file);
      expect(rec.issues.length).toBe(expected.issues.length);
      rec.issues.forEach((got, k) => {
        const want = expected.issues[k];
        expect.soft(got.problem, `problem ${k + 1}`).toBe(want.problem);
        // (the seed's two hard-wrapped measure series keep a ； the unwrapped lines here do not)
        const bare = (ms: string[]) => ms.map((m) => m.replace(/[；;]$/, ''));
        expect.soft(bare(got.measures), `measures of ${k + 1}`).toEqual(bare(want.measures));
        expect.soft(got.status, `status of ${k + 1}`).toBe(want.status);
        expect.soft(got.category, `category of ${k + 1}`).toBe(want.category);
      });
      expect(rec.summary.problems).toBe(expected.summary.problems);
      expect(rec.warnings.map((w) => w.code)).not.toContain('declared_total_mismatch');
    });
  }

  it('the same text with nothing set apart does not read so (the structure came from the reader)', async () => {
    const plain = restyled((p) => p);
    const rec = await extractBytes(new TextEncoder().encode(plain), 'plain.txt');
    const right = rec.issues.filter((g, k) => expected.issues[k] && g.problem === expected.issues[k].problem).length;
    expect(right).toBeLessThan(expected.issues.length);
  });
});

describe('the typed document', () => {
  it('places each block on the normalized text: its span slices to its paragraph, every paragraph in one block', async () => {
    for (const [, file, bytes] of inputs) {
      const doc = await extractBytesDoc(bytes, file);
      for (const b of doc.blocks) {
        expect(BlockSchema.safeParse(b).success).toBe(true);
        if (!b.span) continue;
        const [first, last] = b.paras!;
        expect(b.span).toEqual([doc.paragraphs[first]!.start, doc.paragraphs[last]!.end]);
      }
      const covered = doc.blocks.filter((b) => b.paras).flatMap((b) => { const out: number[] = []; for (let i = b.paras![0]; i <= b.paras![1]; i++) out.push(i); return out; });
      expect(covered).toEqual(doc.paragraphs.map((_, i) => i));
      const marked = doc.blocks.filter((b) => b.kind === 'heading' || b.emphasis);
      expect(marked.length).toBeGreaterThanOrEqual(31);
      for (const b of marked) expect(doc.text.slice(b.span![0], b.span![1]).replace(/\s/g, '')).toBe(normalize(b.text).replace(/\s/g, ''));
    }
  });

  it('reads Word heading levels from the style name, and list items with their numbering', async () => {
    const doc = await extractBytesDoc(makeDocx('关于巡察整改情况的通报\n## 第一部分\n1.第一项\n2.第二项\n**加粗的一段**\n普通的一段，写完了。'), 'x.docx');
    const kinds = doc.blocks.map((b) => [b.kind, b.level ?? b.depth ?? null, b.emphasis ?? false, b.numbering ?? null]);
    expect(kinds).toEqual([
      ['paragraph', null, false, null],
      ['heading', 2, false, null],
      ['list_item', 0, false, '1.'],
      ['list_item', 0, false, '2.'],
      ['paragraph', null, true, null],
      ['paragraph', null, false, null],
    ]);
  });

  it('reads HTML headings, list items, tables (rows and header rows) and the page fields', async () => {
    const page = `<html><head><meta charset="utf-8"><meta name="ArticleTitle" content="关于巡察整改情况的通报"></head><body>
      <div id="zoom"><h2>一、组织整改情况</h2><p>县委高度重视巡察整改工作，成立领导小组，召开专题会议研究部署整改工作。对照巡察反馈的问题，逐条制定整改措施，明确责任领导、责任单位和完成时限，建立整改台账，实行销号管理，确保件件有着落、事事有回音，整改工作取得了阶段性成效。</p>
      <ul><li>制定整改方案</li><li>建立整改台账</li></ul>
      <table><tr><th>序号</th><th>问题</th><th>整改措施</th></tr><tr><td>1</td><td>党费收缴不规范</td><td>补缴党费</td></tr></table>
      <p><b>二、问题整改情况</b></p></div></body></html>`;
    const doc = await extractBytesDoc(new TextEncoder().encode(page), 'x.html');
    const seen = doc.blocks.filter((b) => b.kind !== 'paragraph' || b.emphasis);
    expect(seen.map((b) => b.kind)).toEqual(['front_matter', 'heading', 'list_item', 'list_item', 'table', 'paragraph']);
    expect(seen[0]!.fields).toMatchObject({ title: '关于巡察整改情况的通报' });
    expect(seen[0]!.span).toBeNull();
    expect(seen[1]!.level).toBe(2);
    const table = seen[4]!;
    expect(table.rows).toEqual([['序号', '问题', '整改措施'], ['1', '党费收缴不规范', '补缴党费']]);
    expect(table.header_rows).toBe(1);
    expect(table.span).not.toBeNull();
    expect(seen[5]!.emphasis).toBe(true);
  });

  it('reads a text file\'s Markdown headings, bold lines and YAML front matter', () => {
    const blocks = textBlocks('---\ntitle: 关于巡察整改情况的通报\ndate: 2024-05-16\n---\n# 标题\n正文一段。\n**加粗一行**\n**问题：**不是整行加粗\n### 三级标题');
    expect(blocks).toEqual([
      { kind: 'front_matter', text: 'title: 关于巡察整改情况的通报\ndate: 2024-05-16', fields: { title: '关于巡察整改情况的通报', date: '2024-05-16' } },
      { kind: 'heading', text: '标题', level: 1 },
      { kind: 'paragraph', text: '加粗一行', emphasis: true },
      { kind: 'heading', text: '三级标题', level: 3 },
    ]);
  });

  it('keeps PDF running headers and footers as blocks outside the text, and a larger font as a heading', () => {
    const line = (text: string, y: number, page: number, size = 12, x = 72): Line => ({ text, x, y, right: x + text.length * size, size, page });
    const pages: Line[][] = [0, 1, 2].map((p) => [
      line('某某县委巡察办', 800, p, 9),
      ...(p === 0 ? [line('一、组织整改情况', 700, p, 16)] : []),
      line(['县委巡察组反馈意见后，立即召开会议研究部署。', '建立整改台账，逐项明确责任人和时限。', '整改工作接受全县干部群众监督。'][p]!, 650, p),
      line(`— ${p + 1} —`, 40, p, 9),
      line('内部资料 注意保存', 30, p, 9),
    ]);
    const { text, blocks } = linesToDocument(pages);
    expect(text).not.toContain('某某县委巡察办');
    expect(text).not.toContain('内部资料');
    expect(blocks.filter((b) => b.kind === 'page_header').map((b) => [b.text, b.page])).toEqual([['某某县委巡察办', 1]]);
    expect(blocks.filter((b) => b.kind === 'page_footer').map((b) => b.text)).toEqual(['内部资料 注意保存']);
    expect(blocks.filter((b) => b.kind === 'heading').map((b) => [b.text, b.level])).toEqual([['一、组织整改情况', 1]]);
    // from OCR (no font sizes to trust): no headings
    expect(linesToDocument(pages, false).blocks.some((b) => b.kind === 'heading')).toBe(false);
  });

  it('a block the normalized text does not have keeps a null span; the order holds', () => {
    const text = '第一段文字。\n第二段文字。\n第三段文字。';
    const paras = paragraphsOf(text);
    const out = alignBlocks([
      { kind: 'heading', text: '第二段文字。', level: 2 },
      { kind: 'heading', text: '没有这一段', level: 2 },
      { kind: 'paragraph', text: '第三段文字。', emphasis: true },
    ], paras, (s) => normalize(s));
    expect(out.map((b) => [b.kind, b.paras])).toEqual([
      ['paragraph', [0, 0]], ['heading', [1, 1]], ['heading', null], ['paragraph', [2, 2]],
    ]);
  });
});
