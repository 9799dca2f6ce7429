// The OCR page time limit, in a module of its own: the batch and the extract thread read it
// without loading the OCR reader.
export const DEFAULT_OCR_PAGE_TIMEOUT_MS = 180_000;
