// Bulletin metadata: title, issuer, unit (+ aliases), region, level, 巡视/巡察, team,
// round, inspection dates, feedback and as-of dates, contact. Each field is read by one step
// below and traced to the span it came from; the readers live beside this file: title.ts,
// unit.ts, contact.ts, inspection-dates.ts, page.ts (what a web page prints around it).
import { rx, pattern, vocabularyList } from '../../core/rules.js';
import { structureRules } from '../../core/vocabulary.js';
import type { Segmentation } from '../segment/segment.js';
import type { Doc } from '../../core/doc.js';
import type { Bulletin, Level, Provenance } from '../../core/record.js';
import type { MetadataRead } from '../../core/results.js';
import { metadataRules } from './rules.js';
import { readTitle, titleInLine, issuerOf, signatureIssuer, announcedIssuer, letterheadIssuer } from './title.js';
import { unitOf, unitWithArea, regionOf, ownAreaLevel, levelFromRegion, levelRule, shortFormsOf, aliasesOf, inspectedName, bareCityRegion } from './unit.js';
import { isDivision } from './gazetteer.js';
import { contactOf } from './contact.js';
import { datesOf } from './inspection-dates.js';

export { metadataRules, type MetadataRules } from './rules.js';
export { publishedInText, docNumberInText, isDocNumber } from './page.js';
export { titleInLine, readTitle, issuerOf, signatureIssuer, announcedIssuer } from './title.js';
export { unitOf, regionOf, ownAreaLevel, levelOf, shortFormsOf, aliasesOf } from './unit.js';
export { contactOf } from './contact.js';
export { datesOf, type DatesRead } from './inspection-dates.js';
export type { MetadataRead };

type Span = [number, number];

/** Where each field came from: `note` traces a field's rule and span, `locate` finds where a value is written. */
interface Fields {
  prov: Record<string, Provenance>;
  /** where a value is written (its first place in [from, to)), or null */
  locate(v: string | null, from?: number, to?: number): Span | null;
  note(field: string, value: string | null, rule: string, span: Span | null): void;
}

function fieldsOf(doc: Doc): Fields {
  const prov: Record<string, Provenance> = {};
  const text = doc.text;
  return {
    prov,
    locate: (v, from = 0, to = Math.min(text.length, 4000)) => {
      if (!v) return null;
      const i = text.slice(from, to).indexOf(v);
      return i < 0 ? null : [from + i, from + i + v.length];
    },
    note: (field, value, rule, span) => {
      if (value === null) return;
      prov[field] = { rule, span };
      doc.decide('metadata', 'field', rule, span ?? undefined, `${field}: ${value}`, field);
    },
  };
}

/** The title (its lines, or the page's own) and its span; the issuer before 关于, else the signature's. */
function readTitleAndIssuer(doc: Doc, seg: Segmentation, f: Fields) {
  const r = metadataRules();
  const ids = r.field_rules;
  const ownTitle = readTitle(seg.title);
  const fromPage = !ownTitle && !!doc.raw.meta.title;
  const title = ownTitle ?? (doc.raw.meta.title?.trim() || null);
  // the title's lines (a title may be broken over two), and page text glued before it
  let titleSpan: Span | null = null;
  if (title && !fromPage) {
    const first = seg.title.find((p) => p.text.includes(title.slice(0, 6)));
    const last = [...seg.title].reverse().find((p) => p.text.replace(/\s+/g, '').includes(title.slice(-4)));
    if (first && last) {
      const glued = titleInLine(first.text).noise;
      if (glued) doc.decide('metadata', 'title_noise', r.title_noise.id, [first.start, first.start + glued.length], `page text before the title: ${glued}`);
      titleSpan = [first.start + glued.length, Math.max(last.end, first.start + glued.length)];
    }
  }
  f.note('title', title, fromPage ? ids.title_page : structureRules().title_line.id, titleSpan);
  const titleIssuer = issuerOf(title);
  // (a title that names none under a 红头文件's 版头 that does: 中共X党组文件)
  const letterhead = titleIssuer ? null : letterheadIssuer(seg.title.filter((p) => !titleSpan || p.start < titleSpan[0]));
  const signed = titleIssuer || letterhead ? null : signatureIssuer(doc);
  // (no title names it, no signature: the body the lead says published it, 近日，X党组向社会公布了…)
  const firstProblem = seg.problems[0] ? doc.paragraphs[seg.problems[0].first]!.start : Math.min(doc.text.length, 3000);
  const announced = titleIssuer || letterhead || signed ? null : announcedIssuer(doc.text, firstProblem, (name) => regionOf(unitOf(name)) !== null);
  const issuer = titleIssuer ?? letterhead?.issuer ?? signed ?? announced?.issuer ?? null;
  const issuerSpan = titleIssuer ? (titleSpan ? [titleSpan[0], titleSpan[0] + titleIssuer.length] as Span : null) : letterhead ? letterhead.span : announced ? announced.span : f.locate(issuer, Math.max(0, doc.text.length - 300), doc.text.length);
  f.note('issuer', issuer, titleIssuer ? ids.issuer_title : letterhead ? r.letterhead.id : announced ? r.issuer_announced.id : ids.issuer_signature, issuerSpan);
  return { title, titleSpan, titleIssuer, issuer };
}

