// Word's automatic list numbering, computed the way Word shows it. The numbers of a numbered
// paragraph are not in document.xml: they come from numbering.xml (lists and their levels) and
// styles.xml (numbering inherited from a paragraph style), read here with a real XML parser.
//
// Semantics (ECMA-376 §17.9):
// - a paragraph's w:numPr (w:numId, w:ilvl), or its style's (w:pStyle → w:basedOn chain);
//   a style linked to a list level (w:lvl/w:pStyle) gives that level; w:numId 0 removes numbering;
// - w:num → w:abstractNumId; an abstract with w:numStyleLink takes its levels from the abstract
//   that the linked numbering style points to (the one with the matching w:styleLink);
// - one counter set per abstract list, so several w:num of one abstract continue one another,
//   as Word does; a w:num's w:lvlOverride/w:startOverride restarts that level where the w:num is
//   first used, and a w:lvlOverride/w:lvl replaces the level's definition for that w:num;
// - a level advancing resets the lower levels (w:lvlRestart: 0 never, N only after level N);
// - w:lvlText with %1…%9 shows each level's counter in that level's w:numFmt, all in Arabic
//   digits where the shown level is w:isLgl; w:numFmt none shows no number, bullet no label.
import type { Element as XElement } from '@xmldom/xmldom';

export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export function wAttr(el: XElement | null | undefined, name: string): string | null {
  if (!el) return null;
  return el.getAttributeNS(W_NS, name) || el.getAttribute(`w:${name}`) || null;
}

/** The direct children of el named w:<name>. */
export function kids(el: XElement | null | undefined, name?: string): XElement[] {
  const out: XElement[] = [];
  if (!el) return out;
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType !== 1) continue;
    const e = n as XElement;
    if (name === undefined || e.localName === name) out.push(e);
  }
  return out;
}
export const kid = (el: XElement | null | undefined, name: string): XElement | null => kids(el, name)[0] ?? null;

export interface Level { start: number; fmt: string; text: string | null; restart: number | null; isLgl: boolean; pStyle: string | null }
export interface Abstract { id: string; levels: Map<number, Level>; numStyleLink: string | null; styleLink: string | null }
export interface Num { id: string; abstractId: string; starts: Map<number, number>; levels: Map<number, Level> }
export interface StyleNum { numId: string | null; ilvl: number | null; basedOn: string | null }
/** Lists, list instances and styles' numbering, whether read from .docx XML or from a .doc's binary tables. */
export interface NumberingModel { abstracts: Map<string, Abstract>; nums: Map<string, Num>; styles: Map<string, StyleNum> }
/** A paragraph's own numbering properties and its style. */
export interface ParagraphRef { numId: string | null; ilvl: number | null; style: string | null }
/** A paragraph's place in a list: the list instance (w:numId), its level (w:ilvl), the label shown (null: a bullet). */
export interface ListItem { list: string; ilvl: number; label: string | null }

function readLevel(l: XElement): Level {
  const val = (name: string) => wAttr(kid(l, name), 'val');
  const restart = val('lvlRestart');
  return {
    start: Number(val('start') ?? 1) || 0,
    fmt: val('numFmt') ?? 'decimal',
    text: kid(l, 'lvlText') ? wAttr(kid(l, 'lvlText'), 'val') ?? '' : null,
    restart: restart === null ? null : Number(restart),
    isLgl: !!kid(l, 'isLgl') && wAttr(kid(l, 'isLgl'), 'val') !== '0' && wAttr(kid(l, 'isLgl'), 'val') !== 'false',
    pStyle: val('pStyle'),
  };
}

/** The numbering model of a .docx: numbering.xml and styles.xml. */
export function modelFromXml(numbering: XElement | null, styles: XElement | null): NumberingModel {
  const m: NumberingModel = { abstracts: new Map(), nums: new Map(), styles: new Map() };
  for (const a of kids(numbering, 'abstractNum')) {
    const id = wAttr(a, 'abstractNumId');
    if (id === null) continue;
    const levels = new Map<number, Level>();
    for (const l of kids(a, 'lvl')) levels.set(Number(wAttr(l, 'ilvl') ?? 0), readLevel(l));
    m.abstracts.set(id, { id, levels, numStyleLink: wAttr(kid(a, 'numStyleLink'), 'val'), styleLink: wAttr(kid(a, 'styleLink'), 'val') });
  }
  for (const n of kids(numbering, 'num')) {
    const id = wAttr(n, 'numId');
    const abstractId = wAttr(kid(n, 'abstractNumId'), 'val');
    if (id === null || abstractId === null) continue;
    const starts = new Map<number, number>();
    const levels = new Map<number, Level>();
    for (const o of kids(n, 'lvlOverride')) {
      const ilvl = Number(wAttr(o, 'ilvl') ?? 0);
      const so = wAttr(kid(o, 'startOverride'), 'val');
      const lvl = kid(o, 'lvl');
      if (lvl) levels.set(ilvl, readLevel(lvl));
      if (so !== null) starts.set(ilvl, Number(so));
      else if (lvl) starts.set(ilvl, readLevel(lvl).start); // a replaced level starts afresh
    }
    m.nums.set(id, { id, abstractId, starts, levels });
  }
  for (const s of kids(styles, 'style')) {
    const id = wAttr(s, 'styleId');
    if (id === null) continue;
    const np = kid(kid(s, 'pPr'), 'numPr');
    const ilvl = wAttr(kid(np, 'ilvl'), 'val');
    m.styles.set(id, { numId: wAttr(kid(np, 'numId'), 'val'), ilvl: ilvl === null ? null : Number(ilvl), basedOn: wAttr(kid(s, 'basedOn'), 'val') });
  }
  return m;
}

