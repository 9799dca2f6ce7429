// Bulletin metadata: title, issuer, unit (+ aliases), region, level, 巡视/巡察, team,
// round, inspection dates, feedback and as-of dates, contact.
import { loadRules } from '../../core/rules.js';
import { rx, type RegexRule } from '../../core/rules.js';
import { structureRules } from '../../core/vocabulary.js';
import type { Segmentation } from '../segment/segment.js';
import { findDates, findRanges, resolveYears, iso, earlierInYear, type DateMention } from './dates.js';
import type { Doc, Paragraph } from '../../core/doc.js';
import type { Bulletin, Level, Provenance } from '../../core/record.js';

interface MetadataRules {
  issuer_suffix: RegexRule;
  party_prefix: RegexRule;
  region: RegexRule;
  team: RegexRule;
  round: RegexRule;
  deployer: RegexRule;
  inspected: RegexRule;
  as_of: RegexRule;
  feedback: RegexRule;
  feedback_before: RegexRule;
  date_part: RegexRule;
  year_in_opening: RegexRule;
  round_summary: RegexRule;
  team_split: RegexRule;
  team_plain: RegexRule;
  alias_defined: RegexRule;
  phone: RegexRule;
  email: RegexRule;
  contact_label: RegexRule;
  levels: Array<RegexRule & { level: Level; only_if_region?: string }>;
  published: RegexRule;
  title_noise: RegexRule;
  area_committee: RegexRule;
  province_inside: RegexRule;
  municipality: RegexRule;
  doc_number: RegexRule;
  doc_number_bare: RegexRule;
  doc_index_label: RegexRule;
  doc_number_value: RegexRule;
  title_date: RegexRule;
  unit_abbreviations: Record<string, string[] | string>;
  /** ids of field decisions that are not one regex (see rules/metadata.json field_rules) */
  field_rules: Record<'title_page' | 'unit_signature' | 'issuer_title' | 'issuer_signature' | 'level_unit' | 'level_region' | 'kind' | 'inspection_range', string>;
}
export const metadataRules = () => loadRules<MetadataRules>('metadata.json');

/**
 * The publication date a saved web page prints above the bulletin (发布时间：2024-04-18 09:30,
 * 成文日期：…), when the reader found none in the page's markup. Read from the text as read
 * (normalization drops such lines as web chrome), in its first lines only.
 */
