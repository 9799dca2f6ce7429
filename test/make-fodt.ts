// Builds a LibreOffice document (flat ODT) whose numbering is LibreOffice's own: the title on
// outline-level headings whose numbering shows nothing, parts 一、 and categories （一） as outline
// headings numbered by the outline style, and problems 1. as a list (continued through the
// document, or restarted in each category). `soffice --headless --convert-to docx|doc` then
// writes the .docx (style-linked levels, numFmt none, w:lvlOverride restarts) and the Word 97
// .doc that the readers must read like the text:
//   tsx test/make-fodt.ts SRC.txt OUT.fodt [--restart]
import { readFileSync, writeFileSync } from 'node:fs';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const HEAD = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:xml="http://www.w3.org/XML/1998/namespace" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:styles>
 <style:style style:name="Standard" style:family="paragraph"/>
 <style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard"/>
 <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="1"/>
 <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="2"/>
 <style:style style:name="Heading_20_3" style:display-name="Heading 3" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="3"/>
 <text:outline-style style:name="Outline">
  <text:outline-level-style text:level="1" style:num-format=""/>
  <text:outline-level-style text:level="2" style:num-format="一, 二, 三, ..." style:num-suffix="、"/>
  <text:outline-level-style text:level="3" style:num-prefix="（" style:num-suffix="）" style:num-format="一, 二, 三, ..."/>
  <text:outline-level-style text:level="4" style:num-format=""/>
 </text:outline-style>
 <text:list-style style:name="Problems">
  <text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"/>
  <text:list-level-style-number text:level="2" style:num-prefix="（" style:num-suffix="）" style:num-format="1"/>
 </text:list-style>
</office:styles>
<office:body><office:text>
`;

/** Text lines → flat ODT body. */
export function makeFodt(src: string, restartPerCategory: boolean): string {
  const lines = src.replace(/\r\n/g, '\n').split('\n').map((l) => l.trim()).filter(Boolean);
  const body: string[] = [];
  let inTitle = true;
  let listOpen = false;
  let lists = 0;
  const closeList = () => {
    if (listOpen) body.push('</text:list>');
    listOpen = false;
  };
  for (const line of lines) {
    let m: RegExpExecArray | null;
    if (inTitle && /^(?:根据|按照|为)/.test(line)) inTitle = false;
    if (inTitle) {
      body.push(`<text:h text:style-name="Heading_20_1" text:outline-level="1">${esc(line)}</text:h>`);
    } else if ((m = /^[一二三四五六七八九十]+、(.+)$/.exec(line))) {
      closeList();
      body.push(`<text:h text:style-name="Heading_20_2" text:outline-level="2">${esc(m[1]!)}</text:h>`);
    } else if ((m = /^（[一二三四五六七八九十]+）(.+)$/.exec(line)) && line.length < 40) {
      closeList();
      if (restartPerCategory) lists++;
      body.push(`<text:h text:style-name="Heading_20_3" text:outline-level="3">${esc(m[1]!)}</text:h>`);
    } else if ((m = /^\d+[.．、](.+)$/.exec(line))) {
      if (!listOpen) {
        // the first list, or a list that continues it (numbered through) or starts afresh
        const id = restartPerCategory ? `list${lists}` : 'list0';
        const cont = !restartPerCategory && body.some((b) => b.includes('xml:id="list0"'));
        body.push(cont ? `<text:list text:style-name="Problems" text:continue-list="list0">` : `<text:list xml:id="${id}" text:style-name="Problems">`);
        listOpen = true;
      }
      body.push(`<text:list-item><text:p text:style-name="Standard">${esc(m[1]!)}</text:p></text:list-item>`);
    } else {
      closeList();
      body.push(`<text:p text:style-name="Standard">${esc(line)}</text:p>`);
    }
  }
  closeList();
  return `${HEAD}${body.join('\n')}\n</office:text></office:body></office:document>\n`;
}

if (process.argv[1] && /make-fodt\.ts$/.test(process.argv[1])) {
  const [src, out] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  if (!src || !out) { console.error('usage: tsx test/make-fodt.ts SRC.txt OUT.fodt [--restart]'); process.exit(2); }
  writeFileSync(out, makeFodt(readFileSync(src, 'utf8'), process.argv.includes('--restart')));
  console.log(`wrote ${out}`);
}
