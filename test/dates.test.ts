import { describe, it, expect } from 'vitest';
import { findDates, findRanges, resolveYears, iso } from '../stages/metadata/dates.js';

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
    // (a month after a range dash is read, to the month only: never a day)
    const months = findDates('6月上旬至7月下旬');
    expect(months.map((x) => [x.text, x.month, x.day, iso(x)])).toEqual([['7月下旬', 7, null, null]]);
  });
  it('reads ISO dates of web pages', () => {
    expect(iso(findDates('发布时间：2024-09-02 16:35')[0])).toBe('2024-09-02');
  });
});

describe('dates to the month only', () => {
  const bulletin = (range: string) => new TextEncoder().encode(`中共某某县教育局党组关于巡察整改情况的通报\n根据县委统一部署，${range}，县委第二巡察组对县教育局党组开展了常规巡察。\n一、问题整改情况\n1.关于“三会一课制度执行不严格”的问题。\n整改情况：一是建立制度；二是加强督导。通过整改，制度更加规范。\n`);
  it('keep their month and the part of it written, where the date itself stays null', async () => {
    const { extractBytes } = await import('../stages/extract.js');
    const a = await extractBytes(bulletin('2023年9月至11月'), 'a.txt');
    expect(a.bulletin.inspection_start).toBeNull();
    expect(a.bulletin.approximate_dates).toEqual({
      inspection_start: { value: '2023-09', part: null, text: '2023年9月' },
      inspection_end: { value: '2023-11', part: null, text: '11月' },
    });
    const b = await extractBytes(bulletin('2024年4月上旬至5月下旬'), 'b.txt');
    expect(b.bulletin.approximate_dates?.inspection_start).toEqual({ value: '2024-04', part: '上旬', text: '2024年4月上旬' });
    expect(b.bulletin.approximate_dates?.inspection_end).toMatchObject({ value: '2024-05', part: '下旬' });
    // a day-precise range gives the dates and no approximation
    const c = await extractBytes(bulletin('2024年3月4日至4月26日'), 'c.txt');
    expect(c.bulletin.inspection_start).toBe('2024-03-04');
    expect(c.bulletin.approximate_dates).toBeUndefined();
  });
});

describe('dates, short range forms', () => {
  it('a dotted range with the year left off the end (2022.9.13-11.11)', () => {
    expect(range('市委第二专项巡察组于2022.9.13-11.11对公司党委开展了专项巡察')).toEqual(['2022-09-13', '2022-11-11']);
    expect(range('2022/9/13至10/20')).toEqual(['2022-09-13', '2022-10-20']);
    // a decimal after a dash is no date; nor one that does not follow a full dotted date
    expect(findDates('同比下降-11.11%')).toEqual([]);
    expect(findDates('9.13-11.11')).toEqual([]);
  });
  it('a range within one month with 日 written once (2024年6月3-28日, 6月3至28日)', () => {
    expect(range('2024年6月3-28日，县委第四巡察组')).toEqual(['2024-06-03', '2024-06-28']);
    expect(range('2024年1月2日开始。6月3至28日')).toEqual(['2024-06-03', '2024-06-28']);
    // a day with no 日 and no day after the dash is no date
    expect(findDates('2024年6月3，')).toEqual([]);
  });
});
