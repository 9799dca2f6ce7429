#!/usr/bin/env node
// A dev probe, run by no test: turns a fixture's bulletin.txt into the .docx a staff member would
// have typed in Word or WPS, so the .docx reader can be measured against the same expected.json.
//
//   node test/probes/txt-to-docx.mjs [--variant numbered|typed|lists|mixed] SRC.txt OUT.docx
//   node test/probes/txt-to-docx.mjs --all OUTDIR   (every fixtures/*/bulletin.txt, every variant: OUTDIR/NAME.VARIANT.docx)
//   node test/probes/txt-to-docx.mjs --fixtures     (fixtures/NAME/bulletin.docx again for those in FIXTURE_DOCX)
//
// Common to all: the title a centred paragraph; bold run-in heads as bold runs (1.强化组织领导。正文 → the
//   head bold, a label 整改情况： too, **X** of a Markdown copy); tab-, bar-, grid-, box- and space-aligned
//   text tables real Word tables (a row of one cell merged across); a hard-wrapped PDF copy's lines joined
//   into the paragraphs a person types.
// numbered: the title a Title paragraph; short 一、 parts Heading 1, short （一） categories Heading 2,
//   short problem heads Heading 3, each linked to its list level; the numbers of headings, categories,
//   problems and measures (一、 （一） 1. 1、 （1） 1） ① A. 1.1 …; 一是 and 第一 stay text) taken out of
//   the text into one Word multilevel list (numbering.xml: "%1、" chineseCounting, "（%2）", "%3." decimal,
//   "（%4）" …, a level ranked by the national outline order, ties by first use), a level continuing over
//   its parents (w:lvlRestart 0) where the text's numbers do, and a new w:num with w:startOverride
//   wherever the text's number is not the one Word would show next (a restart per category, a jump).
// typed: the numbers stay as typed text; runs of lines go into one paragraph with soft line breaks
//   (w:br), and runs are split mid-word with revision ids, proofing marks and bookmarks between them,
//   as Word's editing leaves them; a table typed as columns of tabs (a spreadsheet's paste, a text laid
//   out in columns) stays a paragraph a row, its cells parted by tabs.
// lists: as numbered, but each form a list of its own (one level, as the toolbar's button makes), restarted
//   by a new w:num; a ledger's category rows a first column merged down (vMerge); a cell's series of
//   measures (1.X；2.Y) numbered paragraphs of the cell's own list.
// mixed: Word numbers the parts and categories (一、 （一）); the problems' and measures' numbers are typed.
import { readFileSync, writeFileSync, readdirSync, existsSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync, strToU8 } from 'fflate';

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const CN = '〇一二三四五六七八九';
function cnValue(s) {
  // 一…九十九 (as Word's chineseCounting writes them)
  if (!/^[一二三四五六七八九十]+$/.test(s)) return null;
  if (s === '十') return 10;
  const i = s.indexOf('十');
  if (i < 0) return s.length === 1 ? CN.indexOf(s) : null;
  const tens = i === 0 ? 1 : CN.indexOf(s[0]);
  const ones = i === s.length - 1 ? 0 : CN.indexOf(s[i + 1]);
  return tens * 10 + ones;
}

// ---- numbering forms: a line's typed number ----
// rank: the national outline order (一、 > （一） > 1. > （1） > ①); key: the form as typed (its brackets and stop)
const FORMS = [
  { re: /^([一二三四五六七八九十]+)([、．.])\s*/, rank: 0, fmt: 'chineseCounting', val: (m) => cnValue(m[1]), text: (m) => `%${m[2]}` },
  { re: /^([ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ])([、.．])\s*/, rank: 0.5, fmt: 'upperRoman', val: (m) => 'ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ'.indexOf(m[1]) + 1, text: (m) => `%${m[2]}` },
  { re: /^([（(])([一二三四五六七八九十]+)([）)])\s*/, rank: 1, fmt: 'chineseCounting', val: (m) => cnValue(m[2]), text: (m) => `${m[1]}%${m[3]}` },
  { re: /^([A-H])([.、．])\s*/, rank: 1.5, fmt: 'upperLetter', val: (m) => m[1].charCodeAt(0) - 64, text: (m) => `%${m[2]}` },
  { re: /^(\d{1,2})\.(\d{1,2})\.(\d{1,2})(?![\d%])\s*/, rank: 2.2, fmt: 'decimal', val: (m) => Number(m[3]), outline: 3 },
  { re: /^(\d{1,2})\.(\d{1,2})(?![\d.%．])\s*/, rank: 2.1, fmt: 'decimal', val: (m) => Number(m[2]), outline: 2 },
  { re: /^(\d{1,3})([.．、])(?![\d.．])\s*/, rank: 2, fmt: 'decimal', val: (m) => Number(m[1]), text: (m) => `%${m[2]}` },
  { re: /^([（(])(\d{1,3})([）)])\s*/, rank: 3, fmt: 'decimal', val: (m) => Number(m[2]), text: (m) => `${m[1]}%${m[3]}` },
  { re: /^(\d{1,3})([）)])\s*/, rank: 3.5, fmt: 'decimal', val: (m) => Number(m[1]), text: (m) => `%${m[2]}` },
  { re: /^([①-⑳])\s*/, rank: 4, fmt: 'decimalEnclosedCircle', val: (m) => m[1].charCodeAt(0) - 0x245f, text: () => '%' },
];

