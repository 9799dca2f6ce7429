// A bulletin's page (/bulletin/ID): its text with every extracted part marked (problems, measures,
// statuses, figures, fields) and, beside it, its fields, declared totals, problems and warnings; a
// long text in pages.
import type { Context } from 'hono';
import type { Store } from '../../store/store.js';
import { bulletinPage, type BulletinPage, type PageOptions } from '../../store/bulletin-page.js';
import { markedHtml } from '../../store/marks.js';
import { totalLabel, warningLabel, warningMessage, yuan, LEVEL_LABEL } from '../labels.js';
import { h, safe, type Safe } from '../html.js';
import { layout, num, pct, statusLabel, intParam } from './layout.js';

/** A page of a bulletin (a SQLite pool reads it in a worker thread). */
function page(db: Store, pageChars: number, id: number, p: PageOptions): Promise<BulletinPage | undefined> {
  const q = { ...p, size: pageChars };
  const pool = db as Store & { bulletinPage?: (id: number, o: PageOptions) => Promise<BulletinPage | undefined> };
  return pool.bulletinPage ? pool.bulletinPage(id, q) : bulletinPage(db, id, q);
}

export async function showBulletin(db: Store, pageChars: number, c: Context): Promise<Response> {
  const id = intParam(c.req.param('id'));
  const part = id === undefined ? undefined : await page(db, pageChars, id, { page: intParam(c.req.query('page')), issue: intParam(c.req.query('issue')) });
  if (!part) return c.html(layout('未找到通报', h`<h1>没有这份通报</h1>`), 404);
  const text = markedHtml(part.text, part.marks);
  const b = part.bulletin;
  const fields: Array<[string, unknown]> = [['标题', b.title], ['单位', part.unit ?? b.unit], ['地区', b.region], ['层级', LEVEL_LABEL[b.level ?? ''] ?? b.level], ['巡视/巡察', b.inspection_kind], ['巡视组', b.team], ['轮次', b.round],
    ['进驻', [b.inspection_start, b.inspection_end].filter(Boolean).join(' 至 ')], ['反馈', b.feedback_date], ['截至', b.as_of_date], ['发布', b.published_date], ['文件', part.path]];
  const paged = part.pages > 1;
  const pageLink = (n: number, label: string | Safe = String(n)) => (n === part.page ? h`<b>${label}</b>` : h`<a href="/bulletin/${part.id}?page=${n}">${label}</a>`);
  const near = [...new Set([1, ...Array.from({ length: 11 }, (_, k) => part.page - 5 + k), part.pages])].filter((n) => n >= 1 && n <= part.pages).sort((x, y) => x - y);
  const pager = paged ? h`<nav class="pager" aria-label="分页"><span>第 ${part.page} / ${part.pages} 页（第 ${num(part.start + 1)}–${num(part.end)} 字，共 ${num(part.length)} 字）</span>
${part.page > 1 ? pageLink(part.page - 1, '← 上一页') : ''}${near.map((n, k) => h`${k > 0 && n - near[k - 1]! > 1 ? '…' : ''}${pageLink(n)}`)}${part.page < part.pages ? pageLink(part.page + 1, '下一页 →') : ''}</nav>` : '';
  const title = b.title ?? `通报 #${part.id}`;
  return c.html(layout(paged ? `${title}（第 ${part.page} 页）` : title, h`<h1>${title}</h1>
<p class="legend muted">${(['problem', 'measure', 'status', 'quantity', 'field', 'total', 'category'] as const).map((k) => h`<span class="mk mk-${k}">${({ problem: '问题', measure: '整改措施', status: '整改状态', quantity: '数量/金额', field: '基本信息', total: '申报总数', category: '问题类别' })[k]}</span>`)} 悬停或点击看字段与规则</p>
${paged ? h`<p class="muted">正文较长，分页显示，每页约 ${num(pageChars)} 字；标注只列出本页的。</p>${pager}` : ''}
<div class="doc"><div class="text" id="text">${safe(text)}</div>
<aside class="side"><div class="box"><b>选中的标注</b><div id="picked" class="muted">点击正文中的标注</div></div>
<div class="box"><b>基本信息</b><table>${fields.filter(([, v]) => v != null && v !== '').map(([k, v]) => h`<tr><th>${k}</th><td>${v}</td></tr>`)}</table></div>
<div class="box"><b>申报总数</b><table>${Object.entries(part.summary).map(([k, v]) => h`<tr><th>${totalLabel(k)}</th><td class="n">${k === 'completion_rate' ? pct(v) : k.startsWith('money') ? yuan(v) : num(v)}</td></tr>`)}</table></div>
<div class="box"><b>问题（${part.issueCount}${paged ? `，本页 ${part.issues.length}` : ''}）</b><table>${part.issues.map((i) => h`<tr><td><a href="#issue-${i.id ?? ''}">${i.number}</a></td><td>${i.problem}<div class="muted">${statusLabel(i.status)} · 措施 ${i.measures} 条${i.themes.length ? ` · ${i.themes.join('、')}` : ''}</div></td></tr>`)}</table></div>
<div class="box"><b>提示（${part.warningCount}${paged ? `，本页 ${part.warnings.length}` : ''}）</b>${part.warnings.length ? part.warnings.map((w) => h`<div class="warn"><b>${warningLabel(w.code)}</b>：${warningMessage(w.message)}${w.sentence ? h`<div class="muted">“${w.sentence}”</div>` : ''}</div>`) : h`<div class="muted">没有。</div>`}</div>
</aside></div>${pager}`));
}
