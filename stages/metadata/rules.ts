// The metadata rules (rules/metadata.json), typed: what the title, unit, contact and date readers
// of the metadata stage share.
import { loadRules, type RegexRule } from '../../core/rules.js';
import type { Level } from '../../core/record.js';

export interface MetadataRules {
  about: RegexRule;
  title_end: RegexRule;
  issuer_line: RegexRule;
  issuer_suffix: RegexRule;
  issuer_announced: RegexRule;
  /** a 红头文件's 版头 line (中共X党组文件) */
  letterhead: RegexRule;
  /** the 版记's 印发 date at a printed document's end */
  issued_date: RegexRule;
  filled_date: RegexRule;
  party_prefix: RegexRule;
  region: RegexRule;
  region_levels: Array<RegexRule & { level: Level }>;
  district: RegexRule;
  area_office: RegexRule;
  area_name: RegexRule;
  self_name: RegexRule;
  team: RegexRule;
  team_term: RegexRule;
  round: RegexRule;
  deployer: RegexRule;
  inspected: RegexRule;
  as_of: RegexRule;
  as_of_before: RegexRule;
  feedback: RegexRule;
  feedback_before: RegexRule;
  date_part: RegexRule;
  year_in_opening: RegexRule;
  round_summary: RegexRule;
  team_split: RegexRule;
  team_plain: RegexRule;
  alias_defined: RegexRule;
  phone: RegexRule;
  phone_label: RegexRule;
  phone_area: RegexRule;
  phone_dash: RegexRule;
  email: RegexRule;
  contact_label: RegexRule;
  levels: Array<RegexRule & { level: Level; only_if_region?: string }>;
  published: RegexRule;
  title_noise: RegexRule;
  area_committee: RegexRule;
  province_inside: RegexRule;
  province_start: RegexRule;
  branch_area: RegexRule;
  municipality: RegexRule;
  doc_number: RegexRule;
  doc_number_bare: RegexRule;
  doc_index_label: RegexRule;
  doc_number_value: RegexRule;
  title_date: RegexRule;
  unit_abbreviations: Record<string, string[] | string>;
  /** contracted names of the unit the text uses (stages/metadata/aliases.ts) */
  contracted_alias: { last_word: RegexRule; area_word: RegexRule; word: RegexRule; written_as: Record<string, string[]> };
  company_form: RegexRule;
  country_name: RegexRule;
  bare_city: RegexRule;
  committee_area: RegexRule;
  /** ids of field decisions that are not one regex (see rules/metadata.json field_rules) */
  field_rules: Record<'title_page' | 'unit_signature' | 'unit_area' | 'issuer_title' | 'issuer_signature' | 'level_unit' | 'level_region' | 'kind' | 'inspection_range', string>;
}
export const metadataRules = () => loadRules<MetadataRules>('metadata.json');
