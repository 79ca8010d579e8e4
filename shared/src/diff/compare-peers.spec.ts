import { LIST_TABLES } from '../enums';
import { parseDutyListDocument } from '../document/parse-document';
import { type SampleName, readSample } from '../document/test-samples';
import { type MatchableItem, matchItems } from '../matching/match-items';
import { comparePeers } from './compare-peers';
import { stripPlaceNames } from './strip-place-names';

function township(name: SampleName) {
  const doc = parseDutyListDocument(readSample(name));
  const items: MatchableItem[] = LIST_TABLES.flatMap((table) => doc.lists[table].map((row) => ({ ...row, table })));
  return { places: [doc.county ?? '', doc.township ?? ''], items };
}

describe('stripPlaceNames', () => {
  it('removes county and township names, their stems and the 乡/镇/县 words', () => {
    expect(stripPlaceNames('奇台县民政局', ['奇台县'])).toBe('民政局');
    expect(stripPlaceNames('协助奇台开展碧流河镇道路养护', ['奇台县', '碧流河镇'])).toBe('协助开展道路养护');
    expect(stripPlaceNames('负责本镇“双拥”工作')).toBe(stripPlaceNames('负责本乡“双拥”工作'));
    expect(stripPlaceNames('负责本镇“双拥”工作')).toBe('负责本“双拥”工作');
    expect(stripPlaceNames('配合街道办事处开展工作', [' ', ''])).toBe('配合办事处开展工作');
  });
});

describe('comparePeers', () => {
  const basic = (name: string, category = '党的建设'): MatchableItem => ({ table: 'basic', category, name });

  it('reports missing, extra, other-table and other-category duties with place names ignored', () => {
    const a = [
      basic('负责本镇“双拥”工作'),
      basic('配合奇台县民政局做好低保审核', '民生服务'),
      basic('负责碧流河镇河道巡查'),
      basic('组织召开本镇人民代表大会'),
    ];
    const b = [
      basic('负责本乡“双拥”工作', '社会管理'),
      { ...basic('配合木垒县民政局做好低保审核', '民生服务'), table: 'cooperative' as const },
      basic('负责白杨河乡河道巡查'),
      basic('负责全乡网格化服务管理'),
    ];
    const result = comparePeers(a, b, { placeNames: ['奇台县', '碧流河镇', '木垒县', '白杨河乡'] });
    expect(result.matched.map((p) => [p.a.name, p.method, p.confidence])).toEqual([
      ['负责本镇“双拥”工作', 'exact', 1],
      ['配合奇台县民政局做好低保审核', 'exact', 1],
      ['负责碧流河镇河道巡查', 'exact', 1],
    ]);
    expect(result.missing.map((i) => i.name)).toEqual(['组织召开本镇人民代表大会']);
    expect(result.extra.map((i) => i.name)).toEqual(['负责全乡网格化服务管理']);
    expect(result.differentTable.map((p) => [p.a.name, p.table])).toEqual([
      ['配合奇台县民政局做好低保审核', { from: 'basic', to: 'cooperative' }],
    ]);
    expect(result.differentCategory.map((p) => [p.b.name, p.category])).toEqual([
      ['负责本乡“双拥”工作', { from: '党的建设', to: '社会管理' }],
    ]);
  });

  it('pairs two real townships (碧流河镇, 白杨河乡) as the same duties once place names are stripped', () => {
    const a = township('biliuhe');
    const b = township('baiyanghe');
    const withoutStripping = matchItems(a.items, b.items);
    const result = comparePeers(a.items, b.items, { placeNames: [...a.places, ...b.places] });
    const exact = result.matched.filter((p) => p.method === 'exact');
    expect(exact.length).toBeGreaterThan(withoutStripping.pairs.filter((p) => p.method === 'exact').length + 40);
    expect(exact.map((p) => [p.a.name, p.b.name])).toContainEqual(['负责本镇“双拥”工作', '负责本乡“双拥”工作']);
    expect(result.matched.length + result.missing.length).toBe(a.items.length);
    expect(result.matched.length + result.extra.length).toBe(b.items.length);
    expect(result.differentTable).toEqual([]);
    expect(result.differentCategory).toEqual([]);
  });

  it('finds a duty a real township filed in another table than its peer', () => {
    const a = township('biliuhe');
    const b = township('baiyanghe');
    const edited = b.items.map((item) =>
      item.name === '负责本乡“双拥”工作' ? { ...item, table: 'revoked' as const } : item,
    );
    const result = comparePeers(a.items, edited, { placeNames: [...a.places, ...b.places] });
    expect(result.differentTable.map((p) => [p.a.name, p.b.name, p.table])).toEqual([
      ['负责本镇“双拥”工作', '负责本乡“双拥”工作', { from: 'basic', to: 'revoked' }],
    ]);
  });
});
