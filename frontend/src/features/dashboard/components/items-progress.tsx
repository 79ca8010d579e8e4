import { Flex, Progress, Tooltip, Typography } from 'antd';
import type { DashboardRow } from '@dutylist/shared';

const pct = (part: number, total: number) => (total === 0 ? 0 : Math.round((part / total) * 1000) / 10);

/** The county's decisions on the latest version: approved (green), returned (orange), still open (grey). */
export function ItemsProgress({ items }: { items: DashboardRow['items'] }) {
  const { total, approved, returned, open } = items;
  return (
    <Tooltip title={`通过 ${approved} 项，退回或建议修改 ${returned} 项，待审 ${open} 项，共 ${total} 项`}>
      <Flex vertical gap={0} style={{ minWidth: 160 }} data-testid="items-progress">
        <Progress
          percent={pct(approved + returned, total)}
          success={{ percent: pct(approved, total) }}
          strokeColor="#fa8c16"
          showInfo={false}
          size="small"
          style={{ margin: 0 }}
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          通过 {approved} · 退回 {returned} · 待审 {open} / {total}
        </Typography.Text>
      </Flex>
    </Tooltip>
  );
}
