import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LIST_TABLES } from '../enums';
import { parseDutyListDocument } from '../document/parse-document';
import { matchItems, type MatchableItem } from './match-items';

const basic = (name: string): MatchableItem => ({ table: 'basic', category: '党的建设', name });

describe('matchItems', () => {
  it('pairs the same text despite spaces and full/half-width punctuation', () => {
    const result = matchItems([basic('加强党的建设，落实责任')], [basic('加强党的 建设,落实责任')]);
    expect(result.pairs).toEqual([{ before: 0, after: 0, confidence: 1, method: 'exact' }]);
  });

  it('pairs a reworded item by similarity and reports its confidence', () => {
    const result = matchItems(
      [basic('负责本镇农村“四老”人员服务管理工作'), basic('加强基层阵地建设，优化提升服务功能')],
      [basic('加强基层阵地建设，优化提升服务效能'), basic('负责全镇农村“四老”人员服务管理工作')],
    );
    expect(result.pairs.map((p) => [p.before, p.after, p.method])).toEqual([
      [1, 0, 'similar'],
      [0, 1, 'similar'],
    ]);
    expect(result.pairs.every((p) => p.confidence > 0.8 && p.confidence < 1)).toBe(true);
  });

  it('finds an item moved to another table, prefers the same table for duplicates', () => {
    const result = matchItems(
      [basic('甲事项'), { ...basic('乙事项'), table: 'revoked' }],
      [{ ...basic('甲事项'), table: 'revoked' }, basic('甲事项')],
    );
    expect(result.pairs.map((p) => [p.before, p.after])).toEqual([[0, 1]]);
    expect(result.unmatchedBefore).toEqual([1]);
    expect(result.unmatchedAfter).toEqual([0]);
  });

  it('leaves different items unmatched: added and removed', () => {
    const result = matchItems([basic('组织召开本镇人民代表大会')], [basic('负责河道巡查与垃圾清运')]);
    expect(result.pairs).toEqual([]);
    expect(result.unmatchedBefore).toEqual([0]);
    expect(result.unmatchedAfter).toEqual([0]);
  });

  it('matches a real list against itself after renumbering and 3 rewordings, with nothing else changed', () => {
    const text = readFileSync(join(__dirname, '../../../backend/demo-data/documents/biliuhe.txt'), 'utf8');
    const doc = parseDutyListDocument(text);
    const before: MatchableItem[] = LIST_TABLES.flatMap((t) => doc.lists[t].map((r) => ({ ...r, table: t })));
    const after = before.map((item) => ({ ...item })).reverse();
    for (const k of [5, 50, 150]) after[k] = { ...after[k], name: `${after[k].name}（修订）` };
    const result = matchItems(before, after);
    expect(result.unmatchedBefore).toEqual([]);
    expect(result.unmatchedAfter).toEqual([]);
    expect(
      result.pairs
        .filter((p) => p.method === 'similar')
        .map((p) => p.after)
        .sort((a, b) => a - b),
    ).toEqual([5, 50, 150]);
    for (const p of result.pairs) expect(before[p.before].table).toBe(after[p.after].table);
  });
});
