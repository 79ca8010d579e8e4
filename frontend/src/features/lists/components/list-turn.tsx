import { Flex, Tag, Tooltip, Typography } from 'antd';
import { REVIEW_LEVEL_LABELS, type ListSummary } from '@dutylist/shared';
import { OverdueTag } from '@/components/overdue-tag';
import { formatDeadline, formatTurn } from '@/lib/format-turn';

/** Whose turn it is ("等待 阿合奇县 县委编办审核人：逐项审核"), by when, 已逾期, and which level returned items. */
export function ListTurn({ list }: { list: Pick<ListSummary, 'turn' | 'overdue' | 'returnLevel' | 'deadline'> }) {
  return (
    <Flex align="center" gap={8} wrap>
      <Typography.Text data-testid="list-turn" type={list.turn ? undefined : 'secondary'}>
        {formatTurn(list.turn)}
      </Typography.Text>
      {list.turn && list.deadline && (
        <Typography.Text type={list.overdue ? 'danger' : 'secondary'} data-testid="list-turn-deadline">
          期限 {formatDeadline(list.deadline)}
        </Typography.Text>
      )}
      <OverdueTag overdue={list.overdue} />
      {list.returnLevel && (
        <Tooltip title="县级复核并审定后，清单直接报回退回的层级">
          <Tag color="magenta" data-testid="return-level">
            {REVIEW_LEVEL_LABELS[list.returnLevel]}退回
          </Tag>
        </Tooltip>
      )}
    </Flex>
  );
}
