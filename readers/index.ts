// Stage 1: bytes → text. The format is detected from the content (magic bytes,
// markup, the OLE signature of .doc/.wps), not only the extension.
import { extname } from 'node:path';
import { ZhenggaiError } from '../core/errors.js';
import { decodeText } from './decode.js';
import { textBlocks } from '../core/blocks.js';
import { looksMhtml } from './mhtml-sniff.js';
// The PDF, DOCX and HTML readers (pdf.js, an XML parser, an HTML parser) load on first need:
// a batch of text files never pays for them.
import type { ReadResult } from '../core/doc.js';

export type { ReadOptions } from './options.js';
import type { ReadOptions } from './options.js';
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

export type Sniffed = 'pdf' | 'zip' | 'ole' | 'image' | 'mhtml' | 'html' | 'text' | 'empty';

export function sniff(bytes: Uint8Array): Sniffed {
  if (bytes.length === 0) return 'empty';
  const b = bytes;
  if (b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46) return 'pdf'; // %PDF
  // a PDF may have junk before the header (within the first 1 KB)
  if (new TextDecoder('latin1').decode(b.subarray(0, 1024)).includes('%PDF-')) return 'pdf';
  if (b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5 || b[2] === 7)) return 'zip';
  if (b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0) return 'ole'; // .doc/.wps/.xls
  // pictures: PNG, JPEG, TIFF (both byte orders), BMP, WebP
  if ((b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) || (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff)
    || (b[0] === 0x49 && b[1] === 0x49 && b[2] === 0x2a && b[3] === 0x00) || (b[0] === 0x4d && b[1] === 0x4d && b[2] === 0x00 && b[3] === 0x2a)
    || (b[0] === 0x42 && b[1] === 0x4d && b.length > 26 && b[14]! >= 12)
    || (b[0] === 0x52 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x46 && b[8] === 0x57 && b[9] === 0x45 && b[10] === 0x42 && b[11] === 0x50)) return 'image';
  let head = new TextDecoder('latin1').decode(b.subarray(0, 2048)).replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart().toLowerCase();
  if (b[0] === 0xff && b[1] === 0xfe) head = new TextDecoder('utf-16le').decode(b.subarray(2, 2048)).trimStart().toLowerCase();
  // a page saved as one file (MHTML, .mht): a MIME message of type multipart/related
  if (looksMhtml(new TextDecoder('latin1').decode(b.subarray(0, 16384)).replace(/^\xEF\xBB\xBF/, '').trimStart())) return 'mhtml';
  if (/^(<!doctype html|<html|<\?xml[^>]*>\s*<html|<head|<meta|<body)/.test(head) || (/<(html|body|div|p)[\s>]/.test(head) && /<\/(p|div|body|html)>/.test(head))) return 'html';
  return 'text';
}

function isText(bytes: Uint8Array): boolean {
  try { decodeText(bytes); return true; } catch { return false; }
}

export async function readBytes(bytes: Uint8Array, path: string, opts: ReadOptions = {}): Promise<ReadResult> {
  const max = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > max) throw new ZhenggaiError('too_large', `${bytes.length} bytes is over the ${max}-byte limit (--max-bytes)`);
  const kind = sniff(bytes);
  const ext = extname(path).toLowerCase();
  switch (kind) {
    case 'empty':
      throw new ZhenggaiError('empty_file', 'the file is empty');
    case 'pdf':
      return (await import('./pdf.js')).readPdf(bytes, opts);
    case 'image': {
      if (opts.ocr === false) throw new ZhenggaiError('unsupported_format', 'a picture: its text can only be read by OCR, which is off (--no-ocr)');
      // decoded and read in the OCR process: a native crash there fails this picture only
      const client = await import('./ocr-client.js');
      return client.inThread() ? (await import('./ocr.js')).readImage(bytes, opts) : client.readImageInChild(bytes, opts);
    }
    case 'zip':
      return (await import('./docx.js')).readDocx(bytes, opts.docx);
    case 'ole':
      // Word 97–2003 .doc, and .wps saved by WPS Office in the same format; an OLE file of
      // another kind (.xls, .ppt, an old WPS format) is unsupported_format with a hint
      return (await import('./doc.js')).readDoc(bytes);
    case 'mhtml':
      return (await import('./mhtml.js')).readMhtml(bytes);
    case 'html':
      return (await import('./html.js')).readHtml(bytes);
    case 'text': {
      // a binary file that claims to be a PDF or DOCX is a broken one of those
      if (ext === '.pdf' && !isText(bytes)) throw new ZhenggaiError('pdf_corrupt', 'no %PDF header: not a PDF (truncated or damaged download?)');
      if (ext === '.docx' && !isText(bytes)) throw new ZhenggaiError('docx_corrupt', 'not a zip archive: not a .docx');
      if (ext === '.mht' || ext === '.mhtml') throw new ZhenggaiError('mhtml_corrupt', `no MIME header (Content-Type: multipart/related): not a saved ${ext} page, or its head is damaged`);
      if (['.doc', '.wps', '.xls', '.xlsx', '.ppt', '.pptx', '.odt', '.rtf'].includes(ext)) {
        if (ext === '.rtf' || !decodeText(bytes).text.trim()) throw new ZhenggaiError('unsupported_format', `${ext} is not a supported format: save it as .docx, PDF or text`);
      }
      const { text, encoding } = decodeText(bytes);
      if (!text.trim()) throw new ZhenggaiError('empty_file', 'the file holds only white space');
      return { format: 'txt', encoding, text, meta: {}, blocks: textBlocks(text) };
    }
  }
}
