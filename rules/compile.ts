// Compile the regex rules kept as data in rules/*.json ({ id, re, examples }).
export interface RegexRule {
  id: string;
  re: string;
  flags?: string;
  examples?: string[];
  [k: string]: unknown;
}

const cache = new WeakMap<RegexRule, Map<string, RegExp>>();

/** The compiled RegExp of a rule (cached per rule object and flags; callers using /g must reset lastIndex or use matchAll). */
export function rx(rule: RegexRule, extraFlags = ''): RegExp {
  let byFlags = cache.get(rule);
  if (!byFlags) cache.set(rule, (byFlags = new Map()));
  let r = byFlags.get(extraFlags);
  if (!r) {
    r = new RegExp(rule.re, (rule.flags ?? '') + extraFlags);
    byFlags.set(extraFlags, r);
  }
  return r;
}
