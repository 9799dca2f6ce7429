// Openings of published bulletins, second battery: wordings the first battery (openings-battery.test.ts)
// does not have — ministry-run 巡视 of a directly affiliated unit, 专项巡视 and 机动巡视, 巡视“回头看”,
// 提级/交叉/联动/机动巡察, a 巡察“回头看” of a community, a round digest by a 巡察办, issuers written
// 党组（党委）, 党支部, 党总支 (without 中共), 支部委员会, a bare 区委宣传部; dates in Chinese numerals with
// the year left off, 到 / ~ / dotted ranges, 次年, 同年X月, 自D起…为期两个月, 截至X月末; totals as
// 共性问题/个性问题, N个方面N个问题N项任务, 阶段性完成, 整改措施已完成N项, 对N名干部进行诫勉, 退还/追缴,
// figures in Chinese numerals, totals after an organizational paragraph or over two sentences.
// Expected values written by hand from the text; `it.fails` marks a case the code misreads today
// (the comment names what is misread).
import { runOpenings, type OpeningCase } from './openings-cases.js';

const cases: OpeningCase[] = [
  // 1
  {
    name: "central organ, 脱贫攻坚专项巡视, 下旬…下旬 range (no day-precise dates), 问题清单、任务清单、责任清单, 已完成整改措施N项",
    text: "中共国家民族事务委员会党组关于脱贫攻坚专项巡视整改进展情况的通报\n根据中央统一部署，2018年10月下旬至11月下旬，中央第十四巡视组对国家民委党组开展了脱贫攻坚专项巡视。2019年1月25日，中央巡视组向国家民委党组反馈了专项巡视意见。\n国家民委党组对照反馈意见，梳理出4个方面12个问题，建立问题清单、任务清单、责任清单，制定整改措施45项。截至2019年4月25日，已完成整改措施41项，其余4项正在推进。",
    want: { title: "中共国家民族事务委员会党组关于脱贫攻坚专项巡视整改进展情况的通报", issuer: "中共国家民族事务委员会党组", unit: "国家民族事务委员会", unit_aliases: ["国家民委"], region: null, level: "central", inspection_kind: "巡视", team: "中央第十四巡视组", round: null, inspection_start: null, inspection_end: null, feedback_date: "2019-01-25", as_of_date: "2019-04-25" },
    summary: { aspects: 4, problems: 12, measures: 45, measures_completed: 41 },
  },
  // 2
  {
    name: "central financial group 党委 (no 中共), range with 到, feedback 同年9月 (no day), 截至…末, 完成率 of tasks, 对N名干部进行问责",
    text: "中国光大集团股份公司党委关于巡视整改进展情况的通报\n根据中央统一部署，2021年4月8日到6月10日，中央第八巡视组对中国光大集团股份公司党委开展了常规巡视，同年9月反馈了巡视意见。\n集团党委把中央巡视反馈的问题细化为124项整改任务，逐项明确责任领导、责任部门和完成时限。截至2022年3月末，已完成整改任务109项，完成率87.9%，其余任务正在推进；对182名干部进行问责。",
    want: { title: "中国光大集团股份公司党委关于巡视整改进展情况的通报", issuer: "中国光大集团股份公司党委", unit: "中国光大集团股份公司", region: null, level: "central", inspection_kind: "巡视", team: "中央第八巡视组", inspection_start: "2021-04-08", inspection_end: "2021-06-10", feedback_date: null, as_of_date: null },
    summary: { tasks: 124, tasks_completed: 109, completion_rate: 0.879, people_accountable: 182 },
  },
  // 3
  {
    name: "central university, dates in Chinese numerals with the year left off the end, 同年九月十二日, as-of in Chinese numerals, N项整改任务已完成N项",
    text: "中共北京师范大学委员会关于巡视整改进展情况的通报\n根据中央统一部署，二〇二三年四月十三日至六月三十日，中央第十三巡视组对北京师范大学党委进行了常规巡视，同年九月十二日反馈了巡视意见。\n学校党委聚焦巡视反馈的4个方面问题，细化形成整改任务108项。截至二〇二四年三月三十一日，108项整改任务已完成97项，其余11项已取得阶段性成效，将长期坚持、久久为功。",
    want: { issuer: "中共北京师范大学委员会", unit: "北京师范大学", level: "central", inspection_kind: "巡视", team: "中央第十三巡视组", inspection_start: "2023-04-13", inspection_end: "2023-06-30", feedback_date: "2023-09-12", as_of_date: "2024-03-31" },
    summary: { aspects: 4, tasks: 108, tasks_completed: 97 },
  },
  // 4
  {
    name: "a ministry's own 巡视 of a directly affiliated bureau (部党组第二巡视组), totals after the organizational sentences, 取得阶段性进展",
    text: "中共中国地质调查局党组关于自然资源部党组巡视整改情况的通报\n根据自然资源部党组统一部署，2023年5月8日至7月7日，部党组第二巡视组对中国地质调查局党组进行了常规巡视，8月25日反馈了巡视意见。\n局党组坚持把巡视整改作为重大政治任务，成立由党组书记任组长的整改工作领导小组，先后召开党组会议6次研究推进整改。针对反馈的3个方面11个问题，局党组制定整改措施64条。截至2023年12月31日，11个问题中已完成整改10个，1个问题取得阶段性进展。",
    want: { issuer: "中共中国地质调查局党组", unit: "中国地质调查局", region: null, level: "central", inspection_kind: "巡视", team: "部党组第二巡视组", inspection_start: "2023-05-08", inspection_end: "2023-07-07", feedback_date: "2023-08-25", as_of_date: "2023-12-31" },
    summary: { aspects: 3, problems: 11, measures: 64, completed: 10, in_progress: 1 },
  },
  // 5
  {
    name: "a province after a central 巡视“回头看”, N个方面问题和N条意见建议 then N个具体问题, 明确牵头单位N个 is no total",
    text: "中共山西省委关于巡视“回头看”整改情况的通报\n根据中央统一部署，2018年2月28日至4月30日，中央第五巡视组对山西省进行了巡视“回头看”，6月1日向山西省委反馈了巡视“回头看”情况。\n对中央巡视“回头看”反馈的5个方面问题和3条意见建议，省委梳理出32个具体问题，制定整改措施128项，明确牵头单位57个。截至2018年10月31日，32个具体问题已完成整改26个，其余6个正在持续推进。",
    want: { issuer: "中共山西省委", unit: "山西省", unit_aliases: [], region: "山西省", level: "provincial", inspection_kind: "巡视", team: "中央第五巡视组", round: null, inspection_start: "2018-02-28", inspection_end: "2018-04-30", feedback_date: "2018-06-01", as_of_date: "2018-10-31" },
    summary: { aspects: 5, suggestions: 3, problems: 32, measures: 128, completed: 26, in_progress: 6 },
  },
  // 6
  {
    name: "a sub-provincial city (青岛市委) inspected by 省委, 十二届省委第一轮 in the title, an organizational paragraph first, 截止D, N项需长期坚持",
    text: "中共青岛市委关于十二届省委第一轮巡视整改进展情况的通报\n根据省委统一部署，2023年3月13日至5月12日，省委第三巡视组对青岛市开展了常规巡视，7月12日向青岛市委反馈了巡视意见。\n市委高度重视巡视整改工作，成立由市委书记任组长的整改工作领导小组，召开市委常委会会议、整改工作领导小组会议8次，研究部署推进整改工作。\n对照省委巡视反馈的4个方面16项问题，市委制定整改方案，明确整改任务79项。截止2023年12月31日，79项整改任务已完成71项，8项需长期坚持。",
    want: { issuer: "中共青岛市委", unit: "青岛市", unit_aliases: [], region: "青岛市", level: "municipal", inspection_kind: "巡视", team: "省委第三巡视组", round: "十二届省委第一轮", inspection_start: "2023-03-13", inspection_end: "2023-05-12", feedback_date: "2023-07-12", as_of_date: "2023-12-31" },
    summary: { aspects: 4, problems: 16, tasks: 79, tasks_completed: 71, long_term: 8 },
  },
  // 7
  {
    name: "issuer 党组（党委）, range with ~, feedback by 召开巡察反馈会议, 照单全收, 阶段性完成N个",
    text: "中共周口市教育局党组（党委）关于市委巡察整改进展情况的通报\n根据市委统一部署，2024年3月18日~5月17日，市委第二巡察组对市教育局党组（党委）开展了常规巡察，6月21日召开巡察反馈会议，反馈了巡察意见。\n局党组（党委）对巡察反馈的4个方面18个问题照单全收，建立问题清单、任务清单、责任清单，制定整改措施76条。截至2024年9月30日，18个问题已整改完成16个，阶段性完成2个，整改完成率88.9%。",
    want: { issuer: "中共周口市教育局党组（党委）", unit: "周口市教育局", unit_aliases: ["市教育局"], region: "周口市", level: "municipal", inspection_kind: "巡察", team: "市委第二巡察组", inspection_start: "2024-03-18", inspection_end: "2024-05-17", feedback_date: "2024-06-21", as_of_date: "2024-09-30" },
    summary: { aspects: 4, problems: 18, measures: 76, completed: 16, in_progress: 2, completion_rate: 0.889 },
  },
  // 8
  {
    name: "a city SOE under a 国有企业专项巡察, 共性问题N个、个性问题N个, measures 共计N条, 追缴欠缴租金 and 退还多收保证金, 对N名干部进行诫勉 / 作出组织处理",
    text: "中共洛阳国宏投资控股集团有限公司委员会关于市委国有企业专项巡察整改进展情况的通报\n按照市委巡察工作领导小组安排，2024年4月22日至6月21日，市委第三专项巡察组对洛阳国宏投资控股集团有限公司党委开展了国有企业专项巡察，并于2024年8月8日反馈了巡察意见。\n集团党委对巡察反馈的共性问题4个、个性问题13个逐一制定整改措施，共计61条。截至2024年11月30日，17个问题已完成整改14个，正在整改3个；追缴欠缴租金186.5万元，退还多收保证金42万元；对4名干部进行诫勉，对2名干部作出组织处理。",
    want: { issuer: "中共洛阳国宏投资控股集团有限公司委员会", unit: "洛阳国宏投资控股集团有限公司", region: "洛阳市", level: "municipal", inspection_kind: "巡察", team: "市委第三专项巡察组", inspection_start: "2024-04-22", inspection_end: "2024-06-21", feedback_date: "2024-08-08", as_of_date: "2024-11-30" },
    summary: { problems: 17, measures: 61, completed: 14, in_progress: 3, money_recovered: 2285000, people_admonished: 4, people_organizational: 2 },
  },
  // 9
  {
    name: "a county department under a city 提级巡察, dotted dates (2024.4.15—2024.6.14), totals in Chinese numerals, 已全部整改完成",
    text: "中共光山县住房和城乡建设局党组关于市委提级巡察反馈意见整改情况的通报\n根据市委统一部署，市委第三巡察组于2024.4.15—2024.6.14对县住建局党组开展了提级巡察，2024.7.18反馈了巡察意见。\n巡察反馈问题十二个，局党组制定整改措施三十五条，明确了责任领导、责任股室和整改时限。截至2024年9月30日，十二个问题已全部整改完成。",
    want: { issuer: "中共光山县住房和城乡建设局党组", unit: "光山县住房和城乡建设局", unit_aliases: ["县住建局"], region: "光山县", level: "county", inspection_kind: "巡察", team: "市委第三巡察组", inspection_start: "2024-04-15", inspection_end: "2024-06-14", feedback_date: "2024-07-18", as_of_date: "2024-09-30" },
    summary: { problems: 12, measures: 35, completed: 12 },
  },
  // 10
  {
    name: "a district committee of a sub-provincial city inspected by 市委 (巡察), 十四届市委第四轮, 细化为N个具体问题、N项整改任务, 截至…月末, 已完成整改问题N个",
    text: "中共武汉市江汉区委员会关于十四届市委第四轮巡察整改进展情况的通报\n根据十四届市委第四轮巡察工作部署，2023年10月16日至12月15日，市委第四巡察组对江汉区进行了常规巡察，2024年1月26日向江汉区委反馈了巡察意见。\n市委第四巡察组反馈了4个方面问题，区委细化为23个具体问题、86项整改任务，制定整改措施217条。截至2024年6月末，已完成整改问题19个，4个问题正在推进。",
    want: { issuer: "中共武汉市江汉区委员会", unit: "武汉市江汉区", unit_aliases: ["江汉区"], region: "江汉区", level: "county", inspection_kind: "巡察", team: "市委第四巡察组", round: "十四届市委第四轮", inspection_start: "2023-10-16", inspection_end: "2023-12-15", feedback_date: "2024-01-26", as_of_date: null },
    summary: { aspects: 4, problems: 23, tasks: 86, measures: 217, completed: 19, in_progress: 4 },
  },
  // 11
  {
    name: "a Shanghai new-area department (上海市浦东新区), 进行了反馈, “三张清单”, 将N个问题细化为N条整改措施, 截至…月底",
    text: "中共上海市浦东新区生态环境局党组关于区委巡察整改情况的通报\n按照区委巡察工作领导小组统一安排，2024年3月11日至5月10日，区委第二巡察组对区生态环境局党组开展了常规巡察，2024年6月7日进行了反馈。\n针对巡察反馈的问题，局党组建立问题清单、任务清单、责任清单“三张清单”，将15个问题细化为52条整改措施。截至2024年10月底，已完成整改13个，其余2个已取得阶段性成效，将持续推进。",
    want: { issuer: "中共上海市浦东新区生态环境局党组", unit: "上海市浦东新区生态环境局", unit_aliases: ["区生态环境局"], region: "上海市浦东新区", level: "county", inspection_kind: "巡察", team: "区委第二巡察组", inspection_start: "2024-03-11", inspection_end: "2024-05-10", feedback_date: "2024-06-07", as_of_date: null },
    summary: { problems: 15, measures: 52, completed: 13, in_progress: 2 },
  },
  // 12
  {
    name: "a county committee inspected by 市委 across the new year, N个方面N个问题N项任务, N个问题中已完成整改N个、基本完成N个; N项任务已完成N项",
    text: "中共西平县委员会关于市委第二巡察组巡察反馈意见整改进展情况的通报\n根据市委统一部署，2023年11月6日至2024年1月12日，市委第二巡察组对西平县进行了常规巡察，2024年3月22日向西平县委反馈了巡察意见。\n县委对照市委巡察反馈的5个方面26个问题91项任务，逐项制定整改措施，明确牵头县级领导和责任单位。截至2024年8月31日，26个问题中已完成整改21个、基本完成5个；91项任务已完成83项。",
    want: { issuer: "中共西平县委员会", unit: "西平县", unit_aliases: [], region: "西平县", level: "county", inspection_kind: "巡察", team: "市委第二巡察组", inspection_start: "2023-11-06", inspection_end: "2024-01-12", feedback_date: "2024-03-22", as_of_date: "2024-08-31" },
    summary: { aspects: 5, problems: 26, tasks: 91, completed: 21, in_progress: 5, tasks_completed: 83 },
  },
  // 13
  {
    name: "a county department in a 市县联动巡察, （其中共性问题N个，个性问题N个）, 立行立改 is no status, 剩余N个正在按计划推进, 整改率",
    text: "中共卢氏县教育体育局党组关于市县巡察联动整改情况的通报\n根据市委巡察工作领导小组统一部署，2024年5月13日至7月5日，县委第一巡察组对县教体局党组开展了市县联动巡察，重点围绕校园餐管理等开展监督。8月2日，巡察组向县教体局党组反馈了巡察意见。\n巡察反馈问题21个（其中共性问题6个，个性问题15个），局党组制定整改措施68条，其中能够立即解决的9个问题坚持立行立改。截至2024年11月15日，已整改到位19个，剩余2个正在按计划推进，整改率90.5%。",
    want: { issuer: "中共卢氏县教育体育局党组", unit: "卢氏县教育体育局", unit_aliases: ["县教体局"], region: "卢氏县", level: "county", inspection_kind: "巡察", team: "县委第一巡察组", inspection_start: "2024-05-13", inspection_end: "2024-07-05", feedback_date: "2024-08-02", as_of_date: "2024-11-15" },
    summary: { problems: 21, measures: 68, completed: 19, in_progress: 2, completion_rate: 0.905 },
  },
  // 14
  {
    name: "a city hospital's 报告 (关于落实…反馈意见整改情况的报告), 党委 without 中共, 我院, 报告如下, 建立健全制度N项, 剩余N个长期坚持",
    text: "南阳市第一人民医院党委关于落实市委巡察反馈意见整改情况的报告\n市委第六巡察组于2024年4月15日至6月14日对我院党委开展了常规巡察，并于7月12日向医院党委反馈了巡察意见。现将整改情况报告如下：\n巡察反馈问题共计4个方面、20个具体问题，医院党委制定整改措施89条、建立健全制度22项。截至2024年10月20日，20个问题已整改到位17个，剩余3个长期坚持、持续整改。",
    want: { title: "南阳市第一人民医院党委关于落实市委巡察反馈意见整改情况的报告", issuer: "南阳市第一人民医院党委", unit: "南阳市第一人民医院", region: "南阳市", level: "municipal", inspection_kind: "巡察", team: "市委第六巡察组", inspection_start: "2024-04-15", inspection_end: "2024-06-14", feedback_date: "2024-07-12", as_of_date: "2024-10-20" },
    summary: { aspects: 4, problems: 20, measures: 89, rules: 22, completed: 17, long_term: 3 },
  },
  // 15
  {
    name: "a provincial university after a 选人用人专项巡视 (a 巡视), 整改任务N项、整改措施N条, N项整改任务已全部完成 counts tasks",
    text: "中共河南理工大学委员会关于省委选人用人专项巡视整改情况的通报\n根据省委统一部署，2022年10月10日至11月25日，省委第十三巡视组对河南理工大学党委开展了选人用人专项巡视，并于2023年1月6日反馈了专项巡视意见。\n学校党委对照反馈的3个方面9个问题，梳理出整改任务36项、整改措施102条。截至2023年6月30日，36项整改任务已全部完成。",
    want: { issuer: "中共河南理工大学委员会", unit: "河南理工大学", level: "provincial", inspection_kind: "巡视", team: "省委第十三巡视组", inspection_start: "2022-10-10", inspection_end: "2022-11-25", feedback_date: "2023-01-06", as_of_date: "2023-06-30" },
    summary: { aspects: 3, problems: 9, tasks: 36, measures: 102, tasks_completed: 36 },
  },
  // 16
  {
    name: "a town under a numberless 县委机动巡察组 (…于D至D对…), feedback 同年11月 (no day), 目前 (no as-of date), N个问题均已整改完成",
    text: "中共淅川县上集镇委员会关于县委机动巡察整改情况的通报\n根据县委统一部署，县委机动巡察组于2024年9月9日至10月18日对上集镇党委开展了机动巡察，重点监督高标准农田建设等工作。同年11月，巡察组向镇党委反馈了巡察意见。\n镇党委对照巡察反馈的2个方面8个问题，列出问题清单、任务清单、责任清单，逐条制定整改措施。目前，8个问题均已整改完成。",
    want: { issuer: "中共淅川县上集镇委员会", unit: "淅川县上集镇", unit_aliases: ["上集镇"], region: "淅川县", level: "township", inspection_kind: "巡察", team: "县委机动巡察组", inspection_start: "2024-09-09", inspection_end: "2024-10-18", feedback_date: null, as_of_date: null },
    summary: { aspects: 2, problems: 8, completed: 8 },
  },
  // 17
  {
    name: "a street 党工委 without 中共 or city, Chinese-numeral dates with the year left off and 同年七月五日, Chinese-numeral totals, 截至八月末",
    text: "历下区甸柳新村街道党工委关于区委巡察整改进展情况的通报\n根据区委统一部署，二〇二四年四月八日至五月三十一日，区委第三巡察组对甸柳新村街道党工委进行了常规巡察，并于同年七月五日反馈了巡察意见。\n街道党工委对反馈的十二个问题照单全收，制定整改措施四十一条。截至八月末，已完成整改十个，其余两个正在加紧推进。",
    want: { issuer: "历下区甸柳新村街道党工委", unit: "历下区甸柳新村街道", unit_aliases: ["甸柳新村街道"], region: "历下区", level: "township", inspection_kind: "巡察", team: "区委第三巡察组", inspection_start: "2024-04-08", inspection_end: "2024-05-31", feedback_date: "2024-07-05", as_of_date: null },
    summary: { problems: 12, measures: 41, completed: 10, in_progress: 2 },
  },
  // 18
  {
    name: "a village 党支部 without 中共, 村级巡察 with 到, N个问题已全部整改到位, 退还村民多收的水费N万元",
    text: "内乡县赤眉镇黄营村党支部关于县委巡察整改情况的通报\n根据县委统一部署，县委第五巡察组于2024年10月14日到11月8日对黄营村开展了村级巡察，11月22日向村党支部反馈了巡察意见。\n巡察反馈问题6个，主要集中在村级财务管理、集体资产资源管理等方面。村党支部召开专题会议研究整改，截至2024年12月31日，6个问题已全部整改到位，退还村民多收的水费1.26万元。",
    want: { issuer: "内乡县赤眉镇黄营村党支部", unit: "内乡县赤眉镇黄营村", unit_aliases: ["黄营村"], region: "赤眉镇", level: "township", inspection_kind: "巡察", team: "县委第五巡察组", inspection_start: "2024-10-14", inspection_end: "2024-11-08", feedback_date: "2024-11-22", as_of_date: "2024-12-31" },
    summary: { problems: 6, completed: 6, money_recovered: 12600 },
  },
  // 19
  {
    name: "a community 党总支 without 中共 under a 巡察“回头看”, 反馈了意见, （含上轮巡察未整改到位问题N个）, 剩余N个需长期坚持",
    text: "宜昌市西陵区夜明珠街道东湖社区党总支关于区委巡察“回头看”整改情况的通报\n根据区委统一部署，2024年5月20日至6月21日，区委第二巡察组对东湖社区党总支开展了巡察“回头看”，重点检查上轮巡察反馈问题整改情况，于7月10日反馈了意见。\n对照反馈的9个问题（含上轮巡察未整改到位问题4个），社区党总支建立整改台账，明确整改措施28条。截至2024年9月20日，已完成整改8个，剩余1个需长期坚持。",
    want: { issuer: "宜昌市西陵区夜明珠街道东湖社区党总支", unit: "宜昌市西陵区夜明珠街道东湖社区", unit_aliases: ["东湖社区"], region: "夜明珠街道", level: "township", inspection_kind: "巡察", team: "区委第二巡察组", inspection_start: "2024-05-20", inspection_end: "2024-06-21", feedback_date: "2024-07-10", as_of_date: "2024-09-20" },
    summary: { problems: 9, measures: 28, completed: 8, long_term: 1 },
  },
  // 20
  {
    name: "a development zone 党工委 with （以下简称“经开区党工委”）, totals after an organizational paragraph, 持续推进N个, 追缴拖欠土地出让金",
    text: "中共三门峡经济开发区党工委关于市委巡察整改情况的通报\n根据市委统一部署，市委第一巡察组于2023年9月18日至11月17日对三门峡经济开发区党工委（以下简称“经开区党工委”）开展了常规巡察，2024年1月9日反馈了巡察意见。\n经开区党工委坚持把巡察整改作为重要政治任务，成立整改工作领导小组，召开专题会议研究部署。\n对巡察反馈的3个方面17个问题，经开区党工委制定整改措施58条。截至2024年4月30日，已完成整改15个，持续推进2个，整改完成率88.2%；追缴拖欠土地出让金1862.5万元。",
    want: { issuer: "中共三门峡经济开发区党工委", unit: "三门峡经济开发区", unit_aliases: ["经开区"], inspection_kind: "巡察", team: "市委第一巡察组", inspection_start: "2023-09-18", inspection_end: "2023-11-17", feedback_date: "2024-01-09", as_of_date: "2024-04-30" },
    summary: { aspects: 3, problems: 17, measures: 58, completed: 15, in_progress: 2, completion_rate: 0.882, money_recovered: 18625000 },
  },
  // 21
  {
    name: "a city unit led by the 市直机关工委 (支部委员会 issuer), 反馈意见指出问题N个，提出意见建议N条, 完成整改N个",
    text: "中共开封市档案馆支部委员会关于市委巡察整改情况的通报\n根据市委统一部署，2024年4月1日至5月17日，市委第五巡察组对市档案馆党支部开展了常规巡察，2024年6月18日向市档案馆党支部反馈了巡察意见。\n收到反馈意见后，馆党支部在市直机关工委指导下，召开支部委员会会议专题研究，逐条制定整改方案。反馈意见指出问题10个，提出意见建议3条，馆党支部制定整改措施31条。截至2024年9月30日，完成整改9个，1个正在整改。",
    want: { issuer: "中共开封市档案馆支部委员会", unit: "开封市档案馆", unit_aliases: ["市档案馆"], region: "开封市", level: "municipal", inspection_kind: "巡察", team: "市委第五巡察组", inspection_start: "2024-04-01", inspection_end: "2024-05-17", feedback_date: "2024-06-18", as_of_date: "2024-09-30" },
    summary: { problems: 10, suggestions: 3, measures: 31, completed: 9, in_progress: 1 },
  },
  // 22
  {
    name: "a county department under a cross inspection by another county-level city's team (邓州市委第二巡察组): the region is the inspected county; totals over two sentences",
    text: "中共新野县司法局党组关于交叉巡察反馈意见整改情况的通报\n按照市委巡察工作领导小组关于县区交叉巡察的安排，2024年4月8日至5月31日，邓州市委第二巡察组对新野县司法局党组开展了交叉巡察。7月5日，巡察组向县司法局党组反馈了巡察意见。\n巡察组共反馈问题11个。对照反馈问题，局党组制定整改措施47条，明确责任领导和责任人。截至2024年9月27日，已完成整改9个，另有2个问题属长期性工作，需长期坚持。",
    want: { issuer: "中共新野县司法局党组", unit: "新野县司法局", unit_aliases: ["县司法局"], region: "新野县", level: "county", inspection_kind: "巡察", team: "邓州市委第二巡察组", inspection_start: "2024-04-08", inspection_end: "2024-05-31", feedback_date: "2024-07-05", as_of_date: "2024-09-27" },
    summary: { problems: 11, measures: 47, completed: 9, long_term: 2 },
  },
  // 23
  {
    name: "a city high school, feedback 于次年1月19日, 巡察共反馈问题N个，涉及N个方面, 清退违规收取的补课费用, 对N人进行了批评教育",
    text: "中共濮阳市第一高级中学委员会关于市委巡察整改情况的通报\n根据市委统一部署，2023年10月23日至12月22日，市委第四巡察组对市一高党委开展了常规巡察，并于次年1月19日反馈了巡察意见。\n巡察共反馈问题19个，涉及4个方面。学校党委制定整改措施62条。截至2024年5月31日，19个问题已整改完成17个，阶段性完成2个；清退违规收取的补课费用8.64万元，对3人进行了批评教育。",
    want: { issuer: "中共濮阳市第一高级中学委员会", unit: "濮阳市第一高级中学", unit_aliases: ["市一高"], region: "濮阳市", level: "municipal", inspection_kind: "巡察", team: "市委第四巡察组", inspection_start: "2023-10-23", inspection_end: "2023-12-22", feedback_date: "2024-01-19", as_of_date: "2024-05-31" },
    summary: { aspects: 4, problems: 19, measures: 62, completed: 17, in_progress: 2, money_recovered: 86400, people_admonished: 3 },
  },
  // 24
  {
    name: "a provincial bureau under a 机动巡视, the totals inside the feedback sentence (指出了N个方面N个问题，提出了N条意见建议), N个问题中N个已整改到位",
    text: "中共湖南省林业局党组关于省委机动巡视整改情况的通报\n根据省委统一部署，2023年8月21日至9月22日，省委第二巡视组对省林业局党组开展了机动巡视。10月30日，省委巡视组向省林业局党组反馈了巡视意见，指出了3个方面10个问题，提出了4条意见建议。\n省林业局党组逐项制定整改任务清单，细化整改措施53项。截至2024年1月31日，10个问题中8个已整改到位，2个取得阶段性成效。",
    want: { issuer: "中共湖南省林业局党组", unit: "湖南省林业局", unit_aliases: ["省林业局"], region: "湖南省", level: "provincial", inspection_kind: "巡视", team: "省委第二巡视组", inspection_start: "2023-08-21", inspection_end: "2023-09-22", feedback_date: "2023-10-30", as_of_date: "2024-01-31" },
    summary: { aspects: 3, problems: 10, suggestions: 4, measures: 53, completed: 8, in_progress: 2 },
  },
  // 25
  {
    name: "a round digest by a district 巡察办: no single unit (区委3个巡察组 over 9家单位, the first one named), 7月上旬分别反馈, round totals with money and people",
    text: "中共郑州市管城回族区委巡察工作领导小组办公室关于十届区委第六轮巡察集中整改情况的通报\n根据区委统一部署，2024年3月25日至5月24日，区委3个巡察组对区发展和改革委员会、区财政局等9家单位党组织开展了常规巡察，并于7月上旬分别反馈了巡察意见。\n截至2024年10月31日，9家被巡察单位共收到反馈问题156个，已完成整改139个，正在整改17个，整改完成率89.1%；共清退、追缴各类资金68.73万元，谈话提醒、批评教育35人，组织处理4人，党纪政务处分2人。",
    want: { issuer: "中共郑州市管城回族区委巡察工作领导小组办公室", unit: null, unit_aliases: [], region: "管城回族区", level: "county", inspection_kind: "巡察", team: "区委3个巡察组", round: "十届区委第六轮", inspection_start: "2024-03-25", inspection_end: "2024-05-24", feedback_date: null, as_of_date: "2024-10-31" },
    summary: { teams: 3, units_inspected: 9, problems: 156, completed: 139, in_progress: 17, completion_rate: 0.891, money_recovered: 687300, people_admonished: 35, people_organizational: 4, people_disciplined: 2 },
  },
  // 26
  {
    name: "a provincial bank 党委 (no 中共), the inspection as 于D进驻…，至D完成巡视工作, N项整改措施已完成N项",
    text: "中原银行股份有限公司党委关于省委巡视整改进展情况的通报\n根据省委统一部署，省委第八巡视组于2023年4月10日进驻中原银行，至6月9日完成巡视工作，7月28日向中原银行党委反馈了巡视意见。\n行党委对巡视反馈的4个方面15个问题，细化为整改措施119项。截至2023年12月31日，119项整改措施已完成111项，其余8项按计划推进。",
    want: { issuer: "中原银行股份有限公司党委", unit: "中原银行股份有限公司", unit_aliases: ["中原银行"], level: "provincial", inspection_kind: "巡视", team: "省委第八巡视组", inspection_start: "2023-04-10", inspection_end: "2023-06-09", feedback_date: "2023-07-28", as_of_date: "2023-12-31" },
    summary: { aspects: 4, problems: 15, measures: 119, measures_completed: 111 },
  },
  // 27
  {
    name: "a town saying 我镇, 召开反馈会, 建立问题、任务、责任“三个清单”, 共梳理问题N个, 截至目前, N个长期坚持",
    text: "中共确山县竹沟镇委员会关于县委巡察整改情况的通报\n按照县委巡察工作安排，县委第二巡察组于2024年3月18日至4月30日对我镇进行了常规巡察，并于6月3日召开反馈会，向我镇党委反馈了巡察意见。\n我镇党委对照反馈意见，建立问题、任务、责任“三个清单”，共梳理问题11个、制定整改措施39条。截至目前，已完成整改10个，1个长期坚持。",
    want: { issuer: "中共确山县竹沟镇委员会", unit: "确山县竹沟镇", region: "确山县", level: "township", inspection_kind: "巡察", team: "县委第二巡察组", inspection_start: "2024-03-18", inspection_end: "2024-04-30", feedback_date: "2024-06-03", as_of_date: null },
    summary: { problems: 11, measures: 39, completed: 10, long_term: 1 },
  },
  // 28
  {
    name: "a county-level city's police bureau (汝州市), 自D起…为期两个月 (no end date), 梳理出具体问题N个, N个问题正在整改中",
    text: "中共汝州市公安局委员会关于市委巡察整改情况的通报\n根据市委统一部署，自2024年4月8日起，市委第一巡察组对市公安局党委开展了为期两个月的常规巡察，2024年7月16日反馈了巡察意见。\n市公安局党委对照巡察反馈的3个方面问题，梳理出具体问题25个，制定整改措施93条。截至2024年10月31日，25个问题已完成整改22个，3个问题正在整改中，完成率88%。",
    want: { issuer: "中共汝州市公安局委员会", unit: "汝州市公安局", unit_aliases: ["市公安局"], region: "汝州市", level: "county", inspection_kind: "巡察", team: "市委第一巡察组", inspection_start: "2024-04-08", inspection_end: null, feedback_date: "2024-07-16", as_of_date: "2024-10-31" },
    summary: { aspects: 3, problems: 25, measures: 93, completed: 22, in_progress: 3, completion_rate: 0.88 },
  },
  // 29
  {
    name: "only the short form 区委宣传部 (no area anywhere: region null), feedback 6月下旬, 问题N条 with 立行立改的N条, 阶段性完成N条",
    text: "区委宣传部关于区委巡察整改情况的通报\n根据区委统一部署，2024年4月15日至5月31日，区委第二巡察组对区委宣传部开展了常规巡察，6月下旬反馈了巡察意见。\n巡察共反馈问题14条，其中能够立行立改的5条已当即整改。截至2024年9月30日，已完成整改12条，阶段性完成2条，完成率85.7%。",
    want: { title: "区委宣传部关于区委巡察整改情况的通报", issuer: "区委宣传部", unit: "区委宣传部", region: null, level: "county", inspection_kind: "巡察", team: "区委第二巡察组", inspection_start: "2024-04-15", inspection_end: "2024-05-31", feedback_date: null, as_of_date: "2024-09-30" },
    summary: { problems: 14, completed: 12, in_progress: 2, completion_rate: 0.857 },
  },
  // 30
  {
    name: "a prefecture city committee, 巡视 with a 选人用人专项检查, 明确整改任务N项 then 已完成N项 in the next sentence, 巡视移交的N件问题线索, 追缴…亿元",
    text: "中共张家口市委关于省委第三巡视组巡视反馈意见整改落实情况的通报\n根据省委统一部署，2023年4月10日至6月9日，省委第三巡视组对张家口市开展了常规巡视，并同步开展了选人用人专项检查。8月4日，省委第三巡视组向张家口市委反馈了巡视意见和选人用人专项检查情况。\n市委对巡视反馈的4个方面问题和选人用人专项检查发现的问题，制定整改方案，明确整改任务113项。截至2024年1月31日，已完成102项，其余11项正在持续推进；巡视移交的23件问题线索已办结21件，追缴违规资金1.06亿元，给予党纪政务处分17人。",
    want: { issuer: "中共张家口市委", unit: "张家口市", unit_aliases: [], region: "张家口市", level: "municipal", inspection_kind: "巡视", team: "省委第三巡视组", inspection_start: "2023-04-10", inspection_end: "2023-06-09", feedback_date: "2023-08-04", as_of_date: "2024-01-31" },
    summary: { aspects: 4, tasks: 113, tasks_completed: 102, clues_transferred: 23, money_recovered: 106000000, people_disciplined: 17 },
  },
];

runOpenings('openings battery 2', cases);
