// The table shapes read beside the ledger (readers/tables.ts): a problem's own table of measures,
// a table of one problem's fields, a table of short labels beside values, a table of statuses by
// number, a table of the bulletin's figures. Each gives labelled lines, or null for a table of
// another shape.
import { pattern, punct } from '../core/rules.js';
import type { Role } from './reader-rules.js';
import { HEADER_MAX, cellMeasures, combineStatus, headerRole, label, punctEnd, statusCell } from './table-cells.js';
import { columnOf, markedStatus, statusWord, tableHeader } from './table-headers.js';

/**
 * A problem's own table of measures (| 序号 | 整改措施 | 责任部门 | 完成时限 | 完成情况 |, no problem column):
 * its measures as the problem's measures, and one status for the problem from its rows' (any
 * measure still under way leaves the problem under way: table-cells.ts combineStatus).
 */
export function measuresTable(rows: string[][]): string[] | null {
  const headerAt = rows.findIndex((r) => r.some((c) => headerRole(c) === 'measures') && !r.some((c) => headerRole(c) === 'problem'));
  if (headerAt < 0) return null;
  // (a header over two rows: 完成情况 over 已完成 | 正在推进, a mark in one of them a row's status: table-headers.ts)
  const head = tableHeader(rows, headerAt);
  const m = columnOf(head, 'measures');
  const st = columnOf(head, 'status');
  const body = rows.slice(headerAt + head.depth).filter((r) => r[m]);
  if (!body.length) return null;
  const measures = body.map((r) => r[m]!.replace(/\n/g, ''));
  const status = combineStatus(body.map((r) => markedStatus(r, head.marks) || (st >= 0 ? statusCell(r[st]!) : '')));
  return [...rows.slice(0, headerAt).map((r) => r.filter(Boolean).join(' ')), ...measures.map((x, k) => `${k ? '' : label().measures}${x}${k < measures.length - 1 && !pattern('[{{p.full_stop}}{{p.semicolon}}]$').test(x) ? label().clause_end : ''}`), ...(status ? [`${label().status}${status}`] : [])];
}

/**
 * A table of one problem's fields, each value beside its label (问题描述 | X, 整改措施 | ①…, 完成情况 |
 * 已完成), perhaps under a title row merged across it (问题1：X) or a label merged down beside
 * several (整改落实情况 | 整改措施 | …): its lines labelled as a ledger's are. Null for any other
 * table (a ledger's header row has labels for values; a contact table has no field labels).
 * `shared`: the category the tables before it left; the same category again is no new one.
 */
export function fieldTable(rows: string[][], shared: { category?: string } = {}): string[] | null {
  const category = shared.category;
  const read = fieldLines(rows, shared);
  if (!read) shared.category = category;
  return read;
}

function fieldLines(rows: string[][], shared: { category?: string }): string[] | null {
  const out: string[] = [];
  const roles = new Set<Role>();
  for (const r of rows) {
    // a cell merged across columns stands once
    const cells = r.filter((c, k) => c && c !== r[k - 1]);
    if (cells.length === 1) { out.push(cells[0]!.replace(/\n/g, '')); continue; }
    // (a field left empty: its label alone, the value cell blank)
    if (!r[r.length - 1] && cells.every((c) => headerRole(c))) continue;
    const value = cells[cells.length - 1]!;
    const labels = cells.slice(0, -1);
    const roleList = labels.map(headerRole);
    const role = roleList.filter((x): x is Role => x !== null).pop();
    if (!role || labels.some((l) => l.length > HEADER_MAX) || headerRole(value)) return null;
    // (labels side by side each a column's header, of a role of its own or a status value's, three or after 序号
    // (序号 | 问题 | 整改措施 | 是否销号, 序号 | 问题 | 已完成 | 未完成): a ledger's header row, of a ledger of one problem or
    // two; a label merged down beside another is two deep, 整改落实情况 | 整改措施)
    const named = roleList.filter(Boolean);
    if (labels.every((l, k) => roleList[k] || statusWord(l)) && new Set(named).size === named.length && (labels.length >= 3 || roleList[0] === 'no')) return null;
    roles.add(role);
    const at = labels.findLastIndex((l) => headerRole(l) === role);
    if (role === 'measures') {
      const ms = cellMeasures(value);
      out.push(...ms.map((m, k) => `${k ? '' : label().measures}${m}${k < ms.length - 1 && !pattern('[{{p.clause_end}}]$').test(m) ? punctEnd() : ''}`));
    } else if (role === 'owner' || role === 'no') out.push(`${labels[at]}${punct('colon').charAt(0)}${value.replace(/\n/g, '')}`);
    else if (role === 'status') out.push(`${label().status}${statusCell(value)}`);
    else if (role === 'category') {
      const v = value.replace(/\n/g, '');
      if (v !== shared.category) out.push(`${label().category}${v}`);
      shared.category = v;
    }
    else out.push(`${label()[role]}${value.replace(/\n/g, '')}`);
  }
  return roles.size >= 2 && (roles.has('problem') || roles.has('measures')) ? out : null;
}