export function publishedInText(raw: string): string | null {
  const lines = raw.split(/\r?\n/, 15);
  // a labelled date, or else the date in brackets after the title (…的通报（2024年9月2日）)
  const m = rx(metadataRules().published).exec(lines.join('\n'))
    ?? lines.map((l) => (/关于/.test(l) ? rx(metadataRules().title_date).exec(l) : null)).find((x) => x) ?? null;
  if (!m?.groups) return null;
  const { y, m: mo, d } = m.groups as { y: string; m: string; d: string };
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The title inside a line that a copy has glued page text to (•公开方式：主动公开•中共X党组关于…的通报,
 * 公告公示X党委关于…, http://…中共X…, an 索引号 or 文号 in front): the part with a title's shape.
 * Noise is stripped from the start (rules/metadata.json title_noise), and where the words
 * before 关于 name a 中共 body, the title starts there. Returns the cut and what was cut.
 */
export function titleInLine(full: string): { title: string; noise: string } {
  // a date in brackets after the title is the site's, not the title's
  const line = full.replace(rx(metadataRules().title_date), '');
  const about = line.indexOf('关于');
  const limit = about < 0 ? line.length : about;
  const noise = rx(metadataRules().title_noise);
  let at = 0;
  for (let guard = 0; guard < 12 && at < limit; guard++) {
    const m = noise.exec(line.slice(at, limit));
    if (!m || !m[0]) break;
    at += m[0].length;
  }
  const party = line.slice(at, limit).search(/中共|中国共产党/);
  if (party > 0) at += party;
  return { title: line.slice(at), noise: line.slice(0, at) };
}

export { isDocNumber } from '../../core/vocabulary.js';
import { isDocNumber } from '../../core/vocabulary.js';

/**
 * 文号/索引号 from a disclosure table copied as text, or a document number printed bare on a
 * line of its own or run into the title (宛科协党〔2024〕7号), in the first lines as read.
 */
export function docNumberInText(raw: string): string | null {
  const lines = raw.split(/\r?\n/, 20);
  // a 文号 before a 索引号, wherever each stands (the rule's alternatives in that order)
  const found = [...lines.join('\n').matchAll(rx(metadataRules().doc_number, 'g'))].filter((x) => isDocNumber(x[1]));
  const m = found.find((x) => !rx(metadataRules().doc_index_label).test(x[0])) ?? found[0];
  if (m) return m[1]!;
  const bare = rx(metadataRules().doc_number_bare);
  for (const line of lines.slice(0, 6)) {
    const b = bare.exec(line);
    if (b) return b[1]!.replace(/\s+/g, '');
  }
  return null;
}

export function readTitle(title: Paragraph[], fallback?: string): string | null {
  const r = structureRules();
  const lines = title.map((p) => titleInLine(p.text).title).filter((t) => !/[。]$/.test(t) && t.length <= 80);
  // the last line that ends like a title, joined with the lines before it that continue it
  let end = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    // (a title broken before its last words, 关于…巡察整改 ⏎ 进展情况的通报, ends like one only when joined)
    if (rx(r.title_line).test(lines[i]!) || (i > 0 && /(通报|报告|公告)$/.test(lines[i]!) && rx(r.title_line).test(lines[i - 1]! + lines[i]!))) { end = i; break; }
  }
  if (end < 0) return fallback?.trim() || null;
  let startIdx = end;
  while (startIdx > 0 && end - startIdx < 2) {
    const prev = lines[startIdx - 1]!;
    // an issuer line before "关于…", or a title broken in the middle
    // a line that already names its issuer before 关于 (中共X党组关于…) is a whole title
    if (issuerOf(lines[startIdx]!) && /^(?:中共|中国共产党)/.test(lines[startIdx]!)) break;
    if (/^关于/.test(lines[startIdx]!) || !/(通报|报告|公告)$/.test(prev)) {
      if (rx(r.title_line).test(prev) && /(通报|报告)$/.test(prev)) break; // the same title printed twice
      startIdx--;
      if (/(党组|党委|党工委|委员会|党总支|党支部|机关)$/.test(lines[startIdx]!)) break;
    } else break;
  }
  return lines.slice(startIdx, end + 1).join('').replace(/\s+/g, '');
}

export function issuerOf(title: string | null): string | null {
  if (!title) return null;
  const i = title.indexOf('关于');
  if (i <= 0) return null;
  return title.slice(0, i).trim() || null;
}

/**
 * A title without its issuer (关于区委第三巡察组…的通报) leaves the signature at the end to name
 * it: the last short line that is a party body (中共某某区财政局党组), before the date.
 */
export function signatureIssuer(doc: Doc): string | null {
  const r = metadataRules();
  const paras = doc.paragraphs;
  for (let i = paras.length - 1; i >= Math.max(0, paras.length - 4); i--) {
    const t = paras[i]!.text.trim();
    if (t.length <= 40 && !/[，。：:；、]/.test(t) && rx(r.issuer_suffix).test(t) && !/巡[视察]/.test(t)) return t;
  }
  return null;
}

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

export function regionOf(unit: string | null): string | null {
  if (!unit) return null;
  const m = rx(metadataRules().region).exec(unit);
  if (!m) return null;
  const parts = [m[1], m[2], m[3], m[4]].filter((x): x is string => !!x);
  // no area at the start: a province named inside (国网河南省电力公司 → 河南省), or none
  if (!parts.length) return rx(metadataRules().province_inside).exec(unit)?.[0] ?? null;
  // the most specific admin area: 河南省南阳市新野县 → 新野县; a unit that is itself an
  // area (桐柏县月河镇, or its office: 古宋街道办事处, 王庄镇人民政府) belongs to the area above it
  const own = parts.join('') === ownArea(unit);
  // a township lies in the area above it (桐柏县月河镇 → 桐柏县; alone, none we can read); a
  // county, district or city committee is its own region (宜城市委 → 宜城市, 郑州市二七区委员会 → 二七区)
  const township = /(镇|乡|街道)$/.test(parts[parts.length - 1] ?? '');
  const k = own && township ? parts.length - 2 : parts.length - 1;
  const pick = parts[k];
  if (!pick || pick.length < 2) return null;
  // districts of the four municipalities are written with the city: 上海市徐汇区
  const city = m[2] ?? '';
  if (/区$/.test(pick) && pick === m[3] && rx(metadataRules().municipality).test(city)) return city + pick;
  return pick;
}

/** The unit is itself an administrative area (a township, a county…): its level is its own. */
export function ownAreaLevel(unit: string | null): Level | null {
  if (!unit) return null;
  const area = ownArea(unit);
  const m = rx(metadataRules().region).exec(area);
  if (!m || m[0] !== area) return null;
  return levelFromRegion(area);
}

/** The area a unit is, when it is one or its office (古宋街道办事处, 王庄镇人民政府 → the street, the town). */
const ownArea = (unit: string) => unit.replace(/(?:办事处|人民政府)$/, '');

export function levelOf(who: string | null, region: string | null): Level | null {
  return levelRule(who, region)?.level ?? null;
}

/** The level an inspecting committee's name gives, with the id of the rule that gave it. */
function levelRule(who: string | null, region: string | null): { level: Level; id: string } | null {
  if (!who) return null;
  for (const l of metadataRules().levels) {
    if (!rx(l).test(who)) continue;
    if (l.only_if_region && !(region && new RegExp(l.only_if_region).test(region)) && !new RegExp(l.only_if_region).test(who)) continue;
    return { level: l.level, id: l.id };
  }
  return null;
}

function levelFromRegion(region: string | null): Level | null {
  if (!region) return null;
  if (/(镇|乡|街道)$/.test(region)) return 'township';
  if (/(省|自治区)$/.test(region)) return 'provincial';
  if (/(县|旗|区)$/.test(region)) return 'county';
  if (/^(北京|天津|上海|重庆)市$/.test(region)) return 'provincial';
  if (/(市|州|盟|地区)$/.test(region)) return 'municipal';
  return null;
}

/** Short forms of the unit that the text actually uses. */
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
    }
  }
  if (region && levelChar && core) forms.add(levelChar + core); // 县科学技术协会 (not 市 alone, for the city 南阳市)
  if (region && core !== unit && /(镇|乡|街道|县|区|市)$/.test(core)) forms.add(core); // 桐柏县月河镇 → 月河镇
  return forms;
}