/** A line's typed number: its form (key, rank, fmt, level text with % for its own counter), its value, the text after it. */
function numberOf(line) {
  for (const f of FORMS) {
    const m = f.re.exec(line);
    if (!m) continue;
    const value = f.val(m);
    const rest = line.slice(m[0].length);
    if (!value || !rest.trim() || /^[\d%％]/.test(rest) || /^\s*[万亿元%％个人次项条件名家户]/.test(rest)) return null; // 1.2万人次, 2024年, 4.68 万元, a bare number
    if (/^[\s　]*[)）]/.test(rest)) return null;
    const text = f.outline ? null : f.text(m);
    const key = f.outline ? `outline${f.outline}` : `${f.fmt}:${text}`;
    return { key, rank: f.rank, fmt: f.fmt, text, outline: f.outline ?? 0, value, rest };
  }
  return null;
}

// ---- the text's layout: title, tables, paragraphs ----
const BAR = /[|｜]/;
function barCells(line) {
  let s = line.trim();
  if (/^[|｜]/.test(s)) s = s.slice(1);
  if (/[|｜]$/.test(s)) s = s.slice(0, -1);
  return s.split(BAR).map((c) => c.trim());
}
const isRule = (l) => /^\s*[+|｜]?[\s:=+|｜-]*-{3,}[\s:=+|｜-]*$/.test(l) || /^\s*\+[=+-]+\+?\s*$/.test(l);
const tabCells = (l) => l.split('\t').map((c) => c.trim());
// (a row of one filled cell and empty ones: a category row a spreadsheet wrote, 一、X方面⇥⇥⇥)
const rowKind = (l) => (l.includes('\t') && (tabCells(l).filter(Boolean).length >= 2 || tabCells(l).length >= 3) && l.trim() ? 'tab' : BAR.test(l) && barCells(l).length >= 2 ? 'bar' : null);

/** Consecutive table lines from i: a table of rows (a grid table's rows joined across its wrapped lines), and the line after it. */
function readTable(lines, i) {
  const kind = rowKind(lines[i]) ?? 'bar';
  const grid = lines.slice(i).findIndex((l) => !l.trim()) >= 0 && /^\s*\+[-=+]+/.test(lines[i]);
  const rows = [];
  let pending = null; // a grid table's row being joined
  let j = i;
  for (; j < lines.length; j++) {
    const l = lines[j];
    if (!l.trim()) break;
    if (isRule(l)) { if (pending) rows.push(pending); pending = null; continue; }
    // (a line of one cell between rows, short: a category row a spreadsheet paste wrote without its separators)
    // (not a problem's line over a table of its measures, each table headed again)
    const headAgain = (x) => x !== undefined && (kind === 'tab' ? tabCells(x) : barCells(x)).join('') === rows[0]?.join('');
    if (!grid && rows.length && !rowKind(l) && l.trim().length <= 60 && !/[。]$/.test(l.trim()) && rowKind(lines[j + 1] ?? '') === kind && !headAgain(lines[j + 1])) { rows.push([l.trim()]); continue; }
    const k = rowKind(l) ?? (grid && /^\s*[|｜]/.test(l) ? 'bar' : null);
    if (!k || (k !== kind && !grid)) break;
    const cells = k === 'tab' ? tabCells(l) : barCells(l);
    if (grid) {
      if (!pending) pending = cells;
      else cells.forEach((c, n) => { pending[n] = (pending[n] ?? '') + c; });
    } else rows.push(cells);
  }
  if (pending) rows.push(pending);
  // a row whose only words are in its first cell: merged across the table, as Word users do
  return { rows: rows.map((r) => (r.length > 1 && r[0] && r.slice(1).every((c) => !c) ? [r[0]] : r)), next: j };
}

/** A line's cells where runs of two spaces or more part them, each at the display column it starts at. */
const spacedCells = (line) => [...line.matchAll(/\S+(?:\s\S+)*/g)].map((m) => ({ at: width(line.slice(0, m.index)), text: m[0] }));
/**
 * A table laid out in columns of spaces (序号   问题   整改措施   完成情况): rows from a line whose first column
 * is filled, a line indented to a column going on in that column's cell, a line of one cell at the margin
 * (（一）X方面) a merged row; null where the line at i heads no such table.
 */
