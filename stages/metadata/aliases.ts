// Contracted names: the short name a text gives its unit by leaving words of it out
// (贵州省人力资源和社会保障厅 → 省人社厅, 平顶山市住房公积金管理中心 → 市公积金中心), found in
// the text, not listed: rules/metadata.json contracted_alias.
import { rx } from '../../core/rules.js';
import { metadataRules } from './rules.js';
import { isDivision } from './gazetteer.js';

/** What a contracted name of the unit is made of: how it may start, the middle it takes from, how it ends. */
interface Shape {
  /** the unit's area (郑州市二七区), its region (二七区), the region's name (二七), its area word (区) */
  starts: string[];
  /** the area word alone: a start that may follow another area's name (郑州市公积金中心 is not 平顶山's) */
  level: string;
  /** the unit's own name after its area, less its last word (人力资源和社会保障) */
  body: string;
  /** the unit's last word (厅) and the forms a short name writes it in (委员会: 委) */
  ends: string[];
  /** the unit's own name after its area (人力资源和社会保障厅) */
  core: string;
}

function shapeOf(unit: string, region: string): Shape | null {
  const r = metadataRules().contracted_alias;
  const at = unit.indexOf(region);
  if (at < 0) return null;
  const area = unit.slice(0, at + region.length);
  const core = unit.slice(area.length);
  const last = rx(r.last_word).exec(core)?.[0];
  if (!last || last.length >= core.length) return null;
  const level = rx(r.area_word).exec(region)?.[0];
  if (!level) return null;
  const name = region.slice(0, -level.length);
  const starts = [...new Set([area, region, name.length >= 2 ? name : '', level].filter((s) => s))];
  return { starts, level, body: core.slice(0, -last.length), ends: [last, ...(r.written_as[last] ?? [])], core };
}

/**
 * The contracted names that start at `at` with `start`: the start, then characters of the body in
 * order (a subsequence, at least one), then one of the forms of the last word.
 */
function namesAt(text: string, at: number, start: string, shape: Shape): string[] {
  const out: string[] = [];
  let i = at + start.length;
  let j = 0;
  for (;;) {
    if (i > at + start.length) for (const e of shape.ends) if (text.startsWith(e, i)) out.push(text.slice(at, i + e.length));
    const k = i < text.length ? shape.body.indexOf(text[i]!, j) : -1;
    if (k < 0) return out;
    j = k + 1;
    i++;
  }
}

/** The area word at `at` ends another area's name written before it (郑州市… where the unit is 平顶山市's). */
function otherArea(text: string, at: number, shape: Shape, region: string): boolean {
  const end = at + shape.level.length;
  for (let k = 1; k <= 8 && k <= at; k++) {
    const name = text.slice(at - k, end);
    if (name !== region && isDivision(name)) return true;
  }
  return false;
}

/**
 * A contracted name that names another unit: a listed short form of a name the unit's is not
 * (县教育局 is an 教育局's, rules/metadata.json unit_abbreviations, not 县教育体育局's), or one that
 * the text writes in full as a different unit (县社保局 where the text names 县社会保险事业管理局).
 */
function namesAnother(name: string, start: string, shape: Shape, text: string): boolean {
  const tail = name.slice(start.length);
  // the full names the tail is listed for (文旅局: 文化和旅游局, 文化广电和旅游局): none of them the unit's
  const listed = Object.entries(metadataRules().unit_abbreviations).filter(([full, shorts]) => !full.startsWith('$') && (Array.isArray(shorts) ? shorts : [shorts]).includes(tail));
  if (listed.length && !listed.some(([full]) => shape.core.includes(full))) return true;
  const end = shape.ends.find((e) => name.endsWith(e))!;
  const middle = name.slice(start.length, name.length - end.length);
  for (let at = text.indexOf(start); at >= 0; at = text.indexOf(start, at + 1)) {
    // the unit's own longer start here (新野 of 新野县科协) is its own name, not another's
    if (shape.starts.some((s) => s.length > start.length && text.startsWith(s, at))) continue;
    // a name a little longer than the unit's own at most (searched in that window only: linear time)
    const from = at + start.length;
    const stop = text.slice(from, from + shape.body.length + 4 + end.length).indexOf(end);
    if (stop < 0) continue;
    // one name: Chinese characters only, and no second name starting inside it (县委…对县人社局)
    const other = text.slice(from, from + stop);
    if (!rx(metadataRules().contracted_alias.word).test(other) || other.includes(start)) continue;
    if (isSubsequence(middle, other) && !isSubsequence(other, shape.body)) return true;
  }
  return false;
}

const isSubsequence = (part: string, whole: string): boolean => {
  let j = 0;
  for (const c of part) {
    j = whole.indexOf(c, j);
    if (j < 0) return false;
    j++;
  }
  return true;
};

/**
 * A name whose start is the first word of the unit's own name (市场监管局 of 市场监督管理局): it names
 * the kind of unit with no area at all (各县市区市场监管局), not this one.
 */
const arealess = (name: string, shape: Shape): boolean => shape.ends.some((e) => name.endsWith(e) && isSubsequence(name.slice(0, -e.length), shape.body));

/**
 * A name stands alone where at least one of its places is not inside a longer name found (市场监管局 only
 * inside 市市场监管局 is the longer name's, its 市 a part of 市场).
 */
function standsAlone(name: string, found: Map<string, { start: string; at: number[] }>): boolean {
  const longer = [...found].filter(([n]) => n.length > name.length).flatMap(([n, f]) => f.at.map((a) => [a, a + n.length] as const));
  return found.get(name)!.at.some((a) => !longer.some(([s, e]) => s <= a && a + name.length <= e));
}

/**
 * The contracted names the text uses for the unit: a word that starts with the unit's area, region,
 * region's name or area word, takes some of the characters of the unit's own name after its area, in
 * order, and ends with its last word (人社 of 人力资源和社会保障, 厅: 省人社厅). Only where the text
 * writes it outside the unit's full name and not only inside a longer such name, at least 3 characters
 * long, and not naming another unit.
 */
export function contractedNames(unit: string, region: string | null, text: string): string[] {
  const shape = region ? shapeOf(unit, region) : null;
  if (!shape || !region) return [];
  const rest = text.split(unit).join('\u0000');
  const found = new Map<string, { start: string; at: number[] }>();
  for (const start of shape.starts) {
    for (let at = rest.indexOf(start); at >= 0; at = rest.indexOf(start, at + 1)) {
      if (start === shape.level && otherArea(rest, at, shape, region)) continue;
      for (const name of namesAt(rest, at, start, shape)) {
        const f = found.get(name) ?? { start, at: [] };
        if (!f.at.includes(at)) f.at.push(at);
        found.set(name, f);
      }
    }
  }
  return [...found]
    .filter(([name, f]) => name.length >= 3 && name !== unit && name !== region && !arealess(name, shape) && standsAlone(name, found) && !namesAnother(name, f.start, shape, rest))
    .map(([name]) => name);
}