export function aliasesOf(unit: string | null, region: string | null, text: string, opening: string): string[] {
  const r = metadataRules();
  const out = new Set<string>();
  for (const m of text.matchAll(rx(r.alias_defined, 'g'))) {
    // （以下简称县科协） names the unit; （以下简称“局党组”） names its party group: 局 alone is no name
    const a = m[1]!.replace(rx(r.issuer_suffix), '').trim();
    if (a.length >= 2) out.add(a);
  }
  const inspected = rx(r.inspected).exec(opening);
  if (inspected) {
    const raw = inspected[1]!.replace(rx(r.party_prefix), '').trim();
    // a party body's suffix goes (县科协党组 → 县科协), but not words of the unit's own name
    // (郑州市二七区卫生健康委员会 is the unit, not the 委员会 of 郑州市二七区卫生健康)
    const name = unit && unit.endsWith(raw) ? raw : raw.replace(rx(r.issuer_suffix), '').trim();
    if (name && name !== unit && !/^我/.test(name) && name.length <= 20) out.add(name);
  }
  if (unit) {
    const forms = shortFormsOf(unit, region);
    // a form counts only where it stands alone, not inside the full name (县科学技术协会 in 新野县科学技术协会)
    const rest = text.split(unit).join('\u0000');
    for (const f of forms) if (f !== unit && rest.includes(f)) out.add(f);
  }
  out.delete(unit ?? '');
  return [...out];
}

/** Phones and emails of the closing; `from` is where the text they were read from starts. */
export function contactOf(doc: Doc, seg: Segmentation): { phones: string[]; emails: string[]; from: number } {
  const r = metadataRules();
  // the closing, and a contact label in a paragraph after the last problem (a contact run on
  // after the next-step sentences, with no 欢迎…监督 line of its own)
  const after = seg.problems.length ? seg.problems[seg.problems.length - 1]!.last + 1 : seg.opening.length;
  const early: string[] = [];
  let from = doc.paragraphs[seg.closing]?.start ?? doc.text.length;
  for (let i = Math.max(after, 0); i < seg.closing; i++) {
    const p = doc.paragraphs[i]!;
    const m = rx(r.contact_label).exec(p.text);
    if (!m) continue;
    early.push(p.text.slice(m.index));
    from = Math.min(from, p.start + m.index);
  }
  const tail = [...early, ...doc.paragraphs.slice(seg.closing).map((p) => p.text)].join('\n');
  const phones: string[] = [];
  const emails: string[] = [];
  for (const m of tail.matchAll(rx(r.phone, 'g'))) {
    const raw = m[1]!;
    // bare 7–8 digit numbers and 5-digit service numbers (12388) count only right after a phone label
    if (/^(?:\d{7,8}|\d{5})$/.test(raw) && !/(电话|传真|热线)[：:]?\s*$/.test(tail.slice(Math.max(0, m.index! - 8), m.index!))) continue;
    // one written form: 0377-66269828 for （0377）66269828, 0377—66269828, 0377 66269828
    const p = raw.replace(/^[（(](0\d{2,3})[）)]\s*/, '$1-').replace(/[—－ ]/g, '-');
    if (!phones.includes(p)) phones.push(p);
  }
  for (const m of tail.matchAll(rx(r.email, 'g'))) if (!emails.includes(m[0])) emails.push(m[0]);
  return { phones, emails, from };
}