function readSpaced(lines, i) {
  const head = lines[i].includes('  ') && !/[|｜│]/.test(lines[i]) ? spacedCells(lines[i]) : [];
  if (head.length < 3 || head.some((c) => c.text.length > 12)) return null;
  const cols = head.map((c) => c.at);
  const colOf = (at) => cols.reduce((best, c, k) => (Math.abs(c - at) < Math.abs(cols[best] - at) ? k : best), 0);
  const rows = [head.map((c) => c.text)];
  let j = i + 1;
  for (; j < lines.length; j++) {
    const l = lines[j];
    if (!l.trim()) { if (lines[j + 1]?.trim() && /^\s{3,}|\S\s{3,}\S/.test(lines[j + 1])) continue; break; }
    const cells = spacedCells(l);
    if (cells.length === 1 && cells[0].at === 0) {
      if (!/^\s{3,}|\S\s{3,}\S/.test(lines[j + 1] ?? '') && !/^[（(][一二三四五六七八九十]+[）)]/.test(l.trim())) break;
      rows.push([l.trim()]);
      continue;
    }
    if (!/\s{3,}/.test(l)) break;
    const row = cells[0].at === 0 || colOf(cells[0].at) === 0 ? new Array(cols.length).fill('') : rows[rows.length - 1];
    if (row !== rows[rows.length - 1]) rows.push(row);
    for (const c of cells) { const k = colOf(c.at); row[k] = (row[k] ?? '') + c.text; }
  }
  return rows.length >= 3 ? { rows, next: j } : null;
}

