// Documents cited in 《…》 (nested brackets kept: 《党委（党组）意识形态工作责任制实施办法》).
export function citedDocuments(s: string): string[] {
  const out: string[] = [];
  for (const m of s.matchAll(/《([^《》\n]{2,80})》/g)) if (!out.includes(m[1]!)) out.push(m[1]!);
  return out;
}
