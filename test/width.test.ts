// A copy typed in full-width digits (an old CMS, a Word file typed so) reads as one in ASCII does:
// the page's published date, a bar-separated row's number, a wrapped line starting 1）.
import { describe, it, expect } from 'vitest';
import { publishedInText } from '../stages/metadata/page.js';
import { extractBytes } from '../stages/extract.js';

describe('full-width digits', () => {
  it('the published date line of a copied page', () => {
    expect(publishedInText('关于巡察整改进展情况的通报\n发布时间：２０２２-１０-２４ １０:０５:３７　来源：金渡镇')).toBe('2022-10-24');
    expect(publishedInText('关于巡察整改进展情况的通报\n发布时间：2022-10-24 10:05')).toBe('2022-10-24');
    expect(publishedInText('关于巡察整改进展情况的通报\n浏览次数：２０２２')).toBeNull();
  });
  it('rows of a bar-separated ledger numbered in full-width digits', async () => {
    const text = [
      '中共某某县水利局党组关于巡察整改进展情况的通报',
      '根据县委统一部署，2024年3月1日至4月30日，县委第一巡察组对县水利局党组进行了巡察。2024年6月5日，巡察组反馈了巡察意见。现将整改进展情况予以公布。',
      '（一）落实全面从严治党主体责任方面',
      '１｜党组会议研究党建工作不经常，全年仅专题研究１次｜修订党组工作规则，每季度专题研究党建工作｜办公室｜２０２４年９月｜已完成',
      '２｜公务用车管理不规范，存在公车私用现象｜建立用车登记台账，清退违规用车费用０.８万元｜办公室｜２０２４年１０月｜已完成',
      '３｜干部教育培训针对性不强，培训内容与业务脱节｜制定年度培训计划，分层分类开展业务培训｜人事股｜长期｜持续整改',
    ].join('\n');
    const rec = await extractBytes(new TextEncoder().encode(text), 'w.txt');
    expect(rec.issues.map((i) => [i.number, i.problem, i.status])).toEqual([
      [1, '党组会议研究党建工作不经常，全年仅专题研究1次', 'completed'],
      [2, '公务用车管理不规范，存在公车私用现象', 'completed'],
      [3, '干部教育培训针对性不强，培训内容与业务脱节', 'long_term'],
    ]);
    expect(rec.issues[1]!.quantities.map((q) => [q.value, q.kind])).toEqual([[8000, 'money']]);
  });
});
