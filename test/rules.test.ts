// Every regex rule kept as data carries examples; each example must match its rule, and an
// example that states what the rule extracts (Recognizers-Text style: the words matched, where,
// the value of each group, the value the stage reads from it) must extract exactly that. Every
// rule id is unique (ids travel with what the rules produce). Rule tables without a regex (the
// numbering table, the numerals) state what their examples read as, checked here too.
import { describe, it, expect } from 'vitest';
import { expandRe, vocabularyList, type RuleExample } from '../core/rules.js';
import { Bulletin } from '../core/record.js';
import { parseNumber } from '../core/numerals.js';
import { canonicalNumbering } from '../core/numbering.js';
import { compileTotal, readTotal } from '../stages/totals/totals.js';
import { findDates, statedDate } from '../stages/metadata/dates.js';
import { levelFromRegion, levelOf } from '../stages/metadata/unit.js';
import { moneyRole } from '../stages/issues/quantities.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'rules');
type Rule = { id: string; re: string; flags?: string; key?: string; examples?: RuleExample[]; not_examples?: string[]; not_examples_prefix?: boolean };
type Found = Rule & { file: string; path: string };

function collect(node: unknown, path: string, out: Array<Rule & { path: string }>): void {
  if (Array.isArray(node)) node.forEach((n) => collect(n, path, out));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (typeof o.id === 'string' && typeof o.re === 'string') out.push({ ...(o as unknown as Rule), path });
    for (const [k, v] of Object.entries(o)) collect(v, path ? `${path}.${k}` : k, out);
  }
}

const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
const all: Found[] = [];
for (const f of files) {
  const rules: Array<Rule & { path: string }> = [];
  collect(JSON.parse(readFileSync(join(dir, f), 'utf8')), '', rules);
  all.push(...rules.map((r) => ({ ...r, file: f })));
}

/** A rule compiled as its stage compiles it (in rules/totals.json, N is a number and M money), without g or y. */
function compile(r: Found): RegExp {
  const re = r.file === 'totals.json' ? compileTotal(r).source : expandRe(r.re);
  return new RegExp(re, (r.flags ?? '').replace(/[gy]/g, ''));
}

/** What a stage reads from a rule's match, for the rule tables whose examples state a value. */
const readers: Array<{ file: string; under: string; read: (r: Found, m: RegExpExecArray, text: string) => unknown }> = [
  // the total a declared-total rule reads (money in yuan, a rate as a fraction)
  { file: 'totals.json', under: 'rules', read: (r, m) => readTotal(r as Parameters<typeof readTotal>[0], m) },
  // the date the date reader reads with this rule at this place, ISO 8601 with parts missing (--05-16)
  { file: 'dates.json', under: 'dates', read: (r, m, text) => { const d = findDates(text).find((x) => x.rule === r.id && x.start === m.index); return d ? statedDate(d) : `no date read by ${r.id}`; } },
  // the level an area's name gives, the first of the rules that matches
  { file: 'metadata.json', under: 'region_levels', read: (_r, _m, text) => levelFromRegion(text) },
  // the level an inspecting committee's name gives (no region known), the first of the rules that matches
  { file: 'metadata.json', under: 'levels', read: (_r, _m, text) => levelOf(text, null) },
  // the role of a money amount the words before it give, the first of the rules that matches
  { file: 'quantities.json', under: 'money_roles', read: (_r, _m, text) => moneyRole(text) },
];
const readerOf = (r: Found) => readers.find((x) => x.file === r.file && (r.path === x.under || r.path.startsWith(`${x.under}.`)));

/** Plain-string examples may use placeholders: N a number, X a name. */
const plain = (s: string) => s.replace(/N/g, '12').replace(/X/g, '某某');