/** A .docx paragraph's numbering properties (w:pPr). */
export function xmlParagraphRef(pPr: XElement | null): ParagraphRef {
  const np = kid(pPr, 'numPr');
  const ilvl = wAttr(kid(np, 'ilvl'), 'val');
  return { numId: wAttr(kid(np, 'numId'), 'val'), ilvl: ilvl === null ? null : Number(ilvl), style: wAttr(kid(pPr, 'pStyle'), 'val') };
}

export class Numbering {
  private abstracts: Map<string, Abstract>;
  private nums: Map<string, Num>;
  private styles: Map<string, StyleNum>;
  private counts = new Map<string, Array<number | undefined>>();
  private overridesUsed = new Set<string>();

  constructor(model: NumberingModel) {
    this.abstracts = model.abstracts;
    this.nums = model.nums;
    this.styles = model.styles;
  }

  /** The abstract list that holds a w:num's levels (following w:numStyleLink through its style). */
  private abstractOf(numId: string): Abstract | null {
    let a = this.abstracts.get(this.nums.get(numId)?.abstractId ?? '') ?? null;
    for (let hops = 0; a?.numStyleLink && hops < 5; hops++) {
      const link = a.numStyleLink;
      const viaStyle = this.styleNum(link).numId;
      const linked = viaStyle ? this.abstracts.get(this.nums.get(viaStyle)?.abstractId ?? '') : undefined;
      const owner = [...this.abstracts.values()].find((x) => x.styleLink === link);
      const next = (linked && !linked.numStyleLink ? linked : owner) ?? null;
      if (!next || next === a) break;
      a = next;
    }
    return a;
  }

  /** A style's numbering, inherited through w:basedOn. */
  private styleNum(styleId: string): { numId: string | null; ilvl: number | null } {
    let numId: string | null = null;
    let ilvl: number | null = null;
    let id: string | null = styleId;
    for (let hops = 0; id && hops < 20; hops++) {
      const s = this.styles.get(id);
      if (!s) break;
      numId ??= s.numId;
      ilvl ??= s.ilvl;
      id = s.basedOn;
    }
    return { numId, ilvl };
  }

  private level(numId: string, abs: Abstract, ilvl: number): Level | null {
    return this.nums.get(numId)?.levels.get(ilvl) ?? abs.levels.get(ilvl) ?? null;
  }

  /**
   * The label Word shows in front of a paragraph with these properties (and advances the
   * counters), or null for a paragraph without numbering, a bullet, or a level showing nothing.
   */
  label(ref: ParagraphRef): string | null {
    return this.item(ref)?.label ?? null;
  }

  /**
   * The list a paragraph with these properties is an item of, as Word shows it (and advances the
   * counters): the list (its w:numId), the item's level, and its label (null for a bullet, whose
   * mark is no text). Null for a paragraph without numbering or at a level that shows nothing.
   */
  item(ref: ParagraphRef): ListItem | null {
    const pStyle = ref.style;
    let numId = ref.numId;
    let ilvl = ref.ilvl;
    if (numId === null && pStyle) {
      const st = this.styleNum(pStyle);
      numId = st.numId;
      ilvl ??= st.ilvl;
    }
    if (numId === null || numId === '0' || !this.nums.has(numId)) return null;
    const abs = this.abstractOf(numId);
    if (!abs) return null;
    if (ilvl === null) {
      // a style linked to a level of the list (w:lvl/w:pStyle): that level
      const linked = pStyle ? [...abs.levels.entries()].find(([, l]) => l.pStyle === pStyle) : undefined;
      ilvl = linked ? linked[0] : 0;
    }
    const lvl = this.level(numId, abs, ilvl);
    if (!lvl) return null;
    const counts = this.counts.get(abs.id) ?? [];
    this.counts.set(abs.id, counts);
    const key = `${numId}:${ilvl}`;
    const startOverride = this.nums.get(numId)!.starts.get(ilvl);
    if (startOverride !== undefined && !this.overridesUsed.has(key)) {
      this.overridesUsed.add(key);
      counts[ilvl] = startOverride - 1;
    }
    counts[ilvl] = (counts[ilvl] ?? lvl.start - 1) + 1;
    for (let k = ilvl + 1; k < 9; k++) {
      const lower = this.level(numId, abs, k);
      const after = lower?.restart ?? k; // 1-based: restart when a level up to this one is used
      if (after !== 0 && ilvl + 1 <= after) counts[k] = undefined;
    }
    // (a bullet shows its mark, no number: an item of its list all the same, unless the mark is empty)
    if (lvl.fmt === 'bullet') return lvl.text?.trim() ? { list: numId, ilvl, label: null } : null;
    const text = lvl.text ?? `%${ilvl + 1}.`;
    const label = text.replace(/%([1-9])/g, (_m, d: string) => {
      const k = Number(d) - 1;
      const shown = this.level(numId!, abs, k);
      if (!shown || shown.fmt === 'none') return '';
      const n = counts[k] ?? shown.start;
      return formatNumber(n, lvl.isLgl && k < ilvl ? 'decimal' : shown.fmt);
    });
    return label.trim() ? { list: numId, ilvl, label } : null;
  }
}

