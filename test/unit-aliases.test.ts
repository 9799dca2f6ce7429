// Short names of a unit read from the text: a national unit's name less the country's name (中国人民银行 →
// 人民银行), and a company's contracted name without its company form (温县农村商业银行股份有限公司 → 温县农商银行).
import { describe, it, expect } from 'vitest';
import { aliasesOf } from '../stages/metadata/unit.js';

describe('unit aliases', () => {
  it('a national unit with no place in its name goes by its name less 中国 / 中华人民共和国', () => {
    const text = '中国人民银行党委开展了常规巡视。人民银行党委对照反馈的3个方面问题，梳理形成整改任务清单。';
    expect(aliasesOf('中国人民银行', null, text, text)).toEqual(['人民银行']);
    const customs = '中华人民共和国海关总署党委高度重视。海关总署党委召开会议。';
    expect(aliasesOf('中华人民共和国海关总署', null, customs, customs)).toEqual(['海关总署']);
  });
  it('but not where too little is left (中国银行 is no 银行), nor where the text does not use it', () => {
    const text = '中国银行党委高度重视，银行党委召开会议。';
    expect(aliasesOf('中国银行', null, text, text)).toEqual([]);
    const none = '国家统计局党组召开党组会议，研究部署整改工作。';
    expect(aliasesOf('国家统计局', null, none, none)).toEqual([]);
    const absent = '中国人民银行党委开展了常规巡视。';
    expect(aliasesOf('中国人民银行', null, absent, absent)).toEqual([]);
  });
  it('a company contracted without its company form (温县农商银行)', () => {
    const text = '县委第一巡察组自2024年4月1日至5月31日对温县农商银行党委开展了常规巡察，6月28日向温县农商银行党委反馈了巡察意见。';
    expect(aliasesOf('温县农村商业银行股份有限公司', '温县', text, text)).toContain('温县农商银行');
    // a bank the text names in full as another one is not this one's
    const other = '对温县农村信用合作联社党委开展巡察，温县农信银行党委反馈。';
    expect(aliasesOf('温县农村商业银行股份有限公司', '温县', other, other)).not.toContain('温县农信银行');
  });
});