describe('rule tables', () => {
  it('have negative examples where a wrong match costs most', () => {
    // the rules that decide structure and identity carry text they must not match
    for (const id of ['title.noise', 'unit.area_committee', 'status.done', 'category.title', 'head.num']) {
      const r = all.find((x) => x.id === id);
      expect(r?.not_examples?.length ?? 0, `${id} has no not_examples`).toBeGreaterThan(0);
    }
  });
  it('name the inspection with the words the record schema allows (rules/vocabulary.json inspection_kind)', () => {
    expect([...Bulletin.shape.inspection_kind.unwrap().options].sort()).toEqual([...vocabularyList('inspection_kind')].sort());
  });
  it('have unique ids', () => {
    const ids = all.map((r) => r.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });
  it('state what they extract in every example of the metadata, totals, quantities and dates rules', () => {
    const bare = all.filter((r) => ['metadata.json', 'totals.json', 'quantities.json', 'dates.json'].includes(r.file)).flatMap((r) => (r.examples ?? []).filter((ex) => typeof ex === 'string').map((ex) => `${r.id}: ${ex}`));
    expect(bare).toEqual([]);
  });
  for (const r of all) {
    it(`${r.file} ${r.id} matches its examples and extracts what they state`, () => {
      expect(r.examples?.length ?? 0, `${r.id} has no example`).toBeGreaterThan(0);
      const re = compile(r);
      for (const ex of r.examples ?? []) {
        const text = typeof ex === 'string' ? plain(ex) : ex.text;
        const m = re.exec(text);
        expect(m, `${r.id} should match ${JSON.stringify(text)}`).not.toBeNull();
        if (typeof ex === 'string' || !m) continue;
        if (ex.match !== undefined) expect(m[0], `${r.id} on ${JSON.stringify(text)}: the match`).toBe(ex.match);
        if (ex.span !== undefined) expect([m.index, m.index + m[0].length], `${r.id} on ${JSON.stringify(text)}: the span`).toEqual(ex.span);
        for (const [g, want] of Object.entries(ex.groups ?? {})) {
          const got = /^\d+$/.test(g) ? m[Number(g)] : m.groups?.[g];
          expect(got ?? null, `${r.id} on ${JSON.stringify(text)}: group ${g}`).toBe(want);
        }
        if (ex.value !== undefined) {
          const reader = readerOf(r);
          expect(reader, `${r.id}: an example states a value, but no reader of ${r.file} ${r.path} checks it`).toBeDefined();
          expect(reader!.read(r, m, text), `${r.id} on ${JSON.stringify(text)}: the value`).toEqual(ex.value);
        }
      }
      // negative examples: text the rule must not match (whole-line rules) or must not take
      // whole (a prefix rule such as title.noise must leave the title where it is)
      for (const ex of r.not_examples ?? []) {
        const text = plain(ex);
        const m = re.exec(text);
        expect(m === null || (r.not_examples_prefix === true && m[0].length === 0), `${r.id} must not match ${JSON.stringify(text)}`).toBe(true);
      }
    });
  }
});

describe('rule tables without a regex state what their examples read as', () => {
  const numbering = JSON.parse(readFileSync(join(dir, 'numbering.json'), 'utf8')) as {
    enclosed: Array<{ id: string; examples: Array<{ text: string; value: string }> }>;
    line_head: Array<{ id: string; examples: Array<{ text: string; value: string }> }>;
    numerals: { examples: Array<{ text: string; value: number }>; sets: Record<string, { chars: string }>; digits: Record<string, number>; units: Record<string, number>; big_units: Record<string, number> };
  };
  for (const r of [...numbering.enclosed, ...numbering.line_head]) {
    it(`numbering.json ${r.id}: each example is rewritten to its value`, () => {
      expect(r.examples.length).toBeGreaterThan(0);
      for (const ex of r.examples) expect(canonicalNumbering(ex.text), ex.text).toBe(ex.value);
    });
  }
  it('numbering.json numerals: each example reads as its value', () => {
    expect(numbering.numerals.examples.length).toBeGreaterThan(0);
    for (const ex of numbering.numerals.examples) expect(parseNumber(ex.text), ex.text).toBe(ex.value);
  });
  it('numbering.json numerals: every character of a set is a numeral of the table', () => {
    const known = new Set([...Object.keys(numbering.numerals.digits), ...Object.keys(numbering.numerals.units), ...Object.keys(numbering.numerals.big_units)]);
    for (const [name, set] of Object.entries(numbering.numerals.sets)) for (const c of set.chars) expect(known.has(c), `${name}: ${c}`).toBe(true);
  });
});
