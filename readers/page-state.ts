// A page saved from a single-page app shows an empty body: its article is data in a script, the
// state the app renders from (Next.js __NEXT_DATA__, Nuxt's __NUXT__ and __NUXT_DATA__,
// window.__INITIAL_STATE__ / __PRELOADED_STATE__ / __APOLLO_STATE__, JSON.parse("…") of a string,
// a schema.org application/ld+json articleBody, an HTML template kept in a <script type="text/…">).
// Every script is read as what it is (JSON by JSON.parse, JavaScript by acorn, evaluating only
// literals, JSON.parse of a literal and a function called with literals as Nuxt writes its state),
// and the string holding the most Chinese prose, HTML or plain text, is the article; the object
// holding it gives the title, the publisher and the publication time.
import { parse as parseJs, type AnyNode, type Expression } from 'acorn';
import { parse as parseHtml } from 'node-html-parser';

type Val = string | number | boolean | null | undefined | Val[] | { [k: string]: Val };
type Obj = { [k: string]: Val };

export interface PageState {
  /** the article as HTML (a plain-text one is made into paragraphs) */
  html: string;
  /** how many Chinese characters its text holds */
  cjk: number;
  title?: string;
  publisher?: string;
  /** the publication time as the state writes it (a date string), or a date made from a timestamp */
  published?: string;
}

/** Keys (lower case, without - and _) that name an article's title, publisher and publication time, best first. */
const TITLE_KEYS = ['title', 'headline', 'articletitle', 'newstitle', 'doctitle', 'contenttitle', 'maintitle'];
const PUBLISHER_KEYS = ['source', 'sourcename', 'publisher', 'publishername', 'copyfrom', 'origin', 'originname', 'issuer', 'organization', 'medianame'];
const TIME_KEYS = ['publishtime', 'publishdate', 'publishedtime', 'publisheddate', 'publishedat', 'datepublished', 'pubtime', 'pubdate',
  'releasetime', 'releasedate', 'issuetime', 'issuedate', 'showtime', 'displaytime', 'createtime', 'createdat', 'datecreated', 'ctime', 'date', 'time'];

const cjkCount = (s: string) => {
  let n = 0;
  for (let i = 0; i < s.length; i++) { const c = s.charCodeAt(i); if (c >= 0x4e00 && c <= 0x9fff) n++; }
  return n;
};
const looksHtml = (s: string) => /<(?:p|div|br|span|section|table|h[1-6]|li|strong|font)\b[^>]*>/i.test(s);
const MAX_DEPTH = 200;