export interface DatesRead {
  inspection_start: string | null;
  inspection_end: string | null;
  feedback_date: string | null;
  as_of_date: string | null;
  years_implied: Array<'inspection_start' | 'inspection_end' | 'feedback_date' | 'as_of_date'>;
  /** dates given to the month only (2023年9月至11月, 4月上旬), where the field stays null */
  approximate_dates?: Partial<Record<'inspection_start' | 'inspection_end' | 'feedback_date' | 'as_of_date', { value: string; part: string | null; text: string }>>;
  /** where each date was read */
  spans: Partial<Record<'inspection_start' | 'inspection_end' | 'feedback_date' | 'as_of_date', [number, number]>>;
}

export function datesOf(doc: Doc, seg: Segmentation, outsideIssues: Array<{ text: string; start: number }>): DatesRead {
  const text = doc.text;
  const open = seg.opening;
  const out: DatesRead = { inspection_start: null, inspection_end: null, feedback_date: null, as_of_date: null, years_implied: [], spans: {} };
  if (!open.length) return out;
  const from = open[0]!.start;
  const to = open[open.length - 1]!.end;
  // a year stated on its own before any date (按照2024年度巡察工作计划，3月25日至5月10日) dates what follows
  const yearOnly = rx(metadataRules().year_in_opening).exec(text.slice(from, to));
  const dates = resolveYears(findDates(text, from, to), yearOnly ? Number(yearOnly[1]) : null);
  const ranges = findRanges(text, dates);
  let context: DateMention | null = null;
  const range = ranges[0];
  if (range) {
    if (range.to.year !== null && range.from.year !== null && earlierInYear(range.from, range.to) && range.to.implied.year) range.to.year = range.from.year + 1;
    out.inspection_start = iso(range.from);
    out.inspection_end = iso(range.to);
    out.spans.inspection_start = [range.from.start, range.from.end];
    out.spans.inspection_end = [range.to.start, range.to.end];
    if (out.inspection_start && range.from.implied.year) out.years_implied.push('inspection_start');
    if (out.inspection_end && range.to.implied.year) out.years_implied.push('inspection_end');
    // a range to the month only (2023年9月至11月, 4月上旬至5月下旬): the months, and the part of each written
    for (const [k, d] of [['inspection_start', range.from], ['inspection_end', range.to]] as const) {
      if (out[k] || d.year === null || !d.month) continue;
      (out.approximate_dates ??= {})[k] = { value: `${d.year}-${String(d.month).padStart(2, '0')}`, part: rx(metadataRules().date_part).exec(d.text)?.[0] ?? null, text: d.text };
    }
    context = range.to;
  }
  // feedback: the first dated mention after the range in a clause that says 反馈
  for (const [k, d] of dates.entries()) {
    if ((range && d.start < range.end) || d.day === null) continue;
    // the clause a date governs: up to the full stop or the next date
    const clauseEnd = text.indexOf('。', d.end);
    // a day list (5月15日、16日，巡察组分别…反馈): the clause runs past the list's other days
    let n = k + 1;
    while (dates[n] && /^[、和及与]$/.test(text.slice(dates[n - 1]!.end, dates[n]!.start))) n++;
    const nextDate = dates[n]?.start ?? to;
    const clause = text.slice(d.end, Math.min(clauseEnd < 0 ? to : clauseEnd, nextDate, to));
    // …the clause after the date says 反馈, or the words right before it do (巡察反馈会于8月23日召开)
    const saysBefore = rx(metadataRules().feedback_before).test(text.slice(Math.max(from, d.start - 12), d.start));
    if (!(rx(metadataRules().feedback).test(clause) || saysBefore) || /截[至止]\s*$/.test(text.slice(Math.max(0, d.start - 3), d.start))) continue;
    if (context && d.implied.year && context.year !== null) d.year = earlierInYear(context, d) ? context.year + 1 : context.year;
    out.feedback_date = iso(d);
    out.spans.feedback_date = [d.start, d.end];
    if (out.feedback_date && d.implied.year) out.years_implied.push('feedback_date');
    context = d;
    break;
  }
  // 截至D: the progress date, first outside the problems
  for (const piece of outsideIssues) {
    for (const m of piece.text.matchAll(rx(metadataRules().as_of, 'g'))) {
      const at = piece.start + m.index! + m[0].length;
      const d = findDates(text, at, Math.min(text.length, at + 14))[0];
      if (!d || d.start !== at) continue;
      if (d.implied.year) {
        if (context?.year != null) d.year = earlierInYear(context, d) ? context.year + 1 : context.year;
        else d.year = resolveYears(findDates(text, 0, at)).filter((x) => x.year !== null).pop()?.year ?? null;
      }
      out.as_of_date = iso(d);
      out.spans.as_of_date = [d.start, d.end];
      if (out.as_of_date && d.implied.year) out.years_implied.push('as_of_date');
      return out;
    }
  }
  return out;
}

