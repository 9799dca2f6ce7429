// A web page saved as one file (MHTML, RFC 2557: Chrome's and Edge's "Webpage, Single File",
// Internet Explorer's and Word's .mht): a MIME multipart/related message whose parts are the
// page and its resources. @zone-eu/mailsplit splits the MIME structure (folded headers, nested
// multiparts, boundaries), libqp and Buffer undo the transfer encodings, libmime decodes the
// RFC 2047 Subject. The page is the text/html part at Snapshot-Content-Location (else the
// multipart's start=, else the first text/html part); its bytes go to the HTML reader with the
// part's declared charset, or none so that the page's own <meta> decides (Chrome declares none).
import type { Transform } from 'node:stream';
import { Splitter, type MimeNode, type SplitterChunk } from '@zone-eu/mailsplit';
import libmime from 'libmime';
import { decode as decodeQp } from 'libqp';
import { ZhenggaiError } from '../core/errors.js';
import type { ReadResult } from '../core/doc.js';
import { readHtml } from './html.js';

interface Part { node: MimeNode; body: Buffer[]; length: number }

/** The message's parts, each with its body as written (still transfer-encoded); whether the closing boundary was reached. */
function split(bytes: Uint8Array): Promise<{ parts: Part[]; complete: boolean }> {
  return new Promise((resolve, reject) => {
    const splitter = new Splitter();
    const parts: Part[] = [];
    let current: Part | null = null;
    let tail = '';
    splitter.on('data', (d: SplitterChunk) => {
      if (d.type === 'node') { current = { node: d, body: [], length: 0 }; parts.push(current); }
      else if (d.type === 'body' && current) { current.body.push(d.value); current.length += d.value.length; }
      else if (d.type === 'data') tail = (tail + d.value.toString('latin1')).slice(-200);
    });
    // (the typings name only the data event: the splitter is a Transform stream)
    const stream = splitter as unknown as Transform;
    stream.on('error', (e: Error) => reject(new ZhenggaiError('mhtml_corrupt', `the MIME structure cannot be read: ${e.message}`)));
    stream.on('end', () => {
      const boundary = parts[0]?.node.headers ? /boundary\s*=\s*"?([^";\r\n]+)"?/i.exec(parts[0].node.headers.getFirst('content-type'))?.[1] : undefined;
      resolve({ parts, complete: !!boundary && tail.includes(`--${boundary}--`) });
    });
    splitter.end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  });
}

function decodeBody(p: Part): Buffer {
  const raw = Buffer.concat(p.body, p.length);
  switch (p.node.encoding) {
    case 'quoted-printable': return decodeQp(raw);
    case 'base64': return Buffer.from(raw.toString('latin1').replace(/[^A-Za-z0-9+/=_-]/g, ''), 'base64');
    default: return raw; // 7bit, 8bit, binary
  }
}

const header = (p: Part | undefined, name: string) => (p?.node.headers ? p.node.headers.getFirst(name) : '').trim();
const cid = (s: string) => s.replace(/^<|>$/g, '').replace(/^cid:/i, '').trim().toLowerCase();

export async function readMhtml(bytes: Uint8Array): Promise<ReadResult> {
  const { parts, complete } = await split(bytes);
  const root = parts[0];
  if (!root || !root.node.multipart) throw new ZhenggaiError('mhtml_corrupt', 'not a MIME multipart document: no parts to read');
  const pages = parts.filter((p) => !p.node.multipart && (p.node.contentType || '').toLowerCase() === 'text/html');
  if (!pages.length) throw new ZhenggaiError('mhtml_corrupt', `no web page (text/html part) among its ${parts.length - 1} parts${complete ? '' : ': the file is cut short'}`);
  // the page saved: the snapshot's location, else the multipart's start= (a Content-ID), else the first page
  const location = header(root, 'snapshot-content-location');
  const start = /start\s*=\s*"?([^";\r\n]+)"?/i.exec(header(root, 'content-type'))?.[1];
  const page = (location && pages.find((p) => header(p, 'content-location') === location))
    || (start && pages.find((p) => cid(header(p, 'content-id')) === cid(start)))
    || pages[0]!;
  const html = decodeBody(page);
  if (!html.length) throw new ZhenggaiError('mhtml_corrupt', `the web page part is empty${complete ? '' : ': the file is cut short'}`);
  const last = page === parts[parts.length - 1];
  // the page's <title> or <h1> names it; where neither does, the Subject the browser wrote from the title
  const cut = !complete && last;
  const container = { charset: page.node.charset || null, title: libmime.decodeWords(header(root, 'subject')).trim() || undefined, cut };
  let result: ReadResult | null = null;
  // a page cut short may end inside a character: up to three bytes of it are left off
  for (let drop = 0; !result; drop++) {
    try {
      result = readHtml(html.subarray(0, html.length - drop), container);
    } catch (e) {
      // (a cut page's open elements are closed where it ends: thousands left open nest past the stack)
      if (e instanceof RangeError && cut) throw new ZhenggaiError('mhtml_corrupt', 'the file is cut short inside its web page, with its elements nested too deep to read');
      if (!(e instanceof ZhenggaiError) || !cut) throw e;
      if (e.code === 'binary_input' && drop < 3) continue;
      // a page cut off before its article is a damaged file, not a page without one
      throw new ZhenggaiError('mhtml_corrupt', `the file is cut short inside its web page${e.code === 'html_no_body' ? ', before any article text' : `: ${e.message}`}`);
    }
  }
  if (cut) {
    (result.warnings ??= []).push({ id: 'read.mhtml.truncated', code: 'mhtml_truncated', message: 'the file ends inside its web page (no closing boundary): the page is read as far as it goes' });
  }
  return result;
}
