// Openings of published bulletins, in wordings the project has not seen: every level (central
// ministries, SOEs and universities, provinces, cities, counties, townships, streets, villages,
// communities, hospitals, development zones), every issuer form, every kind of inspection, and the
// declared totals stated in the first paragraphs. Expected values written by hand from the text;
// `it.fails` marks a case the code misreads today (the comment names what is misread).
import { runOpenings, type OpeningCase } from './openings-cases.js';

const cases: OpeningCase[] = [
  // 1
  {
    name: "central ministry 党组, round in the title, month-only range across years, hierarchy of totals",
    text: "中共国家林业和草原局党组关于二十届中央第二轮巡视整改进展情况的通报\n根据党中央统一部署，2023年10月至2024年1月，中央第十一巡视组对国家林业和草原局党组进行了常规巡视，并于2024年4月19日反馈了巡视意见。按照巡视工作有关要求，现将巡视整改进展情况予以公布。\n国家林草局党组对照中央巡视反馈的3个方面问题，细化形成具体问题18个、整改任务54项、整改措施162条。截至2024年10月31日，18个具体问题中已完成整改15个，正在整改3个；建立完善制度37项。",
    want: { title: "中共国家林业和草原局党组关于二十届中央第二轮巡视整改进展情况的通报", issuer: "中共国家林业和草原局党组", unit: "国家林业和草原局", unit_aliases: ["国家林草局"], region: null, level: "central", inspection_kind: "巡视", team: "中央第十一巡视组", round: "二十届中央第二轮", inspection_start: null, inspection_end: null, feedback_date: "2024-04-19", as_of_date: "2024-10-31" },
    summary: { aspects: 3, problems: 18, tasks: 54, measures: 162, completed: 15, in_progress: 3, rules: 37 },
  },
  // 2
  {
    name: "central SOE 党组 without 中共, year-less feedback after a month-only range, money in 亿元 and people",
    text: "中国华能集团有限公司党组关于巡视整改进展情况的通报\n根据中央统一部署，2023年4月至6月，中央第三巡视组对中国华能集团有限公司党组进行了常规巡视，9月8日反馈了巡视意见。集团公司党组对巡视反馈的4个方面26个问题，细化为97项整改任务。截至2024年3月31日，26个问题已完成整改22个，4个问题需长期坚持。累计追回资金2.35亿元，给予党纪政务处分23人，组织处理41人。",
    want: { issuer: "中国华能集团有限公司党组", unit: "中国华能集团有限公司", region: null, level: "central", inspection_kind: "巡视", team: "中央第三巡视组", inspection_start: null, inspection_end: null, feedback_date: "2023-09-08", as_of_date: "2024-03-31" },
    summary: { aspects: 4, problems: 26, tasks: 97, completed: 22, long_term: 4, money_recovered: 235000000, people_disciplined: 23, people_organizational: 41 },
  },
  // 3
  {
    name: "central university 委员会, 中旬/上旬 range (no day-precise dates), problems and tasks completed kept apart",
    text: "中共华中农业大学委员会关于二十届中央第三轮巡视整改进展情况的通报\n根据中央统一部署，2024年4月中旬至7月上旬，中央第九巡视组对华中农业大学党委进行了常规巡视。2024年8月30日，中央巡视组向学校党委反馈了巡视意见。\n学校党委对照巡视反馈意见，梳理出3个方面18个具体问题，细化整改任务46项，制定整改措施158条。截至2024年12月31日，18个具体问题已完成整改15个，整改任务已完成41项，其余任务持续推进。",
    want: { issuer: "中共华中农业大学委员会", unit: "华中农业大学", level: "central", inspection_kind: "巡视", team: "中央第九巡视组", round: "二十届中央第三轮", inspection_start: null, inspection_end: null, feedback_date: "2024-08-30", as_of_date: "2024-12-31" },
    summary: { aspects: 3, problems: 18, tasks: 46, measures: 158, completed: 15, tasks_completed: 41 },
  },
  // 4
  {
    name: "a province committee (中共甘肃省委) inspected by the centre, 截至…月底 is no day-precise as-of date",
    text: "中共甘肃省委关于十九届中央第七轮巡视整改进展情况的通报\n根据党中央统一部署，2021年4月12日至5月31日，中央第十一巡视组对甘肃省进行了常规巡视，并于2021年8月27日向甘肃省委反馈了巡视意见。\n省委对中央巡视反馈的5个方面22个问题，细化为143项整改任务。截至2022年2月底，已完成整改任务128项，其余正在推进中。",
    want: { issuer: "中共甘肃省委", unit: "甘肃省", unit_aliases: [], region: "甘肃省", level: "provincial", inspection_kind: "巡视", team: "中央第十一巡视组", round: "十九届中央第七轮", inspection_start: "2021-04-12", inspection_end: "2021-05-31", feedback_date: "2021-08-27", as_of_date: null },
    summary: { aspects: 5, problems: 22, tasks: 143, tasks_completed: 128 },
  },
  // 5
  {
    name: "a provincial department inspected by 省委, em-dash range, feedback in the next year, 正在按序时推进, 完成率",
    text: "中共江西省交通运输厅党组关于省委巡视整改进展情况的通报\n根据省委统一部署，2023年9月4日—11月10日，省委第七巡视组对省交通运输厅党组开展了常规巡视，并于2024年1月18日反馈了巡视意见。\n巡视反馈意见共3个方面15个问题，厅党组制定整改措施72条。截至2024年6月30日，15个问题已完成整改12个，3个问题正在按序时推进，整改完成率80%。",
    want: { unit: "江西省交通运输厅", unit_aliases: ["省交通运输厅"], region: "江西省", level: "provincial", inspection_kind: "巡视", team: "省委第七巡视组", inspection_start: "2023-09-04", inspection_end: "2023-11-10", feedback_date: "2024-01-18", as_of_date: "2024-06-30" },
    summary: { aspects: 3, problems: 15, measures: 72, completed: 12, in_progress: 3, completion_rate: 0.8 },
  },
  // 6
  {
    name: "a provincial hospital inspected by a department 党组 team (省卫健委党组第二巡察组), 已整改到位N条, 持续整改N条",
    text: "中共湖北省肿瘤医院委员会关于巡察整改进展情况的通报\n根据省卫健委党组统一部署，2024年3月11日至4月30日，省卫健委党组第二巡察组对湖北省肿瘤医院党委进行了常规巡察。6月14日，巡察组向医院党委反馈了巡察意见。\n巡察反馈问题4个方面21条，医院党委制定整改措施86项。截至2024年9月30日，已整改到位19条，持续整改2条。",
    want: { issuer: "中共湖北省肿瘤医院委员会", unit: "湖北省肿瘤医院", region: "湖北省", level: "provincial", inspection_kind: "巡察", team: "省卫健委党组第二巡察组", inspection_start: "2024-03-11", inspection_end: "2024-04-30", feedback_date: "2024-06-14", as_of_date: "2024-09-30" },
    summary: { aspects: 4, problems: 21, measures: 86, completed: 19, long_term: 2 },
  },
  // 7
  {
    name: "a prefecture city committee inspected by 省委, 截至目前 gives no as-of date",
    text: "中共信阳市委关于省委第四巡视组巡视反馈意见整改进展情况的通报\n根据省委统一部署，2023年3月8日至5月8日，省委第四巡视组对信阳市进行了常规巡视，6月30日向信阳市委反馈了巡视意见。市委召开常委会会议9次研究部署整改工作。\n省委巡视组反馈的4个方面问题，市委细化为63项整改任务、218条整改措施。截至目前，已完成整改任务55项，8项正在推进。",
    want: { issuer: "中共信阳市委", unit: "信阳市", unit_aliases: [], region: "信阳市", level: "municipal", inspection_kind: "巡视", team: "省委第四巡视组", round: null, inspection_start: "2023-03-08", inspection_end: "2023-05-08", feedback_date: "2023-06-30", as_of_date: null },
    summary: { aspects: 4, tasks: 63, measures: 218 },
  },
  // 8
  {
    name: "a city department, 十二届市委第三轮 in title and opening, feedback as 进行了集中反馈, all problems done",
    text: "中共许昌市财政局党组关于十二届市委第三轮巡察整改进展情况的通报\n根据十二届市委第三轮巡察工作统一部署，2024年4月8日至5月31日，市委第一巡察组对许昌市财政局党组开展了常规巡察，6月27日进行了集中反馈。市财政局党组高度重视，对巡察反馈的3个方面12个问题，逐项制定整改措施41条。截至2024年9月30日，12个问题已全部完成整改。",
    want: { issuer: "中共许昌市财政局党组", unit: "许昌市财政局", unit_aliases: ["市财政局"], region: "许昌市", level: "municipal", inspection_kind: "巡察", team: "市委第一巡察组", round: "十二届市委第三轮", inspection_start: "2024-04-08", inspection_end: "2024-05-31", feedback_date: "2024-06-27", as_of_date: "2024-09-30" },
    summary: { aspects: 3, problems: 12, measures: 41, completed: 12 },
  },
  // 9
  {
    name: "a city unit under 机动巡察, feedback only 7月下旬 (no date), 反馈问题N个方面N项",
    text: "中共濮阳市住房公积金管理中心党组关于市委机动巡察反馈意见整改情况的通报\n根据市委统一部署，2024年6月3日至6月28日，市委第五巡察组对濮阳市住房公积金管理中心党组开展了机动巡察，7月下旬反馈了巡察意见。\n巡察反馈问题3个方面9项，已完成整改7项，基本完成2项。",
    want: { unit: "濮阳市住房公积金管理中心", region: "濮阳市", level: "municipal", inspection_kind: "巡察", team: "市委第五巡察组", inspection_start: "2024-06-03", inspection_end: "2024-06-28", feedback_date: null },
    summary: { aspects: 3, problems: 9, completed: 7, in_progress: 2 },
  },
  // 10
  {
    name: "a city SOE with （以下简称“城投集团党委”）, 清退违规发放津补贴 and 挽回经济损失N余万元",
    text: "中共襄阳市城市建设投资集团有限公司委员会关于市委巡察反馈意见整改进展情况的通报\n根据市委统一部署，2024年5月13日至7月12日，市委第六巡察组对襄阳市城市建设投资集团有限公司党委（以下简称“城投集团党委”）进行了常规巡察，2024年9月5日向城投集团党委反馈了巡察意见。\n巡察反馈问题24个，集团党委制定整改措施97条，建立完善制度18项。截至2024年12月20日，已完成整改21个，正在整改3个，整改完成率87.5%；清退违规发放津补贴36.82万元，挽回经济损失1200余万元。",
    want: { unit: "襄阳市城市建设投资集团有限公司", unit_aliases: ["城投集团"], region: "襄阳市", level: "municipal", team: "市委第六巡察组", inspection_start: "2024-05-13", inspection_end: "2024-07-12", feedback_date: "2024-09-05", as_of_date: "2024-12-20" },
    summary: { problems: 24, measures: 97, rules: 18, completed: 21, in_progress: 3, completion_rate: 0.875, money_recovered: 12368200 },
  },
  // 11
  {
    name: "a county-level city committee (林州市) inspected by its prefecture (安阳市委第二巡察组): county level",
    text: "中共林州市委员会关于安阳市委第二巡察组巡察反馈意见整改进展情况的通报\n根据安阳市委统一部署，2023年10月16日至12月22日，安阳市委第二巡察组对林州市进行了常规巡察，2024年3月1日向林州市委反馈了巡察意见。\n安阳市委巡察组反馈的3个方面13个问题，市委制定整改措施65条。截至2024年8月31日，已完成整改11个，2个问题正在序时推进。",
    want: { issuer: "中共林州市委员会", unit: "林州市", region: "林州市", level: "county", inspection_kind: "巡察", team: "安阳市委第二巡察组", inspection_start: "2023-10-16", inspection_end: "2023-12-22", feedback_date: "2024-03-01", as_of_date: "2024-08-31" },
    summary: { aspects: 3, problems: 13, measures: 65, completed: 11, in_progress: 2 },
  },
  // 12
  {
    name: "a county department, 十四届县委第五轮 in the title, a range with — and the year repeated",
    text: "中共西峡县人力资源和社会保障局党组关于十四届县委第五轮巡察整改进展情况的通报\n根据县委统一部署，2024年3月18日—2024年5月17日，县委第一巡察组对县人社局党组进行了常规巡察。2024年6月21日，县委第一巡察组向县人社局党组反馈了巡察意见。\n县委第一巡察组反馈问题4个方面16条，局党组制定整改措施58项。截至2024年9月20日，已完成整改14条，长期坚持2条。",
    want: { issuer: "中共西峡县人力资源和社会保障局党组", unit: "西峡县人力资源和社会保障局", unit_aliases: ["县人社局"], region: "西峡县", level: "county", inspection_kind: "巡察", team: "县委第一巡察组", round: "十四届县委第五轮", inspection_start: "2024-03-18", inspection_end: "2024-05-17", feedback_date: "2024-06-21", as_of_date: "2024-09-20" },
    summary: { aspects: 4, problems: 16, measures: 58, completed: 14, long_term: 2 },
  },
  // 13
  {
    name: "a county 专项巡察 over 2023年9月至11月 (no days), feedback 12月20日, 共分N个方面",
    text: "中共方城县农业农村局党组关于县委乡村振兴专项巡察反馈意见整改情况的通报\n根据县委统一部署，2023年9月至11月，县委第二专项巡察组对县农业农村局党组开展了乡村振兴领域专项巡察，12月20日反馈了巡察意见。巡察反馈问题共分3个方面11个问题，局党组制定整改措施37条，目前已整改到位9个，正在整改2个。",
    want: { unit: "方城县农业农村局", unit_aliases: ["县农业农村局"], region: "方城县", level: "county", inspection_kind: "巡察", team: "县委第二专项巡察组", inspection_start: null, inspection_end: null, feedback_date: "2023-12-20" },
    summary: { aspects: 3, problems: 11, measures: 37, completed: 9, in_progress: 2 },
  },
  // 14
  {
    name: "a village inspected by the county (提级巡察), 上旬/中旬 range, year-less feedback takes the year",
    text: "中共固始县陈淋子镇大桥村支部委员会关于县委提级巡察整改情况的通报\n按照县委巡察工作领导小组统一安排，2024年5月上旬至6月中旬，县委第三巡察组对大桥村党支部开展了提级巡察，7月9日反馈了巡察意见。巡察反馈问题10个，村党支部制定整改措施26条，已完成整改8个，正在整改2个。",
    want: { issuer: "中共固始县陈淋子镇大桥村支部委员会", unit: "固始县陈淋子镇大桥村", unit_aliases: ["大桥村"], region: "陈淋子镇", level: "township", inspection_kind: "巡察", team: "县委第三巡察组", inspection_start: null, inspection_end: null, feedback_date: "2024-07-09" },
    summary: { problems: 10, measures: 26, completed: 8, in_progress: 2 },
  },
  // 15
  {
    name: "a township under a county 交叉巡察 team, as-of date without a year",
    text: "中共南召县云阳镇委员会关于县委第四交叉巡察组巡察反馈意见整改情况的通报\n根据县委统一部署，2024年4月8日至5月20日，县委第四交叉巡察组对云阳镇党委开展了交叉巡察。2024年6月12日，巡察组向云阳镇党委反馈了巡察意见。\n巡察反馈问题3个方面17个，镇党委制定整改措施51条，截至8月31日，已完成整改15个，需长期坚持2个。",
    want: { issuer: "中共南召县云阳镇委员会", unit: "南召县云阳镇", unit_aliases: ["云阳镇"], region: "南召县", level: "township", inspection_kind: "巡察", team: "县委第四交叉巡察组", inspection_start: "2024-04-08", inspection_end: "2024-05-20", feedback_date: "2024-06-12", as_of_date: "2024-08-31" },
    summary: { aspects: 3, problems: 17, measures: 51, completed: 15, long_term: 2 },
  },
  // 16
  {
    name: "巡察“回头看” of a county department, range within one month",
    text: "中共内乡县市场监督管理局党组关于县委巡察“回头看”整改情况的通报\n根据县委统一部署，2024年3月4日至3月29日，县委第三巡察组对县市场监管局党组开展了巡察“回头看”，并于4月18日反馈了巡察“回头看”意见。\n巡察“回头看”反馈问题8个，其中上轮巡察整改不到位问题3个、新发现问题5个。局党组制定整改措施30条，已完成整改6个，2个正在整改中。",
    want: { unit: "内乡县市场监督管理局", unit_aliases: ["县市场监管局"], region: "内乡县", level: "county", inspection_kind: "巡察", team: "县委第三巡察组", inspection_start: "2024-03-04", inspection_end: "2024-03-29", feedback_date: "2024-04-18" },
    summary: { problems: 8, measures: 30, completed: 6, in_progress: 2 },
  },
  // 17
  {
    name: "a county hospital, a range across the new year, year-less feedback (将巡察意见反馈给…) in the later year",
    text: "中共新蔡县人民医院委员会关于县委巡察整改情况的通报\n根据县委统一部署，2023年11月6日至2024年1月5日，县委第六巡察组对县人民医院党委进行了常规巡察，于3月12日将巡察意见反馈给医院党委。\n县委第六巡察组共反馈问题5个方面23项，医院党委研究制定整改措施92条。截至2024年6月30日，23项问题已完成整改20项，剩余3项正在整改。",
    want: { issuer: "中共新蔡县人民医院委员会", unit: "新蔡县人民医院", region: "新蔡县", level: "county", inspection_kind: "巡察", team: "县委第六巡察组", inspection_start: "2023-11-06", inspection_end: "2024-01-05", feedback_date: "2024-03-12", as_of_date: "2024-06-30" },
    summary: { aspects: 5, problems: 23, measures: 92, completed: 20, in_progress: 3 },
  },
  // 18
  {
    name: "a township saying 我镇, the year only in 2024年度…计划, feedback 6月中旬 (no date), 完成率 and 剩余N个问题正在推进",
    text: "中共鲁山县张良镇委员会关于县委第五巡察组巡察反馈意见整改进展情况的通报\n按照2024年度县委巡察工作计划安排，3月25日至5月10日，县委第五巡察组对我镇党委开展了常规巡察，并于6月中旬反馈了巡察意见。\n针对巡察反馈的4个方面20个问题，镇党委制定整改措施66条，明确责任领导和完成时限。截至2024年10月15日，已完成整改18个，完成率90%，剩余2个问题正在推进。",
    want: { issuer: "中共鲁山县张良镇委员会", unit: "鲁山县张良镇", region: "鲁山县", level: "township", inspection_kind: "巡察", team: "县委第五巡察组", inspection_start: "2024-03-25", inspection_end: "2024-05-10", feedback_date: null, as_of_date: "2024-10-15" },
    summary: { aspects: 4, problems: 20, measures: 66, completed: 18, in_progress: 2, completion_rate: 0.9 },
  },
  // 19
  {
    name: "a street 党工委 in a city district, money and 诫勉谈话, 截至…月底",
    text: "中共宁波市海曙区南门街道党工委关于区委巡察整改情况的通报\n根据区委统一部署，2023年10月9日至11月24日，区委第一巡察组对南门街道党工委进行了常规巡察，12月28日反馈了巡察意见。\n区委巡察组共反馈问题15个，街道党工委制定整改措施55条。截至2024年3月底，已完成整改13个，基本完成2个。清退违规资金8.6万元，给予诫勉谈话2人。",
    want: { issuer: "中共宁波市海曙区南门街道党工委", unit: "宁波市海曙区南门街道", unit_aliases: ["南门街道"], region: "海曙区", level: "township", inspection_kind: "巡察", team: "区委第一巡察组", inspection_start: "2023-10-09", inspection_end: "2023-11-24", feedback_date: "2023-12-28", as_of_date: null },
    summary: { problems: 15, measures: 55, completed: 13, in_progress: 2, money_recovered: 86000, people_admonished: 2 },
  },
  // 20
  {
    name: "a development zone working committee (开发区工作委员会) inspected by 市委",
    text: "中共许昌经济技术开发区工作委员会关于市委巡察整改进展情况的通报\n根据市委统一部署，2024年4月15日至6月14日，市委第三巡察组对许昌经济技术开发区党工委进行了常规巡察，2024年7月26日反馈了巡察意见。\n巡察组反馈的4个方面19个问题，开发区党工委制定整改措施74条。截至2024年11月30日，已完成整改16个，正在整改3个。",
    want: { issuer: "中共许昌经济技术开发区工作委员会", unit: "许昌经济技术开发区", inspection_kind: "巡察", team: "市委第三巡察组", inspection_start: "2024-04-15", inspection_end: "2024-06-14", feedback_date: "2024-07-26", as_of_date: "2024-11-30" },
    summary: { aspects: 4, problems: 19, measures: 74, completed: 16, in_progress: 3 },
  },
  // 21
  {
    name: "a community 总支部委员会 under a street, 村（社区）巡察",
    text: "中共郑州市中原区林山寨街道建设路社区总支部委员会关于区委巡察整改情况的通报\n根据区委统一部署，2024年5月6日至6月14日，区委第三巡察组对建设路社区党总支开展了村（社区）巡察，7月5日反馈了巡察意见。巡察共反馈问题7个，社区党总支制定整改措施21条。",
    want: { issuer: "中共郑州市中原区林山寨街道建设路社区总支部委员会", unit: "郑州市中原区林山寨街道建设路社区", unit_aliases: ["建设路社区"], region: "林山寨街道", level: "township", inspection_kind: "巡察", team: "区委第三巡察组", inspection_start: "2024-05-06", inspection_end: "2024-06-14", feedback_date: "2024-07-05" },
    summary: { problems: 7, measures: 21 },
  },
  // 22
  {
    name: "a university inspected by 省委 (巡视), year repeated in the range, 同年 feedback, 已取得阶段性成效并持续推进",
    text: "中共郑州轻工业大学委员会关于省委第五巡视组巡视反馈意见整改进展情况的通报\n根据省委统一部署，2023年4月3日至2023年6月2日，省委第五巡视组对郑州轻工业大学党委进行了常规巡视，同年8月24日向学校党委反馈了巡视意见。\n学校党委对照反馈的4个方面问题，梳理出37个具体问题，制定142条整改措施。截至2023年12月31日，已完成整改33个，4个问题已取得阶段性成效并持续推进。",
    want: { issuer: "中共郑州轻工业大学委员会", unit: "郑州轻工业大学", level: "provincial", inspection_kind: "巡视", team: "省委第五巡视组", inspection_start: "2023-04-03", inspection_end: "2023-06-02", feedback_date: "2023-08-24", as_of_date: "2023-12-31" },
    summary: { aspects: 4, problems: 37, measures: 142, completed: 33, in_progress: 4 },
  },
  // 23
  {
    name: "a county school 党总支, feedback in the year after, 移交问题线索N件",
    text: "中共淮滨县第一中学党总支关于巡察整改情况的通报\n2024年10月14日至11月29日，县委第四巡察组对县一中党总支进行了常规巡察。2025年1月10日，县委巡察组向县一中党总支反馈了巡察意见。\n巡察反馈意见3个方面共14个问题，巡察组移交问题线索2件。截至2025年4月30日，14个问题中已整改到位12个，2个问题正在整改。",
    want: { issuer: "中共淮滨县第一中学党总支", unit: "淮滨县第一中学", unit_aliases: ["县一中"], region: "淮滨县", level: "county", inspection_kind: "巡察", team: "县委第四巡察组", inspection_start: "2024-10-14", inspection_end: "2024-11-29", feedback_date: "2025-01-10", as_of_date: "2025-04-30" },
    summary: { aspects: 3, problems: 14, completed: 12, in_progress: 2, clues_transferred: 2 },
  },
  // 24
  {
    name: "a district department, the inspection as 于D进驻…，D结束, 反馈问题涉及N个方面N个",
    text: "中共成都市武侯区民政局党组关于区委巡察整改进展情况的通报\n根据区委统一部署，区委第四巡察组于2023年5月8日进驻区民政局开展常规巡察，6月30日结束，并于2023年8月17日反馈了巡察意见。\n区委第四巡察组反馈问题涉及3个方面10个，局党组制定整改措施39条。截至2023年11月30日，10个问题已整改完成9个，1个问题正在整改。",
    want: { unit: "成都市武侯区民政局", unit_aliases: ["区民政局"], region: "武侯区", level: "county", inspection_kind: "巡察", team: "区委第四巡察组", inspection_start: "2023-05-08", inspection_end: "2023-06-30", feedback_date: "2023-08-17", as_of_date: "2023-11-30" },
    summary: { aspects: 3, problems: 10, measures: 39, completed: 9, in_progress: 1 },
  },
  // 25
  {
    name: "a Chongqing district committee inspected by 市委 (巡视): the district written with the city",
    text: "中共重庆市渝中区委员会关于市委第二巡视组巡视反馈意见整改进展情况的通报\n根据市委统一部署，2023年3月27日至5月26日，市委第二巡视组对渝中区进行了常规巡视，2023年7月7日向渝中区委反馈了巡视意见。\n市委第二巡视组反馈的3个方面15个问题，区委细化为68项整改任务，制定整改措施203条。截至2023年12月31日，68项整改任务已完成61项，其余7项长期坚持、久久为功。",
    want: { issuer: "中共重庆市渝中区委员会", unit: "重庆市渝中区", region: "重庆市渝中区", level: "county", inspection_kind: "巡视", team: "市委第二巡视组", inspection_start: "2023-03-27", inspection_end: "2023-05-26", feedback_date: "2023-07-07", as_of_date: "2023-12-31" },
    summary: { aspects: 3, problems: 15, tasks: 68, measures: 203, tasks_completed: 61, long_term: 7 },
  },
  // 26
  {
    name: "issuer 领导班子 without 中共, 县委第五轮 in the opening, 完成率 with two decimals",
    text: "兰考县财政局领导班子关于县委巡察反馈意见整改情况的通报\n根据县委第五轮巡察工作统一部署，2024年4月15日至6月14日，县委第二巡察组对县财政局领导班子及其成员开展了常规巡察，7月18日，巡察组向县财政局反馈了巡察意见。\n巡察反馈问题共11个，局领导班子制定整改措施34条，建立完善制度8项。截至2024年10月31日，已完成整改10个，正在整改1个，整改完成率90.91%。",
    want: { issuer: "兰考县财政局领导班子", unit: "兰考县财政局", unit_aliases: ["县财政局"], region: "兰考县", level: "county", inspection_kind: "巡察", team: "县委第二巡察组", round: "县委第五轮", inspection_start: "2024-04-15", inspection_end: "2024-06-14", feedback_date: "2024-07-18", as_of_date: "2024-10-31" },
    summary: { problems: 11, measures: 34, rules: 8, completed: 10, in_progress: 1, completion_rate: 0.9091 },
  },
  // 27
  {
    name: "no issuer in the title: the signature names it; its Chinese-numeral date is no publication date",
    text: "关于县委第一巡察组巡察反馈意见整改情况的通报\n根据县委统一部署，2024年4月10日至5月30日，县委第一巡察组对县统计局党组进行了常规巡察，7月3日向县统计局党组反馈了巡察意见。巡察组反馈的12个问题，截至目前已完成整改11个，1个正在按计划推进。",
    tail: "欢迎广大干部群众对巡察整改落实情况进行监督。\n中共桐柏县统计局党组\n二〇二四年十月十五日\n",
    want: { title: "关于县委第一巡察组巡察反馈意见整改情况的通报", issuer: "中共桐柏县统计局党组", unit: "桐柏县统计局", unit_aliases: ["县统计局"], region: "桐柏县", level: "county", inspection_kind: "巡察", team: "县委第一巡察组", inspection_start: "2024-04-10", inspection_end: "2024-05-30", feedback_date: "2024-07-03", as_of_date: null, published_date: null },
    summary: { problems: 12, completed: 11, in_progress: 1 },
  },
  // 28
  {
    name: "a township, Chinese-numeral dates across the new year and Chinese-numeral totals, 建章立制N项",
    text: "中共光山县泼陂河镇委员会关于县委巡察整改进展情况的通报\n根据县委统一部署，二〇二三年十一月二十日至二〇二四年一月十九日，县委第三巡察组对泼陂河镇党委进行了常规巡察，二〇二四年三月五日反馈了巡察意见。\n巡察组反馈的三个方面十五个问题，镇党委逐条制定整改措施四十二条，建章立制六项，截至目前，已完成整改十三个，长期坚持两个。",
    want: { issuer: "中共光山县泼陂河镇委员会", unit: "光山县泼陂河镇", region: "光山县", level: "township", inspection_kind: "巡察", team: "县委第三巡察组", inspection_start: "2023-11-20", inspection_end: "2024-01-19", feedback_date: "2024-03-05", as_of_date: null },
    summary: { aspects: 3, problems: 15, measures: 42, rules: 6, completed: 13, long_term: 2 },
  },
  // 29
  {
    name: "a county SOE, 反馈问题N大类N个, 追缴税款及滞纳金N万元 (4 decimals), 党纪处分",
    text: "中共固始县城市发展投资集团有限公司委员会关于县委巡察整改情况的通报\n根据县委统一部署，2024年9月2日至10月31日，县委第七巡察组对县城投集团党委开展了常规巡察，12月6日反馈了巡察意见。\n巡察反馈问题5大类18个，集团党委制定整改措施60项。截至2025年2月28日，已完成整改16个、正在整改2个；清退违规资金12.36万元，追缴税款及滞纳金5.0227万元，给予党纪处分1人、组织处理3人。",
    want: { issuer: "中共固始县城市发展投资集团有限公司委员会", unit: "固始县城市发展投资集团有限公司", unit_aliases: ["县城投集团"], region: "固始县", level: "county", inspection_kind: "巡察", team: "县委第七巡察组", inspection_start: "2024-09-02", inspection_end: "2024-10-31", feedback_date: "2024-12-06", as_of_date: "2025-02-28" },
    summary: { problems: 18, measures: 60, completed: 16, in_progress: 2, money_recovered: 173827, people_disciplined: 1, people_organizational: 3 },
  },
  // 30
  {
    name: "a central financial institution 党委 (no 中共), round in title, 追回资金N亿元, 问责干部N人, 发布时间 line",
    text: "中国农业发展银行党委关于十九届中央第九轮巡视整改进展情况的通报\n发布时间：2023-03-15 10:00\n根据中央统一部署，2022年4月12日至6月17日，中央第十二巡视组对中国农业发展银行党委开展了常规巡视。2022年8月30日，中央巡视组向中国农业发展银行党委反馈了巡视意见。\n总行党委对照中央巡视反馈的问题，制定整改措施311项。截至2023年2月28日，推动建立完善制度126项，追回资金46.7亿元，问责干部132人。",
    want: { title: "中国农业发展银行党委关于十九届中央第九轮巡视整改进展情况的通报", issuer: "中国农业发展银行党委", unit: "中国农业发展银行", region: null, level: "central", inspection_kind: "巡视", team: "中央第十二巡视组", round: "十九届中央第九轮", inspection_start: "2022-04-12", inspection_end: "2022-06-17", feedback_date: "2022-08-30", as_of_date: "2023-02-28", published_date: "2023-03-15" },
    summary: { measures: 311, rules: 126, money_recovered: 4670000000, people_accountable: 132 },
  },
  // 31
  {
    name: "a township (乡) in a one-character county, 下旬至上旬期间, feedback by 召开巡察反馈会议, 反馈的具体问题共N个",
    text: "中共息县路口乡委员会关于县委第二巡察组巡察反馈意见整改情况的通报\n2024年3月下旬至5月上旬期间，县委第二巡察组对路口乡党委进行了常规巡察，2024年6月5日召开巡察反馈会议。\n巡察组反馈的具体问题共13个，乡党委制定整改措施39条。截至7月底，已完成整改11个，剩余2个正在推进中。",
    want: { issuer: "中共息县路口乡委员会", unit: "息县路口乡", unit_aliases: ["路口乡"], region: "息县", level: "township", inspection_kind: "巡察", team: "县委第二巡察组", inspection_start: null, inspection_end: null, feedback_date: "2024-06-05", as_of_date: null },
    summary: { problems: 13, measures: 39, completed: 11, in_progress: 2 },
  },
  // 32
  {
    name: "a numberless 县委机动巡察组, ASCII hyphen range, 巡察共发现问题N个, 问题整改率",
    text: "中共沈丘县医疗保障局党组关于县委机动巡察反馈意见整改情况的通报\n根据县委统一部署，2024年8月19日-9月13日，县委机动巡察组对县医保局党组开展了机动巡察，10月9日反馈了巡察意见。巡察共发现问题6个，已完成整改4个，2个正在推进，问题整改率66.7%。",
    want: { unit: "沈丘县医疗保障局", unit_aliases: ["县医保局"], region: "沈丘县", level: "county", inspection_kind: "巡察", team: "县委机动巡察组", inspection_start: "2024-08-19", inspection_end: "2024-09-13", feedback_date: "2024-10-09" },
    summary: { problems: 6, completed: 4, in_progress: 2, completion_rate: 0.667 },
  },
  // 33
  {
    name: "a district 卫健委, 区委第三轮 in the title, 清退违规发放资金, 诫勉谈话N人 and 批评教育N人 listed apart",
    text: "中共许昌市建安区卫生健康委员会党组关于区委第三轮巡察整改进展情况的通报\n按照区委巡察工作统一部署，2024年4月1日至5月24日，区委第一巡察组对区卫健委党组进行了常规巡察，2024年6月28日向区卫健委党组反馈了巡察意见。\n巡察反馈问题4个方面19条，共制定整改措施78条。截至2024年11月30日，已完成整改17条，正在整改2条。清退违规发放资金3.2万元，诫勉谈话1人，批评教育4人。",
    want: { issuer: "中共许昌市建安区卫生健康委员会党组", unit: "许昌市建安区卫生健康委员会", unit_aliases: ["区卫健委"], region: "建安区", level: "county", inspection_kind: "巡察", team: "区委第一巡察组", round: "区委第三轮", inspection_start: "2024-04-01", inspection_end: "2024-05-24", feedback_date: "2024-06-28", as_of_date: "2024-11-30" },
    summary: { aspects: 4, problems: 19, measures: 78, completed: 17, in_progress: 2, money_recovered: 32000, people_admonished: 5 },
  },
  // 34
  {
    name: "a county 妇联, a range ending in a day only (3月4日至26日), Chinese-numeral totals after the aspects",
    text: "中共唐河县妇女联合会党组关于县委巡察整改情况的通报\n根据县委统一部署，2024年3月4日至26日，县委第六巡察组对县妇联党组进行了常规巡察，4月15日反馈了巡察意见。县委第六巡察组反馈问题三个方面九个，县妇联党组制定整改措施二十七条，已完成整改七个，正在整改两个。",
    want: { unit: "唐河县妇女联合会", unit_aliases: ["县妇联"], region: "唐河县", level: "county", inspection_kind: "巡察", team: "县委第六巡察组", inspection_start: "2024-03-04", inspection_end: "2024-03-26", feedback_date: "2024-04-15" },
    summary: { aspects: 3, problems: 9, measures: 27, completed: 7, in_progress: 2 },
  },
  // 35
  {
    name: "a city hospital, issuer on its own line, 十二届市委第六轮, 进行了反馈, 清退多收费用N万元",
    text: "中共洛阳市中心医院委员会\n关于十二届市委第六轮巡察整改进展情况的通报\n按照十二届市委第六轮巡察工作安排，市委第五巡察组于2023年9月11日至11月10日对洛阳市中心医院党委进行了常规巡察，并于2023年12月27日进行了反馈。\n医院党委对巡察反馈的4个方面27个问题，制定整改措施108条，明确责任科室和完成时限。截至2024年6月30日，27个问题已整改完成25个，2个正在整改，整改完成率92.6%。清退多收费用11.24万元。",
    want: { title: "中共洛阳市中心医院委员会关于十二届市委第六轮巡察整改进展情况的通报", issuer: "中共洛阳市中心医院委员会", unit: "洛阳市中心医院", region: "洛阳市", level: "municipal", inspection_kind: "巡察", team: "市委第五巡察组", round: "十二届市委第六轮", inspection_start: "2023-09-11", inspection_end: "2023-11-10", feedback_date: "2023-12-27", as_of_date: "2024-06-30" },
    summary: { aspects: 4, problems: 27, measures: 108, completed: 25, in_progress: 2, completion_rate: 0.926, money_recovered: 112400 },
  },
  // 36
  {
    name: "a central ministry, 五方面16项问题细化为63项具体问题, 党纪政务处分",
    text: "中共水利部党组关于二十届中央第一轮巡视整改进展情况的通报\n根据党中央统一部署，2023年4月13日至6月30日，中央第四巡视组对水利部党组开展了常规巡视。2023年9月12日，中央巡视组向水利部党组反馈了巡视意见。\n部党组把中央巡视反馈的五方面16项问题细化为63项具体问题，制定整改措施196条。截至2024年3月31日，63项具体问题中已完成整改57项，其余6项已取得阶段性进展并将长期坚持。中央巡视移交的问题线索已全部办结，给予党纪政务处分7人。",
    want: { issuer: "中共水利部党组", unit: "水利部", unit_aliases: [], region: null, level: "central", inspection_kind: "巡视", team: "中央第四巡视组", round: "二十届中央第一轮", inspection_start: "2023-04-13", inspection_end: "2023-06-30", feedback_date: "2023-09-12", as_of_date: "2024-03-31" },
    summary: { aspects: 5, problems: 63, measures: 196, completed: 57, people_disciplined: 7 },
  },
  // 37
  {
    name: "a disclosure table before the title: 文号 is the doc number, 成文日期 the published date",
    text: "索引号：11411328005593815L/2024-00031\n发布机构：唐河县农业农村局\n成文日期：2024-10-28\n文号：唐农党〔2024〕15号\n中共唐河县农业农村局党组关于县委第三巡察组巡察反馈意见整改进展情况的通报\n根据县委统一部署，2024年4月7日至5月30日，县委第三巡察组对县农业农村局党组开展了常规巡察，并于7月2日反馈了巡察意见。\n巡察组共反馈问题3个方面13个具体问题，局党组制定整改措施45条。截至9月30日，已完成整改12个，持续推进1个。",
    want: { title: "中共唐河县农业农村局党组关于县委第三巡察组巡察反馈意见整改进展情况的通报", issuer: "中共唐河县农业农村局党组", unit: "唐河县农业农村局", region: "唐河县", level: "county", team: "县委第三巡察组", inspection_start: "2024-04-07", inspection_end: "2024-05-30", feedback_date: "2024-07-02", as_of_date: "2024-09-30", published_date: "2024-10-28", doc_number: "唐农党〔2024〕15号" },
    summary: { aspects: 3, problems: 13, measures: 45, completed: 12, in_progress: 1 },
  },
  // 38
  {
    name: "a saved page: breadcrumbs, title printed twice, 发布日期：YYYY年M月D日, 巡察反馈会于D召开",
    text: "当前位置：首页 > 政务公开 > 巡察整改\n中共三门峡市湖滨区交口乡委员会关于区委巡察整改进展情况的通报\n发布日期：2024年11月20日  来源：交口乡  【字体：大 中 小】\n中共三门峡市湖滨区交口乡委员会关于区委巡察整改进展情况的通报\n根据区委统一部署，2024年6月17日至7月26日，区委第四巡察组对交口乡党委开展了常规巡察，巡察反馈会于8月23日召开。\n巡察反馈问题12个，乡党委制定整改措施40条。截至2024年10月31日，已完成整改10个，正在整改2个。",
    want: { title: "中共三门峡市湖滨区交口乡委员会关于区委巡察整改进展情况的通报", issuer: "中共三门峡市湖滨区交口乡委员会", unit: "三门峡市湖滨区交口乡", unit_aliases: ["交口乡"], region: "湖滨区", level: "township", inspection_kind: "巡察", team: "区委第四巡察组", inspection_start: "2024-06-17", inspection_end: "2024-07-26", feedback_date: "2024-08-23", as_of_date: "2024-10-31", published_date: "2024-11-20" },
    summary: { problems: 12, measures: 40, completed: 10, in_progress: 2 },
  },
  // 39
  {
    name: "an autonomous-region department inspected by 自治区党委 (巡视), 基本完成N个",
    text: "中共广西壮族自治区民族宗教事务委员会党组关于自治区党委巡视整改进展情况的通报\n根据自治区党委统一部署，2023年3月20日至5月19日，自治区党委第三巡视组对自治区民宗委党组进行了常规巡视，并于7月14日反馈了巡视意见。\n反馈意见指出3个方面14个问题，委党组细化为47项整改任务、制定151条整改措施。截至2023年12月31日，14个问题已完成整改11个、基本完成3个。",
    want: { unit: "广西壮族自治区民族宗教事务委员会", unit_aliases: ["自治区民宗委"], region: "广西壮族自治区", level: "provincial", inspection_kind: "巡视", team: "自治区党委第三巡视组", inspection_start: "2023-03-20", inspection_end: "2023-05-19", feedback_date: "2023-07-14", as_of_date: "2023-12-31" },
    summary: { aspects: 3, problems: 14, tasks: 47, measures: 151, completed: 11, in_progress: 3 },
  },
  // 40
  {
    name: "a county court: 十四届县委第四轮巡察第二巡察组 (team after the round), 反馈问题共计N个方面N个, 党纪处分N人、政务处分N人",
    text: "中共镇平县人民法院党组关于县委巡察整改情况的通报\n根据县委统一部署，十四届县委第四轮巡察第二巡察组于2023年10月9日至12月8日对县法院党组开展了常规巡察，2024年1月15日反馈了巡察意见。\n反馈问题共计4个方面22个，院党组制定整改措施83条。截至2024年5月31日，已完成整改20个，完成率90.9%，2个正在序时推进。给予党纪处分2人、政务处分1人。",
    want: { unit: "镇平县人民法院", unit_aliases: ["县法院"], region: "镇平县", level: "county", inspection_kind: "巡察", team: "县委第二巡察组", round: "十四届县委第四轮", inspection_start: "2023-10-09", inspection_end: "2023-12-08", feedback_date: "2024-01-15", as_of_date: "2024-05-31" },
    summary: { aspects: 4, problems: 22, measures: 83, completed: 20, in_progress: 2, completion_rate: 0.909, people_disciplined: 3 },
  },
];

runOpenings('openings battery', cases);
