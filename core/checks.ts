// The checks a stage reports (rules/checks.json): each check's rule id and the warning code it gives.
import { loadRules } from './rules.js';

export interface Check { id: string; code: string }
export const checkOf = (name: string): Check => {
  const c = loadRules<{ checks: Record<string, Check> }>('checks.json').checks[name];
  if (!c) throw new Error(`rules/checks.json has no check "${name}"`);
  return c;
};
