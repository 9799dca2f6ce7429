import { describe, it, expect } from 'vitest';
import { findDates, findRanges, resolveYears, iso } from '../extractors/dates.js';

const range = (t: string) => {
  const d = resolveYears(findDates(t));
  const r = findRanges(t, d)[0];
  return r ? [iso(r.from), iso(r.to)] : null;
};

describe('dates', () => {
  it('reads a range with the year left off the end', () => {
    expect(range('2024年2月26日至4月10日，县委第三巡察组')).toEqual(['2024-02-26', '2024-04-10']);
  });
  it('reads a repeated year and hyphen ranges', () => {
    expect(range('2023年10月9日至2023年12月8日')).toEqual(['2023-10-09', '2023-12-08']);
    expect(range('2024年7月17日-8月30日')).toEqual(['2024-07-17', '2024-08-30']);
    expect(range('2024年7月3日至26日')).toEqual(['2024-07-03', '2024-07-26']);
  });
  it('reads garbled dates that lost 年/月', () => {
    expect(range('2024717日至830日')).toEqual(['2024-07-17', '2024-08-30']);
  });
  it('marks a year-less date as implied and resolves it from context', () => {
    const d = resolveYears(findDates('2024年2月26日开始。5月16日反馈'));
    expect(d[1]!.implied.year).toBe(true);
    expect(iso(d[1])).toBe('2024-05-16');
  });
  it('month-only and fuzzy dates are not day-precise', () => {
    const d = findDates('2024年6月下旬反馈');
    expect(d.length).toBe(1);
    expect(iso(d[0])).toBeNull();
    expect(findDates('6月上旬至7月下旬')).toEqual([]);
  });
  it('reads ISO dates of web pages', () => {
    expect(iso(findDates('发布时间：2024-09-02 16:35')[0])).toBe('2024-09-02');
  });
});
