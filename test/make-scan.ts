// Builds an image-only PDF, as a scanner makes one: each page of a PDF rendered to a grey
// picture (pdftoppm from Debian's poppler-utils, 150 dpi), turned a little, slightly blurred,
// saved as JPEG, and put on a page of its own with no text layer:
//   tsx test/make-scan.ts IN.pdf OUT.pdf
// test/scans/xuchang-jiaotong-2024.pdf (the scanned form of that fixture) was made with it from a LibreOffice
// PDF of that bulletin's text (soffice --convert-to pdf, fonts-wqy-zenhei). `npm run bench` makes
// the seed's scan (fixtures/xinye-kexie-2024/bulletin.pdf, 18 pages) with it for the OCR figures.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';

/** JPEG pages (grey) → a PDF whose pages are those pictures, A4 portrait. */
export function imagePdf(pages: Array<{ jpeg: Buffer; width: number; height: number }>): Buffer {
  const parts: Buffer[] = [];
  const offsets: number[] = [];
  let size = 0;
  const push = (b: Buffer | string) => { const buf = typeof b === 'string' ? Buffer.from(b, 'latin1') : b; parts.push(buf); size += buf.length; };
  const obj = (n: number, body: Buffer | string, stream?: Buffer) => {
    offsets[n] = size;
    push(`${n} 0 obj\n`);
    push(body);
    if (stream) { push('\nstream\n'); push(stream); push('\nendstream'); }
    push('\nendobj\n');
  };
  push('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n');
  const kids = pages.map((_, i) => `${3 + i * 3} 0 R`).join(' ');
  obj(1, '<< /Type /Catalog /Pages 2 0 R >>');
  obj(2, `<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`);
  pages.forEach((p, i) => {
    const n = 3 + i * 3;
    const content = Buffer.from('q 595 0 0 842 0 0 cm /Im0 Do Q', 'latin1');
    obj(n, `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 ${n + 1} 0 R >> >> /Contents ${n + 2} 0 R >>`);
    obj(n + 1, `<< /Type /XObject /Subtype /Image /Width ${p.width} /Height ${p.height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode /Length ${p.jpeg.length} >>`, p.jpeg);
    obj(n + 2, `<< /Length ${content.length} >>`, content);
  });
  const count = 3 + pages.length * 3;
  const xref = size;
  push(`xref\n0 ${count}\n0000000000 65535 f \n`);
  for (let n = 1; n < count; n++) push(`${String(offsets[n]).padStart(10, '0')} 00000 n \n`);
  push(`trailer\n<< /Size ${count} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return Buffer.concat(parts);
}

/** The scanned pages of a PDF: each page as the scanner's grey JPEG (needs pdftoppm from poppler-utils). */
export async function scanPages(pdf: string): Promise<Array<{ jpeg: Buffer; width: number; height: number }>> {
  const dir = mkdtempSync(join(tmpdir(), 'zg-scan-'));
  try {
    execFileSync('pdftoppm', ['-r', '150', '-gray', '-png', pdf, join(dir, 'p')]);
    const pages = [];
    for (const [i, f] of readdirSync(dir).filter((f) => f.endsWith('.png')).sort().entries()) {
      const { data, info } = await sharp(readFileSync(join(dir, f)))
        .rotate(i % 2 ? 0.4 : -0.3, { background: '#ffffff' })
        .blur(0.6)
        .greyscale()
        .jpeg({ quality: 70 })
        .toBuffer({ resolveWithObject: true });
      pages.push({ jpeg: data, width: info.width, height: info.height });
    }
    return pages;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function scan(pdf: string): Promise<Buffer> {
  return imagePdf(await scanPages(pdf));
}

if (process.argv[1] && /make-scan\.ts$/.test(process.argv[1])) {
  const [src, out] = process.argv.slice(2);
  if (!src || !out) { console.error('usage: tsx test/make-scan.ts IN.pdf OUT.pdf'); process.exit(2); }
  writeFileSync(out, await scan(src));
  console.log(`wrote ${out}`);
}
