// What every page of the web app shares: the stylesheet, the one small script, the page around a
// body (header, search box), and how numbers, shares, statuses and links are written.
import { STATUS_LABEL } from '../labels.js';
import { h, safe, type Safe } from '../html.js';

/** snippet marks, turned into <mark> after escaping */
export const MARK: [string, string] = ['\ue000', '\ue001'];

export const CSS = `
body{font-family:"Noto Sans CJK SC","WenQuanYi Micro Hei","Microsoft YaHei","PingFang SC",sans-serif;margin:0;color:#1a1a1a;line-height:1.6;background:#fafafa}
header{background:#8b1a1a;color:#fff;padding:10px 24px;display:flex;gap:24px;align-items:center;flex-wrap:wrap}
header a{color:#fff;text-decoration:none;font-weight:600} header form{margin-left:auto}
header input{padding:4px 8px;border:0;border-radius:4px;width:220px}
main{max-width:1180px;margin:0 auto;padding:16px 24px}
h1{font-size:22px;margin:8px 0} h2{font-size:17px;margin:24px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}
table{border-collapse:collapse;font-size:13px;background:#fff;width:100%;margin:6px 0} th,td{border:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f1f1f1} td.n{text-align:right;font-variant-numeric:tabular-nums}
.kpis{display:flex;gap:12px;flex-wrap:wrap} .kpi{background:#fff;border:1px solid #e3e3e3;border-radius:8px;padding:8px 16px;min-width:110px} .kpi b{display:block;font-size:22px}
.muted{color:#666;font-size:13px} mark{background:#ffe08a;padding:0 1px}
form.filters{display:flex;gap:8px;flex-wrap:wrap;align-items:end;background:#fff;border:1px solid #e3e3e3;padding:10px;border-radius:8px}
form.filters label{display:flex;flex-direction:column;font-size:12px;color:#555} form.filters input,form.filters select{padding:4px;font-size:14px}
.result{background:#fff;border:1px solid #e3e3e3;border-radius:8px;padding:8px 12px;margin:8px 0}
.pager{display:flex;gap:16px;margin:12px 0}
.doc{display:grid;grid-template-columns:minmax(0,1fr) 380px;gap:20px}
.text{white-space:pre-wrap;background:#fff;border:1px solid #e3e3e3;padding:16px;border-radius:8px;font-size:15px;line-height:1.9}
.side{position:sticky;top:8px;align-self:start;max-height:96vh;overflow:auto;font-size:13px}
.side .box{background:#fff;border:1px solid #e3e3e3;border-radius:8px;padding:8px 12px;margin-bottom:10px}
#picked{min-height:3em}
.mk{border-radius:2px;cursor:pointer}
.mk-problem{background:rgba(255,235,160,.45);border-bottom:2px solid #e0b400}
.mk-measure{background:rgba(160,220,255,.45)} .mk-status{background:#b9f0c0;font-weight:600}
.mk-quantity{background:#ffc6c6;outline:1px solid #e06060} .mk-field{background:#e3d7ff} .mk-total{background:#ffd9a8;outline:1px solid #e08a00}
.mk-category{font-weight:700;background:rgba(200,200,200,.35)} .mk.on{outline:2px solid #1f5fa8}
.legend span{display:inline-block;margin:2px 6px 2px 0;padding:0 6px}
.warn{color:#8a4b00} .chart svg{max-width:100%;height:auto}
`;


export const JS = `document.addEventListener('click',function(e){var m=e.target.closest&&e.target.closest('.mk');if(!m)return;
document.querySelectorAll('.mk.on').forEach(function(x){x.classList.remove('on')});m.classList.add('on');
var p=document.getElementById('picked');if(!p)return;p.textContent='';
[['类型',m.dataset.kind],['字段 field',m.dataset.field],['规则 rule',m.dataset.rule],['原文',m.textContent]].forEach(function(r){
var d=document.createElement('div');var b=document.createElement('b');b.textContent=r[0]+'：';d.appendChild(b);d.appendChild(document.createTextNode(r[1]||''));p.appendChild(d);});});`;

export function layout(title: string, body: Safe, q = ''): string {
  return `<!DOCTYPE html>${h`<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · zhenggai 整改</title><link rel="stylesheet" href="/app.css"><script src="/app.js" defer></script></head><body>
<header><a href="/">整改通报数据集</a><a href="/search">问题检索</a><a href="/compare">单位比较</a>
<form action="/search" method="get"><input name="q" value="${q}" placeholder="检索问题，如 党费 违规报销" aria-label="检索"></form></header>
<main>${body}</main></body></html>`}`;
}

export const pct = (v: unknown) => (v == null ? '—' : `${Math.round(Number(v) * 1000) / 10}%`);
export const num = (v: unknown) => (v == null ? '—' : Number(v).toLocaleString('zh-CN'));
export const statusLabel = (s: unknown) => STATUS_LABEL[String(s)] ?? String(s ?? '');
export const marked = (s: string) => safe(h`${s}`.html.replace(/\ue000/g, '<mark>').replace(/\ue001/g, '</mark>'));
export const qs = (o: Record<string, unknown>) => new URLSearchParams(Object.entries(o).filter(([, v]) => v != null && v !== '').map(([k, v]) => [k, String(v)] as [string, string])).toString();
export const unitLink = (unit: unknown) => (unit == null ? h`<span class="muted">（未识别单位）</span>` : h`<a href="/unit/${encodeURIComponent(String(unit))}">${unit}</a>`);
export const intParam = (v: string | undefined) => (v && /^\d{1,9}$/.test(v) ? Number(v) : undefined);
