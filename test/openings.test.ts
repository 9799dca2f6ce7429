// Openings of real bulletins, reworded: who inspected whom, when, and when feedback came.
import { describe, it, expect } from 'vitest';
import { extractBytes } from '../stages/extract.js';

const BODY = '\n一、问题整改情况\n1.关于“三会一课制度执行不严格”的问题。\n整改情况：一是建立制度；二是加强督导。通过整改，制度更加规范。\n';
const cases: Array<{ name: string; text: string; want: Record<string, unknown> }> = [
  {
    name: '城市管理局 is a department, not a city: the region is the county or city before it',
    text: '中共新野县城市管理局党组关于巡察整改情况的通报\n根据县委统一部署，2024年3月4日至4月26日，县委第二巡察组对县城市管理局党组进行了巡察。',
    want: { unit: '新野县城市管理局', region: '新野县', level: 'county' },
  },
  {
    name: 'a title on three lines whose second ends as an issuer does (关于集团党委 ⏎ 巡察反馈…通报): one title with its issuer',
    text: '中共周口市城投建设发展有限公司委员会\n关于集团党委\n巡察反馈意见整改情况的通报\n根据集团党委统一部署，2022年4月11日至5月27日，集团党委第二巡察组对城投建设公司党委进行了巡察。',
    want: { title: '中共周口市城投建设发展有限公司委员会关于集团党委巡察反馈意见整改情况的通报', issuer: '中共周口市城投建设发展有限公司委员会' },
  },
  {
    name: 'a city-level 城市管理局, and a city whose name ends in 城',
    text: '中共晋城市城市管理局党组关于市委巡察整改情况的通报\n根据市委统一部署，2024年3月4日至4月26日，市委第二巡察组对市城市管理局党组进行了巡察。',
    want: { unit: '晋城市城市管理局', region: '晋城市', level: 'municipal' },
  },
  {
    name: 'no issuer in the title, the inspected body defined with （以下简称“局党组”）',
    text: '关于巡察整改进展情况的通报\n根据县委统一部署，2024年3月4日至4月26日，县委第二巡察组对中共某某县城市管理局党组（以下简称“局党组”）进行了巡察。',
    want: { unit: '某某县城市管理局', region: '某某县', unit_aliases: [] },
  },
  {
    name: 'provincial inspection, inspection and feedback in one sentence',
    text: '中共河南省农业农村厅党组关于巡视整改进展情况的通报\n根据省委统一部署，2023年3月13日至5月12日，省委第五巡视组对河南省农业农村厅党组开展了常规巡视，并于7月20日反馈了巡视意见。按照有关要求，现将巡视整改进展情况向社会通报如下：',
    want: { unit: '河南省农业农村厅', region: '河南省', level: 'provincial', inspection_kind: '巡视', team: '省委第五巡视组', inspection_start: '2023-03-13', inspection_end: '2023-05-12', feedback_date: '2023-07-20' },
  },
  {
    name: 'central inspection of a province-level city (Shanghai 市委 runs 巡视)',
    text: '中共上海市商务委员会党组关于巡视整改情况的通报\n根据市委统一部署，2022年9月5日至11月4日，市委第三巡视组对市商务委党组进行了常规巡视。2023年1月6日，市委巡视组向市商务委党组反馈了巡视意见。',
    want: { unit: '上海市商务委员会', level: 'provincial', inspection_kind: '巡视', team: '市委第三巡视组', inspection_start: '2022-09-05', inspection_end: '2022-11-04', feedback_date: '2023-01-06', years_implied: ['inspection_end'] },
  },
  {
    name: 'special inspection team, 按照…统一安排, year-less feedback in the next year',
    text: '中共洛阳市涧西区教育局党组关于区委巡察反馈意见整改情况的通报\n按照区委统一安排，2023年10月16日至12月15日，区委第二专项巡察组对区教育局党组开展了专项巡察。1月10日，区委第二专项巡察组向区教育局党组反馈了巡察意见。',
    want: { unit: '洛阳市涧西区教育局', region: '涧西区', level: 'county', team: '区委第二专项巡察组', inspection_start: '2023-10-16', inspection_end: '2023-12-15', feedback_date: '2024-01-10', years_implied: ['inspection_end', 'feedback_date'] },
  },
  {
    name: 'cross inspection at a higher level (a county department: a county inspection), hyphen range, trailing 期间',
    text: '中共镇平县市场监督管理局党组关于巡察整改情况的通报\n根据市委统一部署，2024年4月8日-5月31日期间，市委第三提级交叉巡察组对县市场监管局党组进行了巡察。2024年7月4日，巡察组向县市场监管局党组反馈了巡察意见。',
    want: { unit: '镇平县市场监督管理局', region: '镇平县', level: 'county', team: '市委第三提级交叉巡察组', inspection_start: '2024-04-08', inspection_end: '2024-05-31', feedback_date: '2024-07-04' },
  },
  {
    name: 'self-reference 我局, no feedback date',
    text: '中共新野县水利局党组关于巡察整改情况的通报\n根据县委统一部署，2024年3月1日至4月15日，县委第五巡察组对我局党组进行了巡察，并反馈了巡察意见。我局党组高度重视，现将整改情况予以公布。',
    want: { unit: '新野县水利局', region: '新野县', level: 'county', team: '县委第五巡察组', inspection_start: '2024-03-01', inspection_end: '2024-04-15', feedback_date: null },
  },
  {
    name: 'garbled dates that lost 年/月',
    text: '中共新野县审计局党组关于巡察整改情况的通报\n根据县委统一部署，2024717日至830日，县委第二巡察组对县审计局党组进行了巡察。10月12日，巡察组向县审计局党组反馈了巡察意见。',
    want: { unit: '新野县审计局', team: '县委第二巡察组', inspection_start: '2024-07-17', inspection_end: '2024-08-30', feedback_date: '2024-10-12' },
  },
  {
    name: 'spaces inside dates (PDF copy), a space before 关于',
    text: '中共南阳市财政局党组 关于巡察整改进展情况的通报\n根据市委统一部署，2024 年 5 月 6 日至 7 月 5 日，市委第一巡察组对市财政局党组进行了巡察。8 月 20 日，巡察组向市财政局党组反馈了巡察意见。',
    want: { title: '中共南阳市财政局党组关于巡察整改进展情况的通报', unit: '南阳市财政局', region: '南阳市', level: 'municipal', inspection_start: '2024-05-06', inspection_end: '2024-07-05', feedback_date: '2024-08-20' },
  },
  {
    name: 'issuer without 中共 and without the city',
    text: '市卫健委党委关于巡察整改情况的通报\n根据市委统一部署，2023年4月10日至6月9日，市委第四巡察组对市卫健委党委进行了巡察。2023年7月25日，巡察组反馈了巡察意见。',
    want: { issuer: '市卫健委党委', unit: '市卫健委', level: 'municipal', team: '市委第四巡察组', feedback_date: '2023-07-25' },
  },
  {
    name: 'round in the title (十九届中央第N轮); a province is provincial whoever inspects it',
    text: '中共某某省委员会关于十九届中央第六轮巡视整改进展情况的通报\n根据中央统一部署，2020年9月至10月，中央第五巡视组对某某省进行了常规巡视，2021年1月18日向某某省委反馈了巡视意见。',
    want: { round: '十九届中央第六轮', level: 'provincial', inspection_kind: '巡视', team: '中央第五巡视组', inspection_start: null, feedback_date: '2021-01-18' },
  },
  {
    name: 'extra scope (同步对N个单位进行了延伸了解) is not a round summary',
    text: '中共新野县教育体育局党组关于巡察整改情况的通报\n根据县委统一部署，2024年4月1日至5月31日，县委第四巡察组对县教体局党组进行了巡察，同步对县教研室等3个单位进行了延伸了解。7月2日，巡察组向县教体局党组反馈了巡察意见。',
    want: { unit: '新野县教育体育局', unit_aliases: ['县教体局'], team: '县委第四巡察组', feedback_date: '2024-07-02' },
  },
  {
    name: 'dates in Chinese numerals (二〇二四年三月四日)',
    text: '中共某某县民政局党组关于巡察整改情况的通报\n根据县委统一部署，二〇二四年三月四日至四月二十六日，县委第一巡察组对县民政局党组进行了巡察。五月二十日，巡察组向县民政局党组反馈了巡察意见。',
    want: { inspection_start: '2024-03-04', inspection_end: '2024-04-26', feedback_date: '2024-05-20', years_implied: ['inspection_end', 'feedback_date'] },
  },
  {
    name: 'a district department named after its city (郑州市二七区…): its short form 区卫健委 is an alias',
    text: '中共郑州市二七区卫生健康委员会党组关于巡察整改情况的通报\n根据区委统一部署，2024年4月8日至5月31日，区委第二巡察组对郑州市二七区卫生健康委员会党组进行了巡察。7月3日，巡察组反馈了巡察意见。区卫健委党组高度重视，逐项整改。',
    want: { unit: '郑州市二七区卫生健康委员会', region: '二七区', level: 'county', unit_aliases: ['区卫健委'] },
  },
  {
    name: 'a city committee inspected by the province: the unit is the city, and 市 alone is no alias of it',
    text: '中共南阳市委员会\n关于十一届省委第五轮巡视整改进展情况的通报\n根据省委统一部署，2023年3月15日至5月15日，省委第二巡视组对南阳市进行了常规巡视。7月5日，省委巡视组向南阳市委反馈了巡视意见。市委召开常委会会议12次。',
    want: { unit: '南阳市', region: '南阳市', level: 'municipal', inspection_kind: '巡视', unit_aliases: [] },
  },
  {
    name: 'a company whose name starts with no area (国网河南省电力公司): its region is the province named inside, not 国网河南省',
    text: '中共国网河南省电力公司委员会关于省委巡视整改进展情况的通报\n根据省委统一部署，2023年4月3日至5月31日，省委第十二巡视组对国网河南省电力公司党委进行了常规巡视。7月20日，省委巡视组向公司党委反馈了巡视意见。',
    want: { unit: '国网河南省电力公司', region: '河南省', level: 'provincial', team: '省委第十二巡视组', feedback_date: '2023-07-20' },
  },
  {
    name: 'a street office (街道办事处) lies in its district and is a township',
    text: '中共商丘市睢阳区古宋街道办事处工作委员会关于巡察整改情况的通报\n2024年4月1日—5月31日，区委第二巡察组对古宋街道党工委进行了巡察，7月1日召开了巡察反馈会。',
    want: { unit: '商丘市睢阳区古宋街道办事处', region: '睢阳区', level: 'township', unit_aliases: ['古宋街道'], inspection_start: '2024-04-01', feedback_date: '2024-07-01' },
  },
  {
    name: 'an 索引号 glued before the title is its document number, not part of the issuer',
    text: '113307000025920705/2024-00019中共某某县审计局党组关于巡察整改情况的通报\n2024年3月4日至4月26日，县委第二巡察组对县审计局党组开展了常规巡察，5月20日反馈了巡察意见。',
    want: { title: '中共某某县审计局党组关于巡察整改情况的通报', issuer: '中共某某县审计局党组', doc_number: '113307000025920705/2024-00019' },
  },
  {
    name: 'a date in brackets after the title is the publication date, not part of the title',
    text: '中共某某县审计局党组关于巡察整改情况的通报（2024年9月2日）\n2024年3月4日至4月26日，县委第二巡察组对县审计局党组开展了常规巡察，5月20日反馈了巡察意见。',
    want: { title: '中共某某县审计局党组关于巡察整改情况的通报', unit: '某某县审计局', published_date: '2024-09-02', inspection_start: '2024-03-04' },
  },
  {
    name: 'a range written 自…起至…, and feedback in 同年 (the same year)',
    text: '中共某某县审计局党组关于巡察整改情况的通报\n自2024年3月4日起至4月26日，县委第二巡察组对县审计局党组开展了常规巡察，并于同年5月20日反馈了巡察意见。',
    want: { inspection_start: '2024-03-04', inspection_end: '2024-04-26', feedback_date: '2024-05-20', years_implied: ['inspection_end', 'feedback_date'] },
  },
  {
    name: 'a team numbered after 巡察 (县委巡察二组), and the body it inspected',
    text: '中共某某县审计局党组关于巡察整改情况的通报\n2024年3月4日至4月26日，县委巡察二组对县审计局党组开展了常规巡察，5月20日反馈了巡察意见。',
    want: { team: '县委巡察二组', unit: '某某县审计局', unit_aliases: ['县审计局'], feedback_date: '2024-05-20' },
  },
  {
    name: 'a street working committee (工作委员会) as issuer',
    text: '中共郑州市金水区丰产路街道工作委员会关于巡察整改情况的通报\n根据区委统一部署，2024年3月4日至4月26日，区委第二巡察组对丰产路街道党工委进行了巡察。5月20日，巡察组反馈了巡察意见。',
    want: { unit: '郑州市金水区丰产路街道', region: '金水区', level: 'township', team: '区委第二巡察组' },
  },
  {
    name: 'a team named without a number',
    text: '中共某某县林业局党组关于巡察整改情况的通报\n根据县委统一部署，2024年3月4日至4月26日，县委巡察组对县林业局党组进行了提级巡察。5月20日，县委巡察组向县林业局党组反馈了巡察意见。',
    want: { team: '县委巡察组', level: 'county', feedback_date: '2024-05-20' },
  },
  {
    name: 'news re-post without a title: the opening starts the text',
    text: '根据县委统一部署，2024年3月4日至4月26日，县委第一巡察组对县民政局党组进行了巡察。5月20日，巡察组向县民政局党组反馈了巡察意见。',
    want: { title: null, unit: '县民政局', inspection_start: '2024-03-04', feedback_date: '2024-05-20' },
  },
];

