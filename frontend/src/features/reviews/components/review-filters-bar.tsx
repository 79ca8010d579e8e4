import { Button, Flex, Input, Select } from 'antd';
import { CATEGORIES } from '@dutylist/shared';
import { UNCATEGORIZED, hasActiveFilters, type ReviewFilters } from './review-item-filters';

type ToggleKey = 'changed' | 'returned' | 'threads' | 'undecided';

const TOGGLES: { key: ToggleKey; label: string }[] = [
  { key: 'changed', label: '有变化' },
  { key: 'returned', label: '已退回/建议' },
  { key: 'threads', label: '有未解决讨论' },
  { key: 'undecided', label: '未审核' },
];

const categoryOptions = [
  ...CATEGORIES.map((category) => ({ value: category as string, label: category as string })),
  { value: UNCATEGORIZED, label: '未分类' },
];

export interface ReviewFiltersBarProps {
  filters: ReviewFilters;
  onChange: (filters: ReviewFilters) => void;
  /** How many items of the whole round each toggle alone would show. */
  counts: Record<ToggleKey, number>;
}

/** Toggles that combine, a category and a search box. */
export function ReviewFiltersBar({ filters, onChange, counts }: ReviewFiltersBarProps) {
  return (
    <Flex gap={8} wrap align="center" data-testid="review-filters">
      {TOGGLES.map(({ key, label }) => (
        <Button
          key={key}
          size="small"
          type={filters[key] ? 'primary' : 'default'}
          aria-pressed={filters[key]}
          onClick={() => onChange({ ...filters, [key]: !filters[key] })}
          data-testid={`filter-${key}`}
        >
          {`${label} (${counts[key]})`}
        </Button>
      ))}
      <Select
        size="small"
        allowClear
        showSearch
        placeholder="按事项类别"
        value={filters.category ?? undefined}
        onChange={(value: string | undefined) => onChange({ ...filters, category: value ?? null })}
        options={categoryOptions}
        style={{ width: 160 }}
        data-testid="filter-category"
      />
      <Input.Search
        size="small"
        allowClear
        placeholder="搜索事项名称"
        value={filters.search}
        onChange={(event) => onChange({ ...filters, search: event.target.value })}
        style={{ width: 200 }}
        data-testid="review-search"
      />
      {hasActiveFilters(filters) && (
        <Button
          size="small"
          type="link"
          onClick={() =>
            onChange({
              ...filters,
              changed: false,
              returned: false,
              threads: false,
              undecided: false,
              category: null,
              search: '',
            })
          }
          data-testid="filter-clear"
        >
          清除筛选
        </Button>
      )}
    </Flex>
  );
}
