// Rewordings and reformattings of a bulletin that must not change what is extracted:
// each is a function of the text, applied to a fixture, checked against its expected record.
export const VARIANTS: Record<string, (t: string) => string> = {
  'half-width punctuation': (t) => t.replace(/，/g, ',').replace(/：/g, ':').replace(/；/g, ';').replace(/（/g, '(').replace(/）/g, ')').replace(/[“”]/g, '"'),
  'numbering 1、': (t) => t.replace(/^(\d+)\.\s*/gm, '$1、'),
  'numbering （1）': (t) => t.replace(/^(\d+)\.\s*/gm, '（$1）'),
  'full-width point 1．': (t) => t.replace(/^(\d+)\.\s*/gm, '$1．'),
  // Hong Kong and Taiwan copies quote with corner brackets: 关于「X」的问题, （以下简称「X」）
  'corner quotes 「」': (t) => t.replace(/“/g, '「').replace(/”/g, '」').replace(/‘/g, '『').replace(/’/g, '』'),
  'numbering 1）': (t) => t.replace(/^(\d+)\.\s*/gm, '$1）'),
  // an old CMS or a Word file typed in full-width: every digit full-width (２０２４年３月，１．关于…，５.２万元)
  'full-width digits': (t) => t.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d))),
  'problem heading without 。': (t) => t.replace(/^(\d+[.．、].*?问题)。$/gm, '$1'),
  '的问题': (t) => t.replace(/^(\d+[.．、]关于“.*”)问题。$/gm, '$1的问题。'),
  'measures label 整改措施': (t) => t.replace(/^整改情况：/gm, '整改措施：'),
  'measures label 整改进展情况': (t) => t.replace(/^整改情况：/gm, '整改进展情况：'),
  'no measures label': (t) => t.replace(/^整改情况：/gm, ''),
  'markdown bold parts and front matter': (t) => '---\ntitle: 巡察整改\n---\n' + t.replace(/^([一二三四五六七八九十]+、.*)$/gm, '**$1**'),
  'web chrome in the text': (t) =>
    '当前位置：首页 > 政务公开 > 通知公告\n【字体：大 中 小】\n' + t.replace(/^(关于.*通报)$/m, '$1\n发布时间：2024-09-02 16:35 来源：本单位 浏览次数：1263') +
    '\n【打印本页】【关闭窗口】\n主办单位：某某县人民政府办公室 联系电话：0377-66200000\n豫ICP备12345678号',
  'spaces between Chinese and digits': (t) => t.replace(/(?<=[\u4e00-\u9fff])(\d)/g, ' $1').replace(/(\d)(?=[\u4e00-\u9fff])/g, '$1 '),
  'title printed twice': (t) => { const lines = t.split('\n'); const i = lines.findIndex((l) => /通报$|报告$/.test(l)); return [...lines.slice(0, i + 1), ...lines.slice(0, i + 1).filter((l) => l.trim() && !/^附件|公开/.test(l)), ...lines.slice(i + 1)].join('\n'); },
  'title on one line with a space before 关于': (t) => t.replace(/^(中共.*)\n(关于.*(?:通报|报告))$/m, '$1 $2'),
  // a printed title set on three centred lines: the issuer, then 关于 and its first words, then the rest
  'title on three lines': (t) => t.replace(/^((?:中共)?\S{2,30}?(?:党组|党委|委员会|党工委))[ \t\u3000]*\n?(关于\S{3,6}?)(\S{4,}?(?:通报|报告))$/m, '$1\n$2\n$3'),
  'hard-wrapped at 33 characters': (t) => t.split('\n').flatMap((l) => { const out: string[] = []; let s = l; while (s.length > 33) { out.push(s.slice(0, 33)); s = s.slice(33); } out.push(s); return out; }).join('\n'),
  'CRLF and full-width indents': (t) => t.split('\n').map((l) => (l ? '\u3000\u3000' + l : l)).join('\r\n'),
  'blank lines between paragraphs': (t) => t.split('\n').join('\n\n'),
  // a web copy: zero-width spaces and joiners scattered through the text (inside dates, table
  // rows, headings) and each paragraph indented with no-break spaces (&nbsp;&nbsp;&nbsp;&nbsp;)
  'zero-width characters and no-break-space indents': (t) =>
    t.split('\n').map((l, i) => (l ? '\u00a0'.repeat(4) + [...l].map((c, k) => ((k + i) % 5 === 2 ? `${c}${i % 2 ? '\u200b' : '\u200d'}` : c)).join('') : l)).join('\n'),
  // a text saved from Word: each line indented with a tab, trailing spaces left after it
  'tab indents and trailing spaces': (t) => t.split('\n').map((l) => (l ? `\t${l}   ` : l)).join('\n'),
};