describe('contact', () => {
  it('a labelled 5-digit service number (监督电话：12388) is a phone; a postcode is not', async () => {
    const text = '中共某某县水利局党组关于巡察整改情况的通报\n根据县委统一部署，2024年3月4日至4月26日，县委第一巡察组对县水利局党组进行了巡察。' + BODY + '欢迎监督。监督电话：12388；手机：13812345678；邮政信箱：某某县人民路1号（邮编474500）。\n';
    const rec = await extractBytes(new TextEncoder().encode(text), 'contact5.txt');
    expect(rec.bulletin.contact).toEqual({ phones: ['12388', '13812345678'], emails: [] });
  });
  it('phones written （0377）66269828 or 0377—66260000 are read in one form', async () => {
    const text = '中共某某县水利局党组关于巡察整改情况的通报\n根据县委统一部署，2024年3月4日至4月26日，县委第一巡察组对县水利局党组进行了巡察。' + BODY + '欢迎监督。联系电话：（0377）66269828；举报电话：0377—66260000；邮箱：slj@126.com。\n';
    const rec = await extractBytes(new TextEncoder().encode(text), 'contact.txt');
    expect(rec.bulletin.contact).toEqual({ phones: ['0377-66269828', '0377-66260000'], emails: ['slj@126.com'] });
  });
});

