// The ruled lines a PDF page draws (a table's borders), in the frame its text is read in
// (pdf-rotation.ts): the horizontal rules between a table's rows and the vertical ones between its
// columns, so a ledger's rows are told by its borders (pdf-tables.ts) and not only by where its
// numbers stand: a row whose cells are centred vertically has its number beside the middle of
// its problem, and a category merged down over several rows stands beside the middle of them.
//
// pdf.js gives the page's drawing operations (getOperatorList): each path is built from moveTo /
// lineTo / curveTo / closePath with numbers after them (pdf.js 5's constructPath), drawn under the
// transform the save / restore / cm operations leave. A stroked line and the edges of a rectangle
// (a filled thin rectangle is how Word draws a border) are taken; a path that only clips is not.

/** A horizontal rule (y, from x0 to x1) or a vertical one (x, from y0 to y1), in the reading frame (y up). */
export interface Borders { h: Array<{ y: number; x0: number; x1: number }>; v: Array<{ x: number; y0: number; y1: number }> }

type Matrix = [number, number, number, number, number, number];
const times = (a: readonly number[], b: readonly number[]): Matrix => [
  a[0]! * b[0]! + a[2]! * b[1]!, a[1]! * b[0]! + a[3]! * b[1]!,
  a[0]! * b[2]! + a[2]! * b[3]!, a[1]! * b[2]! + a[3]! * b[3]!,
  a[0]! * b[4]! + a[2]! * b[5]! + a[4]!, a[1]! * b[4]! + a[3]! * b[5]! + a[5]!,
];

/** The page proxy fields read here. */
export interface BorderPage { getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[][] }> }
/** pdf.js's operation codes used here. */
export type Ops = Record<'save' | 'restore' | 'transform' | 'constructPath' | 'endPath' | 'paintFormXObjectBegin' | 'paintFormXObjectEnd', number>;

/** A rule no shorter than this (points) is a border; shorter strokes are glyph-like marks. */
const MIN_RULE = 4;
/** How far from level (points) a rule may be and still be horizontal (or vertical). */
const LEVEL = 0.6;

/**
 * unpdf 1.7's pdf.js hands font data over with ArrayBuffer.prototype.transferToFixedLength (Node
 * 21 and later): on Node 20 getOperatorList fails on every page with a font without it. Given
 * here, with the standard's meaning, before a page's operations are asked for (OCR's drawing of a
 * page needs it too).
 */
export function fontTransfer(): void {
  type Transfers = { transferToFixedLength?: (n?: number) => ArrayBuffer; transfer?: (n?: number) => ArrayBuffer };
  const proto = ArrayBuffer.prototype as ArrayBuffer & Transfers;
  if (proto.transferToFixedLength) return;
  const transfer = function (this: ArrayBuffer, n = this.byteLength): ArrayBuffer {
    const moved = structuredClone(this, { transfer: [this] });
    if (n === moved.byteLength) return moved;
    const out = new ArrayBuffer(n);
    new Uint8Array(out).set(new Uint8Array(moved, 0, Math.min(n, moved.byteLength)));
    return out;
  };
  Object.defineProperty(proto, 'transferToFixedLength', { value: transfer, writable: true, configurable: true });
  if (!proto.transfer) Object.defineProperty(proto, 'transfer', { value: transfer, writable: true, configurable: true });
}

/** A path's straight segments in its own coordinates (pdf.js 5's path data: 0 moveTo, 1 lineTo, 2 curveTo, 3 quadraticCurveTo, 4 closePath). */
export function pathSegments(data: ArrayLike<number>): Array<[number, number, number, number]> {
  const out: Array<[number, number, number, number]> = [];
  let [x, y, sx, sy] = [0, 0, 0, 0];
  for (let n = 0; n < data.length; ) {
    const op = data[n++];
    if (op === 0) { x = sx = data[n++]!; y = sy = data[n++]!; }
    else if (op === 1) { const [nx, ny] = [data[n++]!, data[n++]!]; out.push([x, y, nx, ny]); [x, y] = [nx, ny]; }
    else if (op === 2) { n += 4; [x, y] = [data[n++]!, data[n++]!]; }
    else if (op === 3) { n += 2; [x, y] = [data[n++]!, data[n++]!]; }
    else if (op === 4) { if (x !== sx || y !== sy) out.push([x, y, sx, sy]); [x, y] = [sx, sy]; }
    else break;
  }
  return out;
}

/** The page's rules in the frame of the viewport `view` (its transform, y down) of height `height`. */
export async function pageBorders(page: BorderPage, OPS: Ops, view: readonly number[], height: number): Promise<Borders> {
  fontTransfer();
  const list = await page.getOperatorList();
  const out: Borders = { h: [], v: [] };
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const saved: Matrix[] = [];
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i] ?? [];
    if (fn === OPS.save) saved.push(ctm);
    else if (fn === OPS.restore) ctm = saved.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = times(ctm, args as number[]);
    else if (fn === OPS.paintFormXObjectBegin) { saved.push(ctm); if (Array.isArray(args[0]) || ArrayBuffer.isView(args[0])) ctm = times(ctm, args[0] as number[]); }
    else if (fn === OPS.paintFormXObjectEnd) ctm = saved.pop() ?? ctm;
    else if (fn === OPS.constructPath && args[0] !== OPS.endPath) {
      const data = (args[1] as unknown[] | undefined)?.[0];
      if (!data || !(ArrayBuffer.isView(data) || Array.isArray(data))) continue;
      const m = times(view, ctm);
      for (const [x0, y0, x1, y1] of pathSegments(data as ArrayLike<number>)) addRule(out, m, height, x0, y0, x1, y1);
    }
  }
  return out;
}

/** A segment placed in the reading frame: kept as a rule when it is level or upright and long enough. */
function addRule(out: Borders, m: Matrix, height: number, x0: number, y0: number, x1: number, y1: number): void {
  const ax = m[0] * x0 + m[2] * y0 + m[4];
  const ay = height - (m[1] * x0 + m[3] * y0 + m[5]);
  const bx = m[0] * x1 + m[2] * y1 + m[4];
  const by = height - (m[1] * x1 + m[3] * y1 + m[5]);
  if (Math.abs(ay - by) <= LEVEL && Math.abs(ax - bx) >= MIN_RULE) out.h.push({ y: (ay + by) / 2, x0: Math.min(ax, bx), x1: Math.max(ax, bx) });
  else if (Math.abs(ax - bx) <= LEVEL && Math.abs(ay - by) >= MIN_RULE) out.v.push({ x: (ax + bx) / 2, y0: Math.min(ay, by), y1: Math.max(ay, by) });
}
