import { Descriptions, Drawer, Typography } from 'antd';
import { LIST_TABLE_LABELS, type Item } from '@dutylist/shared';
import { formatDateTime } from '@/lib/format';

const multiline = (text: string) =>
  text ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{text}</Typography.Paragraph> : '—';

export interface ItemDetailDrawerProps {
  item: Item | null;
  onClose: () => void;
}

/** The full text of an item, for cells too long to read in the table. */
export function ItemDetailDrawer({ item, onClose }: ItemDetailDrawerProps) {
  return (
    <Drawer open={item !== null} onClose={onClose} title="事项详情" width={640} destroyOnHidden>
      {item && (
        <Descriptions column={1} bordered size="small" styles={{ label: { width: 140 } }} data-testid="item-detail">
          <Descriptions.Item label="所属清单">{LIST_TABLE_LABELS[item.table]}</Descriptions.Item>
          <Descriptions.Item label="序号">{item.seq}</Descriptions.Item>
          <Descriptions.Item label="事项类别">{item.category ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="事项名称">{multiline(item.name)}</Descriptions.Item>
          {item.table === 'cooperative' && (
            <>
              <Descriptions.Item label="对应上级部门">{item.departments.join('、') || '—'}</Descriptions.Item>
              <Descriptions.Item label="上级部门职责">{multiline(item.upperDuties)}</Descriptions.Item>
              <Descriptions.Item label="乡镇配合职责">{multiline(item.townshipDuties)}</Descriptions.Item>
            </>
          )}
          {item.table === 'revoked' && (
            <Descriptions.Item label="承接部门及工作方式">{multiline(item.undertaker)}</Descriptions.Item>
          )}
          <Descriptions.Item label="更新时间">{formatDateTime(item.updatedAt)}</Descriptions.Item>
        </Descriptions>
      )}
    </Drawer>
  );
}
