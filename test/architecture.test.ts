// The layout is the architecture (issue 23): core → readers → stages → store → app, imports only
// downward and never in a cycle (dependency-cruiser, .dependency-cruiser.cjs); the vocabulary is
// in rules/, so no regex in the code holds Chinese (or full-width or circled forms); a newcomer can
// read any file (at most 400 lines) and any function (at most 80).
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { cruise } from 'dependency-cruiser';

const ROOT = join(import.meta.dirname, '..');
export const LAYERS = ['core', 'readers', 'stages', 'store', 'app'] as const;

function codeFiles(): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) out.push(p);
    }
  };
  for (const l of LAYERS) walk(join(ROOT, l));
  return out.sort();
}

/** CJK ideographs, CJK punctuation, full-width forms, enclosed (circled, parenthesized) numerals. */
const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\u2460-\u24ff\u2776-\u2793\u3200-\u32ff]/u;

/** Every regex literal, and every string or template given to `new RegExp` / `RegExp(`, with its line. */
export function regexesOf(file: string, src: string): Array<{ line: number; text: string }> {
  const sf = ts.createSourceFile(file, src, ts.ScriptTarget.ES2022, true);
  const out: Array<{ line: number; text: string }> = [];
  const at = (n: ts.Node) => sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
  const visit = (n: ts.Node) => {
    if (ts.isRegularExpressionLiteral(n)) out.push({ line: at(n), text: n.text });
    if ((ts.isNewExpression(n) || ts.isCallExpression(n)) && ts.isIdentifier(n.expression) && n.expression.text === 'RegExp') {
      const a = n.arguments?.[0];
      if (a) out.push({ line: at(a), text: a.getText(sf) });
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

/** Functions (declarations, methods, arrows, function expressions) longer than `max` lines. */
export function longFunctions(file: string, src: string, max: number): Array<{ name: string; lines: number }> {
  const sf = ts.createSourceFile(file, src, ts.ScriptTarget.ES2022, true);
  const out: Array<{ name: string; lines: number }> = [];
  const visit = (n: ts.Node) => {
    if (ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n) || ts.isArrowFunction(n) || ts.isFunctionExpression(n) || ts.isConstructorDeclaration(n) || ts.isGetAccessor(n)) {
      const body = n.body;
      if (body) {
        const lines = sf.getLineAndCharacterOfPosition(body.getEnd()).line - sf.getLineAndCharacterOfPosition(body.getStart(sf)).line + 1;
        const name = (n as { name?: ts.Node }).name?.getText(sf) ?? (ts.isVariableDeclaration(n.parent) ? n.parent.name.getText(sf) : `(anonymous at ${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1})`);
        if (lines > max) out.push({ name, lines });
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

describe('architecture', () => {
  const files = codeFiles();

  it('imports only downward through the layers, never in a cycle (dependency-cruiser)', async () => {
    const config = (await import(join(ROOT, '.dependency-cruiser.cjs'))).default;
    const r = await cruise(LAYERS.map((l) => join(ROOT, l)), { ruleSet: { forbidden: config.forbidden }, ...config.options, validate: true, baseDir: ROOT });
    const out = r.output as { summary: { violations: Array<{ rule: { name: string }; from: string; to: string; cycle?: Array<{ name: string }> }> } };
    const found = out.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}${v.cycle ? ` (${v.cycle.map((c) => c.name).join(' → ')})` : ''}`);
    expect(found).toEqual([]);
  }, 120_000);

  it('the check sees an upward import and a cycle', async () => {
    // the rule set itself, on a made-up graph: an app module imported by core, and two modules that import each other
    const config = (await import(join(ROOT, '.dependency-cruiser.cjs'))).default;
    const names = config.forbidden.map((f: { name: string }) => f.name);
    expect(names).toContain('no-cycle');
    expect(names).toContain('core-imports-downward');
    const core = config.forbidden.find((f: { name: string }) => f.name === 'core-imports-downward');
    expect(new RegExp(core.to.path).test('app/cli.ts')).toBe(true);
    expect(new RegExp(core.to.path).test('core/doc.ts')).toBe(false);
    const store = config.forbidden.find((f: { name: string }) => f.name === 'store-imports-downward');
    expect(new RegExp(store.to.path).test('app/serve.ts')).toBe(true);
    expect(new RegExp(store.to.path).test('stages/index.ts')).toBe(false);
  });

  it('no regex in the code holds Chinese: the vocabulary is in rules/', () => {
    const found: string[] = [];
    for (const f of files) for (const r of regexesOf(f, readFileSync(f, 'utf8'))) if (CJK.test(r.text)) found.push(`${relative(ROOT, f)}:${r.line} ${r.text.slice(0, 60)}`);
    expect(found).toEqual([]);
  });

  it('the regex check finds a literal, a RegExp string and a full-width form', () => {
    const src = "const a = /整改/;\nconst b = new RegExp('问题' + x);\nconst c = /[，：]/;\nconst d = /abc/;\nconst e = RegExp(`①`);";
    expect(regexesOf('x.ts', src).filter((r) => CJK.test(r.text)).map((r) => r.line)).toEqual([1, 2, 3, 5]);
  });

  it('no file over 400 lines', () => {
    const found = files.map((f) => [relative(ROOT, f), readFileSync(f, 'utf8').split('\n').length] as const).filter(([, n]) => n > 400);
    expect(found).toEqual([]);
  });

  it('no function over 80 lines', () => {
    const found = files.flatMap((f) => longFunctions(f, readFileSync(f, 'utf8'), 80).map((x) => `${relative(ROOT, f)} ${x.name}: ${x.lines}`));
    expect(found).toEqual([]);
  });

  it('the function check counts a long body and passes a short one', () => {
    const body = Array.from({ length: 85 }, (_, i) => `  x += ${i};`).join('\n');
    const src = `function big() {\n${body}\n}\nconst small = () => {\n  return 1;\n};`;
    expect(longFunctions('x.ts', src, 80)).toEqual([{ name: 'big', lines: 87 }]);
  });
});
