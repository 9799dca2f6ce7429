// A unit's page (/unit/NAME): its bulletins over the years, its problems by theme, and the problems
// that recur from one round to the next.
import type { Context, Env } from 'hono';
import type { Store } from '../../store/store.js';
import { completionRate, type Row } from '../../store/queries.js';
import { LEVEL_LABEL } from '../labels.js';
import { h } from '../html.js';
import { layout, num, pct, qs, statusLabel } from './layout.js';
import { recurringProblems } from './recurring.js';

export async function showUnit(db: Store, c: Context<Env, '/unit/:name'>): Promise<Response> {
  const name = c.req.param('name');
  const unit = (await db.get<{ id: number; name: string; region: string | null; level: string | null }>('SELECT id, name, region, level FROM units WHERE name = ?', [name]))
    ?? (await db.get<{ id: number; name: string; region: string | null; level: string | null }>('SELECT u.id, u.name, u.region, u.level FROM units u JOIN unit_aliases a ON a.unit_id = u.id WHERE a.alias = ? ORDER BY u.id', [name]));
  const bulletins = await db.all<Row & { id: number; themes: string | null }>(`SELECT b.id, b.year, b.title, b.team, b.round, b.feedback_date, s.problems, s.completed, s.declared_problems, s.mismatches, s.themes
    FROM publications b LEFT JOIN bulletin_stats s ON s.bulletin_id = b.id WHERE ${unit ? 'b.unit_id = ?' : 'b.unit_id IS NULL AND b.unit_name = ?'} ORDER BY b.year, b.id`, [unit ? unit.id : name]);
  if (!unit && !bulletins.length) return c.html(layout('未找到单位', h`<h1>没有名为“${name}”的单位</h1><p><a href="/compare">查看所有单位</a></p>`), 404);
  const aliases = unit ? (await db.all<{ alias: string }>('SELECT alias FROM unit_aliases WHERE unit_id = ? ORDER BY alias', [unit.id])).map((r) => r.alias) : [];
  // problems by theme, bulletin by bulletin (the figures kept at ingest)
  const themeRows = new Map<string, Map<number, number>>();
  for (const b of bulletins) for (const [label, n] of JSON.parse(b.themes ?? '[]') as Array<[string | null, number]>) {
    const l = label ?? '（无主题）';
    const m = themeRows.get(l) ?? new Map<number, number>();
    m.set(b.id, (m.get(b.id) ?? 0) + n);
    themeRows.set(l, m);
  }
  // recurring problems: similar problem texts in different bulletins of this unit
  const problems = bulletins.length ? await db.all<{ id: number; bulletin_id: number; number: number; problem: string; status: string }>(
    `SELECT i.id, i.bulletin_id, i.number, i.problem, i.status FROM issues i WHERE i.bulletin_id IN (${bulletins.map(() => '?').join(', ')}) ORDER BY i.bulletin_id, i.number LIMIT 600`, bulletins.map((b) => b.id)) : [];
  const recurring = recurringProblems(problems);
  const yearOf = new Map(bulletins.map((b) => [b.id, b.year]));
  const title = unit?.name ?? name;
  return c.html(layout(title, h`<h1>${title}</h1>
<p class="muted">${unit?.region ?? ''} ${LEVEL_LABEL[unit?.level ?? ''] ?? ''}${aliases.length ? h` · 又称：${aliases.join('、')}` : ''}</p>
<p><a href="/search?${qs({ unit: title })}">本单位全部问题（${num(bulletins.reduce((n, b) => n + Number(b.problems ?? 0), 0))} 个）→</a></p>
<h2>历次通报</h2>
<table><thead><tr><th>年份</th><th>通报</th><th>问题</th><th>已完成</th><th>完成率</th><th>申报问题数</th><th>总数不符</th></tr></thead><tbody>
${bulletins.map((b) => h`<tr><td>${b.year ?? '—'}</td><td><a href="/bulletin/${b.id}">${b.title ?? `#${b.id}`}</a><div class="muted">${b.team ?? ''} ${b.round ?? ''}</div></td>
<td class="n">${num(b.problems)}</td><td class="n">${num(b.completed)}</td><td class="n">${pct(completionRate(Number(b.problems), Number(b.completed)))}</td><td class="n">${num(b.declared_problems)}</td><td class="n">${b.mismatches ? h`<span class="warn">${b.mismatches}</span>` : '0'}</td></tr>`)}</tbody></table>
<h2>问题主题</h2>
<table><thead><tr><th>主题</th>${bulletins.map((b) => h`<th>${b.year ?? '—'}</th>`)}</tr></thead><tbody>
${[...themeRows].sort((a, b) => [...b[1].values()].reduce((s, x) => s + x, 0) - [...a[1].values()].reduce((s, x) => s + x, 0)).map(([label, m]) => h`<tr><td>${label}</td>${bulletins.map((b) => h`<td class="n">${m.get(b.id) ?? ''}</td>`)}</tr>`)}</tbody></table>
<h2>反复出现的问题</h2>
${recurring.length ? h`<p class="muted">不同轮次通报中表述相近的问题（按词语重合度）。</p><table><thead><tr><th>问题</th><th>出现</th></tr></thead><tbody>
${recurring.map((g) => h`<tr><td>${g[0]!.problem}</td><td>${g.map((p) => h`<div><a href="/bulletin/${p.bulletin_id}?issue=${p.id}#issue-${p.id}">${yearOf.get(p.bulletin_id) ?? '—'} 第 ${p.number} 个</a> · ${statusLabel(p.status)}</div>`)}</td></tr>`)}</tbody></table>` : h`<p class="muted">没有发现跨轮次重复的问题。</p>`}`));
}
