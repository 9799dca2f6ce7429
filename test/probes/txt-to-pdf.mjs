#!/usr/bin/env node
// Dev tool (no test runs it): typesets a plain-text bulletin as a Word/WPS user prints it to PDF,
// to probe the PDF reader with layouts real bulletins have, against the text's own expected record.
//   node test/probes/txt-to-pdf.mjs [--out DIR] [--header TEXT|--header-title] [--ttf] [--fodt] FILE.txt…
// writes DIR/NAME.pdf (NAME: the fixture folder's name, or the file's; DIR defaults to /tmp/txt-pdf),
// with --fodt also the flat ODT it converted. Needs LibreOffice Writer (Debian: libreoffice-writer-nogui)
// and the Noto CJK fonts (fonts-noto-cjk); --ttf the Droid fallback font (fonts-droid-fallback).
//
// The page is the one of official documents (GB/T 9704): A4, margins 3.7/3.5/2.8/2.6 cm, body in a
// serif CJK face (standing in for 仿宋) at 16pt on a fixed 28pt line, justified, first lines indented
// two characters, so long paragraphs wrap at the page width (hard line ends in the text layer); the
// title large, bold and centred; parts 一、 in a sans face (黑体), （一） in bold; the signature and date
// right-aligned; "— N —" centred in the footer; optionally a running header. Runs of lines holding
// tabs or bars (| ｜, a Markdown or grid table) become real tables with borders, the first row
// repeated over page breaks when it looks like a header. A text hard-wrapped at a fixed width (copied
// out of a PDF) is joined back into its paragraphs first.
import { readFileSync, writeFileSync, mkdirSync, mkdtempSync, rmSync, renameSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const len = (s) => [...s].length;

const PART = /^[一二三四五六七八九十]+、/;
const SUB = /^（[一二三四五六七八九十]+）/;
const NUMBERED = /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.．、）)]|[（(]\d+[）)]|[①-⑳]|问题\d|第[一二三四五六七八九十\d]+)/;
const DATE = /^(?:\d{4}|[〇○零一二]{4})年[\d一二三四五六七八九十]{1,2}月[\d一二三四五六七八九十]{1,3}日$/;
const SEP = /[\t|｜]/;

/** A text hard-wrapped at one width (most long lines of one length): its paragraphs joined again. */
function unwrap(lines) {
  const counts = new Map();
  for (const l of lines) if (len(l) > 15) counts.set(len(l), (counts.get(len(l)) ?? 0) + 1);
  const [width, n] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [0, 0];
  if (n < 5 || n < lines.length * 0.2) return lines;
  const out = [];
  let prevFull = false;
  for (const l of lines) {
    if (prevFull && !NUMBERED.test(l) && !SEP.test(l)) out[out.length - 1] += l;
    else out.push(l);
    prevFull = len(l) >= width - 1;
  }
  return out;
}

/** Cells of one table line (Markdown pipes trimmed), or null for a rule line (|---|, +----+). */
function cellsOf(line) {
  if (/^\s*[|+]?[\s\-:=+|]+$/.test(line) && /[-=]{3}/.test(line)) return null;
  const parts = line.split(/\t|\s*[|｜]\s*/);
  if (/^\s*[|｜]/.test(line)) parts.shift();
  if (/[|｜]\s*$/.test(line)) parts.pop();
  return parts.map((c) => c.trim());
}

/** A run of table lines → rows of cells; a grid table's rows (between +---+ rules) have their lines joined cell by cell. */
function tableRows(run) {
  const grid = run.some((l) => /^\s*\+[-=]/.test(l));
  if (!grid) return run.map(cellsOf).filter(Boolean);
  const rows = [];
  let cur = null;
  for (const l of run) {
    if (/^\s*\+/.test(l)) { if (cur) rows.push(cur); cur = null; continue; }
    const cells = cellsOf(l);
    if (!cells) continue;
    if (!cur) cur = cells.map(() => '');
    cells.forEach((c, i) => { cur[i] = (cur[i] ?? '') + c; });
  }
  if (cur) rows.push(cur);
  return rows;
}

