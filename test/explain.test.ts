// `zhenggai explain` and the traced decisions behind it: every rule id that travels with a
// record or a decision is a real id from rules/*.json, and the outline names the rule and the
// line of each part, category, group, problem and declared total.
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { extractFileDoc, extractBytesDoc } from '../stages/extract.js';
import { explain, formatExplanation } from '../app/explain.js';
import { fixtureCases } from './fixtures.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = (...args: string[]) => spawnSync(process.execPath, [join(root, 'bin', 'zhenggai.mjs'), ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });

/** Every id defined in rules/*.json: objects with an id, and the id values of field_rules. */
function ruleIds(): Set<string> {
  const ids = new Set<string>();
  const walk = (n: unknown, key = ''): void => {
    if (Array.isArray(n)) n.forEach((x) => walk(x));
    else if (n && typeof n === 'object') {
      const o = n as Record<string, unknown>;
      if (typeof o.id === 'string') ids.add(o.id);
      for (const [k, v] of Object.entries(o)) walk(v, k);
    } else if (typeof n === 'string' && key && /^[a-z_]+$/.test(key) && /^[a-z_]+\.[a-z_.]+$/.test(n)) ids.add(n);
  };
  const dir = join(root, 'rules');
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.json'))) walk(JSON.parse(readFileSync(join(dir, f), 'utf8')));
  return ids;
}

describe('traced decisions', () => {
  const ids = ruleIds();
  for (const c of fixtureCases()) {
    it(`${c.name}: every rule id is one of rules/*.json`, async () => {
      const doc = await extractFileDoc(c.inputs.find((f) => f.endsWith('.txt')) ?? c.inputs[0]!);
      const rec = doc.record!;
      const used = [
        ...doc.messages.map((m) => m.ruleId),
        ...rec.issues.flatMap((i) => [i.rule, i.status_rule, i.numbering_rule, ...i.quantities.map((q) => q.rule), ...i.themes.map((t) => t.rule)]),
        ...rec.categories.map((x) => x.rule),
        ...rec.quantities.map((q) => q.rule),
        ...Object.values(rec.provenance.bulletin).map((p) => p.rule),
        ...Object.values(rec.provenance.summary).flat().map((p) => p.rule),
      ].filter((x): x is string => x !== null);
      const unknown = [...new Set(used)].filter((id) => !ids.has(id));
      expect(unknown).toEqual([]);
      // every problem has a traced decision with its span and rule
      for (const i of rec.issues) {
        const d = doc.decisions().find((m) => m.decision === 'problem' && m.value === i.number);
        expect(d?.ruleId, `problem ${i.number}`).toBe(i.rule);
        expect(d?.span?.[0]).toBe(i.span[0]);
      }
      // every provenance span slices the text it names
      for (const [field, p] of Object.entries(rec.provenance.bulletin)) {
        if (!p.span) continue;
        expect(p.span[1], field).toBeLessThanOrEqual(rec.text.length);
      }
      for (const hits of Object.values(rec.provenance.summary)) for (const h of hits) expect(rec.text.slice(h.span[0], h.span[1])).toBe(h.text);
    });
  }
});

