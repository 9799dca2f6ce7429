// Theme tags for problems (rules/themes.json): keyword rules over jieba tokens and phrases,
// each tag with its rule id and the keyword it was read from.
import { loadRules, punct } from '../../core/rules.js';
import { cut } from '../../core/tokens.js';

interface Theme { id: string; rule: string; label: string; keywords: string[]; from_category?: boolean }
export interface ThemeTag { theme: string; label: string; rule: string; keyword: string }

export const themeRules = () => loadRules<{ themes: Theme[] }>('themes.json').themes;

function match(text: string, themes: Theme[]): ThemeTag[] {
  if (!text) return [];
  // a keyword counts inside one jieba token (资金 in 专项资金) but not across two words:
  // tokens joined with a separator no keyword contains
  const words = cut(text).filter((w) => w.length >= 2).join('\u0001');
  const out: ThemeTag[] = [];
  for (const t of themes) {
    const kw = t.keywords.find((k) => words.includes(k) || (k.length >= 3 && text.includes(k)));
    if (kw) out.push({ theme: t.id, label: t.label, rule: t.rule, keyword: kw });
  }
  return out;
}

export function tagThemes(problem: string, context: { category?: string | null; measures?: string[] }): ThemeTag[] {
  const themes = themeRules();
  const tags = match(problem, themes);
  if (context.category) {
    for (const t of match(context.category, themes.filter((x) => x.from_category))) if (!tags.some((x) => x.theme === t.theme)) tags.push(t);
  }
  if (!tags.length && context.measures?.length) return match(context.measures.join(punct('full_stop')), themes);
  return tags;
}
