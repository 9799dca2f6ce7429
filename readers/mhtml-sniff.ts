// Telling a page saved as one file (MHTML, .mht) from its first bytes, without loading the MIME
// reader (readers/mhtml.ts): a MIME header block whose Content-Type is multipart/related, or
// multipart/* under a MIME-Version header.

/** Does a file open as a MIME message whose type is multipart (the header block, before its first blank line)? */
export function looksMhtml(head: string): boolean {
  const header = head.split(/\r?\n\r?\n/, 1)[0] ?? '';
  if (!/^[\w-]+:/.test(header)) return false;
  return /^content-type:\s*multipart\/related\b/im.test(header)
    || (/^mime-version:/im.test(header) && /^content-type:\s*multipart\//im.test(header));
}
