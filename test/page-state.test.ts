// Pages whose article is not in the visible body: a single-page app's state in a script
// (readers/page-state.ts), and the text a page hides from the eye (readers/html-hidden.ts).
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractBytes } from '../stages/extract.js';
import { ZhenggaiError } from '../core/errors.js';
import { readHtml } from '../readers/html.js';
import { pageState } from '../readers/page-state.js';
import { hidingOf, hiddenClasses } from '../readers/html-hidden.js';
import { compareRecord } from './golden.js';
import { FIXTURES } from './fixtures.js';

const DIR = join(FIXTURES, 'html-spa-state-2024');
const page = readFileSync(join(DIR, 'bulletin.html'), 'utf8');
const expected = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8'));
// the fixture's own state: the article object the copies below write in other frameworks' ways
const state = JSON.parse(/window\.__INITIAL_STATE__=(\{.*?\});\(function/s.exec(page)![1]!);
const article = state.article as { title: string; source: string; publishTime: string; content: string };
const shell = (head: string, scripts: string) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>云上郧西</title>${head}</head><body><div id="app"></div><div class="ys-loading"><p>正在加载，请稍候…</p></div>${scripts}</body></html>`;
const enc = (s: string) => new TextEncoder().encode(s);
/** JSON as SSR frameworks write it into a script: < > / escaped so that nothing inside closes the script. */
const ssr = (v: unknown) => JSON.stringify(v).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/\//g, '\\u002F');
/** JSON with every character past ASCII escaped (PHP's json_encode, Python's json.dumps by default). */
const asciiJson = (v: unknown) => ssr(v).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
const codeOf = (f: () => unknown) => { try { f(); return 'ok'; } catch (e) { return e instanceof ZhenggaiError ? e.code : `not a ZhenggaiError: ${e}`; } };
// 2024-11-08 17:25 in China, as a Unix timestamp
const PUBLISHED = Date.UTC(2024, 10, 8, 9, 25) / 1000;

// The same article as other apps keep it: each copy must give the fixture's record.
const COPIES: Record<string, string> = {
  'Next.js __NEXT_DATA__': shell('', `<script id="__NEXT_DATA__" type="application/json">${ssr({ props: { pageProps: { detail: { ...article, recommend: [{ title: '另一篇', source: '县委巡察办' }] } } }, page: '/news/[id]', buildId: 'x1' })}</script>`),
  'Nuxt 2 window.__NUXT__ (a function called with the values)':
    shell('', `<script>window.__NUXT__=(function(a,b,c,d,e){return {layout:"default",data:[{info:{newsTitle:a,copyFrom:b,releaseTime:c,newsContent:d,hits:e}}],fetch:{},error:null,serverRendered:!0}}(${JSON.stringify(article.title)},${JSON.stringify(article.source)},${PUBLISHED * 1000},${JSON.stringify(article.content)},1532));</script>`),
  'Nuxt 3 __NUXT_DATA__ (devalue\'s flat payload)': shell('', `<script type="application/json" id="__NUXT_DATA__" data-ssr="true">${ssr([
    ['ShallowReactive', 1], { data: 2, state: 8 }, ['ShallowReactive', 3], { 'article-1': 4 }, { title: 5, publisher: 6, content: 7, pubDate: 9 },
    article.title, article.source, article.content, {}, article.publishTime])}</script>`),
  'window.__PRELOADED_STATE__ = JSON.parse("…")': shell('', `<script>window.__PRELOADED_STATE__ = JSON.parse(${JSON.stringify(JSON.stringify({ news: { detail: { ...article } } }))});</script>`),
  'window.__APOLLO_STATE__ with \\u escapes for every Chinese character': shell('', `<script>window.__APOLLO_STATE__=${asciiJson({ 'Article:6f2c': { __typename: 'Article', title: article.title, source: article.source, publishTime: article.publishTime, body: article.content } })};</script>`),
};

describe('a single-page app\'s page: the article in its state', () => {
  it('the fixture: title, publisher and date from the state, not the site\'s name', async () => {
    const read = readHtml(enc(page));
    expect(read.meta.title).toBe('中共郧西县上津镇委员会关于县委巡察整改进展情况的通报');
    expect(read.meta.publisher).toBe('中共郧西县上津镇委员会');
    expect(read.meta.published_date).toBe('2024-11-08');
    // the shell's words are no text of the article: the loading line, the footer, the recommended titles
    expect(read.text).not.toContain('正在加载');
    expect(read.text).not.toContain('郧西县召开十五届县委第四轮巡察反馈会议');
    expect(read.text.split('\n')[0]).toMatch(/^根据十五届县委第四轮巡察/);
  });
  for (const [name, html] of Object.entries(COPIES)) {
    it(`a copy in ${name} gives the fixture's record`, async () => {
      const rec = await extractBytes(enc(html), 'copy.html');
      expect(compareRecord(expected, rec)).toEqual([]);
    });
  }
  it('schema.org ld+json: articleBody as plain text, the publisher an Organization', () => {
    const text = ['巡察整改进展情况', ...article.content.split('\n').map((p) => p.replace(/<[^>]+>/g, ''))].join('\n');
    const ld = { '@context': 'https://schema.org', '@type': 'NewsArticle', headline: article.title, datePublished: '2024-11-08T17:25:00+08:00',
      publisher: { '@type': 'Organization', name: article.source }, articleBody: text };
    const read = readHtml(enc(shell(`<script type="application/ld+json">${JSON.stringify(ld)}</script>`, '')));
    expect(read.meta).toMatchObject({ title: article.title, publisher: article.source, published_date: '2024-11-08' });
    expect(read.text.split('\n')).toContain('1.学习贯彻习近平新时代中国特色社会主义思想不够深入，理论学习中心组学习研讨质量不高。');
    expect(read.text).not.toContain('<p');
  });
  it('a rich-text editor\'s JSON document (Draft.js blocks, ProseMirror content): its blocks are the paragraphs', async () => {
    const paras = article.content.split('\n').map((p) => p.replace(/<[^>]+>/g, ''));
    const draft = { blocks: paras.map((text, i) => ({ key: `k${i}`, text, type: 'unstyled', depth: 0, inlineStyleRanges: [] })), entityMap: {} };
    const prose = { type: 'doc', content: paras.map((p) => ({ type: 'paragraph', content: [{ type: 'text', text: p.slice(0, 20) }, { type: 'text', marks: [{ type: 'bold' }], text: p.slice(20) }] })) };
    for (const doc of [draft, prose]) {
      const html = shell('', `<script>window.__INITIAL_STATE__=${ssr({ recommend: [{ type: 'news', title: '另一篇', text: '推荐阅读的另一篇文章标题很长很长' }], article: { title: article.title, source: article.source, publishTime: article.publishTime, body: doc } })}</script>`);
      const read = readHtml(enc(html));
      expect(read.meta).toMatchObject({ title: article.title, publisher: article.source, published_date: '2024-11-08' });
      expect(read.text.split('\n')).toEqual(paras.map((p) => p.trim()));
      const rec = await extractBytes(enc(html), 'editor.html');
      expect(rec.issues.length).toBe(12);
    }
  });
  it('an HTML template kept in a <script type="text/template">', () => {
    const read = readHtml(enc(shell('', `<script type="text/template" id="tpl-detail">${article.content}</script>`)));
    expect(read.text).toContain('整改进度：序时推进。');
  });
  it('a page that shows its article is read from its body, whatever its scripts hold', () => {
    const other = '另一篇文章的内容，与本页无关。'.repeat(40);
    const html = `<html><head><meta charset="utf-8"></head><body><h1>${article.title}</h1><div id="zoom">${article.content}</div>
      <script>window.__INITIAL_STATE__=${ssr({ related: { title: '其他', content: `<p>${other}</p>` } })}</script></body></html>`;
    const read = readHtml(enc(html));
    expect(read.text).toContain('整改进度：序时推进。');
    expect(read.text).not.toContain('另一篇文章');
    expect(read.meta.title).toBe(article.title);
  });
  it('a teaser shown, the whole article in the state: the state is read', () => {
    const html = shell('', `<script>window.__INITIAL_STATE__=${ssr(state)}</script>`).replace('<div id="app"></div>', `<div id="app"><div class="summary"><p>${'巡察整改摘要。'.repeat(10)}</p></div></div>`);
    expect(readHtml(enc(html)).text).toContain('整改进度：序时推进。');
  });
  it('no article anywhere: html_no_body; a script that is no JavaScript is passed over, never a crash', () => {
    expect(codeOf(() => readHtml(enc(shell('', '<script>var x = {"a": 1};</script>'))))).toBe('html_no_body');
    expect(codeOf(() => readHtml(enc(shell('', `<script>window.__STATE__ = {"content": "${'巡察整改'.repeat(30)}" ,,, ]]</script>`))))).toBe('html_no_body');
    const deep = `${'['.repeat(5000)}"${'整改'.repeat(40)}"${']'.repeat(5000)}`;
    expect(['ok', 'html_no_body']).toContain(codeOf(() => readHtml(enc(shell('', `<script>window.__S__=${deep}</script>`)))));
    expect(codeOf(() => readHtml(enc(shell('', `<script type="application/json">{"content": "${'巡察整改'.repeat(30)}"</script>`))))).toBe('html_no_body');
  });
  it('pageState: the string with the most prose wins; metadata from its own object, a timestamp in seconds read in China\'s time', () => {
    const html = `<script>window.__INITIAL_STATE__=${JSON.stringify({
      list: [{ title: '推荐一', source: '别处', content: '<p>' + '短文。'.repeat(30) + '</p>' }],
      detail: { docTitle: '正文标题', origin: '发布单位', ctime: Date.UTC(2023, 0, 1, 20, 0) / 1000, html: '<p>' + '正文内容很长。'.repeat(40) + '</p>' },
    })}</script>`;
    expect(pageState(html)).toMatchObject({ title: '正文标题', publisher: '发布单位', published: '2023-01-02', cjk: 240 });
    expect(pageState('<script>var a = "只有短短一句话。";</script>')).toBeNull();
  });
});

