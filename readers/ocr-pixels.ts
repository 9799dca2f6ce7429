// Pixels into the models' Float32 tensors, each in one pass (readers/ocr-engine.ts runs the
// models): the page scaled down for the detector, and each box found (readers/ocr-boxes.ts) cut
// out of the full-size page, turned upright and scaled to the recognizer's height.
import type { Pt } from './ocr-boxes.js';

/** Raw pixels, row by row: 1 (grey), 2 (grey + alpha), 3 (RGB) or 4 (RGBA) bytes a pixel. */
export interface Raster { data: Uint8Array | Uint8ClampedArray; width: number; height: number; channels: number }

/** The recognizer's input height, in pixels. */
export const REC_HEIGHT = 48;
/** a box's width scaled with its height, then squeezed to this much of it (why: REC_UNCLIP in ocr-boxes.ts) */
const REC_SQUEEZE = 0.8;
/** a box longer than this (in recognizer pixels) is not read in one piece: it is split */
const REC_MAX_WIDTH = 3200;

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

// --- detection input: the page scaled to dw × dh (area average), BGR planes, values / 255

/** The page scaled to dw × dh, each pixel the mean of those it covers, as the detector's BGR planes (a grey page: three equal planes). */
export function detInput(img: Raster, dw: number, dh: number): Float32Array {
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
