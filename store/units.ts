// Canonical unit names: expand short forms (科协 → 科学技术协会) and qualify 县X/市X/区X
// with the bulletin's region, so one unit is one row however a bulletin names it.
import { metadataRules } from '../stages/metadata/metadata.js';
import { loadRules, pattern } from '../core/rules.js';

interface Renames { renames: Array<{ id: string; from: string; to: string }>; abbreviations: Record<string, string> }

/** The unit's name after known renames (卫生和计划生育委员会 → 卫生健康委员会), with the rule that applied. */
export function successorName(name: string): { name: string; rule: string | null } {
  for (const r of loadRules<Renames>('unit_renames.json').renames) {
    if (name.endsWith(r.from)) return { name: name.slice(0, -r.from.length) + r.to, rule: r.id };
  }
  return { name, rule: null };
}

let table: { pairs: Array<[string, string]>; fulls: Set<string> } | null = null;
/** Short form → full name, longest short forms first (市场监管局 before 监管局); built once. */
function abbreviationTable() {
  if (table) return table;
  const pairs: Array<[string, string]> = [];
  for (const [full, shorts] of Object.entries(metadataRules().unit_abbreviations)) {
    if (full.startsWith('$')) continue;
    for (const s of Array.isArray(shorts) ? shorts : [shorts]) if (s !== full) pairs.push([s, full]);
  }
  for (const [short, full] of Object.entries(loadRules<Renames>('unit_renames.json').abbreviations)) pairs.push([short, full]);
  pairs.sort((a, b) => b[0].length - a[0].length);
  const fulls = new Set([...pairs.map(([, f]) => f), ...Object.keys(metadataRules().unit_abbreviations)]);
  return (table = { pairs, fulls });
}

export function canonicalUnit(name: string | null, region: string | null): string | null {
  if (!name) return null;
  let n = name.replace(/\s+/g, '');
  const { pairs, fulls } = abbreviationTable();
  for (const [short, full] of pairs) {
    if (n.endsWith(short) && !n.endsWith(full)) { n = n.slice(0, -short.length) + full; break; }
  }
  if (region && !n.startsWith(region)) {
    const levelChar = region.slice(-1);
    const known = (x: string) => fulls.has(x);
    if (n[0] === levelChar && known(n.slice(1))) n = region + n.slice(1); // 县科学技术协会
    else if (known(n)) n = region + n; // 市场监督管理局 (starts with 市, but is a department)
    else if (pattern('^(?:{{unit_level_char}})').test(n) && n[0] === levelChar) n = region + n.slice(1);
    else if (region.length > 2 && n.startsWith(region.slice(0, -1))) n = region + n.slice(region.length - 1); // 新野科协
  }
  return n;
}