/** Traditional-script mirror (OpenCC, simplified → Taiwan standard). */
export async function toTraditional(t: string): Promise<string> {
  const OpenCC = await import('opencc-js');
  return OpenCC.Converter({ from: 'cn', to: 'tw' })(t);
}

/** Pinyin injected after some words, and spam lines inside a blog copy. */
export const NOISY: Record<string, (t: string) => string> = {
  'pinyin readings after words': (t) => t.replace(/巡察/g, '巡察（xún chá）').replace(/整改情况/g, '整改(zhěng gǎi)情况'),
  'blog footer': (t) => t + '\n责任编辑：王某\n免责声明：本文来源于网络，如有侵权请联系删除。\n更多精彩内容请关注公众号',
  // a copy that lost its line breaks: numbering and labels inside the line mark the boundaries
  'line breaks lost': (t) => t.replace(/\s*\n\s*/g, ''),
};

/** Other ways of writing the same measures and statuses. */
export const MEASURE_STYLES: Record<string, (t: string) => string> = {
  'measures numbered （1）（2） in the paragraph': (t) => t.replace(/([一二三四五六七八九十])是/g, (_m, n: string) => `（${'一二三四五六七八九十'.indexOf(n) + 1}）`),
  'measures numbered ①②': (t) => t.replace(/([一二三四五六七八九十])是/g, (_m, n: string) => '①②③④⑤⑥⑦⑧⑨⑩'[('一二三四五六七八九十'.indexOf(n))]!),
  'measures numbered 第一，第二，': (t) => t.replace(/([一二三四五六七八九十])是/g, '第$1，'),
  'measures label 整改措施及成效': (t) => t.replace(/^整改(?:情况|措施)：/gm, '整改措施及成效：'),
  // the status line under another label (当前状态：已完成)
  'status label 当前状态：': (t) => t.replace(/^整改(?:状态|情况)：(?=已|完成|阶段|持续|正在|长期|基本|未)/gm, '当前状态：'),
  // a series of two to four (一是…四是) worded 首先，…其次，…（再次，…）最后，, in a paragraph or over paragraphs
  'measures worded 首先，其次，最后，': (t) => {
    const ns = '一二三四五六七八九十';
    const runs: RegExpMatchArray[][] = [];
    for (const m of t.matchAll(/([一二三四五六七八九十])是/g)) if (m[1] === '一' || !runs.length) runs.push([m]); else runs.at(-1)!.push(m);
    const words = new Map<number, string>();
    for (const r of runs) {
      if (r.length < 2 || r.length > 4 || r.some((m, i) => ns.indexOf(m[1]!) !== i)) continue;
      const w = { 2: ['首先，', '其次，'], 3: ['首先，', '其次，', '最后，'], 4: ['首先，', '其次，', '再次，', '最后，'] }[r.length]!;
      r.forEach((m, i) => words.set(m.index!, w[i]!));
    }
    return t.replace(/[一二三四五六七八九十]是/g, (m, at: number) => words.get(at) ?? m);
  },
};
