// What staff read in Chinese (rules/labels.json): declared totals' keys, warning codes, compare's
// grouping keys, and the warnings' English messages said in Chinese. The record keeps its English
// messages (the contract); the web app shows these.
import { loadRules } from '../pipeline/rules.js';

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
