// The OCR page time limit, in a module of its own: the batch and the extract thread read it
// without loading the OCR reader.
export const DEFAULT_OCR_PAGE_TIMEOUT_MS = 180_000;
/** The time limit of a whole document that is read by OCR (it replaces --timeout once OCR starts): one limit, never re-armed page by page. */
export const DEFAULT_OCR_TIMEOUT_MS = 600_000;
/** At most this many pages of a scan are read by OCR (--ocr-max-pages). */
export const DEFAULT_OCR_MAX_PAGES = 100;
