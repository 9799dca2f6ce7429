// Chinese wherever staff look (issue 22): every declared total and warning code has a label, and
// every warning message the reconcile checks write is said in Chinese.
import { describe, it, expect } from 'vitest';
import { loadRules } from '../core/rules.js';
import { totalLabel, warningLabel, warningMessage, yuan } from '../app/labels.js';

describe('labels', () => {
  it('every key a totals rule reads has a Chinese label', () => {
    const keys = new Set(loadRules<{ rules: Array<{ key: string }> }>('totals.json').rules.map((r) => r.key));
    for (const k of keys) expect(totalLabel(k), k).toMatch(/[\u4e00-\u9fff]/);
  });
  it('every warning code the checks and readers raise has a Chinese label', () => {
    const codes = new Set([
      ...Object.values(loadRules<{ checks: Record<string, { code: string }> }>('checks.json').checks).map((c) => c.code),
      ...loadRules<{ messages: Array<{ code: string }> }>('readers.json').messages.map((m) => m.code),
    ]);
    for (const c of codes) expect(warningLabel(c), c).toMatch(/[\u4e00-\u9fff]/);
  });
  it('each message template turns its example into Chinese', () => {
    for (const m of loadRules<{ messages: Array<{ example: [string, string] }> }>('labels.json').messages) expect(warningMessage(m.example[0])).toBe(m.example[1]);
    expect(warningMessage('something new')).toBe('something new');
  });
  it('money in 元, 万元 and 亿元', () => {
    expect([yuan(411.46), yuan(665700), yuan(354000000), yuan(null)]).toEqual(['411.46元', '66.57万元', '3.54亿元', '—']);
  });
});
