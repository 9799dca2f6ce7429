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

/** 一是/二是… markers that count up (a series may restart at 一是). */
export function seriesMarkers(s: string, after = 0): Marker[] {
  const re = rx(structureRules().series, 'g');
  const clauseStart = pattern('[{{p.full_stop}}{{p.semicolon}}{{p.comma}}{{p.colon}}{{p.enum_comma}}{{p.close_paren}}\\s]');
  const circled = /^[\u2460-\u2473\u24f5-\u24fe\u2776-\u277f]$/; // ① … ⑳, ⓵ … ⓾, ❶ … ❿
  const out: Array<Marker & { word: boolean }> = [];
  let last = after;
  for (const m of s.matchAll(re)) {
    const { k, word } = markerValue(m[0], last);
    // must start a clause: paragraph start or after punctuation
    // (a circled number is a marker wherever it stands: …9件②制定…)
    // (and a series' first 一是 may follow the clause's subject, up to six characters: …问题，局党组一是修订…)
    const before = s[m.index! - 1];
    const subjectFirst = k === 1 && m[0].includes('\u662f') && s.includes('\u4e8c\u662f', m.index!) && (() => {
      let j = m.index! - 1;
      while (j >= 0 && m.index! - j <= 6 && /[\u4e00-\u9fff]/.test(s[j]!)) j--;
      return j < m.index! - 1 && (j < 0 || clauseStart.test(s[j]!));
    })();
    if (m.index! > 0 && !clauseStart.test(before ?? '') && !circled.test(m[0]) && !subjectFirst) continue;
    if (k === last + 1 || (k === 1 && last > 0)) {
      out.push({ at: m.index!, len: m[0].length, k, word });
      last = k;
    }
  }
  // 首先 alone (首先要…) is a word, not a series: ordinal words count only when two or more are found
  const words = out.filter((x) => x.word);
  const kept = words.length === 1 ? out.filter((x) => !x.word) : out;
  return kept.map(({ at, len, k }) => ({ at, len, k }));
}
