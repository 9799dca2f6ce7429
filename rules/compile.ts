// Compile the regex rules kept as data in rules/*.json ({ id, re, examples }).
export interface RegexRule {
  id: string;
  re: string;
  flags?: string;
  examples?: string[];
  [k: string]: unknown;
}

const cache = new Map<string, RegExp>();

/** The compiled RegExp of a rule (cached; callers using /g must reset lastIndex or use matchAll). */
export function rx(rule: RegexRule, extraFlags = ''): RegExp {
  const key = `${rule.id}\u0000${rule.re}\u0000${extraFlags}`;
  let r = cache.get(key);
  if (!r) {
    r = new RegExp(rule.re, (rule.flags ?? '') + extraFlags);
    cache.set(key, r);
  }
  return r;
}