/** Text lines → blocks: title lines, paragraphs of kinds, tables. */
function blocksOf(text) {
  let lines = text.replace(/\r\n?/g, '\n').split('\n').map((l) => l.replace(/[\s\u3000]+$/, '').replace(/^[\s\u3000]+/, '')).filter(Boolean);
  lines = unwrap(lines);
  const blocks = [];
  let k = 0;
  // the title: the short lines at the top that are no sentence
  while (k < lines.length && k < 4 && len(lines[k]) <= 60 && !/[。；：，]$/.test(lines[k]) && !/^(?:根据|按照|为|近日)/.test(lines[k]) && !PART.test(lines[k]) && !SEP.test(lines[k])) {
    blocks.push({ kind: 'title', text: lines[k++] });
  }
  for (; k < lines.length; k++) {
    const l = lines[k];
    const isRow = (s) => s !== undefined && (SEP.test(s) || /^\s*\+[-=]/.test(s));
    if (isRow(l) && (isRow(lines[k + 1]) || isRow(lines[k - 1]) || (len(lines[k + 1] ?? '') <= 60 && isRow(lines[k + 2])))) {
      const run = [];
      // (a short line between rows, a ledger's category, is a row across the table)
      const across = (j) => run.length && len(lines[j]) <= 60 && isRow(lines[j + 1]);
      while (k < lines.length && (isRow(lines[k]) || across(k))) run.push(lines[k++]);
      k--;
      blocks.push({ kind: 'table', rows: tableRows(run) });
      continue;
    }
    const short = len(l) <= 40 && !/。./.test(l);
    if (PART.test(l) && short) blocks.push({ kind: 'part', text: l });
    else if (SUB.test(l) && short) blocks.push({ kind: 'sub', text: l });
    else blocks.push({ kind: 'body', text: l });
  }
  // the signature and date at the end, right-aligned
  const last = blocks.length - 1;
  if (last > 0 && blocks[last].kind === 'body' && DATE.test(blocks[last].text)) {
    blocks[last].kind = 'sign';
    const before = blocks[last - 1];
    if (before.kind === 'body' && len(before.text) <= 30 && !/[。；：，）)]$/.test(before.text)) before.kind = 'sign';
  }
  return blocks;
}

const TEXT_WIDTH = 15.6; // cm

function tableXml(rows, n) {
  const cols = Math.max(...rows.map((r) => r.length));
  // column widths after the cells' lengths (a number column narrow, text columns wide)
  // (as Word's autofit: a column of short cells as wide as its longest cell, up to 4.5 cm; the rest shared by the mean length)
  const full = rows.filter((r) => r.length === cols);
  const longest = (c) => Math.max(2, ...full.map((r) => len(r[c] ?? '')));
  const mean = (c) => full.reduce((s, r) => s + len(r[c] ?? ''), 0) / Math.max(1, full.length);
  // (a column never narrower than its header's words: 0.45 cm a character at 12pt, with the cell's padding)
  const first = full[0] ?? [];
  const fit = (c) => 0.45 * Math.min(8, Math.max(2, len(first[c] ?? ''))) + 0.3;
  const fixed = Array.from({ length: cols }, (_, c) => (longest(c) <= 10 ? Math.max(fit(c), 0.45 * longest(c) + 0.3) : null));
  const rest = TEXT_WIDTH - fixed.reduce((s, w) => s + (w ?? 0), 0);
  const shares = fixed.map((w, c) => (w === null ? Math.min(30, Math.max(6, mean(c))) : 0));
  const total = shares.reduce((a, b) => a + b, 0);
  const widths = fixed.map((w, c) => w ?? Math.max(fit(c), (rest * shares[c]) / total));
  const header = rows.length > 1 && rows[0].length === cols && rows[0].every((c) => len(c) <= 8);
  const cell = (c, span, head) => `<table:table-cell table:style-name="Cell" office:value-type="string"${span > 1 ? ` table:number-columns-spanned="${span}"` : ''}><text:p text:style-name="${head ? 'CellHead' : 'CellText'}">${esc(c)}</text:p></table:table-cell>${'<table:covered-table-cell/>'.repeat(span - 1)}`;
  const row = (r, head) => {
    // a row of fewer cells: its last cell spans the rest (a category row of one cell spans the table)
    const cells = r.map((c, i) => cell(c, i === r.length - 1 ? cols - r.length + 1 : 1, head));
    return `<table:table-row>${cells.join('')}</table:table-row>`;
  };
  const colStyles = widths.map((w, i) => `<style:style style:name="T${n}C${i}" style:family="table-column"><style:table-column-properties style:column-width="${w.toFixed(3)}cm"/></style:style>`).join('');
  const xml = `<table:table table:name="T${n}" table:style-name="Table">${widths.map((_, i) => `<table:table-column table:style-name="T${n}C${i}"/>`).join('')}`
    + (header ? `<table:table-header-rows>${row(rows[0], true)}</table:table-header-rows>` : '')
    + rows.slice(header ? 1 : 0).map((r) => row(r, false)).join('') + '</table:table>';
  return { xml, styles: colStyles };
}