describe('title', () => {
  const opening = '根据县委统一部署，2024年4月15日至6月14日，县委第四巡察组对县民政局党组进行了常规巡察。';
  for (const [name, head] of [
    ['the issuer on a line of its own', '中共某某县民政局党组\n关于县委第二轮巡察整改进展情况的通报'],
    ['broken before its last words', '中共某某县民政局党组关于县委第二轮巡察整改\n进展情况的通报'],
    ['broken twice, mid-word', '中共某某县\n民政局党组关于县委第二轮巡\n察整改进展情况的通报'],
  ]) {
    it(`a title ${name} is one title`, async () => {
      const rec = await extractBytes(new TextEncoder().encode(`${head}\n${opening}${BODY}`), 'title.txt');
      expect(rec.bulletin).toMatchObject({ title: '中共某某县民政局党组关于县委第二轮巡察整改进展情况的通报', issuer: '中共某某县民政局党组', unit: '某某县民政局', region: '某某县' });
    });
  }
});

describe('page text glued to the title line', () => {
  // a real unit: the region and level must come out right, not only the title
  const want = { title: '中共洛阳市涧西区民政局党组关于区委第二巡察组巡察反馈意见整改情况的通报', issuer: '中共洛阳市涧西区民政局党组', unit: '洛阳市涧西区民政局', region: '涧西区', level: 'county' };
  const opening = '根据区委统一部署，2024年3月4日至4月26日，区委第二巡察组对区民政局党组进行了巡察。';
  const title = want.title;
  for (const [name, line] of [
    ['a disclosure field (•公开方式：主动公开•)', `•公开方式：主动公开•${title}`],
    ['a site section name (公告公示)', `公告公示${title}`],
    ['a validity field (-效力状态：有效)', `-效力状态：有效${title}`],
    ['a URL', `http://www.jianxi.gov.cn${title}`],
    ['an index number', `113307000025920705/2024-00019${title}`],
    ['a document number', `涧民党〔2024〕12号${title}`],
    ['a publication date field', `成文日期：2024-09-20•${title}`],
  ]) {
    it(`${name} is noise, never part of the issuer or unit`, async () => {
      const rec = await extractBytes(new TextEncoder().encode(`${line}\n${opening}${BODY}`), 'glued.txt');
      expect(rec.bulletin).toMatchObject(want);
    });
  }
  it('an issuer without 中共 keeps its first words (有色金属集团党委 is not 有效 + 色金属…)', async () => {
    const rec = await extractBytes(new TextEncoder().encode(`有色金属集团党委关于巡察整改情况的通报\n${opening}${BODY}`), 'plain.txt');
    expect(rec.bulletin.issuer).toBe('有色金属集团党委');
  });
  it('a district committee is its own region; a township lies in its county', async () => {
    const d = await extractBytes(new TextEncoder().encode(`中共郑州市二七区委员会关于省委第一巡视组巡视反馈意见整改进展情况的通报\n根据省委统一部署，2023年4月10日至6月20日，省委第一巡视组对郑州市二七区进行了常规巡视。${BODY}`), 'district.txt');
    expect(d.bulletin).toMatchObject({ unit: '郑州市二七区', region: '二七区', level: 'county' });
    const t = await extractBytes(new TextEncoder().encode(`中共淅川县九重镇委员会关于巡察整改情况的通报\n按照县委统一安排，2024年4月8日-5月31日，县委第三巡察组配合省委第六巡视组对九重镇党委开展了上下联动巡察。${BODY}`), 'town.txt');
    // a township team working with a provincial inspection is still the township's own
    expect(t.bulletin).toMatchObject({ unit: '淅川县九重镇', region: '淅川县', level: 'township', team: '县委第三巡察组' });
  });
  it('a committee is its area: 中共宜城市委 is the unit and region 宜城市', async () => {
    const rec = await extractBytes(new TextEncoder().encode(`中共宜城市委关于省委第三巡视组巡视反馈意见整改进展情况的通报\n根据省委统一部署，2023年4月10日至6月20日，省委第三巡视组对宜城市进行了常规巡视。${BODY}`), 'area.txt');
    expect(rec.bulletin).toMatchObject({ issuer: '中共宜城市委', unit: '宜城市', region: '宜城市' });
  });
});