export type { MetadataRead } from '../../core/results.js';
import type { MetadataRead } from '../../core/results.js';

export function readMetadata(doc: Doc, seg: Segmentation, outsideIssues: Array<{ text: string; start: number }>): MetadataRead {
  const r = metadataRules();
  const ids = r.field_rules;
  const prov: Record<string, Provenance> = {};
  const text = doc.text;
  /** where a value is written (its first place in [from, to)), or null */
  const locate = (v: string | null, from = 0, to = Math.min(text.length, 4000)): [number, number] | null => {
    if (!v) return null;
    const i = text.slice(from, to).indexOf(v);
    return i < 0 ? null : [from + i, from + i + v.length];
  };
  const note = (field: string, value: string | null, rule: string, span: [number, number] | null) => {
    if (value === null) return;
    prov[field] = { rule, span };
    doc.decide('metadata', 'field', rule, span ?? undefined, `${field}: ${value}`, field);
  };

  const ownTitle = readTitle(seg.title);
  const fromPage = !ownTitle && !!doc.raw.meta.title;
  const title = ownTitle ?? (doc.raw.meta.title?.trim() || null);
  // the title's lines (a title may be broken over two), and page text glued before it
  let titleSpan: [number, number] | null = null;
  if (title && !fromPage) {
    const first = seg.title.find((p) => p.text.includes(title.slice(0, 6)));
    const last = [...seg.title].reverse().find((p) => p.text.replace(/\s+/g, '').includes(title.slice(-4)));
    if (first && last) {
      const glued = titleInLine(first.text).noise;
      if (glued) doc.decide('metadata', 'title_noise', r.title_noise.id, [first.start, first.start + glued.length], `page text before the title: ${glued}`);
      titleSpan = [first.start + glued.length, Math.max(last.end, first.start + glued.length)];
    }
  }
  note('title', title, fromPage ? ids.title_page : structureRules().title_line.id, titleSpan);
  const titleIssuer = issuerOf(title);
  const issuer = titleIssuer ?? signatureIssuer(doc);
  note('issuer', issuer, titleIssuer ? ids.issuer_title : ids.issuer_signature, titleIssuer ? (titleSpan ? [titleSpan[0], titleSpan[0] + titleIssuer.length] : null) : locate(issuer, Math.max(0, text.length - 300), text.length));
  const openingText = seg.opening.map((p) => p.text).join('\n');
  const head = `${title ?? ''}\n${openingText}`;
  // a round summary reports on many units: a plural team (区委4个巡察组), a round office as
  // issuer, or an inspected object that is N units (…等12家单位); extra scope (同步对3个单位
  // 进行了延伸了解) is not one
  const inspectedObj = rx(r.inspected).exec(openingText)?.[1] ?? '';
  const teamText = rx(r.team).exec(head)?.[1] ?? '';
  const roundSummary = [issuer ?? '', teamText, inspectedObj].some((x) => x && rx(r.round_summary).test(x));
  if (roundSummary) doc.decide('metadata', 'field', r.round_summary.id, locate(issuer) ?? undefined, 'a round summary: many inspected units, no single unit');
  let unit = roundSummary ? null : unitOf(issuer);
  let unitRule = issuer && rx(r.area_committee).test(issuer.replace(rx(r.party_prefix), '')) ? r.area_committee.id : r.issuer_suffix.id;
  if (!unit && !roundSummary) {
    const m = rx(r.inspected).exec(openingText);
    if (m && !/^我/.test(m[1]!)) { unit = m[1]!.replace(rx(r.party_prefix), '').replace(rx(r.issuer_suffix), '').trim() || null; unitRule = r.inspected.id; }
  }
  // a short form without its area (市卫健委党委): the signature's full name, when it is that
  // unit's (漯河市卫生健康委员会 goes by 市卫健委), gives the unit and its region
  if (unit && !regionOf(unit) && titleIssuer) {
    const sig = unitOf(signatureIssuer(doc));
    const sigRegion = sig ? regionOf(sig) : null;
    if (sig && sigRegion && shortFormsOf(sig, sigRegion).has(unit)) { unit = sig; unitRule = ids.unit_signature; }
  }
  note('unit', unit, unitRule, locate(unit, 0, text.length));
  const region = regionOf(unit ?? unitOf(issuer));
  note('region', region, r.region.id, locate(region, prov.unit?.span?.[0] ?? 0, text.length));
  const teamM = rx(r.team).exec(head) ?? rx(r.team).exec(doc.text.slice(0, 3000));
  const split = teamM ? null : rx(r.team_split).exec(head);
  const plain = teamM || split ? null : rx(r.team_plain).exec(head);
  const team = teamM ? teamM[1]! : split ? split[1]! + split[2]! : plain?.[1] ?? null;
  note('team', team, teamM ? r.team.id : split ? r.team_split.id : r.team_plain.id, locate(teamM ? team : split ? split[0] : team));
  const roundM = rx(r.round).exec(head);
  const round = roundM ? roundM[1]! : null;
  note('round', round, r.round.id, locate(round));
  const deployer = rx(r.deployer).exec(head)?.[1] ?? null;
  // the level is the inspected unit's own: its area (a township), the area its name lies in (a
  // county department inspected by a city's cross team is a county inspection), and only for a
  // unit without an area in its name (应急管理部, 某某大学) the inspecting committee's
  const unitRegion = unit ? regionOf(unit) : null;
  const own = ownAreaLevel(unit) ?? levelFromRegion(unitRegion);
  const byCommittee = own ? null : levelRule(deployer, region) ?? levelRule(team?.replace(/^[^届]*届/, '') ?? null, region);
  const level = own ?? byCommittee?.level ?? levelFromRegion(region);
  note('level', level, own ? ids.level_unit : byCommittee ? byCommittee.id : ids.level_region, own ? locate(unit) : byCommittee ? locate(byCommittee === levelRule(deployer, region) ? deployer : team) : locate(region));
  const kindHay = title && /巡[视察]/.test(title) ? title : head;
  const shi = (kindHay.match(/巡视/g) ?? []).length;
  const cha = (kindHay.match(/巡察/g) ?? []).length;
  const inspection_kind = shi || cha ? (shi > cha ? '巡视' : '巡察') : null;
  note('inspection_kind', inspection_kind, ids.kind, inspection_kind ? (kindHay === title ? titleSpan : locate(inspection_kind, seg.opening[0]?.start ?? 0)) : null);
  const dates = datesOf(doc, seg, outsideIssues);
  const { from: closingAt, ...contact } = contactOf(doc, seg);
  for (const k of ['inspection_start', 'inspection_end', 'feedback_date', 'as_of_date'] as const) {
    const span = dates.spans[k] ?? null;
    note(k, dates[k], k === 'feedback_date' ? r.feedback.id : k === 'as_of_date' ? r.as_of.id : ids.inspection_range, span);
  }
  if (contact.phones.length) note('contact.phones', contact.phones.join(' '), r.phone.id, locate(contact.phones[0]!.split('-').pop()!, closingAt, text.length));
  if (contact.emails.length) note('contact.emails', contact.emails.join(' '), r.email.id, locate(contact.emails[0]!, closingAt, text.length));
  const { spans: _spans, ...dateFields } = dates;
  return {
    title,
    issuer,
    unit,
    unit_aliases: roundSummary ? [] : aliasesOf(unit, region, doc.text, openingText),
    region,
    level,
    inspection_kind,
    team,
    round,
    ...dateFields,
    contact,
    provenance: prov,
  };
}