describe('text a page hides from the eye', () => {
  const body = (inner: string, css = '') => `<html><head><meta charset="utf-8"><style>${css}</style></head><body><div id="zoom">
    <p>一、贯彻落实党中央决策部署方面</p>${inner}<p>${'通过整改，相关工作机制进一步健全完善。'.repeat(4)}</p></div></body></html>`;
  const text = (inner: string, css = '') => readHtml(enc(body(inner, css))).text;
  it('a screen reader\'s hint in a summary is no word of the problem (sr-only, visually-hidden, screen-reader-text)', () => {
    for (const cls of ['sr-only', 'visually-hidden', 'screen-reader-text', 'visuallyhidden']) {
      const t = text(`<details><summary>问题1：理论学习不深入<span class="${cls}">（点击展开或收起）</span></summary><p>整改措施：一是修订学习制度。</p></details>`);
      expect(t).toContain('问题1：理论学习不深入\n');
      expect(t).not.toContain('点击展开');
    }
  });
  it('hidden by its style, the hidden attribute, aria-hidden or <template>', () => {
    const t = text(`<p>问题2：制度执行不严<span style="display: none">（展开）</span><i aria-hidden="true">▼</i><em hidden>隐藏字</em></p>
      <p>问题3：监督不力<span style="position:absolute;clip:rect(0 0 0 0);width:1px;height:1px;overflow:hidden">屏幕阅读器提示</span></p>
      <template><p>模板里的问题：不应读出的段落文字内容</p></template>`);
    expect(t).toContain('问题2：制度执行不严\n');
    expect(t).toContain('问题3：监督不力\n');
    expect(t).not.toMatch(/展开|▼|隐藏字|屏幕阅读器|模板里/);
  });
  it('a class the page\'s own stylesheet hides; a rule inside @media is not always in force', () => {
    const css = '.tip-x{border:0;clip:rect(0,0,0,0);height:1px;width:1px;overflow:hidden;position:absolute} span.off{display:none} @media print{.pc{display:none}}';
    const t = text('<p>问题4：作风不实<span class="tip-x">（提示）</span><span class="off">（关）</span><span class="pc">（电脑版可见）</span></p>', css);
    expect(t).toContain('问题4：作风不实（电脑版可见）');
    expect(t).not.toMatch(/提示|（关）/);
  });
  it('a hidden block of prose stays: a collapsed accordion\'s answer, a body a script shows', () => {
    const answer = '整改措施：一是建立健全学习制度，二是开展专题学习研讨，三是加强学习成果转化运用。';
    const t = text(`<div class="q">问题5：学习不深入</div><div class="a" style="display:none">${answer}</div>
      <div aria-hidden="true"><p>${answer.replace('整改措施', '整改成效')}</p></div>`);
    expect(t).toContain(answer);
    expect(t).toContain('整改成效：一是');
    const wechat = `<html><head><meta charset="utf-8"></head><body><div id="js_content" style="visibility: hidden;"><p>${'巡察整改进展情况的通报正文。'.repeat(12)}</p></div></body></html>`;
    expect(readHtml(enc(wechat)).text).toContain('巡察整改进展情况的通报正文');
  });
  it('hidingOf and hiddenClasses read the CSS', () => {
    expect(hidingOf('position: absolute; clip: rect(1px, 1px, 1px, 1px);')).toBe('sr');
    expect(hidingOf('clip-path: inset(50%)')).toBe('sr');
    expect(hidingOf('text-indent:-9999px')).toBe('sr');
    expect(hidingOf('display:none')).toBe('hide');
    expect(hidingOf('visibility: hidden')).toBe('hide');
    expect(hidingOf('text-indent:2em;display:block')).toBeNull();
    expect(hidingOf('text-indent:-2em')).toBeNull();
    expect(hidingOf('width:1px;height:20px;overflow:hidden')).toBeNull();
    expect([...hiddenClasses('/* .a{display:none} */ .b, div.c {display:none} .d{color:red} @media (max-width:600px){.e{display:none}}')]).toEqual([['b', 'hide'], ['c', 'hide']]);
  });
});