describe('publication date', () => {
  it('a saved page\'s 发布时间 line above the title gives published_date, and stays out of the text', async () => {
    const text = '当前位置：首页 > 信息公开\n中共某某县水利局党组关于巡察整改情况的通报\n发布时间：2024-04-18 09:30  来源：县水利局  浏览次数：312\n根据县委统一部署，2024年3月4日至4月26日，县委第一巡察组对县水利局党组进行了巡察。' + BODY;
    const rec = await extractBytes(new TextEncoder().encode(text), 'published.txt');
    expect(rec.bulletin.published_date).toBe('2024-04-18');
    expect(rec.text).not.toContain('发布时间');
  });
  it('a Markdown copy\'s front matter date: gives published_date', async () => {
    const text = '---\ntitle: 中共某某县水利局党组关于巡察整改情况的通报\ndate: 2024-02-20\n---\n中共某某县水利局党组关于巡察整改情况的通报\n根据县委统一部署，2024年3月4日至4月26日，县委第一巡察组对县水利局党组进行了巡察。' + BODY;
    const rec = await extractBytes(new TextEncoder().encode(text), 'front-matter.md');
    expect(rec.bulletin.published_date).toBe('2024-02-20');
  });
  it('no such line: none (the signature date at the end is not a publication date)', async () => {
    const text = '中共某某县水利局党组关于巡察整改情况的通报\n根据县委统一部署，2024年3月4日至4月26日，县委第一巡察组对县水利局党组进行了巡察。' + BODY + '中共某某县水利局党组\n2024年6月1日\n';
    const rec = await extractBytes(new TextEncoder().encode(text), 'no-published.txt');
    expect(rec.bulletin.published_date).toBeNull();
  });
});