/**
 * A round summary reports on many units: a plural team (区委4个巡察组), a round office as
 * issuer, or an inspected object that is N units (…等12家单位); extra scope (同步对3个单位
 * 进行了延伸了解) is not one.
 */
function isRoundSummary(doc: Doc, issuer: string | null, openingText: string, head: string, f: Fields): boolean {
  const r = metadataRules();
  const inspectedObj = rx(r.inspected).exec(openingText)?.[1] ?? '';
  const teamText = rx(r.team).exec(head)?.[1] ?? '';
  const roundSummary = [issuer ?? '', teamText, inspectedObj].some((x) => x && rx(r.round_summary).test(x));
  if (roundSummary) doc.decide('metadata', 'field', r.round_summary.id, f.locate(issuer) ?? undefined, 'a round summary: many inspected units, no single unit');
  return roundSummary;
}

/** The unit (from the issuer, else the inspected object, else the signature's full name) and its region. */
function readUnit(doc: Doc, issuer: string | null, titleIssuer: string | null, openingText: string, roundSummary: boolean, committee: string | null, f: Fields) {
  const r = metadataRules();
  let unit = roundSummary ? null : unitOf(issuer);
  let unitRule = issuer && rx(r.area_committee).test(issuer.replace(rx(r.party_prefix), '')) ? r.area_committee.id : r.issuer_suffix.id;
  if (!unit && !roundSummary) { unit = inspectedName(openingText); unitRule = r.inspected.id; }
  // a short form without its area (市卫健委党委): the signature's full name, when it is that
  // unit's (漯河市卫生健康委员会 goes by 市卫健委), gives the unit and its region
  if (unit && !regionOf(unit) && titleIssuer) {
    const sig = unitOf(signatureIssuer(doc));
    const sigRegion = sig ? regionOf(sig) : null;
    if (sig && sigRegion && shortFormsOf(sig, sigRegion).has(unit)) { unit = sig; unitRule = r.field_rules.unit_signature; }
  }
  // still no area: the name as the text writes it after its area (郏县安良镇杨庄村村务公开栏)
  const withArea = unit && !regionOf(unit) ? unitWithArea(unit, doc.text) : null;
  if (withArea) { unit = withArea; unitRule = r.field_rules.unit_area; }
  f.note('unit', unit, unitRule, f.locate(unit, 0, doc.text.length));
  const ownRegion = regionOf(unit ?? unitOf(issuer));
  // a city's unit named without the city's 市 (洛阳国宏…公司), inspected by the city's committee
  const bareCity = ownRegion ? null : bareCityRegion(unit, committee);
  const region = ownRegion ?? bareCity;
  f.note('region', region, bareCity ? r.bare_city.id : r.region.id, bareCity ? f.locate(unit) : f.locate(region, f.prov.unit?.span?.[0] ?? 0, doc.text.length));
  return { unit, region };
}

/** The inspecting team (numbered, split by a round's name, or plain), the round, and the committee that deployed it. */
function readTeam(doc: Doc, head: string, f: Fields) {
  const r = metadataRules();
  const inHead = rx(r.team).exec(head);
  const teamM = inHead ?? rx(r.team).exec(doc.text.slice(0, 3000));
  const split = teamM ? null : rx(r.team_split).exec(head);
  const plain = teamM || split ? null : rx(r.team_plain).exec(head);
  // the committee alone (市委第二巡察组), which gives the level, and the team as named (安阳市委第二巡察组)
  const bareTeam = teamM ? teamM[1]! : split ? split[1]! + split[2]! : plain?.[1] ?? null;
  const m = teamM ?? plain;
  const source = teamM && !inHead ? doc.text.slice(0, 3000) : head;
  const area = m && bareTeam ? teamArea(source, m.index!, bareTeam) : '';
  const team = bareTeam === null ? null : area + bareTeam;
  f.note('team', team, teamM ? r.team.id : split ? r.team_split.id : r.team_plain.id, f.locate(teamM || !split ? team : split[0]));
  const roundM = rx(r.round).exec(head);
  const round = roundM ? roundM[1]! : null;
  f.note('round', round, r.round.id, f.locate(round));
  const deployer = rx(r.deployer).exec(head)?.[1] ?? null;
  return { team, bareTeam, round, deployer };
}

/**
 * The area's name written before a team whose committee is an area's (安阳市委第二巡察组, 邓州市委第二巡察组):
 * the longest run of words before it that, with the committee's area word, is a division the gazetteer
 * has (安阳 + 市); '' where there is none (关于市委第二巡察组).
 */
