import { Checkbox, Flex, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { LIST_STAGES, LIST_STAGE_LABELS, type DashboardRow, type ListStage } from '@dutylist/shared';
import {
  buildDashboardTree,
  filterRows,
  totalsOf,
  type DashboardGrouping,
  type GroupRecord,
} from './dashboard-grouping';
import { DashboardGroupSummary, DashboardStatistics } from './dashboard-summary';
import { DashboardTable } from './dashboard-table';

const stageOptions = LIST_STAGES.map((stage) => ({ value: stage, label: LIST_STAGE_LABELS[stage] }));

export interface DashboardViewProps {
  rows: DashboardRow[];
  grouping: DashboardGrouping;
  loading?: boolean;
}

/** Filters (stage, overdue), headline numbers, a per-county or per-prefecture summary and the grouped table. */
export function DashboardView({ rows, grouping, loading }: DashboardViewProps) {
  const [stages, setStages] = useState<ListStage[]>([]);
  const [overdueOnly, setOverdueOnly] = useState(false);
  const filtered = useMemo(() => filterRows(rows, { stages, overdueOnly }), [rows, stages, overdueOnly]);
  const records = useMemo(() => buildDashboardTree(filtered, grouping), [filtered, grouping]);
  const summaryGroups = records.filter((record): record is GroupRecord => record.kind === 'group');

  return (
    <div>
      <Flex gap={16} align="center" wrap style={{ marginBottom: 16 }} data-testid="dashboard-filters">
        <Flex gap={8} align="center">
          <Typography.Text>阶段</Typography.Text>
          <Select<ListStage[]>
            mode="multiple"
            allowClear
            placeholder="全部阶段"
            options={stageOptions}
            value={stages}
            onChange={setStages}
            style={{ minWidth: 280 }}
            maxTagCount="responsive"
            data-testid="dashboard-stage-filter"
          />
        </Flex>
        <Checkbox
          checked={overdueOnly}
          onChange={(event) => setOverdueOnly(event.target.checked)}
          data-testid="dashboard-overdue-filter"
        >
          只看逾期
        </Checkbox>
        <Typography.Text type="secondary">
          显示 {filtered.length} / {rows.length} 份清单
        </Typography.Text>
      </Flex>
      <DashboardStatistics totals={totalsOf(filtered)} />
      {summaryGroups.length > 0 && (
        <DashboardGroupSummary groups={summaryGroups} title={grouping === 'prefecture' ? '各州/地区' : '各县'} />
      )}
      <DashboardTable records={records} loading={loading} />
    </div>
  );
}
