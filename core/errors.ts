// Per-file failure with a stable code. Readers and stages throw these; the batch
// runner records them and goes on. Anything else thrown is a bug (code `internal`).
export const ERROR_CODES = {
  empty_file: 'the file is empty',
  too_large: 'the file is larger than the configured limit',
  binary_input: 'the bytes are not text in any supported encoding',
  unsupported_format: 'not a supported format',
  pdf_encrypted: 'the PDF is encrypted',
  pdf_no_text: 'the PDF has no text layer (a scan?)',
  pdf_corrupt: 'the PDF cannot be parsed',
  docx_corrupt: 'the DOCX cannot be read',
  docx_too_large: 'the DOCX expands beyond the size cap (zip bomb?)',
  doc_corrupt: 'the .doc (Word 97–2003) cannot be read',
  doc_encrypted: 'the .doc is password-protected',
  image_corrupt: 'the picture cannot be decoded',
  image_too_large: 'the picture has more pixels than any scanned page (decoding it would take gigabytes)',
  html_no_body: 'no article text found in the HTML page',
  mhtml_corrupt: 'the saved web page (MHTML, .mht) cannot be read: no MIME structure or no page in it',
  timeout: 'the document took longer than the time limit',
  out_of_memory: 'the document exceeded the memory limit',
  worker_crashed: 'reading the document killed its worker process twice (a native crash): left out, the batch went on',
  unreadable: 'the file cannot be read',
  not_a_file: 'not a regular file (a FIFO, a device, a socket): only files are read',
  internal: 'internal error (a bug)',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class ZhenggaiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly path?: string,
  ) {
    super(message ?? ERROR_CODES[code]);
    this.name = 'ZhenggaiError';
  }
}

export function toZhenggaiError(e: unknown, path?: string): ZhenggaiError {
  if (e instanceof ZhenggaiError) return e;
  const err = e as NodeJS.ErrnoException;
  if (err && (err.code === 'EACCES' || err.code === 'ENOENT' || err.code === 'EISDIR' || err.code === 'EPERM')) {
    // Node's message already starts with its code (ENOENT: no such file…): said once
    return new ZhenggaiError('unreadable', err.message.startsWith(`${err.code}`) ? err.message : `${err.code}: ${err.message}`, path);
  }
  return new ZhenggaiError('internal', err?.stack?.split('\n').slice(0, 3).join(' | ') ?? String(e), path);
}