function teamArea(text: string, at: number, team: string): string {
  const m = rx(metadataRules().committee_area).exec(team);
  if (!m) return '';
  for (let k = Math.min(at, 8); k >= 2; k--) {
    const name = text.slice(at - k, at);
    if (isDivision(name + m[0].slice(0, -1))) return name;
  }
  return '';
}

/**
 * The level is the inspected unit's own: its area (a township), the area its name lies in (a
 * county department inspected by a city's cross team is a county inspection), and only for a
 * unit without an area in its name (应急管理部, 某某大学) the inspecting committee's.
 */
function readLevel(unit: string | null, region: string | null, deployer: string | null, team: string | null, bareTeam: string | null, f: Fields): Level | null {
  const ids = metadataRules().field_rules;
  const unitRegion = unit ? regionOf(unit) : null;
  const own = ownAreaLevel(unit) ?? levelFromRegion(unitRegion);
  // the team as named (北京市委第三巡视组), else its committee alone (安阳市委第二巡察组: 市委)
  const committee = (t: string | null) => t?.replace(rx(metadataRules().team_term), '') ?? null;
  const byCommittee = own ? null : levelRule(deployer, region) ?? levelRule(committee(team), region) ?? levelRule(committee(bareTeam), region);
  const level = own ?? byCommittee?.level ?? levelFromRegion(region);
  // (the span is the team's also where the deployer's name gave the level, as the record has always had it)
  const span = own ? f.locate(unit) : byCommittee ? f.locate(team) : f.locate(region);
  f.note('level', level, own ? ids.level_unit : byCommittee ? byCommittee.id : ids.level_region, span);
  return level;
}

/** 巡视 or 巡察: whichever the title (else the opening) says more often; on a tie the first of rules/vocabulary.json inspection_kind. */
function readKind(title: string | null, titleSpan: Span | null, head: string, seg: Segmentation, f: Fields): Bulletin['inspection_kind'] {
  const hay = title && pattern('{{inspection_kind}}').test(title) ? title : head;
  let kind: string | null = null;
  let most = 0;
  for (const w of vocabularyList('inspection_kind')) {
    const n = hay.split(w).length - 1;
    if (n > most) { kind = w; most = n; }
  }
  f.note('inspection_kind', kind, metadataRules().field_rules.kind, kind ? (hay === title ? titleSpan : f.locate(kind, seg.opening[0]?.start ?? 0)) : null);
  return kind as Bulletin['inspection_kind'];
}

/** `published`: the page's own date (ISO), where known: a year word relative to it (今年3月20日) dates the opening's dates. */
export function readMetadata(doc: Doc, seg: Segmentation, outsideIssues: Array<{ text: string; start: number }>, published: string | null = null): MetadataRead {
  const r = metadataRules();
  const f = fieldsOf(doc);
  const text = doc.text;
  const { title, titleSpan, titleIssuer, issuer } = readTitleAndIssuer(doc, seg, f);
  const openingText = seg.opening.map((p) => p.text).join('\n');
  const head = `${title ?? ''}\n${openingText}`;
  const roundSummary = isRoundSummary(doc, issuer, openingText, head, f);
  const { team, bareTeam, round, deployer } = readTeam(doc, head, f);
  const committee = bareTeam?.replace(rx(r.team_term), '') ?? deployer;
  const { unit, region } = readUnit(doc, issuer, titleIssuer, openingText, roundSummary, committee, f);
  const level = readLevel(unit, region, deployer, team, bareTeam, f);
  const inspection_kind = readKind(title, titleSpan, head, seg, f);
  const dates = datesOf(doc, seg, outsideIssues, published);
  const { from: closingAt, ...contact } = contactOf(doc, seg);
  for (const k of ['inspection_start', 'inspection_end', 'feedback_date', 'as_of_date'] as const) {
    f.note(k, dates[k], k === 'feedback_date' ? r.feedback.id : k === 'as_of_date' ? r.as_of.id : r.field_rules.inspection_range, dates.spans[k] ?? null);
  }
  if (contact.phones.length) f.note('contact.phones', contact.phones.join(' '), r.phone.id, f.locate(contact.phones[0]!.split('-').pop()!, closingAt, text.length));
  if (contact.emails.length) f.note('contact.emails', contact.emails.join(' '), r.email.id, f.locate(contact.emails[0]!, closingAt, text.length));
  const { spans: _spans, ...dateFields } = dates;
  return {
    title,
    issuer,
    unit,
    // (a page's own title, a news headline the text does not print, names the unit too: 营山县医保局：以巡察整改促提升)
    unit_aliases: roundSummary ? [] : aliasesOf(unit, region, title && !text.includes(title) ? `${title}\n${text}` : text, openingText),
    region,
    level,
    inspection_kind,
    team,
    round,
    ...dateFields,
    contact,
    provenance: f.prov,
  };
}
