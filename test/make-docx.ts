// Builds a .docx whose numbering is Word's own automatic list numbering (numbering.xml),
// not typed digits, and whose | lines are Word tables: `tsx test/make-docx.ts SRC.txt OUT.docx`. The fixture
// fixtures/nanyang-weijianwei-2024/bulletin.docx was made with it from bulletin.txt.
import { readFileSync, writeFileSync } from 'node:fs';
import { zipSync, strToU8 } from 'fflate';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

// numId 1: parts 一、 (chineseCounting); numId 2: categories （一）; numId 3: problems 1. numbered
// through the whole document (a list of its own, so it does not restart under each category).
const NUMBERING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%1）"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>
</w:numbering>`;

function para(text: string, num?: { id: number; lvl: number }, look: { bold?: boolean; style?: string } = {}): string {
  const props = `${look.style ? `<w:pStyle w:val="${look.style}"/>` : ''}${num ? `<w:numPr><w:ilvl w:val="${num.lvl}"/><w:numId w:val="${num.id}"/></w:numPr>` : ''}`;
  const pPr = props ? `<w:pPr>${props}</w:pPr>` : '';
  return `<w:p>${pPr}<w:r>${look.bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${esc(text)}</w:t></w:r></w:p>`;
}

// Heading styles as WPS writes them (styleId "3", name "标题 3"): found by their names
const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>
${[1, 2, 3, 4].map((n) => `<w:style w:type="paragraph" w:styleId="${n}"><w:name w:val="标题 ${n}"/><w:basedOn w:val="a"/><w:rPr><w:b/></w:rPr></w:style>`).join('\n')}
</w:styles>`;

const cell = (t: string) => `<w:tc><w:p><w:r><w:t xml:space="preserve">${esc(t)}</w:t></w:r></w:p></w:tc>`;
const table = (rows: string[][]) => `<w:tbl>${rows.map((r) => `<w:tr>${r.map(cell).join('')}</w:tr>`).join('')}</w:tbl>`;

/** Lines with | are table rows (consecutive ones make one Word table); **X** is a paragraph in bold, ### X one in the style 标题 3. */
export function makeDocx(src: string): Uint8Array {
  const body: string[] = [];
  let rows: string[][] = [];
  const flush = () => { if (rows.length) body.push(table(rows)); rows = []; };
  for (const line of src.replace(/\r\n/g, '\n').split('\n')) {
    if (!line.trim()) continue;
    if (line.includes('|')) { rows.push(line.split('|').map((c) => c.trim())); continue; }
    flush();
    let m: RegExpExecArray | null;
    if ((m = /^\*\*(.+)\*\*$/.exec(line))) body.push(para(m[1]!, undefined, { bold: true }));
    else if ((m = /^(#{1,4})\s+(.+)$/.exec(line))) body.push(para(m[2]!, undefined, { style: String(m[1]!.length) }));
    else if ((m = /^[一二三四五六七八九十]+、(.*)$/.exec(line))) body.push(para(m[1]!, { id: 1, lvl: 0 }));
    else if ((m = /^[（(][一二三四五六七八九十]+[）)](.*)$/.exec(line))) body.push(para(m[1]!, { id: 2, lvl: 0 }));
    else if ((m = /^\d+[.．、](.*)$/.exec(line))) body.push(para(m[1]!, { id: 3, lvl: 0 }));
    else body.push(para(line));
  }
  flush();
  const doc = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>${body.join('')}</w:body></w:document>`;
  return zipSync({
    '[Content_Types].xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>`),
    '_rels/.rels': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`),
    'word/_rels/document.xml.rels': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>`),
    'word/document.xml': strToU8(doc),
    'word/numbering.xml': strToU8(NUMBERING),
    'word/styles.xml': strToU8(STYLES),
  });
}

if (process.argv[1] && /make-docx\.ts$/.test(process.argv[1])) {
  const [src, out] = process.argv.slice(2);
  if (!src || !out) { console.error('usage: tsx test/make-docx.ts SRC.txt OUT.docx'); process.exit(2); }
  writeFileSync(out, makeDocx(readFileSync(src, 'utf8')));
  console.log(`wrote ${out}`);
}
