// The inspected unit: its name from the issuer (or the opening's inspected object), its region
// and level, and the short forms the text calls it by.
import { rx, pattern } from '../../core/rules.js';
import type { Level } from '../../core/record.js';
import { metadataRules } from './rules.js';
import { isDivision, provinceNamed } from './gazetteer.js';
import { contractedNames } from './aliases.js';

export function unitOf(issuer: string | null): string | null {
  if (!issuer) return null;
  const r = metadataRules();
  const bare = issuer.replace(rx(r.party_prefix), '');
  // a committee is its area: 中共宜城市委 → 宜城市, 中共保康县委 → 保康县
  const area = rx(r.area_committee).exec(bare);
  if (area) return area[1]!;
  const u = bare.replace(rx(r.issuer_suffix), '').trim();
  return u || null;
}

/** The area a unit is, when it is one or its office (古宋街道办事处, 王庄镇人民政府 → the street, the town). */
const ownArea = (unit: string) => unit.replace(rx(metadataRules().area_office), '');

/** The level an area's name gives by its last words (镇 township, 县/区 county, 北京市 provincial…; rules/metadata.json region_levels). */
export function levelFromRegion(region: string | null): Level | null {
  if (!region) return null;
  return metadataRules().region_levels.find((l) => rx(l).test(region))?.level ?? null;
}

export function regionOf(unit: string | null): string | null {
  if (!unit) return null;
  const r = metadataRules();
  const m = rx(r.region).exec(unit);
  // a company named after its province's short name (安徽皖江港航集团有限公司 → 安徽省)
  const start = () => { const s = rx(r.province_start).exec(unit); return s ? provinceNamed(s[1]!) : null; };
  if (!m) return start();
  const parts = [m[1], m[2], m[3], m[4]].filter((x): x is string => !!x);
  // no area at the start: a province named inside (国网河南省电力公司 → 河南省), or none
  // (or the city or county a branch serves, 中国联泰财产保险股份有限公司南阳市分公司 → 南阳市)
  const branch = () => {
    const b = rx(r.branch_area).exec(unit)?.[1] ?? '';
    // (the longest end of the words before the branch that is a division: 股份有限公司南阳市 → 南阳市)
    for (let k = 0; k < b.length - 1; k++) if (isDivision(b.slice(k))) return b.slice(k);
    return null;
  };
  if (!parts.length) return rx(r.province_inside).exec(unit)?.[0] ?? branch() ?? start();
  // the most specific admin area: 河南省南阳市新野县 → 新野县; a unit that is itself an
  // area (桐柏县月河镇, or its office: 古宋街道办事处, 王庄镇人民政府) belongs to the area above it
  const own = parts.join('') === ownArea(unit);
  // a township lies in the area above it (桐柏县月河镇 → 桐柏县; alone, none we can read); a
  // county, district or city committee is its own region (宜城市委 → 宜城市, 郑州市二七区委员会 → 二七区)
  const township = levelFromRegion(parts[parts.length - 1] ?? '') === 'township';
  const k = own && township ? parts.length - 2 : parts.length - 1;
  const pick = parts[k];
  if (!pick || pick.length < 2) return null;
  // districts of the four municipalities are written with the city: 上海市徐汇区
  const city = m[2] ?? '';
  if (rx(r.district).test(pick) && pick === m[3] && rx(r.municipality).test(city)) return city + pick;
  return pick;
}

/**
 * A unit whose name has no area (杨庄村, 市场监管局) where the text writes it right after one that
 * starts with a division of the gazetteer (郏县安良镇杨庄村村务公开栏): that fuller name, else null.
 */
export function unitWithArea(unit: string, text: string): string | null {
  const region = rx(metadataRules().region);
  for (let at = text.indexOf(unit); at >= 0; at = text.indexOf(unit, at + 1)) {
    // the longest run of areas just before the name whose first area the gazetteer lists
    for (let k = Math.max(0, at - 16); k < at - 1; k++) {
      const s = text.slice(k, at);
      const m = region.exec(s);
      if (!m || m[0] !== s) continue;
      const first = [m[1], m[2], m[3], m[4]].find((x) => !!x);
      if (first && isDivision(first)) return s + unit;
    }
  }
  return null;
}

/**
 * A unit named with its city but without the city's 市 (洛阳国宏投资控股集团有限公司), inspected by a city's
 * committee (市委第三巡察组: rules/metadata.json bare_city): the city, where the gazetteer has it, else null.
 */
export function bareCityRegion(unit: string | null, committee: string | null): string | null {
  const m = committee ? rx(metadataRules().bare_city).exec(committee) : null;
  if (!unit || !m) return null;
  const found = new Set<string>();
  for (let k = 2; k <= 4 && k < unit.length; k++) {
    const city = unit.slice(0, k) + m[1]!;
    if (isDivision(city) && !unit.startsWith(city)) found.add(city);
  }
  return found.size === 1 ? [...found][0]! : null;
}