describe('openings', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const rec = await extractBytes(new TextEncoder().encode(c.text + BODY), 'opening.txt');
      const got = Object.fromEntries(Object.keys(c.want).map((k) => [k, (rec.bulletin as Record<string, unknown>)[k]]));
      expect(got).toEqual(c.want);
    });
  }
});

describe('contracted names of the unit (rules/metadata.json contracted_alias)', () => {
  const aliases = async (title: string, opening: string, rest = '') => (await extractBytes(new TextEncoder().encode(`${title}\n${opening}${BODY}${rest}`), 'contracted.txt')).bulletin.unit_aliases;
  it('a word the text uses: area word, characters of the name in order, the last word (省人社厅, 市公积金中心)', async () => {
    expect(await aliases('中共贵州省人力资源和社会保障厅党组关于巡视整改进展情况的通报', '根据省委统一部署，2023年4月10日至6月9日，省委第三巡视组对贵州省人力资源和社会保障厅党组进行了常规巡视。省人社厅党组把巡视整改作为重大政治任务。')).toContain('省人社厅');
    expect(await aliases('中共平顶山市住房公积金管理中心党组关于巡察整改情况的通报', '根据市委统一部署，2023年3月13日至5月12日，市委第五巡察组对平顶山市住房公积金管理中心党组进行了巡察。', '二是修订《市公积金中心公务用车管理办法》。\n')).toContain('市公积金中心');
  });
  it('not a different unit the text names: a listed short form of another name, or a name written in full for another unit', async () => {
    const wj = await aliases('中共某某县卫生健康委员会党组关于巡察整改情况的通报', '根据县委统一部署，2024年3月4日至4月26日，县委第一巡察组对县卫健委党组进行了巡察。', '会同县人社局、县卫健委开展专项检查。\n');
    expect(wj).toContain('县卫健委');
    expect(wj).not.toContain('县人社局');
    const rs = await aliases('中共某某县人力资源和社会保障局党组关于巡察整改情况的通报', '根据县委统一部署，2024年3月4日至4月26日，县委第一巡察组对县人社局党组进行了巡察。', '督促县社会保险事业管理局清理，县社保局已完成清退。\n');
    expect(rs).toContain('县人社局');
    expect(rs).not.toContain('县社保局');
    // 县教育局 is listed as the name of an 教育局, which this unit is not
    const jt = await aliases('中共某某县教育体育局党组关于巡察整改情况的通报', '根据县委统一部署，2024年3月4日至4月26日，县委第一巡察组对县教体局党组进行了巡察。', '原县教育局遗留问题已清理。\n');
    expect(jt).toContain('县教体局');
    expect(jt).not.toContain('县教育局');
  });
  it('a word only inside a longer one is the longer one\'s (贵州省人社厅, not 省人社厅)', async () => {
    const rs = await aliases('中共贵州省人力资源和社会保障厅党组关于巡视整改进展情况的通报', '根据省委统一部署，2023年4月10日至6月9日，省委第三巡视组对贵州省人力资源和社会保障厅党组进行了常规巡视。贵州省人社厅党组把巡视整改作为重大政治任务。');
    expect(rs).toContain('贵州省人社厅');
    expect(rs).not.toContain('省人社厅');
  });
  it('not another area\'s unit, not the kind of unit with no area, not only inside the full name, not under 3 characters', async () => {
    const gj = await aliases('中共平顶山市住房公积金管理中心党组关于巡察整改情况的通报', '根据市委统一部署，2023年3月13日至5月12日，市委第五巡察组对平顶山市住房公积金管理中心党组进行了巡察。', '学习郑州市公积金中心的做法，与市中心医院对接。\n');
    expect(gj).toEqual([]);
    const sc = await aliases('中共某某市市场监督管理局党组关于巡察整改情况的通报', '根据市委统一部署，2023年3月13日至5月12日，市委第五巡察组对市市场监管局党组进行了巡察。', '各县（市、区）市场监管局对照整改。\n');
    expect(sc).toEqual(['市市场监管局']);
  });
});