const SERIF = 'Noto Serif CJK SC';
const SANS = 'Noto Sans CJK SC';
// (--ttf: the body in a TrueType face, as Word embeds 仿宋_GB2312 or 宋体: its subset is less than half
// the size of a Noto subset, which LibreOffice writes as Type 1 fonts of 256 glyphs each)
let BODY = SERIF;
const font = (name, size, bold) => `style:font-name="${name}" style:font-name-asian="${name}" fo:font-size="${size}pt" style:font-size-asian="${size}pt"${bold ? ' fo:font-weight="bold" style:font-weight-asian="bold"' : ''}`;

function fodt(blocks, header) {
  const body = [];
  const tableStyles = [];
  let n = 0;
  const style = { title: 'Title', part: 'Part', sub: 'Sub', body: 'Body', sign: 'Sign' };
  for (const b of blocks) {
    if (b.kind === 'table') {
      const t = tableXml(b.rows, n++);
      tableStyles.push(t.styles);
      body.push(t.xml);
    } else body.push(`<text:p text:style-name="${style[b.kind]}">${esc(b.text)}</text:p>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls>
 <style:font-face style:name="${SERIF}" svg:font-family="'${SERIF}'"/>
 <style:font-face style:name="${SANS}" svg:font-family="'${SANS}'"/>
 <style:font-face style:name="${BODY}" svg:font-family="'${BODY}'"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties fo:line-height="28pt" fo:orphans="2" fo:widows="2" style:punctuation-wrap="simple"/>
  <style:text-properties ${font(BODY, 16)} style:font-name-complex="${BODY}"/>
 </style:default-style>
 <style:style style:name="Standard" style:family="paragraph"/>
 <style:style style:name="Body" style:family="paragraph"><style:paragraph-properties fo:text-indent="32pt" fo:text-align="justify"/></style:style>
 <style:style style:name="Title" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:line-height="34pt"/><style:text-properties ${font(SERIF, 22, true)}/></style:style>
 <style:style style:name="Part" style:family="paragraph"><style:paragraph-properties fo:text-indent="32pt" fo:keep-with-next="always"/><style:text-properties ${font(SANS, 16)}/></style:style>
 <style:style style:name="Sub" style:family="paragraph"><style:paragraph-properties fo:text-indent="32pt" fo:keep-with-next="always"/><style:text-properties ${font(SERIF, 16, true)}/></style:style>
 <style:style style:name="Sign" style:family="paragraph"><style:paragraph-properties fo:text-align="end" fo:margin-right="32pt"/></style:style>
 <style:style style:name="CellText" style:family="paragraph"><style:paragraph-properties fo:line-height="115%" fo:text-align="justify"/><style:text-properties ${font(BODY, 12)}/></style:style>
 <style:style style:name="CellHead" style:family="paragraph"><style:paragraph-properties fo:line-height="115%" fo:text-align="center"/><style:text-properties ${font(SANS, 12)}/></style:style>
 <style:style style:name="Footer" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:line-height="100%"/><style:text-properties ${font(BODY, 14)}/></style:style>
 <style:style style:name="Header" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:line-height="100%" fo:border-bottom="0.5pt solid #000000" fo:padding-bottom="2pt"/><style:text-properties ${font(BODY, 10.5)}/></style:style>
</office:styles>
<office:automatic-styles>
 <style:style style:name="Table" style:family="table"><style:table-properties style:width="${TEXT_WIDTH}cm" table:align="center" fo:margin-top="4pt" fo:margin-bottom="4pt"/></style:style>
 <style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:border="0.5pt solid #000000" fo:padding="0.1cm"/></style:style>
 ${tableStyles.join('\n ')}
 <style:page-layout style:name="A4"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="3.2cm" fo:margin-bottom="2.4cm" fo:margin-left="2.8cm" fo:margin-right="2.6cm"/>
  <style:header-style><style:header-footer-properties fo:min-height="0cm" fo:margin-bottom="0.5cm"/></style:header-style>
  <style:footer-style><style:header-footer-properties fo:min-height="0cm" fo:margin-top="0.6cm"/></style:footer-style>
 </style:page-layout>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="A4">${header ? `<style:header><text:p text:style-name="Header">${esc(header)}</text:p></style:header>` : ''}<style:footer><text:p text:style-name="Footer">— <text:page-number text:select-page="current">1</text:page-number> —</text:p></style:footer></style:master-page>
</office:master-styles>
<office:body><office:text>
${body.join('\n')}
</office:text></office:body></office:document>
`;
}

function main(argv) {
  let out = '/tmp/txt-pdf';
  let header = null;
  let headerTitle = false;
  let keepFodt = false;
  const files = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--out') out = argv[++i];
    else if (a === '--header') header = argv[++i];
    else if (a === '--header-title') headerTitle = true;
    else if (a === '--fodt') keepFodt = true;
    else if (a === '--ttf') BODY = 'Droid Sans Fallback';
    else files.push(a);
  }
  if (!files.length) { console.error('usage: txt-to-pdf.mjs [--out DIR] [--header TEXT|--header-title] [--ttf] [--fodt] FILE.txt…'); process.exit(2); }
  mkdirSync(out, { recursive: true });
  const tmp = mkdtempSync(join(tmpdir(), 'txt-pdf-'));
  const names = [];
  for (const f of files) {
    const name = basename(f) === 'bulletin.txt' ? basename(dirname(f)) : basename(f).replace(/\.[^.]+$/, '');
    const blocks = blocksOf(readFileSync(f, 'utf8'));
    // (a running header: the issuer's title line, as some units print it on every page)
    const head = header ?? (headerTitle ? blocks.filter((b) => b.kind === 'title').map((b) => b.text).join('') : null);
    writeFileSync(join(tmp, `${name}.fodt`), fodt(blocks, head));
    names.push(name);
  }
  // one soffice run converts them all (it starts slowly)
  execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${tmp}/profile`, '--convert-to', 'pdf', '--outdir', tmp, ...names.map((n) => join(tmp, `${n}.fodt`))], { stdio: 'ignore' });
  for (const n of names) {
    renameSync(join(tmp, `${n}.pdf`), join(out, `${n}.pdf`));
    if (keepFodt) renameSync(join(tmp, `${n}.fodt`), join(out, `${n}.fodt`));
  }
  rmSync(tmp, { recursive: true, force: true });
  console.log(`wrote ${names.length} PDF(s) to ${out}`);
}

main(process.argv.slice(2));
