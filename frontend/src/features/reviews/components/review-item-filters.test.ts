import { describe, expect, it } from 'vitest';
import { decision, reviewState } from '@/test/review-fixtures';
import { EMPTY_FILTERS, UNCATEGORIZED, matchesFilters, unchangedUndecidedIds } from './review-item-filters';

describe('review item filters', () => {
  const { items } = reviewState();
  const names = (filters: Partial<typeof EMPTY_FILTERS>, level: 'county' | 'prefecture' = 'county') =>
    items.filter((item) => matchesFilters(item, { ...EMPTY_FILTERS, ...filters }, level)).map((item) => item.item.name);

  it('combine', () => {
    expect(names({ changed: true })).toEqual(['新增的事项', '修改后的事项名称']);
    expect(names({ returned: true })).toEqual(['配合开展人口普查']);
    expect(names({ threads: true, returned: true })).toEqual(['配合开展人口普查']);
    expect(names({ undecided: true, changed: true })).toEqual(['新增的事项', '修改后的事项名称']);
    expect(names({ category: '经济发展' })).toEqual(['上轮已通过的事项']);
    expect(names({ category: UNCATEGORIZED })).toEqual([]);
    expect(names({ search: '人口 普查' })).toEqual(['配合开展人口普查']);
  });

  it('count a decision as made only at the level under review', () => {
    expect(names({ undecided: true }, 'prefecture')).toHaveLength(items.length);
  });

  it('approve-unchanged takes unchanged items the level has not decided', () => {
    expect(unchangedUndecidedIds(items, 'county')).toEqual([items[2].item.id]);
    const decided = items.map((item) =>
      item.change === 'unchanged' ? { ...item, decisions: [decision(item.item.id)] } : item,
    );
    expect(unchangedUndecidedIds(decided, 'county')).toEqual([]);
  });
});
