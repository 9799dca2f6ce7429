// Canonical unit names: expand short forms (科协 → 科学技术协会) and qualify 县X/市X/区X
// with the bulletin's region, so one unit is one row however a bulletin names it.
import { metadataRules } from './metadata.js';

export function canonicalUnit(name: string | null, region: string | null): string | null {
  if (!name) return null;
  let n = name.replace(/\s+/g, '');
  const abbr = metadataRules().unit_abbreviations;
  // longest short forms first: 市场监管局 before 监管局
  const pairs: Array<[string, string]> = [];
  for (const [full, shorts] of Object.entries(abbr)) {
    if (full.startsWith('$')) continue;
    for (const s of Array.isArray(shorts) ? shorts : [shorts]) if (s !== full) pairs.push([s, full]);
  }
  pairs.sort((a, b) => b[0].length - a[0].length);
  for (const [short, full] of pairs) {
    if (n.endsWith(short) && !n.endsWith(full)) { n = n.slice(0, -short.length) + full; break; }
  }
  if (region) {
    const levelChar = region.slice(-1);
    if (/^[县市区旗]/.test(n) && n[0] === levelChar && !n.startsWith(region)) n = region + n.slice(1);
    else if (region.length > 2 && n.startsWith(region.slice(0, -1)) && !n.startsWith(region)) n = region + n.slice(region.length - 1);
  }
  return n;
}
