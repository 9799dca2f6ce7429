// Openings of published bulletins, third battery: wordings the first two batteries do not have — the
// central bank, a central SOE whose round is named in the opening only, a central insurer's totals as
// 一是…四是…, a county inspected by 省委 (巡视 of a county), an autonomous prefecture (恩施州), a provincial
// high court, a city procuratorate, a county procuratorate's 报告, Shanghai's 市委 巡视 of a city
// department (provincial level), a grain company under a 粮食购销 专项巡察, a hospital under a 医保基金
// 专项巡察, a village under 村居巡察, a town under a city's 提级巡察, a county department under a
// 提级交叉巡察组, a town's 巡察“回头看” with its villages, a rural commercial bank, a vocational college,
// a township's 乡村振兴 专项巡察, a 上下联动 inspection, a digest by 市委第一至第五巡察组; page text glued
// to the title (•公开方式…•, a URL, an 索引号), a Markdown copy (front matter, **title**, <!--more-->), a
// news re-post with no title, a PDF copy (hard line breaks, spaces around digits); dates as 期间 ranges,
// 自D至D, D起至D止, dotted 2022.9.13-11.11, 6月3-28日, full-width digits, 2024717日至830日 (garbled), ～;
// totals as 交办的问题线索N件, 立行立改问题N个 (a part, not a status), 谈话提醒N人次, 问责N人次, 党纪政务处分0人,
// 占N% (the completed share), 完成率达N%, 截止到D, 整改完毕, 编发简报N期, totals split over paragraphs.
// Expected values written by hand from the text; a case the code misreads would be marked `fails` with
// what is misread (none is today).
import { runOpenings, type OpeningCase } from './openings-cases.js';

