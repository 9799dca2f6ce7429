// What staff read in Chinese (rules/labels.json): declared totals' keys, warning codes, compare's
// grouping keys, and the warnings' English messages said in Chinese. The record keeps its English
// messages (the contract); the web app shows these.
import { loadRules } from '../core/rules.js';

interface Labels {
  totals: Record<string, string>;
  warnings: Record<string, string>;
  compare_by: Record<string, string>;
  values: { status: Record<string, string>; level: Record<string, string> };
  messages: Array<{ re: string; zh: string; map?: Record<string, string>; example: [string, string] }>;
}
const labels = () => loadRules<Labels>('labels.json');
let compiled: Array<{ re: RegExp; zh: string; map?: Record<string, string> }> | null = null;

export const totalLabel = (key: string): string => labels().totals[key] ?? key;
export const warningLabel = (code: string): string => labels().warnings[code] ?? code;
/** A status (completed 已完成 …) and a level (county 县级 …) as staff read them, everywhere. */
export const STATUS_LABEL: Readonly<Record<string, string>> = labels().values.status;
export const LEVEL_LABEL: Readonly<Record<string, string>> = labels().values.level;
export const compareByLabel = (key: string): string => labels().compare_by[key] ?? key;

/** An amount of yuan as staff write it: 3.54亿元, 66.57万元, 411.46元. */
export function yuan(v: unknown): string {
  if (v == null || v === '') return '—';
  const n = Number(v);
  const fix = (x: number) => String(Math.round(x * 100) / 100);
  return Math.abs(n) >= 1e8 ? `${fix(n / 1e8)}亿元` : Math.abs(n) >= 1e4 ? `${fix(n / 1e4)}万元` : `${fix(n)}元`;
}

/** A warning's message in Chinese where its template is known, else as it is. */
export function warningMessage(message: string): string {
  compiled ??= labels().messages.map((m) => ({ re: new RegExp(m.re), zh: m.zh, map: m.map }));
  for (const m of compiled) {
    const g = m.re.exec(message);
    if (!g) continue;
    return m.zh.replace(/\{\$(\d)\}/g, (_x, n: string) => m.map?.[g[Number(n)] ?? ''] ?? g[Number(n)] ?? '').replace(/\$(\d)/g, (_x, n: string) => g[Number(n)] ?? '');
  }
  return message;
}

/** The language of status and level values on the command line (`--lang`). */
export type Lang = 'zh' | 'en';

/**
 * `--lang` when given; else Chinese when the locale says so (LC_ALL, else LC_MESSAGES, else
 * LANG, the order POSIX gives them, starting with zh_CN), else the dataset's own values.
 */
export function cliLang(flag?: string, env: NodeJS.ProcessEnv = process.env): Lang {
  if (flag) return flag === 'zh' ? 'zh' : 'en';
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh_CN/i.test(locale) ? 'zh' : 'en';
}

/**
 * Rows with their `status` and `level` values as staff read them (已完成, 县级 …) when lang is
 * zh; other columns, and values with no label, as they are.
 */
export function localizeValues<R extends Record<string, unknown>>(rows: R[], lang: Lang): R[] {
  if (lang !== 'zh') return rows;
  const maps: Array<[string, Readonly<Record<string, string>>]> = [['status', STATUS_LABEL], ['level', LEVEL_LABEL]];
  return rows.map((r) => {
    let out: R | null = null;
    for (const [col, map] of maps) {
      const v = r[col];
      if (typeof v === 'string' && map[v] !== undefined) (out ??= { ...r })[col as keyof R] = map[v] as R[keyof R];
    }
    return out ?? r;
  });
}

/** A level as the dataset keeps it (county) from its code or its Chinese name (县级); anything else as it is. */
export function levelCode(v: string): string {
  const t = v.trim();
  return Object.entries(LEVEL_LABEL).find(([, zh]) => zh === t)?.[0] ?? t;
}