/** The value of a JavaScript expression made only of literals (a function called with literals is evaluated with its parameters bound). */
function evaluate(n: AnyNode | null | undefined, scope: Map<string, Val>, depth = 0): Val {
  if (!n || depth > MAX_DEPTH) return undefined;
  switch (n.type) {
    case 'Literal':
      return typeof n.value === 'string' || typeof n.value === 'number' || typeof n.value === 'boolean' || n.value === null ? n.value : undefined;
    case 'TemplateLiteral':
      return n.expressions.length ? undefined : n.quasis.map((q) => q.value.cooked ?? '').join('');
    case 'ObjectExpression': {
      const o: Obj = {};
      for (const p of n.properties) {
        if (p.type !== 'Property' || p.kind !== 'init') continue;
        const key = p.key.type === 'Identifier' && !p.computed ? p.key.name : p.key.type === 'Literal' ? String(p.key.value) : null;
        if (key !== null) o[key] = evaluate(p.value, scope, depth + 1);
      }
      return o;
    }
    case 'ArrayExpression':
      return n.elements.map((e) => (e && e.type !== 'SpreadElement' ? evaluate(e, scope, depth + 1) : undefined));
    case 'Identifier':
      return scope.get(n.name);
    case 'UnaryExpression': {
      const v = evaluate(n.argument, scope, depth + 1);
      if (n.operator === '!') return v === undefined ? undefined : !v;
      if (n.operator === '-' && typeof v === 'number') return -v;
      return undefined;
    }
    case 'SequenceExpression':
      return evaluate(n.expressions[n.expressions.length - 1], scope, depth + 1);
    case 'AssignmentExpression':
      return evaluate(n.right, scope, depth + 1);
    case 'CallExpression': {
      const callee = n.callee;
      // JSON.parse("…")
      if (callee.type === 'MemberExpression' && callee.object.type === 'Identifier' && callee.object.name === 'JSON'
        && callee.property.type === 'Identifier' && callee.property.name === 'parse') {
        const s = evaluate(n.arguments[0] as Expression, scope, depth + 1);
        if (typeof s !== 'string') return undefined;
        try { return JSON.parse(s) as Val; } catch { return undefined; }
      }
      // (function(a,b){return {…}}("x","y")): Nuxt's window.__NUXT__
      if (callee.type === 'FunctionExpression' || callee.type === 'ArrowFunctionExpression') {
        const inner = new Map(scope);
        callee.params.forEach((p, i) => { if (p.type === 'Identifier') inner.set(p.name, evaluate(n.arguments[i] as Expression, scope, depth + 1)); });
        if (callee.body.type !== 'BlockStatement') return evaluate(callee.body, inner, depth + 1);
        const ret = callee.body.body.find((s) => s.type === 'ReturnStatement');
        return ret && ret.type === 'ReturnStatement' ? evaluate(ret.argument, inner, depth + 1) : undefined;
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

/** The data a script's code holds: each object, array or string literal not inside another (and what JSON.parse or a called function gives). */
function scriptValues(code: string): Val[] {
  let program;
  try {
    program = parseJs(code, { ecmaVersion: 'latest', sourceType: 'script', allowReturnOutsideFunction: true, allowHashBang: true });
  } catch {
    return [];
  }
  const out: Val[] = [];
  const none = new Map<string, Val>();
  const visit = (n: AnyNode, depth: number) => {
    if (depth > MAX_DEPTH) return;
    if (n.type === 'ObjectExpression' || n.type === 'ArrayExpression' || n.type === 'TemplateLiteral' || (n.type === 'Literal' && typeof n.value === 'string')) {
      out.push(evaluate(n, none));
      return;
    }
    if (n.type === 'CallExpression') {
      const v = evaluate(n, none);
      if (v !== undefined) { out.push(v); return; }
    }
    for (const child of Object.values(n)) {
      if (Array.isArray(child)) { for (const c of child) if (c && typeof c === 'object' && typeof c.type === 'string') visit(c as AnyNode, depth + 1); }
      else if (child && typeof child === 'object' && typeof (child as AnyNode).type === 'string') visit(child as AnyNode, depth + 1);
    }
  };
  try { visit(program, 0); } catch { /* a state nested deeper than the stack: what was found stands */ }
  return out;
}

/** Nuxt 3's payload (__NUXT_DATA__) is devalue's flat form: an array whose objects and arrays hold indexes into it. Made whole again. */
function unflatten(flat: Val[]): Val {
  const done = new Map<number, Val>();
  const at = (i: Val, depth: number): Val => {
    if (typeof i !== 'number' || !Number.isInteger(i) || i < 0 || i >= flat.length || depth > MAX_DEPTH) return undefined;
    if (done.has(i)) return done.get(i);
    const v = flat[i];
    if (Array.isArray(v)) {
      // [type, index] wraps a value (ShallowReactive, Reactive, Ref …)
      if (typeof v[0] === 'string') { const r = at(v[1], depth + 1); done.set(i, r); return r; }
      const arr: Val[] = [];
      done.set(i, arr);
      for (const x of v) arr.push(at(x, depth + 1));
      return arr;
    }
    if (v && typeof v === 'object') {
      const o: Obj = {};
      done.set(i, o);
      for (const [k, x] of Object.entries(v)) o[k] = at(x, depth + 1);
      return o;
    }
    done.set(i, v);
    return v;
  };
  return at(0, 0);
}
const isFlat = (v: Val): v is Val[] => Array.isArray(v) && v.length > 1 && Array.isArray(v[0]) && typeof v[0][0] === 'string' && typeof v[0][1] === 'number';

/** Every value the page's scripts hold. */
function pageValues(html: string): Val[] {
  const out: Val[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const attrs = m[1] ?? '';
    const code = (m[2] ?? '').trim();
    if (code.length < 100) continue; // no article in it (its Chinese may be written \uXXXX: not counted here)
    const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attrs)?.[1]?.toLowerCase() ?? '';
    if (/json/.test(type)) {
      try {
        const v = JSON.parse(code.replace(/^<!--|-->$/g, '').replace(/^\/\/\s*<!\[CDATA\[|\/\/\s*\]\]>$/g, '')) as Val;
        out.push(isFlat(v) ? unflatten(v) : v);
      } catch { /* not JSON after all */ }
    } else if (!type || /javascript|ecmascript|^module$|^text\/babel$/.test(type)) {
      out.push(...scriptValues(code));
    } else {
      out.push(code); // text/template, text/html, text/x-template: markup kept for the app
    }
  }
  return out;
}

const norm = (k: string) => k.toLowerCase().replace(/[-_]/g, '');

function pick(owners: Obj[], keys: string[], ok: (v: Val) => string | undefined): string | undefined {
  // the article's own object first, then the objects around it (two levels up)
  for (const o of owners.slice(0, 3)) {
    const byKey = new Map(Object.entries(o).map(([k, v]) => [norm(k), v] as const));
    for (const k of keys) {
      const v = ok(byKey.get(k));
      if (v) return v;
    }
  }
  return undefined;
}

const text = (v: Val): string | undefined => {
  if (typeof v === 'string') return v.replace(/<[^>]+>/g, '').trim() || undefined;
  // schema.org: "publisher": {"@type": "Organization", "name": "…"}
  if (v && typeof v === 'object' && !Array.isArray(v)) return text(v.name);
  return undefined;
};
const time = (v: Val): string | undefined => {
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v !== 'number' || v < 1e9) return undefined;
  // a timestamp, in seconds or milliseconds: the date in China (UTC+8)
  const d = new Date((v < 1e11 ? v * 1000 : v) + 8 * 3600 * 1000);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString().slice(0, 10);
};

/**
 * A rich-text editor's document kept as JSON, a paragraph an object of a type (Draft.js blocks, Editor.js, Slate and
 * Portable Text, ProseMirror/TipTap content): [{type, text | children | content | data: {text}}, …]. Its paragraphs, each
 * the `text` strings inside one block, as HTML; null for any other array (a list of other articles has no typed blocks).
 */
function richText(arr: Val[]): string | null {
  if (arr.length < 2) return null;
  const typed = (x: Val): x is Obj => !!x && typeof x === 'object' && !Array.isArray(x) && (typeof x.type === 'string' || typeof x._type === 'string');
  if (!arr.every(typed)) return null;
  const texts = (v: Val, depth: number): string => {
    if (depth > 20 || !v || typeof v !== 'object') return '';
    if (Array.isArray(v)) return v.map((x) => texts(x, depth + 1)).join('');
    return Object.entries(v).map(([k, x]) => (k === 'text' && typeof x === 'string' ? x : typeof x === 'object' ? texts(x, depth + 1) : '')).join('');
  };
  const paras = arr.map((b) => texts(b, 0).trim()).filter(Boolean);
  return paras.length >= 2 ? paras.map((p) => `<p>${escapeHtml(p.replace(/<[^>]+>/g, ''))}</p>`).join('\n') : null;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The article a page's scripts hold, with what the state says about it; null when no script holds prose (50 Chinese characters or more). */
export function pageState(html: string): PageState | null {
  let best: { s: string; cjk: number; html: boolean; owners: Obj[] } | null = null;
  const consider = (s: string, owners: Obj[]) => {
    if (s.length < 50 || cjkCount(s) < 50 || (best && cjkCount(s) <= best.cjk)) return;
    const isHtml = looksHtml(s);
    const n = cjkCount(isHtml ? parseHtml(s, { comment: false, blockTextElements: { script: false, style: false } }).text : s);
    if (!best || n > best.cjk) best = { s, cjk: n, html: isHtml, owners };
  };
  const walk = (v: Val, owners: Obj[], depth: number) => {
    if (depth > MAX_DEPTH) return;
    if (typeof v === 'string') consider(v, owners);
    else if (Array.isArray(v)) {
      const blocks = richText(v);
      if (blocks) consider(blocks, owners);
      for (const x of v) walk(x, owners, depth + 1);
    }
    else if (v && typeof v === 'object') for (const x of Object.values(v)) walk(x, [v, ...owners], depth + 1);
  };
  for (const v of pageValues(html)) walk(v, [], 0);
  const found = best as { s: string; cjk: number; html: boolean; owners: Obj[] } | null;
  if (!found || found.cjk < 50) return null;
  const body = found.html ? found.s : found.s.split(/\r?\n/).map((l) => l.trim()).filter(Boolean).map((l) => `<p>${escapeHtml(l)}</p>`).join('\n');
  return {
    html: body,
    cjk: found.cjk,
    title: pick(found.owners, TITLE_KEYS, (v) => { const t = text(v); return t && cjkCount(t) > 0 && t.length <= 200 ? t : undefined; }),
    publisher: pick(found.owners, PUBLISHER_KEYS, (v) => { const t = text(v); return t && t.length <= 60 ? t : undefined; }),
    published: pick(found.owners, TIME_KEYS, time),
  };
}
