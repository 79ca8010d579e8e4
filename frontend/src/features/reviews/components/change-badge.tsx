import { Flex, Tag } from 'antd';
import { ITEM_FIELD_LABELS, LIST_TABLE_SHORT_LABELS, type ReviewItem } from '@dutylist/shared';

/** 新增 / 有修改 (with the changed fields) / 未变化, against the previous round's version. */
export function ChangeBadge({ item }: { item: ReviewItem }) {
  if (item.change === 'added') {
    return (
      <Tag color="green" data-testid="change-badge">
        新增
      </Tag>
    );
  }
  if (item.change === 'unchanged') {
    return (
      <Tag bordered={false} data-testid="change-badge">
        未变化
      </Tag>
    );
  }
  const moved = item.previous && item.previous.table !== item.item.table;
  return (
    <Flex gap={4} wrap>
      <Tag color="orange" data-testid="change-badge" style={{ marginInlineEnd: 0 }}>
        有修改
      </Tag>
      {item.changedFields.map((field) => (
        <Tag
          key={field}
          bordered={false}
          color="orange"
          title={
            field === 'table' && moved && item.previous
              ? `原在${LIST_TABLE_SHORT_LABELS[item.previous.table]}`
              : undefined
          }
          data-testid="changed-field"
          style={{ marginInlineEnd: 0 }}
        >
          {ITEM_FIELD_LABELS[field]}
        </Tag>
      ))}
    </Flex>
  );
}
