// The detector's probability map → text boxes in the page's pixels: PaddleOCR's DB
// post-processing in plain loops, without OpenCV (each region over a threshold, its minimum-area
// rectangle, scored, grown, ordered top to bottom). readers/ocr-engine.ts runs the detector.

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
const MIN_SIDE = 3;
const MAX_BOXES = 1000;

/** A point: x, y. */
export type Pt = [number, number];

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