/**
 * A table of short labels each beside its value (索引号 | 1136…/2024-00218 | 发布机构 | 资溪县教育体育局):
 * a field per line, written 索引号：1136… as a page prints its fields. Null for any other table.
 */
export function labelledPairs(rows: string[][]): string[] | null {
  const out: string[] = [];
  const short = pattern('^[^{{p.clause_end}}{{p.comma}}{{p.colon}}\\d]{2,8}$');
  for (const r of rows) {
    const cells = r.filter(Boolean);
    if (!cells.length || cells.length % 2) return null;
    for (let k = 0; k < cells.length; k += 2) {
      if (!short.test(cells[k]!)) return null;
      out.push(`${cells[k]}${punct('colon').charAt(0)}${cells[k + 1]!.replace(/\n/g, ' ')}`);
    }
  }
  return out.length >= 2 ? out : null;
}

/**
 * A table of the problems' statuses by number (序号 | 问题 | 完成情况, no measures column): a status
 * roll per row (第3个问题已完成。), which gives the problem of that number its status.
 */
export function statusTable(rows: string[][]): string[] | null {
  // (its statuses in words, or as marks in columns named after them: 序号 | 问题 | 已完成 | 正在推进)
  const headerAt = rows.findIndex((r) => r.some((c) => headerRole(c) === 'no') && r.some((c) => headerRole(c) === 'status' || statusWord(c)) && !r.some((c) => headerRole(c) === 'measures'));
  if (headerAt < 0) return null;
  const head = tableHeader(rows, headerAt);
  const [no, st] = [columnOf(head, 'no'), columnOf(head, 'status')];
  const l = label();
  const says = (r: string[]) => markedStatus(r, head.marks) || (st >= 0 && r[st] ? statusCell(r[st]!) : '');
  const body = rows.slice(headerAt + head.depth).filter((r) => /^\d{1,3}$/.test(r[no] ?? '') && says(r));
  if (!body.length) return null;
  return [...rows.slice(0, headerAt).map((r) => r.filter(Boolean).join(' ')), ...body.map((r) => `${l.roll_before}${r[no]}${l.roll_after}${says(r)}${l.roll_end}`)];
}

/** A row of figures under a row of short headers (问题总数 | 已完成 | 正在推进 | 完成率 ⏎ 15 | 11 | 3 | 73.3%)? */
export const isFigures = (rows: string[][]) => rows.length === 2 && rows[0]!.length >= 2 && rows[0]!.every((c) => c.length >= 2 && c.length <= 8 && !/\d/.test(c)) && rows[1]!.length === rows[0]!.length && rows[1]!.every((c) => /^\d+(?:\.\d+)?%?$/.test(c));

/**
 * A table of the bulletin's figures (问题总数 | 已完成 | 正在推进 | 长期坚持 | 完成率 over 15 | 11 | 3 | 1 |
 * 73.3%): one sentence of them, each header with its figure (已完成11个，…完成率73.3%。), read as the
 * bulletin's own totals sentence is.
 */
export function figuresTable(rows: string[][]): string[] | null {
  if (!isFigures(rows)) return null;
  const l = label();
  const [head, values] = rows as [string[], string[]];
  return [head.map((h, k) => `${h}${values[k]}${values[k]!.endsWith('%') ? '' : l.figure_unit}`).join(punct('comma').charAt(0)) + l.roll_end];
}
