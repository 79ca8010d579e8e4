import { Checkbox, Flex, Select, Switch, Typography } from 'antd';
import type { DiffFilters } from './diff-filters';

export interface DiffFiltersBarProps {
  filters: DiffFilters;
  onChange: (filters: DiffFilters) => void;
  categories: string[];
  includeRenumbered: boolean;
  onIncludeRenumberedChange: (value: boolean) => void;
}

/** 只看变化, 移动, 已退回, 有未解决讨论, by category, and whether renumbering is shown at all. */
export function DiffFiltersBar({
  filters,
  onChange,
  categories,
  includeRenumbered,
  onIncludeRenumberedChange,
}: DiffFiltersBarProps) {
  const set = (patch: Partial<DiffFilters>) => onChange({ ...filters, ...patch });
  return (
    <Flex gap={16} wrap align="center" style={{ marginBottom: 8 }} data-testid="diff-filters">
      <label style={{ display: 'inline-flex', gap: 6, alignItems: 'center', cursor: 'pointer' }}>
        <Switch
          size="small"
          checked={filters.changedOnly}
          onChange={(changedOnly) => set({ changedOnly })}
          data-testid="diff-changed-only"
        />
        只看变化
      </label>
      <Checkbox
        checked={filters.moved}
        onChange={(e) => set({ moved: e.target.checked })}
        data-testid="diff-filter-moved"
      >
        移动
      </Checkbox>
      <Checkbox
        checked={filters.returned}
        onChange={(e) => set({ returned: e.target.checked })}
        data-testid="diff-filter-returned"
      >
        已退回
      </Checkbox>
      <Checkbox
        checked={filters.openThreads}
        onChange={(e) => set({ openThreads: e.target.checked })}
        data-testid="diff-filter-threads"
      >
        有未解决讨论
      </Checkbox>
      <Select<string>
        allowClear
        placeholder="全部类别"
        style={{ width: 170 }}
        value={filters.category ?? undefined}
        onChange={(category) => set({ category: category ?? null })}
        options={categories.map((c) => ({ value: c, label: c }))}
        data-testid="diff-filter-category"
      />
      <label style={{ display: 'inline-flex', gap: 6, alignItems: 'center', cursor: 'pointer' }}>
        <Switch
          size="small"
          checked={includeRenumbered}
          onChange={onIncludeRenumberedChange}
          data-testid="diff-show-renumbered"
        />
        标出仅序号变化的事项
      </label>
      <Typography.Text type="secondary" style={{ marginLeft: 'auto', fontSize: 12 }}>
        快捷键：n / j 下一处变化，p / k 上一处变化
      </Typography.Text>
    </Flex>
  );
}
