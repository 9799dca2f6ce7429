// HTML built from templates in which every interpolated value is escaped unless it is already
// HTML (a Safe, made by `h` itself or by `safe` for markup built elsewhere and escaped there).
export class Safe {
  constructor(readonly html: string) {}
  toString(): string { return this.html; }
}

export { esc } from '../core/escape.js';
import { esc } from '../core/escape.js';

/** Markup made elsewhere and escaped there (an SVG chart, a marked text). */
export const safe = (html: string): Safe => new Safe(html);

const render = (v: unknown): string =>
  v instanceof Safe ? v.html : Array.isArray(v) ? v.map(render).join('') : v == null || v === false ? '' : esc(String(v));

/** h`<p>${text}</p>`: the values escaped, arrays joined, null/undefined/false left out. */
export function h(strings: TemplateStringsArray, ...values: unknown[]): Safe {
  let out = strings[0]!;
  values.forEach((v, i) => { out += render(v) + strings[i + 1]!; });
  return new Safe(out);
}