const cases: OpeningCase[] = [
  // 1
  {
    name: "the central bank (中共中国人民银行委员会), round in the title, a range with 期间 across the new year, 问责干部N人",
    text: "中共中国人民银行委员会关于二十届中央第二轮巡视整改进展情况的通报\n根据党中央统一部署，2023年10月16日至2024年1月15日期间，中央第十五巡视组对中国人民银行党委开展了常规巡视，2024年4月18日反馈了巡视意见。按照党务公开原则和巡视整改工作有关要求，现予以通报。\n人民银行党委对照反馈的3个方面问题，梳理形成整改任务清单，共计整改任务79项、整改措施263条。截至2024年10月31日，79项整改任务中已完成70项，其余9项取得阶段性进展并持续推进；问责干部24人。",
    want: { title: "中共中国人民银行委员会关于二十届中央第二轮巡视整改进展情况的通报", issuer: "中共中国人民银行委员会", unit: "中国人民银行", unit_aliases: ["人民银行"], region: null, level: "central", inspection_kind: "巡视", team: "中央第十五巡视组", round: "二十届中央第二轮", inspection_start: "2023-10-16", inspection_end: "2024-01-15", feedback_date: "2024-04-18", as_of_date: "2024-10-31" },
    summary: { aspects: 3, tasks: 79, measures: 263, tasks_completed: 70, people_accountable: 24 },
  },
  // 2
  {
    name: "central SOE 党组 (no 中共), the round only in the opening (根据二十届中央第三轮巡视工作统一部署), 中旬 range, 交办的问题线索N件, 问责N人次",
    text: "中国移动通信集团有限公司党组关于巡视整改进展情况的通报\n根据二十届中央第三轮巡视工作统一部署，2024年4月中旬至7月中旬，中央第六巡视组对中国移动通信集团有限公司党组开展了常规巡视。2024年8月28日，中央巡视组向集团公司党组反馈了巡视意见。\n集团公司党组将反馈意见细化为问题清单，共梳理出具体问题46个，制定整改措施211项，建立完善制度机制58项。截至2024年12月底，46个具体问题中已完成整改38个，8个问题需长期坚持；中央巡视组交办的问题线索37件已全部办结，追回资金1.86亿元，问责1020人次。",
    want: { title: "中国移动通信集团有限公司党组关于巡视整改进展情况的通报", issuer: "中国移动通信集团有限公司党组", unit: "中国移动通信集团有限公司", region: null, level: "central", inspection_kind: "巡视", team: "中央第六巡视组", round: "二十届中央第三轮", inspection_start: null, inspection_end: null, feedback_date: "2024-08-28", as_of_date: null },
    summary: { problems: 46, measures: 211, rules: 58, completed: 38, long_term: 8, clues_transferred: 37, money_recovered: 186000000, people_accountable: 1020 },
  },
  // 3
  {
    name: "central university in a PDF copy: hard line breaks inside sentences (one inside 巡视), spaces around the digits",
    text: "中共中南大学委员会关于巡视整改进展情况的通报\n根据中央统一部署，2023 年 4 月 13 日至 6 月 30 日，中央第十四巡视组\n对中南大学党委进行了常规巡视，并于 2023 年 9 月 12 日反馈了巡\n视意见。\n学校党委对照反馈意见，梳理出 3 个方面 15 个具体问题，细化整改任务 62 项。截至 2024 年 3 月 31 日，15 个具体问题已完成整改 12 个，3 个正在推进；62 项整改任务已完成 55 项。",
    want: { issuer: "中共中南大学委员会", unit: "中南大学", level: "central", inspection_kind: "巡视", team: "中央第十四巡视组", inspection_start: "2023-04-13", inspection_end: "2023-06-30", feedback_date: "2023-09-12", as_of_date: "2024-03-31" },
    summary: { aspects: 3, problems: 15, tasks: 62, completed: 12, in_progress: 3, tasks_completed: 55 },
  },
  // 4
  {
    name: "a county inspected directly by 省委 (巡视 of a county: county level), 按时序推进, 谈话提醒、批评教育N人次, 问责N人",
    text: "中共桑植县委员会关于省委巡视反馈意见整改进展情况的通报\n根据省委统一部署，2024年3月11日至5月10日，省委第十三巡视组对桑植县开展了常规巡视，同步开展了乡村振兴专项检查，6月27日向县委反馈了巡视意见。\n县委对省委巡视反馈的4个方面问题，细化为38个具体问题，制定整改措施146条。截至2024年12月31日，38个具体问题已完成整改31个，剩余7个问题正在按时序推进；清退违规资金1163.8万元，谈话提醒、批评教育86人次，问责21人。",
    want: { issuer: "中共桑植县委员会", unit: "桑植县", unit_aliases: [], region: "桑植县", level: "county", inspection_kind: "巡视", team: "省委第十三巡视组", inspection_start: "2024-03-11", inspection_end: "2024-05-10", feedback_date: "2024-06-27", as_of_date: "2024-12-31" },
    summary: { aspects: 4, problems: 38, measures: 146, completed: 31, in_progress: 7, money_recovered: 11638000, people_admonished: 86, people_accountable: 21 },
  },
  // 5
  {
    name: "an autonomous prefecture (恩施土家族苗族自治州, called 恩施州) inspected by 省委, feedback in the next year, N项需长期坚持",
    text: "中共恩施土家族苗族自治州委员会关于省委第八巡视组巡视反馈意见整改进展情况的通报\n根据省委统一部署，2023年9月4日至11月3日，省委第八巡视组对恩施州开展了常规巡视，并于2024年1月12日向州委反馈了巡视意见。按照党务公开和巡视工作有关要求，现将整改进展情况予以公布。\n州委对照巡视反馈的3个方面12项问题，细化整改任务57项、整改措施189条。截至2024年6月30日，57项整改任务已完成52项，其余5项需长期坚持。",
    want: { issuer: "中共恩施土家族苗族自治州委员会", unit: "恩施土家族苗族自治州", unit_aliases: ["恩施州"], region: "恩施土家族苗族自治州", level: "municipal", inspection_kind: "巡视", team: "省委第八巡视组", inspection_start: "2023-09-04", inspection_end: "2023-11-03", feedback_date: "2024-01-12", as_of_date: "2024-06-30" },
    summary: { aspects: 3, problems: 12, tasks: 57, measures: 189, tasks_completed: 52, long_term: 5 },
  },
  // 6
  {
    name: "a provincial high court 党组 under 省委巡视, clues handed over in the feedback sentence (移交了问题线索N件), 建章立制N项",
    text: "中共河南省高级人民法院党组关于省委巡视整改进展情况的通报\n根据省委统一部署，2023年10月9日至12月8日，省委第六巡视组对河南省高级人民法院党组进行了常规巡视。2024年2月2日，省委巡视组向省法院党组反馈了巡视意见，并移交了问题线索6件。\n省法院党组把巡视整改作为重大政治任务，召开党组会议12次专题研究。对巡视反馈的3个方面14个问题，制定整改措施67条，建章立制21项。截至2024年7月31日，14个问题已完成整改11个，3个问题阶段性完成、持续推进。",
    want: { issuer: "中共河南省高级人民法院党组", unit: "河南省高级人民法院", unit_aliases: ["省法院"], region: "河南省", level: "provincial", inspection_kind: "巡视", team: "省委第六巡视组", inspection_start: "2023-10-09", inspection_end: "2023-12-08", feedback_date: "2024-02-02", as_of_date: "2024-07-31" },
    summary: { aspects: 3, problems: 14, measures: 67, rules: 21, completed: 11, in_progress: 3, clues_transferred: 6 },
  },
  // 7
  {
    name: "a city procuratorate, D起至D止, 召开巡察反馈会, 截止到D, 整改完成率达N%",
    text: "中共成都市人民检察院党组关于市委巡察整改情况的通报\n根据市委统一部署，2024年5月6日起至7月5日止，市委第七巡察组对市检察院党组开展了常规巡察，8月16日召开巡察反馈会，反馈了巡察意见。\n院党组对照巡察反馈的问题清单逐条研究，共梳理出4个方面21个问题，制定整改措施80条。截止到2024年11月30日，21个问题已整改完成18个，正在整改3个，整改完成率达85.7%。",
    want: { issuer: "中共成都市人民检察院党组", unit: "成都市人民检察院", unit_aliases: ["市检察院"], region: "成都市", level: "municipal", inspection_kind: "巡察", team: "市委第七巡察组", inspection_start: "2024-05-06", inspection_end: "2024-07-05", feedback_date: "2024-08-16", as_of_date: "2024-11-30" },
    summary: { aspects: 4, problems: 21, measures: 80, completed: 18, in_progress: 3, completion_rate: 0.857 },
  },
  // 8
  {
    name: "a city grain company under a 粮食购销 专项巡察, dotted dates with the year left off the end (2022.9.13-11.11), 其中立行立改问题N个 is a part, all done",
    text: "中共驻马店市粮食储备有限公司委员会关于市委粮食购销领域腐败问题专项巡察整改情况的通报\n根据市委统一部署，市委第二专项巡察组于2022.9.13-11.11对驻马店市粮食储备有限公司党委开展了粮食购销领域腐败问题专项巡察，2022.12.9反馈了巡察意见。\n公司党委对巡察反馈的问题照单全收，共梳理问题17个，其中立行立改问题9个。截至2023年3月31日，17个问题已全部整改到位；追缴违规收取的仓储费用56.3万元，谈话提醒12人次，给予党纪处分2人。",
    want: { issuer: "中共驻马店市粮食储备有限公司委员会", unit: "驻马店市粮食储备有限公司", region: "驻马店市", level: "municipal", inspection_kind: "巡察", team: "市委第二专项巡察组", inspection_start: "2022-09-13", inspection_end: "2022-11-11", feedback_date: "2022-12-09", as_of_date: "2023-03-31" },
    summary: { problems: 17, completed: 17, money_recovered: 563000, people_admonished: 12, people_disciplined: 2 },
  },
  // 9
  {
    name: "a county hospital 总支部委员会 under a 医保基金 专项巡察, opening with 为深入贯彻…, feedback 7月下旬, 问题N个方面N个, 长期整改N个",
    text: "中共郸城县中医院总支部委员会关于县委医保基金专项巡察整改情况的通报\n为深入贯彻落实县委关于医保基金管理突出问题专项整治的部署要求，2024年5月20日至6月28日，县委第一专项巡察组对县中医院党总支开展了医保基金使用专项巡察，并于7月下旬反馈了巡察意见。\n医院党总支对反馈的问题逐条认领，梳理出问题3个方面9个，制定整改措施32条。截至2024年10月31日，已完成整改8个，1个长期整改；清退违规收取医保基金28.46万元，谈话提醒相关科室负责人7人次，问责2人。",
    want: { issuer: "中共郸城县中医院总支部委员会", unit: "郸城县中医院", unit_aliases: ["县中医院"], region: "郸城县", level: "county", inspection_kind: "巡察", team: "县委第一专项巡察组", inspection_start: "2024-05-20", inspection_end: "2024-06-28", feedback_date: null, as_of_date: "2024-10-31" },
    summary: { aspects: 3, problems: 9, measures: 32, completed: 8, long_term: 1, money_recovered: 284600, people_admonished: 7, people_accountable: 2 },
  },
  // 10
  {
    name: "a village under 村居巡察, a range within one month written 6月3-28日, 问题N条 broken down by field (其中…), 整改完毕, 收回租金",
    text: "中共宁陵县石桥镇刘楼村支部委员会关于县委村居巡察整改情况的通报\n根据县委巡察工作领导小组统一部署，2024年6月3-28日，县委第四巡察组对石桥镇刘楼村党支部开展了村居巡察，7月10日反馈巡察意见。\n巡察共反馈问题8条，其中村级财务管理方面3条，“三资”管理方面3条，基层党组织建设方面2条。村党支部制定整改措施23条，目前8条问题已全部整改完毕，收回被侵占集体土地租金2.4万元。",
    want: { issuer: "中共宁陵县石桥镇刘楼村支部委员会", unit: "宁陵县石桥镇刘楼村", region: "石桥镇", level: "township", inspection_kind: "巡察", team: "县委第四巡察组", inspection_start: "2024-06-03", inspection_end: "2024-06-28", feedback_date: "2024-07-10", as_of_date: null },
    summary: { problems: 8, measures: 23, completed: 8, money_recovered: 24000 },
  },
  // 11
  {
    name: "a town under a city's 提级巡察 (township level, city team), 将巡察意见反馈给镇党委 with the year, 正在按计划推进中",
    text: "中共汝阳县城关镇委员会关于市委提级巡察整改进展情况的通报\n按照市委巡察工作统一安排，2024年4月15日至6月7日，市委第五巡察组对汝阳县城关镇党委开展了提级巡察，并于2024年7月11日将巡察意见反馈给镇党委。\n镇党委坚持把巡察整改作为重大政治任务，召开党委会5次专题研究。巡察反馈3个方面16个问题，镇党委制定整改措施52条，建立完善制度9项。截至2024年10月31日，已完成整改14个，完成率87.5%，其余2个问题正在按计划推进中。",
    want: { issuer: "中共汝阳县城关镇委员会", unit: "汝阳县城关镇", region: "汝阳县", level: "township", inspection_kind: "巡察", team: "市委第五巡察组", inspection_start: "2024-04-15", inspection_end: "2024-06-07", feedback_date: "2024-07-11", as_of_date: "2024-10-31" },
    summary: { aspects: 3, problems: 16, measures: 52, rules: 9, completed: 14, in_progress: 2, completion_rate: 0.875 },
  },
  // 12
  {
    name: "a county department under a 市委第N提级交叉巡察组 (county level), no 截至 (整改工作开展以来), 追缴…及滞纳金 with 2 decimals, 对N名干部进行了谈话提醒",
    text: "中共舞阳县自然资源局党组关于市委提级交叉巡察整改情况的通报\n根据市委统一部署，2024年3月25日至5月24日，市委第二提级交叉巡察组对舞阳县自然资源局党组开展了提级交叉巡察。2024年6月20日，市委第二提级交叉巡察组向县自然资源局党组反馈了巡察意见。\n局党组对反馈的4个方面20个问题逐项细化，形成整改措施74条。整改工作开展以来，已完成整改问题17个、阶段性完成3个，追缴土地出让金及滞纳金3265.17万元，对6名干部进行了谈话提醒。",
    want: { issuer: "中共舞阳县自然资源局党组", unit: "舞阳县自然资源局", unit_aliases: ["县自然资源局"], region: "舞阳县", level: "county", inspection_kind: "巡察", team: "市委第二提级交叉巡察组", inspection_start: "2024-03-25", inspection_end: "2024-05-24", feedback_date: "2024-06-20", as_of_date: null },
    summary: { aspects: 4, problems: 20, measures: 74, completed: 17, in_progress: 3, money_recovered: 32651700, people_admonished: 6 },
  },
  // 13
  {
    name: "a town's 巡察“回头看” with its villages (延伸巡察), no 根据… opening, 发现问题N个 with its parts, N个问题已整改N个, 党纪政务处分0人",
    text: "中共鹿邑县试量镇委员会关于县委巡察“回头看”整改情况的通报\n2024年10月8日至11月15日，县委第三巡察组对试量镇党委开展了巡察“回头看”，同时对镇辖6个村（社区）党组织进行了延伸巡察。12月6日，县委第三巡察组向镇党委反馈了“回头看”情况。\n“回头看”共发现问题18个，其中上轮巡察反馈问题整改不到位7个、新发现问题11个。镇党委制定整改措施60条。截至2025年3月15日，18个问题已整改16个，2个问题需长期坚持；清退违规发放补贴资金3.58万元，谈话提醒村干部9人次，党纪政务处分0人。",
    want: { issuer: "中共鹿邑县试量镇委员会", unit: "鹿邑县试量镇", unit_aliases: ["试量镇"], region: "鹿邑县", level: "township", inspection_kind: "巡察", team: "县委第三巡察组", inspection_start: "2024-10-08", inspection_end: "2024-11-15", feedback_date: "2024-12-06", as_of_date: "2025-03-15" },
    summary: { problems: 18, measures: 60, completed: 16, long_term: 2, money_recovered: 35800, people_admonished: 9, people_disciplined: 0 },
  },
  // 14
  {
    name: "a county rural commercial bank (温县农商银行), 自D至D, 予以通报, totals as 一是…四是… with 占N% (the completed share), a 预计…前完成 date that is no as-of",
    text: "中共温县农村商业银行股份有限公司委员会关于县委巡察整改情况的通报\n根据县委统一部署，县委第一巡察组自2024年4月1日至5月31日对温县农商银行党委开展了常规巡察，6月28日向温县农商银行党委反馈了巡察意见。现将整改情况予以通报。\n针对巡察反馈的问题，行党委坚持立行立改与长期整改相结合，将反馈的3个方面13个问题细化为整改任务42项。一是已完成整改问题11个，占84.6%；二是2个问题正在整改，预计2025年6月底前完成；三是清收不良贷款1.35亿元；四是建立完善制度14项。",
    want: { issuer: "中共温县农村商业银行股份有限公司委员会", unit: "温县农村商业银行股份有限公司", unit_aliases: ["温县农商银行"], region: "温县", level: "county", inspection_kind: "巡察", team: "县委第一巡察组", inspection_start: "2024-04-01", inspection_end: "2024-05-31", feedback_date: "2024-06-28", as_of_date: null },
    summary: { aspects: 3, problems: 13, tasks: 42, completed: 11, in_progress: 2, completion_rate: 0.846, rules: 14 },
  },
  // 15
  {
    name: "a city vocational college, 向社会通报如下, 编发整改工作简报N期, 对巡察反馈的N个方面N个问题",
    text: "中共漯河职业技术学院委员会关于市委巡察整改情况的通报\n根据市委统一部署，2024年4月8日至2024年6月7日，市委第三巡察组对漯河职业技术学院党委开展了常规巡察，并于2024年7月5日反馈了巡察意见。根据党务公开原则和巡察工作要求，现将巡察整改情况向社会通报如下。\n学院党委成立以党委书记为组长的巡察整改工作领导小组，召开专题会议6次，编发整改工作简报8期。对巡察反馈的5个方面23个问题，学院党委制定整改措施95条。截至2024年10月31日，已完成整改21个，2个正在整改，完成率91.3%。",
    want: { issuer: "中共漯河职业技术学院委员会", unit: "漯河职业技术学院", region: "漯河市", level: "municipal", inspection_kind: "巡察", team: "市委第三巡察组", inspection_start: "2024-04-08", inspection_end: "2024-06-07", feedback_date: "2024-07-05", as_of_date: "2024-10-31" },
    summary: { aspects: 5, problems: 23, measures: 95, completed: 21, in_progress: 2, completion_rate: 0.913, briefings: 8 },
  },
  // 16
  {
    name: "page text glued to the title (•公开方式：主动公开•), a one-character county (淇县), 反馈问题共计N个方面N条, N条问题已全部整改完成",
    text: "•公开方式：主动公开•中共淇县民政局党组关于县委巡察整改情况的通报\n根据县委统一部署，2024年5月13日至6月28日，县委第二巡察组对县民政局党组进行了常规巡察。2024年7月26日，县委第二巡察组向县民政局党组反馈了巡察意见。\n反馈问题共计3个方面12条，局党组制定整改措施40条。截至2024年10月25日，12条问题已全部整改完成。",
    want: { title: "中共淇县民政局党组关于县委巡察整改情况的通报", issuer: "中共淇县民政局党组", unit: "淇县民政局", unit_aliases: ["县民政局"], region: "淇县", level: "county", inspection_kind: "巡察", team: "县委第二巡察组", inspection_start: "2024-05-13", inspection_end: "2024-06-28", feedback_date: "2024-07-26", as_of_date: "2024-10-25" },
    summary: { aspects: 3, problems: 12, measures: 40, completed: 12 },
  },
  // 17
  {
    name: "a URL glued to the title, dates in full-width digits, 共制定整改措施N条, 督促退还患者多收费用N万元",
    text: "http://www.xinxiang.gov.cn中共新乡市卫生健康委员会党组关于市委巡察整改进展情况的通报\n根据市委统一部署，２０２４年３月１８日至５月１７日，市委第四巡察组对市卫生健康委党组开展了常规巡察，６月２１日反馈了巡察意见。\n市卫生健康委党组对照巡察反馈的4个方面19个问题，逐一制定整改措施，共制定整改措施83条。截至2024年9月30日，已完成整改17个、正在整改2个；规范医疗服务收费，督促退还患者多收费用46.8万元。",
    want: { title: "中共新乡市卫生健康委员会党组关于市委巡察整改进展情况的通报", issuer: "中共新乡市卫生健康委员会党组", unit: "新乡市卫生健康委员会", unit_aliases: ["市卫生健康委"], region: "新乡市", level: "municipal", inspection_kind: "巡察", team: "市委第四巡察组", inspection_start: "2024-03-18", inspection_end: "2024-05-17", feedback_date: "2024-06-21", as_of_date: "2024-09-30" },
    summary: { aspects: 4, problems: 19, measures: 83, completed: 17, in_progress: 2, money_recovered: 468000 },
  },
  // 18
  {
    name: "an 索引号 glued to the title and a (YYYY-MM-DD) line after it, 进行了反馈, feedback and as-of in different years",
    text: "11410724005395087K/2024-00019中共获嘉县审计局党组关于县委巡察整改进展情况的通报\n(2025-03-10)\n根据县委统一部署，2024年9月2日至10月25日，县委第三巡察组对县审计局党组开展了常规巡察，11月22日进行了反馈。\n针对反馈的3个方面11个问题，局党组制定整改措施35条。截至2025年2月28日，11个问题已完成整改10个，剩余1个属于长期整改事项，正在持续推进。",
    want: { title: "中共获嘉县审计局党组关于县委巡察整改进展情况的通报", issuer: "中共获嘉县审计局党组", unit: "获嘉县审计局", unit_aliases: ["县审计局"], region: "获嘉县", level: "county", inspection_kind: "巡察", team: "县委第三巡察组", inspection_start: "2024-09-02", inspection_end: "2024-10-25", feedback_date: "2024-11-22", as_of_date: "2025-02-28" },
    summary: { aspects: 3, problems: 11, measures: 35, completed: 10 },
  },
  // 19
  {
    name: "a Markdown copy: YAML front matter with its own title, the title in **bold**, <!--more--> inside the opening sentence",
    text: "---\ntitle: 县委巡察整改情况通报\ndate: 2024-11-05\n---\n**中共汤阴县交通运输局党组关于县委巡察整改情况的通报**\n根据县委统一部署，2024年6月17日至7月31日，县委第四巡察组对县交通运输局党组进行了常规巡察，<!--more-->8月30日向县交通运输局党组反馈了巡察意见。\n巡察反馈问题11个，局党组制定整改措施38条，截至2024年10月31日，已完成整改10个，1个正在整改中。",
    want: { title: "中共汤阴县交通运输局党组关于县委巡察整改情况的通报", issuer: "中共汤阴县交通运输局党组", unit: "汤阴县交通运输局", unit_aliases: ["县交通运输局"], region: "汤阴县", level: "county", inspection_kind: "巡察", team: "县委第四巡察组", inspection_start: "2024-06-17", inspection_end: "2024-07-31", feedback_date: "2024-08-30", as_of_date: "2024-10-31" },
    summary: { problems: 11, measures: 38, completed: 10, in_progress: 1 },
  },
  // 20
  {
    name: "a garbled copy that lost 年/月 in the range (2024717日至830日), 县文广旅局",
    text: "中共延津县文化广电和旅游局党组关于县委巡察整改情况的通报\n根据县委统一部署，2024717日至830日，县委第一巡察组对县文广旅局党组进行了常规巡察，2024年9月27日反馈了巡察意见。\n巡察反馈问题4个方面15个，局党组制定整改措施48条。截至2024年12月20日，已完成整改13个、基本完成2个。",
    want: { issuer: "中共延津县文化广电和旅游局党组", unit: "延津县文化广电和旅游局", unit_aliases: ["县文广旅局"], region: "延津县", level: "county", inspection_kind: "巡察", team: "县委第一巡察组", inspection_start: "2024-07-17", inspection_end: "2024-08-30", feedback_date: "2024-09-27", as_of_date: "2024-12-20" },
    summary: { aspects: 4, problems: 15, measures: 48, completed: 13, in_progress: 2 },
  },
  // 21
  {
    name: "a news re-post with no title: the text starts at the opening sentence, 公布如下",
    text: "根据县委统一部署，2024年4月8日至5月24日，县委第二巡察组对封丘县水利局党组进行了常规巡察，6月14日反馈了巡察意见。按照有关要求，现将整改情况公布如下。\n封丘县水利局党组对反馈的3个方面10个问题建立整改台账，制定整改措施31条。截至2024年8月31日，已完成整改9个，1个正在推进。",
    want: { title: null, unit: "封丘县水利局", region: "封丘县", level: "county", inspection_kind: "巡察", team: "县委第二巡察组", inspection_start: "2024-04-08", inspection_end: "2024-05-24", feedback_date: "2024-06-14", as_of_date: "2024-08-31" },
    summary: { aspects: 3, problems: 10, measures: 31, completed: 9, in_progress: 1 },
  },
  // 22
  {
    name: "the team named with its 届 (十二届市委第三巡察组, no 轮: round null), 问题N个方面N个, 建章立制N项, 清退…加班费等N万元",
    text: "中共平顶山市文化广电和旅游局党组关于市委巡察整改情况的通报\n根据市委统一部署，2023年11月13日至2024年1月12日，十二届市委第三巡察组对市文化广电和旅游局党组开展了常规巡察，2024年3月8日反馈了巡察意见。\n巡察反馈问题4个方面18个，局党组制定整改措施71条、建章立制12项。截至2024年6月30日，已完成整改16个，2个长期坚持；清退违规发放的加班费等5.62万元，谈话提醒7人次。",
    want: { issuer: "中共平顶山市文化广电和旅游局党组", unit: "平顶山市文化广电和旅游局", unit_aliases: ["市文化广电和旅游局"], region: "平顶山市", level: "municipal", inspection_kind: "巡察", team: "十二届市委第三巡察组", round: null, inspection_start: "2023-11-13", inspection_end: "2024-01-12", feedback_date: "2024-03-08", as_of_date: "2024-06-30" },
    summary: { aspects: 4, problems: 18, measures: 71, rules: 12, completed: 16, long_term: 2, money_recovered: 56200, people_admonished: 7 },
  },
  // 23
  {
    name: "a central insurer 党委 (no 中共), 中旬…底 range, “1+3+N” is no total, totals as 一是…四是…, 问责N人，其中党纪政务处分N人",
    text: "中国人民保险集团股份有限公司党委关于二十届中央第一轮巡视整改进展情况的通报\n根据党中央统一部署，2023年4月中旬至6月底，中央第八巡视组对中国人民保险集团股份有限公司党委开展了常规巡视。2023年9月7日，中央巡视组向集团党委反馈了巡视意见。\n集团党委对照中央巡视反馈意见，形成“1+3+N”整改方案，共梳理问题37项，细化整改措施206条。截至2024年1月31日，整改工作取得阶段性成效：一是37项问题中已完成整改33项，其余4项持续推进；二是制定修订制度92项；三是追回资金及挽回损失12.86亿元；四是问责431人，其中党纪政务处分58人。",
    want: { issuer: "中国人民保险集团股份有限公司党委", unit: "中国人民保险集团股份有限公司", region: null, level: "central", inspection_kind: "巡视", team: "中央第八巡视组", round: "二十届中央第一轮", inspection_start: null, inspection_end: null, feedback_date: "2023-09-07", as_of_date: "2024-01-31" },
    summary: { problems: 37, measures: 206, completed: 33, in_progress: 4, rules: 92, money_recovered: 1286000000, people_accountable: 431, people_disciplined: 58 },
  },
  // 24
  {
    name: "a central bureau, 下旬…中旬 range across the new year, totals split over two paragraphs (tasks declared, then 已完成整改任务N项 after 截至), 对相关责任人问责N人",
    text: "中共国家统计局党组关于二十届中央第二轮巡视整改进展情况的通报\n根据党中央统一部署，2023年10月下旬至2024年1月中旬，中央第十二巡视组对国家统计局党组开展了常规巡视，2024年4月23日反馈了巡视意见。\n国家统计局党组召开党组会议、整改工作领导小组会议21次，研究部署整改工作。对中央巡视反馈的问题，党组逐项制定整改措施，共形成整改任务113项。\n截至2024年10月31日，已完成整改任务98项，剩余15项整改任务持续推进。统计造假弄虚作假问题线索14件已全部办结，对相关责任人问责29人。",
    want: { issuer: "中共国家统计局党组", unit: "国家统计局", unit_aliases: [], region: null, level: "central", inspection_kind: "巡视", team: "中央第十二巡视组", round: "二十届中央第二轮", inspection_start: null, inspection_end: null, feedback_date: "2024-04-23", as_of_date: "2024-10-31" },
    summary: { tasks: 113, tasks_completed: 98, people_accountable: 29 },
  },
  // 25
  {
    name: "Shanghai's 市委 巡视 of a city department (provincial level), round only in the opening, 同步对N家直属单位进行了延伸了解",
    text: "中共上海市卫生健康委员会党组关于市委巡视整改情况的通报\n根据十二届市委第二轮巡视工作部署，2023年3月6日至5月12日，市委第三巡视组对市卫生健康委党组开展了常规巡视，同步对6家直属单位进行了延伸了解。7月7日，市委巡视组向市卫生健康委党组反馈了巡视意见。\n市卫生健康委党组对照反馈的3个方面问题，细化形成整改任务64项、整改措施198条。截至2023年12月31日，64项整改任务已完成59项，5项需长期推进。",
    want: { issuer: "中共上海市卫生健康委员会党组", unit: "上海市卫生健康委员会", unit_aliases: ["市卫生健康委"], region: "上海市", level: "provincial", inspection_kind: "巡视", team: "市委第三巡视组", round: "十二届市委第二轮", inspection_start: "2023-03-06", inspection_end: "2023-05-12", feedback_date: "2023-07-07", as_of_date: "2023-12-31" },
    summary: { aspects: 3, tasks: 64, measures: 198, tasks_completed: 59 },
  },
  // 26
  {
    name: "a one-character county's hospital (范县) under a 上下联动巡察, feedback 5月下旬, 立行立改问题N个 is no status, 对N名医务人员开展谈话提醒",
    text: "中共范县人民医院委员会关于县委巡察整改进展情况的通报\n根据市委巡察工作领导小组关于开展医疗卫生领域上下联动巡察的部署，2024年3月4日至4月19日，县委第二巡察组对县人民医院党委开展了上下联动巡察，2024年5月下旬反馈了巡察意见。\n巡察反馈问题4个方面共21个，医院党委制定整改措施76条，立行立改问题8个。截至2024年8月31日，21个问题中已整改完成19个，正在整改2个。累计清退医保基金违规费用63.27万元，对12名医务人员开展谈话提醒，问责3人。",
    want: { issuer: "中共范县人民医院委员会", unit: "范县人民医院", unit_aliases: ["县人民医院"], region: "范县", level: "county", inspection_kind: "巡察", team: "县委第二巡察组", inspection_start: "2024-03-04", inspection_end: "2024-04-19", feedback_date: null, as_of_date: "2024-08-31" },
    summary: { aspects: 4, problems: 21, measures: 76, completed: 19, in_progress: 2, money_recovered: 632700, people_admonished: 12, people_accountable: 3 },
  },
  // 27
  {
    name: "a county procuratorate's 报告 (我院党组), a range with full-width ～, 报告如下, N个问题已全部整改到位",
    text: "中共修武县人民检察院党组关于落实县委巡察反馈意见整改情况的报告\n2023年5月8日～6月20日，县委第五巡察组对我院党组开展了常规巡察，并于2023年7月27日反馈了巡察意见。院党组高度重视，照单全收、立行立改，现将整改情况报告如下：\n巡察反馈问题3个方面13个，院党组研究制定整改措施44条。截至2023年10月31日，13个问题已全部整改到位，建立长效机制7项。",
    want: { title: "中共修武县人民检察院党组关于落实县委巡察反馈意见整改情况的报告", issuer: "中共修武县人民检察院党组", unit: "修武县人民检察院", region: "修武县", level: "county", inspection_kind: "巡察", team: "县委第五巡察组", inspection_start: "2023-05-08", inspection_end: "2023-06-20", feedback_date: "2023-07-27", as_of_date: "2023-10-31" },
    summary: { aspects: 3, problems: 13, measures: 44, completed: 13 },
  },
  // 28
  {
    name: "a township's 乡村振兴 专项巡察 with its villages, 下旬至上旬 (no days), year-less feedback, 截至目前, totals as 一是…四是…, 谈话提醒村“两委”干部N人次",
    text: "中共浚县王庄镇委员会关于县委乡村振兴专项巡察集中整改进展情况的通报\n根据县委统一部署，2024年3月下旬至5月上旬，县委第四巡察组对王庄镇党委开展了乡村振兴领域专项巡察，同步对镇辖8个行政村开展了村级巡察，6月12日反馈了巡察意见。\n镇党委对反馈的问题逐条梳理，形成问题清单、任务清单、责任清单。截至目前，整改工作取得以下成效：一是反馈的14个问题，已完成整改12个，阶段性完成2个；二是建立健全村级财务管理等制度10项；三是清退违规资金4.73万元；四是谈话提醒村“两委”干部15人次。",
    want: { issuer: "中共浚县王庄镇委员会", unit: "浚县王庄镇", unit_aliases: ["王庄镇"], region: "浚县", level: "township", inspection_kind: "巡察", team: "县委第四巡察组", inspection_start: null, inspection_end: null, feedback_date: "2024-06-12", as_of_date: null },
    summary: { problems: 14, completed: 12, in_progress: 2, rules: 10, money_recovered: 47300, people_admonished: 15 },
  },
  // 29
  {
    name: "a provincial SOE under a 省委巡视“回头看”, 同年M月D日, N个具体问题全部完成整改, 整改完成率100%, 问责干部N人次",
    text: "中共河南能源集团有限公司委员会关于省委巡视“回头看”整改进展情况的通报\n根据省委统一部署，2024年4月7日至5月31日，省委第一巡视组对河南能源集团有限公司党委开展了巡视“回头看”，同年7月19日反馈了巡视意见。\n集团党委对照“回头看”反馈的3个方面问题，梳理出具体问题23个，细化整改措施97条。截至2024年12月31日，23个具体问题全部完成整改，整改完成率100%；追缴违规所得126.4万元，问责干部45人次。",
    want: { issuer: "中共河南能源集团有限公司委员会", unit: "河南能源集团有限公司", level: "provincial", inspection_kind: "巡视", team: "省委第一巡视组", inspection_start: "2024-04-07", inspection_end: "2024-05-31", feedback_date: "2024-07-19", as_of_date: "2024-12-31" },
    summary: { aspects: 3, problems: 23, measures: 97, completed: 23, completion_rate: 1, money_recovered: 1264000, people_accountable: 45 },
  },
  // 30
  {
    name: "a round digest by a city 巡察办: a team range (市委第一至第五巡察组), N个市直单位党组织, 认领问题N个, 1,046 with a separator, round totals with money and people",
    text: "中共安阳市委巡察工作领导小组办公室关于十一届市委第七轮巡察整改情况的通报\n根据市委统一部署，2024年3月18日至5月17日，市委第一至第五巡察组对市发展改革委、市财政局等15个市直单位党组织开展了常规巡察，6月中旬分别向被巡察党组织反馈了巡察意见。\n被巡察单位共认领问题287个，制定整改措施1,046条。截至2024年9月30日，已完成整改261个，正在整改26个，整改完成率90.9%；清退违规资金312.65万元，谈话提醒56人次，组织处理11人，党纪政务处分6人。",
    want: { issuer: "中共安阳市委巡察工作领导小组办公室", unit: null, unit_aliases: [], region: "安阳市", level: "municipal", inspection_kind: "巡察", team: "市委第一至第五巡察组", round: "十一届市委第七轮", inspection_start: "2024-03-18", inspection_end: "2024-05-17", feedback_date: null, as_of_date: "2024-09-30" },
    summary: { units_inspected: 15, problems: 287, measures: 1046, completed: 261, in_progress: 26, completion_rate: 0.909, money_recovered: 3126500, people_admonished: 56, people_organizational: 11, people_disciplined: 6 },
  },
];

runOpenings('openings battery 3', cases);
