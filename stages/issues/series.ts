// A series of measures run into one paragraph (一是…二是…, （1）…（2）…, ①…②…, 首先…其次…最后):
// where each item starts, and the number it counts.
import { loadRules, pattern, rx, vocabularyList } from '../../core/rules.js';
import { structureRules } from '../../core/vocabulary.js';
import { parseChineseNumeral } from '../../core/numerals.js';
import { issueReaderRules } from './issue-rules.js';

export interface Marker { at: number; len: number; k: number }

/** The value of a circled numeral (① 1 … ⑳ 20, rules/numbering.json `kept`), or undefined. */
function circledValue(s: string): number | undefined {
  const { first, last } = loadRules<{ kept: { first: string; last: string } }>('numbering.json').kept;
  const c = s.length === 1 ? s.codePointAt(0)! : -1;
  return c >= first.codePointAt(0)! && c <= last.codePointAt(0)! ? c - first.codePointAt(0)! + 1 : undefined;
}

/**
 * The number a series marker counts: 首先/其次/再次 1, 2, 3 and 最后 the one after `last`
 * (vocabulary series_ordinal_word, series_last_word); a decimal outline's item (1.1.2) its last
 * number; ① 1; else the digits or Chinese numeral left when 是, 第 and the marks are taken off.
 */
function markerValue(marker: string, last: number): { k: number; word: boolean } {
  const word = marker.replace(rx(issueReaderRules().series_number), '');
  const place = vocabularyList('series_ordinal_word').indexOf(word);
  const ordinal = place >= 0 ? place + 1 : vocabularyList('series_last_word').includes(word) && last > 0 ? last + 1 : undefined;
  const decimal = pattern('^\\d{1,2}(?:[{{p.dot}}]\\d{1,2}){1,2}$').test(marker.trim()) ? Number(marker.trim().split(pattern('[{{p.dot}}]')).pop()) : undefined;
  const circled = circledValue(marker);
  const k = ordinal ?? decimal ?? circled ?? (/^\d+$/.test(word) ? Number(word) : parseChineseNumeral(word) ?? 0);
  return { k, word: ordinal !== undefined };
}

/** A marker's form with its number taken out (一是 and 三是 share one; 首先/其次/最后 are words): a series keeps one form. */
function markerForm(marker: string, word: boolean): string {
  return word ? 'word' : marker.replace(/[\d\u4e00\u4e8c\u4e09\u56db\u4e94\u516d\u4e03\u516b\u4e5d\u5341]+/g, 'N');
}

/**
 * 一是/二是… markers that count up (a series may restart at 一是). `next`: the paragraph after this
 * one, where a series whose first item follows the clause's subject may go on (部党组一是…； ⏎ 二是…).
 */
export function seriesMarkers(s: string, after = 0, next?: string): Marker[] {
  const re = rx(structureRules().series, 'g');
  const nextFirst = next ? [...next.matchAll(re)].find((n) => n.index === 0) : undefined;
  const clauseStart = pattern('[{{p.full_stop}}{{p.semicolon}}{{p.comma}}{{p.colon}}{{p.enum_comma}}{{p.close_paren}}\\s]');
  const circled = /^[\u2460-\u2473\u24f5-\u24fe\u2776-\u277f]$/; // ① … ⑳, ⓵ … ⓾, ❶ … ❿
  const found = [...s.matchAll(re)];
  const out: Array<Marker & { word: boolean; goesOn: boolean }> = [];
  let last = after;
  for (const [i, m] of found.entries()) {
    const { k, word } = markerValue(m[0], last);
    // must start a clause: paragraph start or after punctuation
    // (a circled number is a marker wherever it stands: …9件②制定…)
    // (and a series' first marker may follow the clause's subject, up to six characters, when its second
    // follows in the same form at a clause's start, or opens the next paragraph: …问题，局党组一是修订…二是… /
    // 部党组首先，…其次，… / 部党组一是…； ⏎ 二是…; never a
    // bare 1、 or 1. there, which lists numbers: 涉及1、2、3号楼)
    const before = s[m.index! - 1];
    const second = (n: RegExpMatchArray) => { const v = markerValue(n[0], 1); return v.k === 2 && markerForm(n[0], v.word) === markerForm(m[0], word); };
    const subject = k === 1 && !/^\d/.test(m[0]) && subjectBefore(s, m.index!, clauseStart);
    const goesOn = subject && i === found.length - 1 && !!nextFirst && second(nextFirst);
    const subjectFirst = goesOn || (subject && found.slice(i + 1).some((n) => second(n) && clauseStart.test(s[n.index! - 1] ?? '')));
    if (m.index! > 0 && !clauseStart.test(before ?? '') && !circled.test(m[0]) && !subjectFirst) continue;
    if (k === last + 1 || (k === 1 && last > 0)) {
      out.push({ at: m.index!, len: m[0].length, k, word, goesOn });
      last = k;
    }
  }
  // 首先 alone (首先要…) is a word, not a series: ordinal words count when two or more are found, or when one
  // opens the paragraph (首先，… on a line of its own, its 其次，… in the next) or goes on a series the
  // paragraphs before began (其次，… after 首先，…)
  const words = out.filter((x) => x.word);
  const lone = words.length === 1 && words[0]!.at > 0 && !(after > 0 && words[0]!.k === after + 1) && !words[0]!.goesOn;
  const kept = lone ? out.filter((x) => !x.word) : out;
  return kept.map(({ at, len, k }) => ({ at, len, k }));
}

/** Up to six Chinese characters before `at`, after a clause's start (the clause's subject: 局党组, 部党组). */
function subjectBefore(s: string, at: number, clauseStart: RegExp): boolean {
  let j = at - 1;
  while (j >= 0 && at - j <= 6 && /[\u4e00-\u9fff]/.test(s[j]!)) j--;
  return j < at - 1 && (j < 0 || clauseStart.test(s[j]!));
}
