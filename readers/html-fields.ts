// A saved page's disclosure fields (索引号, 发布机构, 成文日期, 文号 …: rules/readers.json
// page_fields). A label may be set with spaces to fill its cell's width (索 引 号：, 文　　号：); in a
// disclosure table each label stands in a cell of its own and its value in the next cell, two or
// more pairs to a row (索引号： | 014187516/2023-00347 | 分类： | 党群工作). The cells are read as pairs
// first (an empty value cell is an empty field: its label never reaches the next label's value);
// a label in a line of text (an info line) is read by html.ts with the spaced label's pattern.
import type { HTMLElement } from 'node-html-parser';
import { pattern } from '../core/rules.js';
import type { PageField } from './reader-rules.js';

/** A label's pattern that also reads it spaced out (索引号 → 索\s*引\s*号): a space may stand between any two of its characters. */
export function spacedLabel(label: string): string {
  return label.replace(/([\u3400-\u9fff])(?=[\u3400-\u9fff])/g, '$1\\s*');
}

const cellText = (c: HTMLElement) => c.text.replace(/\s+/g, ' ').trim();

/**
 * The fields of a page's tables read as label/value cell pairs: each label cell (a page field's
 * label alone, spaces and a closing colon aside) with the text of the cell after it ('' when empty).
 */
export function cellFields(root: HTMLElement, labels: Record<PageField, string>): Partial<Record<PageField, string>> {
  const out: Partial<Record<PageField, string>> = {};
  const names = Object.keys(labels) as PageField[];
  const whole = Object.fromEntries(names.map((n) => [n, pattern(`^(?:${spacedLabel(labels[n])})\\s*[{{p.colon}}]?$`)])) as Record<PageField, RegExp>;
  for (const tr of root.querySelectorAll('tr')) {
    const cells = tr.childNodes.filter((c): c is HTMLElement => c.nodeType === 1 && /^t[dh]$/i.test((c as HTMLElement).rawTagName ?? ''));
    for (let k = 0; k + 1 < cells.length; k++) {
      const label = cellText(cells[k]!);
      if (!label || label.length > 12) continue;
      const name = names.find((n) => whole[n].test(label));
      if (!name || name in out) continue;
      out[name] = cellText(cells[k + 1]!);
      k++;
    }
  }
  return out;
}
