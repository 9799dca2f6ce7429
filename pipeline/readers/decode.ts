// Bytes → string for text-like inputs. Rule: BOM, else strict UTF-8, else GB18030.
// (HTML readers may pass a declared charset first.) Binary bytes are refused.
import { ZhenggaiError } from '../errors.js';

export interface Decoded {
  text: string;
  encoding: string;
}

const LABELS: Record<string, string> = {
  'utf-8': 'utf-8', utf8: 'utf-8',
  gbk: 'gb18030', gb2312: 'gb18030', gb18030: 'gb18030', 'x-gbk': 'gb18030', cp936: 'gb18030', 'euc-cn': 'gb18030',
  'utf-16le': 'utf-16le', 'utf-16be': 'utf-16be', 'utf-16': 'utf-16le', big5: 'big5',
};

export function canonicalCharset(label: string | undefined | null): string | null {
  if (!label) return null;
  return LABELS[label.trim().toLowerCase()] ?? null;
}

function tryDecode(bytes: Uint8Array, enc: string, fatal: boolean): string | null {
  try {
    return new TextDecoder(enc, { fatal, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

/** Share of C0 control characters other than tab/CR/LF/FF; NUL alone is enough to call it binary. */
function looksBinary(s: string): boolean {
  let ctrl = 0;
  const n = Math.min(s.length, 65536);
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) ctrl++;
  }
  return n > 0 && ctrl / n > 0.02;
}

export function decodeText(bytes: Uint8Array, declared?: string | null): Decoded {
  let out: Decoded | null = null;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) out = { text: tryDecode(bytes.subarray(3), 'utf-8', false)!, encoding: 'utf-8' };
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) out = { text: tryDecode(bytes.subarray(2), 'utf-16le', false)!, encoding: 'utf-16le' };
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) out = { text: tryDecode(bytes.subarray(2), 'utf-16be', false)!, encoding: 'utf-16be' };
  else {
    const decl = canonicalCharset(declared);
    const order = decl && decl !== 'utf-8' ? [decl, 'utf-8', 'gb18030'] : ['utf-8', 'gb18030'];
    for (const enc of order) {
      const t = tryDecode(bytes, enc, true);
      if (t !== null) { out = { text: t, encoding: enc }; break; }
    }
  }
  if (!out) throw new ZhenggaiError('binary_input', 'bytes decode as neither UTF-8 nor GB18030');
  if (looksBinary(out.text)) throw new ZhenggaiError('binary_input', `bytes decoded as ${out.encoding} contain control characters: binary, not text`);
  return out;
}

// Characters that UTF-8 Chinese turns into when misread as GBK and saved again
// (鏂伴噹 for 新野, 鍏 …): frequent in mojibake, rare in real bulletins.
const MOJIBAKE = /[鍏鏂鐨閮缁璇鎴浠涓鍙鐢鍚鍔鏈闂瀛瑕姣绠绋鍒锛銆]/g;

/** Share of text that looks like mojibake; the caller warns above a threshold. */
export function mojibakeScore(text: string): number {
  const cjk = text.match(/[\u4e00-\u9fff]/g)?.length ?? 0;
  if (cjk < 20) return 0;
  return (text.match(MOJIBAKE)?.length ?? 0) / cjk;
}