const CN_DIGITS = '〇一二三四五六七八九';
/** 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五 (as Word's chineseCounting shows them). */
export function chineseCounting(n: number): string {
  if (n < 0 || !Number.isInteger(n)) return String(n);
  if (n < 10) return CN_DIGITS[n]!;
  if (n < 20) return '十' + (n % 10 ? CN_DIGITS[n % 10] : '');
  if (n < 100) return CN_DIGITS[Math.floor(n / 10)] + '十' + (n % 10 ? CN_DIGITS[n % 10] : '');
  if (n < 1000) {
    const rest = n % 100;
    return CN_DIGITS[Math.floor(n / 100)] + '百' + (rest === 0 ? '' : rest < 10 ? '零' + CN_DIGITS[rest] : rest < 20 ? '一' + chineseCounting(rest) : chineseCounting(rest));
  }
  return String(n);
}

const LEGAL = '零壹贰叁肆伍陆柒捌玖';
function chineseLegal(n: number): string {
  if (n <= 0 || n >= 100) return String(n);
  if (n < 10) return LEGAL[n]!;
  return (n >= 20 ? LEGAL[Math.floor(n / 10)] : '壹') + '拾' + (n % 10 ? LEGAL[n % 10] : '');
}

/** Real roman numerals: 4 → IV, 9 → IX, 14 → XIV, 1994 → MCMXCIV. */
export function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: Array<[number, string]> = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) while (n >= v) { out += s; n -= v; }
  return out;
}

/** Word repeats the letter past Z: 27 → AA, 28 → BB. */
function letters(n: number, base: number): string {
  if (n <= 0) return String(n);
  return String.fromCharCode(base + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
}

const enclosed = (n: number, first: number, max: number) => (n >= 1 && n <= max ? String.fromCharCode(first + n - 1) : String(n));

/** Word's own bound on a list counter (a start value over it cannot be set in Word). */
export const MAX_COUNTER = 32767;
/** A list counter past MAX_COUNTER: a crafted file (a label of letters repeated start/26 times would take gigabytes). */
export class CounterOutOfRange extends Error {}

export function formatNumber(n: number, fmt: string): string {
  if (!Number.isFinite(n) || Math.abs(n) > MAX_COUNTER) throw new CounterOutOfRange(`a list counter of ${n}: beyond Word's ${MAX_COUNTER}`);
  switch (fmt) {
    case 'none': return '';
    case 'decimalZero': return n >= 0 && n < 10 ? `0${n}` : String(n);
    case 'chineseCounting': case 'chineseCountingThousand': case 'japaneseCounting': case 'taiwaneseCounting': case 'taiwaneseCountingThousand': case 'koreanCounting':
      return chineseCounting(n);
    case 'chineseLegalSimplified': case 'japaneseLegal': case 'taiwaneseDigital': return chineseLegal(n);
    case 'ideographTraditional': return n >= 1 && n <= 10 ? '甲乙丙丁戊己庚辛壬癸'[n - 1]! : String(n);
    case 'ideographZodiac': return n >= 1 && n <= 12 ? '子丑寅卯辰巳午未申酉戌亥'[n - 1]! : String(n);
    case 'decimalEnclosedCircle': case 'decimalEnclosedCircleChinese': case 'ideographEnclosedCircle': return enclosed(n, 0x2460, 20);
    case 'decimalEnclosedParen': return enclosed(n, 0x2474, 20);
    case 'decimalEnclosedFullstop': return enclosed(n, 0x2488, 20);
    case 'upperLetter': return letters(n, 65);
    case 'lowerLetter': return letters(n, 97);
    case 'upperRoman': return roman(n);
    case 'lowerRoman': return roman(n).toLowerCase();
    default: return String(n); // decimal, decimalFullWidth, decimalHalfWidth, ordinal, …
  }
}
