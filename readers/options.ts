// What a caller may set for reading one file (limits, OCR).
import type { DocxLimits } from './docx.js';

export interface ReadOptions {
  maxBytes?: number;
  docx?: DocxLimits;
  /** read scanned PDF pages and pictures by OCR (default true); false restores pdf_no_text */
  ocr?: boolean;
  /** time limit of one OCR page */
  ocrPageTimeoutMs?: number;
  /** at most this many pages of a scan are read by OCR (the rest: ocr_pages_skipped) */
  ocrMaxPages?: number;
  /**
   * pages of a scan read by OCR at once (default: ZHENGGAI_OCR_JOBS, else the cores; the batch
   * gives each of its workers its share of --jobs)
   */
  ocrJobs?: number;
  /** onnxruntime's threads for each page read at once (default: the cores ÷ the pages read at once) */
  ocrThreads?: number;
  /** told before each OCR page (1-based), for progress and per-page time limits */
  onOcrPage?: (page: number, pages: number) => void;
}