const TITLE_END = /(通报|报告|公告|情况|公示)[”"」]?$/;
/** The title's lines: a line naming 关于…通报/报告 (with the issuer's line before it when split) near the top. */
function titleRange(lines) {
  const idx = [];
  for (let i = 0; i < lines.length && idx.length < 14; i++) if (lines[i].trim()) idx.push(i);
  for (let n = 0; n < idx.length; n++) {
    const t = lines[idx[n]].trim().replace(/^#+\s*/, '');
    if (t.length > 70 || /[。；]/.test(t)) continue;
    const ends = TITLE_END.test(t);
    const nextEnds = n + 1 < idx.length && TITLE_END.test(lines[idx[n + 1]].trim()) && lines[idx[n + 1]].trim().length < 50;
    if (!(t.includes('关于') || ends) || (!ends && !(t.includes('关于') && nextEnds))) continue;
    let first = n;
    const before = n > 0 ? lines[idx[n - 1]].trim() : '';
    if (/^关于/.test(t) && before && before.length <= 40 && !/[。，：；:]/.test(before)) first = n - 1;
    const last = ends ? n : n + 1;
    return idx.slice(first, last + 1);
  }
  return [];
}

/** **X** spans → runs; a run-in head (a short first sentence, a short label before ：) → a bold run. */
function runsOf(text, { runIn }) {
  if (text.includes('**')) {
    const parts = text.split('**');
    return parts.map((t, k) => ({ text: t, bold: k % 2 === 1 })).filter((r) => r.text);
  }
  if (runIn) {
    const m = /^([^。：:]{2,32}[。])(?=\S{8,})/.exec(text) ?? /^([^。，：:]{2,10}[：:])(?=\S{4,})/.exec(text);
    if (m && !/^[一二三四五六七八九十]是/.test(text)) return [{ text: m[1], bold: true }, { text: text.slice(m[1].length), bold: false }];
  }
  return [{ text, bold: false }];
}

const width = (s) => [...s].reduce((n, c) => n + (c.codePointAt(0) >= 0x2000 ? 2 : 1), 0);
/**
 * A text copied out of a PDF, its lines broken at the page's width: the paragraphs a staff member typed, each whole
 * (a line as wide as the text that ends with no stop goes on in the next, unless that one starts with a number).
 */
function unwrap(lines) {
  const ws = lines.map((l) => l.trim()).filter((l) => l && !/[\t|｜]/.test(l)).map(width).sort((a, b) => a - b);
  if (ws.length < 8) return lines;
  const p90 = ws[Math.floor(ws.length * 0.9)];
  const share = ws.filter((x) => x >= 0.85 * p90 && x <= p90 * 1.1).length / ws.length;
  if (share < 0.3 || p90 >= 200 || ws[ws.length - 1] > p90 * 1.15) return lines;
  const out = [];
  for (const l of lines) {
    const prev = out[out.length - 1];
    const t = l.trim();
    const goesOn = prev !== undefined && prev.trim() && t && !/[\t|｜]/.test(prev + t) && width(prev.trim()) >= 0.8 * p90
      && !/[。！？；：:]$/.test(prev.trim()) && !TITLE_END.test(prev.trim()) && !numberOf(t) && !/^[一二三四五六七八九十]+是|^第[一二三四五六七八九十]/.test(t);
    // (not a page's number or running header: a short line that ends no sentence, a line of dashes and digits)
    const furniture = /^[-—–\s\d第页/]+$/.test(t) || (width(t) < 0.6 * p90 && !/[。！？；：”）)]$/.test(t));
    if (goesOn && !furniture) out[out.length - 1] = /[A-Za-z]-$/.test(prev.trimEnd()) && /^[A-Za-z]/.test(t) ? prev.trimEnd().slice(0, -1) + t : prev.trimEnd() + t;
    else out.push(l);
  }
  return out;
}

/** The bulletin as Word paragraphs and tables. */
export function layout(src) {
  // (a table drawn in box characters: the grid table it is, in ASCII)
  const box = (l) => (/^\s*[┌├└│]/.test(l) ? l.replace(/│/g, '|').replace(/─/g, '-').replace(/[┌┬┐├┼┤└┴┘]/g, '+') : l);
  const lines = unwrap(src.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n')).map(box);
  const title = new Set(titleRange(lines));
  const items = [];
  for (let i = 0; i < lines.length;) {
    const raw = lines[i];
    const line = raw.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
    if (!line) { i++; continue; }
    const spaced = readSpaced(lines, i);
    if (spaced) { items.push({ kind: 'table', rows: spaced.rows, tabbed: true }); i = spaced.next; continue; }
    const next = lines[i + 1] ?? '';
    const rowAhead = rowKind(next) || isRule(next) || (next.trim().length <= 60 && rowKind(lines[i + 2] ?? ''));
    if ((rowKind(raw) && rowAhead) || /^\s*\+[-=+]{3,}/.test(raw)) {
      const t = readTable(lines, i);
      if (t.rows.length >= 2 || (t.rows.length && t.next > i + 1)) { items.push({ kind: 'table', rows: t.rows, tabbed: rowKind(raw) === 'tab' }); i = t.next; continue; }
    }
    i++;
    if (title.has(i - 1)) { items.push({ kind: 'title', text: line.replace(/^#+\s*/, '').replace(/\*\*/g, '') }); continue; }
    const md = /^(#{1,4})\s+(.+)$/.exec(line);
    if (md) { items.push({ kind: 'p', style: `Heading${md[1].length}`, runs: runsOf(md[2], { runIn: false }), typed: md[2] }); continue; }
    const bare = line.replace(/^\*\*(.*)\*\*$/, '$1');
    const allBold = bare !== line && !bare.includes('**');
    const num = numberOf(bare.replace(/^\*\*/, ''));
    if (num) {
      const rest = num.rest.replace(/^\*\*\s*/, bare.startsWith('**') ? '**' : '');
      const body = allBold ? rest : (bare.startsWith('**') ? `**${rest}` : rest);
      const short = body.replace(/\*\*/g, '').length <= 40 && !/[。；]/.test(body.replace(/\*\*/g, ''));
      // (a problem's head of a line, 1.关于“X”的问题, set as Heading 3 as many offices do)
      const head3 = !/[。；].+/.test(body) && body.replace(/\*\*/g, '').length <= 80 && num.rank === 2;
      const style = short && num.rank === 0 ? 'Heading1' : short && num.rank === 1 ? 'Heading2' : head3 ? 'Heading3' : 'ListParagraph';
      const runs = allBold ? [{ text: rest.replace(/\*\*/g, ''), bold: true }] : runsOf(body, { runIn: !short });
      items.push({ kind: 'p', style, num, runs, typed: line.replace(/\*\*/g, '') });
      continue;
    }
    const runs = allBold ? [{ text: bare, bold: true }] : runsOf(line, { runIn: true });
    items.push({ kind: 'p', style: null, runs, typed: line.replace(/\*\*/g, ''), indent: true });
  }
  return items;
}

// ---- Word's list: levels for the forms used, overrides where the text's numbers are not Word's ----
function planNumbering(items, separate = false, mixed = false) {
  // (mixed: Word numbers the parts and categories, 一、 （一）; the problems' and measures' numbers are typed)
  if (mixed) for (const it of items) if (it.num && it.num.rank >= 2) { it.runs = [{ text: it.typed, bold: false }]; it.num = null; if (it.style === 'ListParagraph') it.style = null; }
  // (lists: an outline number 1.1 shows its parent's counter, which a list of its own has not: it stays text)
  if (separate) for (const it of items) if (it.num?.outline) { it.runs = [{ text: it.typed, bold: false }]; it.num = null; it.style = null; }
  const numbered = items.filter((it) => it.num);
  const forms = [];
  for (const it of numbered) if (!forms.some((f) => f.key === it.num.key)) forms.push({ ...it.num, first: forms.length });
  // an outline form (1.1, 1.1.1) needs its parent form (1.) in the list; without it, it stays text
  const hasDecimal = forms.some((f) => f.key.startsWith('decimal:%.') || f.key.startsWith('decimal:%．'));
  for (const it of numbered) if (it.num.outline && !hasDecimal) { it.runs = [{ text: it.typed, bold: false }]; it.num = null; it.style = null; }
  const used = forms.filter((f) => !f.outline || hasDecimal).sort((a, b) => a.rank - b.rank || a.first - b.first).slice(0, 9);
  const level = new Map(used.map((f, k) => [f.key, k]));
  const decimalLevel = used.findIndex((f) => f.key.startsWith('decimal:%.') || f.key.startsWith('decimal:%．'));
  for (const it of numbered) if (it.num && !level.has(it.num.key)) { it.runs = [{ text: it.typed, bold: false }]; it.num = null; it.style = null; }
  // a level continues over its parents where the text's numbers mostly do after a parent's item
  const votes = used.map(() => ({ restart: 0, go: 0 }));
  const last = new Map();
  let sinceParent = used.map(() => false);
  for (const it of items) {
    if (!it.num) continue;
    const L = level.get(it.num.key);
    if (sinceParent[L] && last.has(L)) { if (it.num.value === 1) votes[L].restart++; else if (it.num.value === last.get(L) + 1) votes[L].go++; }
    last.set(L, it.num.value);
    sinceParent = sinceParent.map((v, k) => (k > L ? true : k === L ? false : v));
  }
  const levels = used.map((f, k) => {
    const stop = f.key.startsWith('decimal:%．') ? '．' : '.';
    const text = f.outline === 2 ? `%${decimalLevel + 1}${stop}%${k + 1}` : f.outline === 3 ? `%${decimalLevel + 1}${stop}%${k}${stop}%${k + 1}` : f.text.replace('%', `%${k + 1}`);
    return { fmt: f.fmt, text, noRestart: votes[k].go > votes[k].restart, isLgl: !!f.outline };
  });
  if (separate) return planLists(items, levels, level);
  // the counters Word keeps (one set for the list), and a new w:num wherever the typed number differs
  const nums = [{ id: 1, overrides: {} }];
  const counters = [];
  for (const it of items) {
    if (!it.num) continue;
    const L = level.get(it.num.key);
    const expected = counters[L] === undefined ? 1 : counters[L] + 1;
    if (it.num.value !== expected) nums.push({ id: nums.length + 1, overrides: { [L]: it.num.value } });
    it.numId = nums[nums.length - 1].id;
    it.ilvl = L;
    counters[L] = it.num.value;
    for (let m = L + 1; m < levels.length; m++) if (!levels[m].noRestart) counters[m] = undefined;
  }
  // a heading style linked to its level (Word's multilevel list linked to Heading 1/2): its paragraphs in the
  // list through their style, with no numbering of their own unless a w:num restarts them
  const linked = {};
  for (const style of ['Heading1', 'Heading2', 'Heading3']) {
    const ls = new Set(items.filter((it) => it.num && it.style === style).map((it) => it.ilvl));
    if (ls.size === 1 && !Object.values(linked).includes([...ls][0])) linked[style] = [...ls][0];
  }
  for (const [style, k] of Object.entries(linked)) levels[k].pStyle = style;
  for (const it of items) if (it.num && it.numId === 1 && linked[it.style] === it.ilvl) it.viaStyle = true;
  return { levels, nums, linked };
}

/**
 * lists: each form a list of its own (an abstractNum of one level, as the toolbar's numbering button makes), no
 * list restarting another; a new w:num restarting it wherever the typed number is not the one it would show next
 * (each category's problems numbered from 1 again).
 */
function planLists(items, levels, level) {
  const nums = [];
  const current = new Map();
  const counters = new Map();
  for (const it of items) {
    if (!it.num) continue;
    const L = level.get(it.num.key);
    const expected = (counters.get(L) ?? 0) + 1;
    if (!current.has(L) || it.num.value !== expected) {
      nums.push({ id: nums.length + 1, abstract: L, overrides: current.has(L) ? { 0: it.num.value } : it.num.value === 1 ? {} : { 0: it.num.value } });
      current.set(L, nums.length);
    }
    counters.set(L, it.num.value);
    it.numId = current.get(L);
    it.ilvl = 0;
  }
  return { levels: levels.map((l, k) => ({ ...l, text: l.text.replace(`%${k + 1}`, '%1'), noRestart: false })), nums, linked: {}, separate: true };
}

function numberingXml({ levels, nums, separate }) {
  if (separate) {
    const one = (l, k) => `<w:abstractNum w:abstractNumId="${k}"><w:nsid w:val="${(0x1a2b3c00 + k).toString(16).toUpperCase()}"/><w:multiLevelType w:val="hybridMultilevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="${l.fmt}"/><w:lvlText w:val="${esc(l.text)}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="420" w:hanging="420"/></w:pPr></w:lvl></w:abstractNum>`;
    const cells = [one({ fmt: 'decimal', text: '%1.' }, 90), one({ fmt: 'decimal', text: '（%1）' }, 91)];
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="${W}">${levels.map(one).join('')}${cells.join('')}${[...nums, ...(cellNums ?? [])].map((n) => `<w:num w:numId="${n.id}"><w:abstractNumId w:val="${n.abstract}"/>${Object.entries(n.overrides ?? {}).map(([k, v]) => `<w:lvlOverride w:ilvl="${k}"><w:startOverride w:val="${v}"/></w:lvlOverride>`).join('')}</w:num>`).join('')}</w:numbering>`;
  }
  const lvl = (l, k) => `<w:lvl w:ilvl="${k}"><w:start w:val="1"/><w:numFmt w:val="${l.fmt}"/>${l.noRestart ? '<w:lvlRestart w:val="0"/>' : ''}${l.pStyle ? `<w:pStyle w:val="${l.pStyle}"/>` : ''}${l.isLgl ? '<w:isLgl/>' : ''}${l.fmt.startsWith('chinese') ? '<w:suff w:val="nothing"/>' : ''}<w:lvlText w:val="${esc(l.text)}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="${640}"/></w:pPr></w:lvl>`;
  const spare = [];
  for (let k = levels.length; k < 9; k++) spare.push(`<w:lvl w:ilvl="${k}"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%${k + 1}."/><w:lvlJc w:val="left"/></w:lvl>`);
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="${W}"><w:abstractNum w:abstractNumId="0"><w:nsid w:val="3A5F21C4"/><w:multiLevelType w:val="multilevel"/><w:tmpl w:val="6B1E2F0A"/>${levels.map(lvl).join('')}${spare.join('')}</w:abstractNum>${nums.map((n) => `<w:num w:numId="${n.id}"><w:abstractNumId w:val="0"/>${Object.entries(n.overrides).map(([k, v]) => `<w:lvlOverride w:ilvl="${k}"><w:startOverride w:val="${v}"/></w:lvlOverride>`).join('')}</w:num>`).join('')}</w:numbering>`;
}

// ---- XML ----
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
let seed = 1;
const rand = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; };
const rsid = () => Math.floor(rand() * 0xffffffff).toString(16).toUpperCase().padStart(8, '0');

function runXml(r, split) {
  const rPr = (extra = '') => (r.bold || extra ? `<w:rPr>${extra}${r.bold ? '<w:b/><w:bCs/>' : ''}</w:rPr>` : '');
  const t = (s) => `<w:t xml:space="preserve">${esc(s)}</w:t>`;
  if (!split) return `<w:r>${rPr()}${t(r.text)}</w:r>`;
  // Word's editing: a run cut where an edit began (its own rsid), fonts hinted, proofing marks between
  const chars = [...r.text];
  const out = [];
  let at = 0;
  while (at < chars.length) {
    const len = 1 + Math.floor(rand() * Math.min(12, chars.length - at));
    const piece = chars.slice(at, at + len).join('');
    at += len;
    const extra = rand() < 0.5 ? '<w:rFonts w:hint="eastAsia"/>' : '<w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/>';
    out.push(`<w:r w:rsidR="${rsid()}">${rPr(extra)}${t(piece)}</w:r>`);
    const x = rand();
    if (x < 0.08) out.push('<w:proofErr w:type="gramStart"/>');
    else if (x < 0.12) out.push(`<w:bookmarkStart w:id="${Math.floor(rand() * 90)}" w:name="_Toc${rsid()}"/><w:bookmarkEnd w:id="0"/>`);
    else if (x < 0.14) out.push('<w:r><w:lastRenderedPageBreak/></w:r>');
  }
  return out.join('');
}

function paraXml({ style, numId, ilvl, align, indent, runs, lines }, split) {
  const pPr = [
    style ? `<w:pStyle w:val="${style}"/>` : '',
    numId ? `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>` : '',
    indent ? '<w:ind w:firstLineChars="200" w:firstLine="640"/>' : '',
    align ? `<w:jc w:val="${align}"/>` : '',
  ].join('');
  const body = lines
    ? lines.map((l, k) => (k ? '<w:r><w:br/></w:r>' : '') + l.map((r) => runXml(r, split)).join('')).join('')
    : runs.map((r) => runXml(r, split)).join('');
  return `<w:p${split ? ` w:rsidR="${rsid()}" w:rsidRDefault="${rsid()}"` : ''}>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${body}</w:p>`;
}

/** A ledger's category rows (merged across) as a first column merged down its problems' rows (Word's vMerge). */
function categoryColumn(rows) {
  if (rows.length < 3 || !rows.slice(1).some((r) => r.length === 1)) return null;
  // (a header row names its columns in short words; a table of rows alone has none)
  const header = rows[0].length >= 3 && rows[0].every((c) => c.length <= 12);
  // (rows before the first category's row: their category is a paragraph over the table, so no column for it)
  if (rows[header ? 1 : 0]?.length !== 1) return null;
  let cat = '';
  let fresh = false;
  const out = header ? [[{ text: '问题类别' }, ...rows[0].map((text) => ({ text }))]] : [];
  for (const r of rows.slice(header ? 1 : 0)) {
    if (r.length === 1) { cat = r[0]; fresh = true; continue; }
    out.push([{ text: cat, merge: fresh ? 'restart' : 'continue' }, ...r.map((text) => ({ text }))]);
    fresh = false;
  }
  return out;
}

function tableXml(rows, split, merged = false) {
  const down = merged ? categoryColumn(rows) : null;
  if (down) return tableCellsXml(down, split);
  return tableCellsXml(rows.map((r) => r.map((text) => ({ text }))), split);
}

/**
 * lists: a cell's series of measures typed in one line (1.X；2.Y；3.Z, （1）X（2）Y) as the numbered paragraphs Word
 * makes of them, a list of the cell's own (restarting at 1); null for a cell of no such series, in other variants.
 */
let cellNums = null;
function cellList(text) {
  if (!cellNums) return null;
  for (const [form, cut, lead] of [['%1.', /[；;。]\s*(?=\d{1,2}[.、．](?!\d))/, /^\d{1,2}[.、．](?!\d)\s*/], ['（%1）', /(?=[（(]\d{1,2}[）)])/, /^[（(]\d{1,2}[）)]\s*/]]) {
    if (!lead.test(text)) continue;
    const items = text.split(cut).map((t) => t.trim()).filter(Boolean);
    if (items.length < 2 || !items.every((t) => lead.test(t))) continue;
    cellNums.push({ id: 100 + cellNums.length, abstract: form === '%1.' ? 90 : 91, overrides: { 0: 1 } }); // (restarted at 1: Word's own w:num for it)
    const numId = cellNums[cellNums.length - 1].id;
    return items.map((t) => paraXml({ numId, ilvl: 0, runs: [{ text: t.replace(lead, ''), bold: false }] }, false));
  }
  return null;
}

function tableCellsXml(rows, split) {
  const cols = Math.max(...rows.map((r) => r.length));
  const width = Math.floor(9000 / cols);
  const cell = ({ text, merge }, span) => {
    const paras = merge === 'continue' ? [''] : text.split(/<br\s*\/?>/i).map((t) => t.trim());
    const vm = merge === 'restart' ? '<w:vMerge w:val="restart"/>' : merge === 'continue' ? '<w:vMerge/>' : '';
    const inner = paras.flatMap((t) => (t ? cellList(t) ?? [paraXml({ runs: runsOf(t, { runIn: false }) }, split)] : ['<w:p/>']));
    return `<w:tc><w:tcPr><w:tcW w:w="${width * span}" w:type="dxa"/>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}${vm}</w:tcPr>${inner.join('')}</w:tc>`;
  };
  const row = (r, k) => {
    const cells = r.map((c, n) => cell(c, n === r.length - 1 ? cols - r.length + 1 : 1));
    return `<w:tr>${k === 0 ? '<w:trPr><w:tblHeader/></w:trPr>' : ''}${cells.join('')}</w:tr>`;
  };
  return `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>${Array.from({ length: cols }, () => `<w:gridCol w:w="${width}"/>`).join('')}</w:tblGrid>${rows.map(row).join('')}</w:tbl>`;
}

const styles = (linked = {}) => STYLES.replace(/(<w:style w:type="paragraph" w:styleId="(Heading[123])">.*?<w:pPr>)/g, (m, head, id) => (id in linked ? `${head}<w:numPr><w:ilvl w:val="${linked[id]}"/><w:numId w:val="1"/></w:numPr>` : m));
const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="${W}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:pPr><w:jc w:val="both"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="a"/><w:next w:val="a"/><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:rFonts w:eastAsia="方正小标宋简体"/><w:sz w:val="44"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:next w:val="a"/><w:pPr><w:keepNext/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:rFonts w:eastAsia="黑体"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="a"/><w:next w:val="a"/><w:pPr><w:keepNext/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:rFonts w:eastAsia="楷体_GB2312"/><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="a"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="a"/><w:pPr><w:ind w:firstLineChars="200" w:firstLine="420"/></w:pPr></w:style>
<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4"/><w:left w:val="single" w:sz="4"/><w:bottom w:val="single" w:sz="4"/><w:right w:val="single" w:sz="4"/><w:insideH w:val="single" w:sz="4"/><w:insideV w:val="single" w:sz="4"/></w:tblBorders></w:tblPr></w:style>
</w:styles>`;

/** The .docx of a bulletin's text, as `variant` (numbered | typed) describes. */
export function txtToDocx(src, variant = 'numbered') {
  seed = 7;
  const items = layout(src);
  const typed = variant === 'typed';
  const lists = variant === 'lists';
  cellNums = lists ? [] : null;
  const body = [];
  let numbering = null;
  if (!typed) numbering = planNumbering(items, lists, variant === 'mixed');
  const titles = items.filter((it) => it.kind === 'title');
  for (let k = 0; k < items.length; k++) {
    const it = items[k];
    // typed: a table typed as columns of tabs (a tab stop a column) stays so, a paragraph a row
    if (it.kind === 'table' && typed && it.tabbed) { for (const r of it.rows) body.push(paraXml({ runs: [{ text: r.join('\t'), bold: false }] }, true)); continue; }
    if (it.kind === 'table') { body.push(tableXml(it.rows, typed, lists)); continue; }
    if (it.kind === 'title') {
      // typed: the title's lines one centred paragraph, broken softly; numbered: each line a Title paragraph
      if (typed) { if (it === titles[0]) body.push(paraXml({ align: 'center', lines: titles.map((t) => [{ text: t.text, bold: true }]) }, true)); }
      else body.push(paraXml({ style: 'Title', runs: [{ text: it.text, bold: false }] }, false));
      continue;
    }
    if (!typed) {
      body.push(paraXml({ style: it.style, numId: it.viaStyle ? null : it.numId, ilvl: it.ilvl, indent: it.indent, runs: it.runs }, false));
      continue;
    }
    // typed: the number back in the text; up to three lines one paragraph, broken by w:br
    const group = [it];
    const size = 1 + Math.floor(rand() * 3);
    while (group.length < size && items[k + 1]?.kind === 'p') group.push(items[++k]);
    const lineRuns = (g) => {
      if (!g.num) return g.runs;
      const label = g.typed.slice(0, g.typed.length - g.runs.map((r) => r.text).join('').length);
      return [{ text: label, bold: g.runs[0]?.bold ?? false }, ...g.runs];
    };
    body.push(paraXml({ indent: true, lines: group.map(lineRuns) }, true));
  }
  const doc = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="${W}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>${body.join('')}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>`;
  const ct = (p, t) => `<Override PartName="${p}" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.${t}+xml"/>`;
  const rel = (id, t, target) => `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${t}" Target="${target}"/>`;
  const files = {
    '[Content_Types].xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${ct('/word/document.xml', 'document.main')}${ct('/word/styles.xml', 'styles')}${numbering ? ct('/word/numbering.xml', 'numbering') : ''}</Types>`),
    '_rels/.rels': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel('rId1', 'officeDocument', 'word/document.xml')}</Relationships>`),
    'word/_rels/document.xml.rels': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel('rId1', 'styles', 'styles.xml')}${numbering ? rel('rId2', 'numbering', 'numbering.xml') : ''}</Relationships>`),
    'word/document.xml': strToU8(doc),
    'word/styles.xml': strToU8(styles(numbering?.linked)),
  };
  if (numbering) files['word/numbering.xml'] = strToU8(numberingXml(numbering));
  return zipSync(files, { mtime: new Date('2024-01-01T00:00:00Z') });
}

const here = dirname(fileURLToPath(import.meta.url));
/**
 * The fixtures whose bulletin.docx was made here from their bulletin.txt, and the variant each was made as
 * (`--fixtures` makes them again): those that showed a cause, and layouts the other variants keep read.
 */
export const FIXTURE_DOCX = {
  'pipe-lines-2024': 'numbered', // a category's paragraph over each headerless table of its problems
  'tables-tsv-2024': 'typed', // a ledger typed in columns at tab stops, category rows of one cell
  'ledger-appendix-2024': 'typed', // the same as an appendix after the text
  'spaced-table-2024': 'typed', // a ledger laid out in spaces, typed with tabs
  'status-table-after-2022': 'typed', // a short status table typed in tabs after the problems
  'totals-table-2024': 'typed', // a table of figures typed in tabs
  'box-table-2024': 'lists', // a ledger table, its categories a column merged down (vMerge)
  'tables-markdown-2023': 'lists', // tables whose cells' measures are numbered paragraphs of their own list
  'four-levels-2023': 'numbered', // four levels of one multilevel list, restarts per parent
  'decimal-outline-2023': 'numbered', // legal numbering 1.1 / 1.1.1 (isLgl, %1.%2)
  'enclosed-numerals-2023': 'lists', // measures ①② a list of their own, restarted under each problem
  'reversed-levels-2024': 'mixed', // parts and measures numbered by Word, the rest typed
};
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const vi = args.indexOf('--variant');
  const variant = vi >= 0 ? args.splice(vi, 2)[1] : 'numbered';
  if (args[0] === '--fixtures') {
    const fixtures = join(here, '..', '..', 'fixtures');
    for (const [name, v] of Object.entries(FIXTURE_DOCX)) {
      writeFileSync(join(fixtures, name, 'bulletin.docx'), txtToDocx(readFileSync(join(fixtures, name, 'bulletin.txt'), 'utf8'), v));
      console.log(`fixtures/${name}/bulletin.docx (${v})`);
    }
  } else if (args[0] === '--all') {
    const out = args[1];
    if (!out) { console.error('usage: txt-to-docx.mjs --all OUTDIR'); process.exit(2); }
    mkdirSync(out, { recursive: true });
    const fixtures = join(here, '..', '..', 'fixtures');
    let n = 0;
    for (const name of readdirSync(fixtures).sort()) {
      const src = join(fixtures, name, 'bulletin.txt');
      if (!existsSync(src)) continue;
      const text = readFileSync(src, 'utf8');
      for (const v of ['numbered', 'typed', 'lists', 'mixed']) writeFileSync(join(out, `${name}.${v}.docx`), txtToDocx(text, v));
      n++;
    }
    console.log(`wrote ${n * 4} files to ${out}`);
  } else {
    const [src, out] = args;
    if (!src || !out || !['numbered', 'typed', 'lists', 'mixed'].includes(variant)) { console.error('usage: txt-to-docx.mjs [--variant numbered|typed] SRC.txt OUT.docx | --all OUTDIR'); process.exit(2); }
    writeFileSync(out, txtToDocx(readFileSync(src, 'utf8'), variant));
    console.log(`wrote ${out}`);
  }
}
