import { Alert, Button, Typography } from 'antd';
import { LIST_TABLE_SHORT_LABELS, type OpenItemsDetails } from '@dutylist/shared';

export interface OpenItemsAlertProps {
  message: string;
  items: OpenItemsDetails['items'];
  /** Shows the item in the table. */
  onLocate?: (itemId: string) => void;
}

/** A refused approval or sign-off: the API's message and the items still open, each a link to its row. */
export function OpenItemsAlert({ message, items, onLocate }: OpenItemsAlertProps) {
  const shown = items.slice(0, 20);
  return (
    <Alert
      type="error"
      showIcon
      message={message}
      data-testid="open-items"
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18, maxHeight: 240, overflowY: 'auto' }}>
          {shown.map((item) => (
            <li key={item.itemId} data-testid="open-item">
              {onLocate ? (
                <Button
                  type="link"
                  size="small"
                  style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
                  onClick={() => onLocate(item.itemId)}
                >
                  {`${LIST_TABLE_SHORT_LABELS[item.table]} 第${item.seq}项 ${item.name}`}
                </Button>
              ) : (
                `${LIST_TABLE_SHORT_LABELS[item.table]} 第${item.seq}项 ${item.name}`
              )}
            </li>
          ))}
          {items.length > shown.length && (
            <li>
              <Typography.Text type="secondary">{`…… 另有 ${items.length - shown.length} 项`}</Typography.Text>
            </li>
          )}
        </ul>
      }
    />
  );
}
