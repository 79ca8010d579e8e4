import { Flex, Progress, Space, Statistic, Tag, Tooltip, Typography } from 'antd';
import { REVIEW_LEVEL_LABELS, type ListDetail, type ReviewItem, type ReviewState } from '@dutylist/shared';
import { StageTag } from '@/components/stage-tag';
import { formatDateTime } from '@/lib/format';
import { RoundActions } from './round-actions';

export interface ReviewRoundHeaderProps {
  list: ListDetail;
  review: ReviewState;
  selectedItems: readonly ReviewItem[];
  onLocate: (itemId: string) => void;
  onItemsReturned: () => void;
}

const SUMMARY: { key: keyof ReviewState['summary']; label: string; color?: string }[] = [
  { key: 'approved', label: '通过', color: '#389e0d' },
  { key: 'returned', label: '退回', color: '#cf1322' },
  { key: 'suggested', label: '建议', color: '#d46b08' },
  { key: 'undecided', label: '未审' },
  { key: 'changed', label: '有变化', color: '#d48806' },
  { key: 'unresolvedThreads', label: '未解决讨论', color: '#1d5fbf' },
];

/** Where the round stands: stage, round, version, whose turn and until when, the counts and the steps. */
export function ReviewRoundHeader({ list, review, selectedItems, onLocate, onItemsReturned }: ReviewRoundHeaderProps) {
  const { summary } = review;
  // Floor: 308 of 309 is not done (antd turns 100% into a success tick).
  const percent = summary.total ? Math.floor((summary.approved / summary.total) * 100) : 0;
  return (
    <div data-testid="review-header">
      <Flex align="center" gap={12} wrap style={{ marginBottom: 8 }}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="review-title">
          {list.title}
        </Typography.Title>
        <StageTag stage={review.stage} />
        <Typography.Text strong data-testid="review-round">{`第${review.round}轮`}</Typography.Text>
        <Typography.Text type="secondary">{`共${list.maxRounds}轮`}</Typography.Text>
        {review.level && <Tag color="blue">{`审核层级：${REVIEW_LEVEL_LABELS[review.level]}`}</Tag>}
        <div style={{ marginLeft: 'auto' }}>
          <RoundActions
            list={list}
            review={review}
            selectedItems={selectedItems}
            onLocate={onLocate}
            onItemsReturned={onItemsReturned}
          />
        </div>
      </Flex>
      <Space size="large" wrap style={{ marginBottom: 12 }}>
        <Typography.Text data-testid="review-version">
          版本：{review.version ? review.version.label : '尚未报送'}
          {review.previousVersion && (
            <Typography.Text type="secondary">{`（对比 ${review.previousVersion.label}）`}</Typography.Text>
          )}
        </Typography.Text>
        {list.turn && (
          <Typography.Text data-testid="review-turn">
            当前待办：{list.turn.orgUnit.name} · {list.turn.task}
          </Typography.Text>
        )}
        <Typography.Text data-testid="review-deadline">
          截止时间：{list.deadline ? formatDateTime(list.deadline) : '未设定'}
          {list.overdue && (
            <Tag color="red" style={{ marginInlineStart: 8 }} data-testid="overdue-tag">
              已逾期
            </Tag>
          )}
        </Typography.Text>
        {list.returnLevel && (
          <Tag color="volcano">{`${REVIEW_LEVEL_LABELS[list.returnLevel]}退回的事项待县级处理`}</Tag>
        )}
      </Space>
      <Flex gap={32} align="center" wrap data-testid="review-summary">
        <div data-testid="summary-total">
          <Statistic title="事项" value={summary.total} />
        </div>
        {SUMMARY.map(({ key, label, color }) => (
          <div key={key} data-testid={`summary-${key}`}>
            <Statistic
              title={label}
              value={summary[key]}
              valueStyle={color && summary[key] > 0 ? { color } : undefined}
            />
          </div>
        ))}
        <Tooltip title={`已通过 ${summary.approved} / ${summary.total}`}>
          <Progress type="circle" percent={percent} size={56} />
        </Tooltip>
      </Flex>
    </div>
  );
}