describe('explain', () => {
  it('a three-level bulletin: categories, groups, problems with their printed labels, totals checked', async () => {
    const e = explain(await extractFileDoc(join(root, 'fixtures/henan-renminyiyuan-2023/bulletin.txt')));
    expect(e.bulletin.unit).toMatchObject({ value: '河南省人民医院', rule: 'unit.issuer_suffix', line: 1, text: '河南省人民医院' });
    expect(e.bulletin.region).toMatchObject({ value: '河南省', rule: 'unit.region' });
    expect(e.outline.filter((o) => o.what === 'group').map((o) => o.line)).toEqual([15, 21, 26, 30, 35]);
    expect(e.outline.filter((o) => o.what === 'category').map((o) => [o.line, o.rule])).toEqual([[14, 'category.title'], [20, 'category.title'], [29, 'category.title']]);
    expect(e.issues.map((i) => [i.number, i.label, i.line, i.rule])).toEqual([
      [1, '（1）', 16, 'problem.about'], [2, '（2）', 18, 'problem.about'], [3, '（1）', 22, 'problem.about'], [4, '（2）', 24, 'problem.about'],
      [5, '（1）', 27, 'problem.about'], [6, '（1）', 31, 'problem.about'], [7, '（2）', 33, 'problem.about'], [8, '（1）', 36, 'problem.about'],
    ]);
    expect(e.issues[3]).toMatchObject({ status: 'in_progress', status_rule: 'status.field.partial', status_phrase: '阶段性完成' });
    const t = Object.fromEntries(e.totals.map((x) => [x.key, x]));
    expect(t.problems).toMatchObject({ declared: 8, found: 8, match: true, rule: 'total.problems.specific', line: 4 });
    expect(t.aspects).toMatchObject({ declared: 3, found: 3, match: true });
    const text = formatExplanation(e);
    expect(text).toMatch(/L15 +group of problems: 党委把方向、管大局作用发挥不够充分 +layout\.group/);
  });
  it('marks each declared total the bulletin does not bear out', async () => {
    const doc = await extractBytesDoc(new TextEncoder().encode([
      '中共某某县民政局党组关于巡察整改情况的通报',
      '根据县委统一部署，县委第一巡察组对县民政局党组进行了巡察。',
      '一、整改工作总体情况',
      '巡察反馈3个方面5个问题，已完成整改5个。',
      '二、反馈问题整改情况',
      '（一）关于党的建设方面',
      '1.关于“学习不深入”的问题。整改情况：一是制定学习计划；二是开展集中学习。已完成整改。',
      '2.关于“制度不健全”的问题。整改情况：一是修订制度；二是加强监督。已完成整改。',
      '（二）关于作风建设方面',
      '3.关于“会议过多”的问题。整改情况：一是精简会议；二是压减文件。正在整改中。',
    ].join('\n')), 'mismatch.txt');
    const e = explain(doc);
    const t = Object.fromEntries(e.totals.map((x) => [x.key, x]));
    expect(t.problems).toMatchObject({ declared: 5, found: 3, match: false });
    expect(t.aspects).toMatchObject({ declared: 3, found: 2, match: false });
    expect(e.warnings.map((w) => w.code)).toContain('declared_total_mismatch');
    const text = formatExplanation(e);
    expect(text).toMatch(/aspects = 3 .* found 2 ✗ mismatch/);
    expect(text).toMatch(/problems = 5 .* found 3 ✗ mismatch/);
  });
  it('names why a line is a problem in each layout: before its measures, a unit line as category, an organizational part', async () => {
    const b = explain(await extractFileDoc(join(root, 'fixtures/baokang-xianwei-2023/bulletin.txt')));
    expect(new Set(b.issues.map((i) => i.rule))).toEqual(new Set(['layout.before_measures']));
    expect(b.outline.find((o) => o.what === 'part' && o.line === 3)).toMatchObject({ rule: 'layout.part_content', value: 'org' });
    const x = explain(await extractFileDoc(join(root, 'fixtures/xigong-round3-2023/bulletin.txt')));
    expect(x.outline.filter((o) => o.what === 'category').map((o) => o.rule)).toEqual(['category.unit_line', 'category.unit_line', 'category.unit_line', 'category.unit_line']);
    expect(x.outline.some((o) => o.rule === 'layout.renumbered')).toBe(true);
  });
  it('shows page text glued to the title as noise, and where each field came from', async () => {
    const e = explain(await extractFileDoc(join(root, 'fixtures/wucheng-wenlvti-2024/bulletin.txt')));
    expect(e.outline.find((o) => o.what === 'title_noise')).toMatchObject({ rule: 'title.noise', text: 'page text before the title: •公开方式：主动公开•' });
    expect(e.bulletin.title!.text).toBe('中共金华市婺城区文化和旅游体育局党组关于区委第二巡察组巡察反馈意见整改进展情况的通报');
    expect(e.bulletin.feedback_date).toMatchObject({ value: '2024-06-18', rule: 'meta.feedback', text: '2024年6月18日' });
  });
  it('escapes control characters a document carries', async () => {
    const body = '整改情况：一是制定学习计划，组织集中学习12次；二是建立健全制度，规范工作流程。已完成整改。\n'.repeat(8);
    const doc = await extractBytesDoc(new TextEncoder().encode(`中共某某县民政局党组关于巡察整改情况的通报\n根据县委统一部署，县委第一巡察组对县民政局党组进行了巡察。\n1.关于“\u001b]0;pwned\u0007X”的问题。\n${body}`), 'esc.txt');
    const text = formatExplanation(explain(doc));
    expect(text).not.toMatch(/[\u001b\u0007]/);
    expect(text).toContain('\\u001b');
  });
  it('the command: text by default, --format json, a bad file exits 1', () => {
    const r = run('explain', 'fixtures/yuehe-town-2024/bulletin.txt');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^outline$/m);
    expect(r.stdout).toMatch(/problem 1: 乡村振兴项目推进缓慢，部分产业项目效益不佳 +label\.problem/);
    const j = run('explain', '--format', 'json', 'fixtures/yuehe-town-2024/bulletin.txt');
    expect(JSON.parse(j.stdout).issues).toHaveLength(9);
    const bad = run('explain', 'fixtures/no-such-file.txt');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/no-such-file/);
  });
});