/** The unit is itself an administrative area (a township, a county…): its level is its own. */
export function ownAreaLevel(unit: string | null): Level | null {
  if (!unit) return null;
  const area = ownArea(unit);
  const m = rx(metadataRules().region).exec(area);
  if (!m || m[0] !== area) return null;
  return levelFromRegion(area);
}

export function levelOf(who: string | null, region: string | null): Level | null {
  return levelRule(who, region)?.level ?? null;
}

/** The level an inspecting committee's name gives, with the id of the rule that gave it. */
export function levelRule(who: string | null, region: string | null): { level: Level; id: string } | null {
  if (!who) return null;
  for (const l of metadataRules().levels) {
    if (!rx(l).test(who)) continue;
    if (l.only_if_region) {
      const only = pattern(l.only_if_region);
      if (!(region && only.test(region)) && !only.test(who)) continue;
    }
    return { level: l.level, id: l.id };
  }
  return null;
}

/** The short forms a unit may go by: 县科协, 新野县科协, 新野科协, 县科学技术协会, 月河镇 … */
export function shortFormsOf(unit: string, region: string | null): Set<string> {
  const r = metadataRules();
  const levelChar = region ? region.slice(-1) : '';
  // the unit's own name after its area, which may follow the area above it (郑州市二七区卫生健康委员会 in 二七区)
  const at = region ? unit.indexOf(region) : -1;
  const area = at >= 0 ? unit.slice(0, at + region!.length) : null;
  const core = area ? unit.slice(area.length) : unit;
  const forms = new Set<string>();
  for (const [full, shorts] of Object.entries(r.unit_abbreviations)) {
    if (full.startsWith('$') || !core.includes(full)) continue;
    for (const s of Array.isArray(shorts) ? shorts : [shorts]) {
      const shortCore = core.replace(full, s);
      if (region) forms.add(region + shortCore);
      if (area && area !== region) forms.add(area + shortCore); // 郑州市二七区卫健委
      if (levelChar) forms.add(levelChar + shortCore);
      if (region && region.length > 2) forms.add(region.slice(0, -1) + shortCore); // 新野科协
      if (!region) forms.add(shortCore); // a unit without an area: 国家林业和草原局 → 国家林草局
    }
  }
  // the name without its company form: 中原银行股份有限公司 → 中原银行
  const company = unit.replace(rx(r.company_form), '');
  if (company !== unit && company.length >= 2) forms.add(company);
  // a national unit with no place in its name, without the country's name: 中国人民银行 → 人民银行
  if (!region) for (const u of [unit, company]) forms.add(u.replace(rx(r.country_name), ''));
  if (region && levelChar && core) forms.add(levelChar + core); // 县科学技术协会 (not 市 alone, for the city 南阳市)
  if (region && core !== unit && rx(r.area_name).test(core)) forms.add(core); // 桐柏县月河镇 → 月河镇
  return forms;
}

/** The unit the opening's inspected object names (县委第三巡察组对县科协党组…: 县科协党组), or null (我局 names none). */
export function inspectedName(opening: string): string | null {
  const r = metadataRules();
  const m = rx(r.inspected).exec(opening);
  if (!m || rx(r.self_name).test(m[1]!)) return null;
  return m[1]!.replace(rx(r.party_prefix), '').replace(rx(r.issuer_suffix), '').trim() || null;
}

export function aliasesOf(unit: string | null, region: string | null, text: string, opening: string): string[] {
  const r = metadataRules();
  const out = new Set<string>();
  for (const m of text.matchAll(rx(r.alias_defined, 'g'))) {
    // （以下简称县科协） names the unit; （以下简称“局党组”） names its party group: 局 alone is no name
    const a = m[1]!.replace(rx(r.issuer_suffix), '').trim();
    if (a.length >= 2 && !pattern('^(?:{{generic_unit_word}})$').test(a)) out.add(a);
  }
  const inspected = rx(r.inspected).exec(opening);
  if (inspected) {
    const raw = inspected[1]!.replace(rx(r.party_prefix), '').trim();
    // a party body's suffix goes (县科协党组 → 县科协), but not words of the unit's own name
    // (郑州市二七区卫生健康委员会 is the unit, not the 委员会 of 郑州市二七区卫生健康)
    const name = unit && unit.endsWith(raw) ? raw : raw.replace(rx(r.issuer_suffix), '').trim();
    if (name && name !== unit && !rx(r.self_name).test(name) && name.length <= 20) out.add(name);
  }
  if (unit) {
    const forms = shortFormsOf(unit, region);
    // a form counts only where it stands alone, not inside the full name (县科学技术协会 in 新野县科学技术协会)
    const rest = text.split(unit).join('\u0000');
    for (const f of forms) if (f !== unit && rest.includes(f)) out.add(f);
    // the names it contracts itself to (省人社厅 for 贵州省人力资源和社会保障厅), with or without its
    // company form (温县农商银行 for 温县农村商业银行股份有限公司)
    const company = unit.replace(rx(r.company_form), '');
    for (const u of new Set([unit, company])) for (const f of contractedNames(u, region, text)) out.add(f);
  }
  out.delete(unit ?? '');
  return [...out];
}
