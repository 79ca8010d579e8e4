import { Tag } from 'antd';

/** The red 已逾期 tag beside a list whose stage is past its deadline (renders nothing otherwise). */
export function OverdueTag({ overdue }: { overdue: boolean }) {
  if (!overdue) return null;
  return (
    <Tag color="red" data-testid="overdue-tag">
      已逾期
    </Tag>
  );
}
