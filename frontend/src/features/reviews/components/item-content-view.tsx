import { Descriptions, Tag, Typography } from 'antd';
import {
  ITEM_FIELD_LABELS,
  LIST_TABLE_SHORT_LABELS,
  changedFields,
  diffText,
  type ItemContentField,
  type VersionItem,
} from '@dutylist/shared';

type ShownField = Exclude<ItemContentField, 'table'>;

function fieldsOf(item: VersionItem): ShownField[] {
  if (item.table === 'cooperative') return ['category', 'name', 'departments', 'upperDuties', 'townshipDuties'];
  if (item.table === 'revoked') return ['category', 'name', 'undertaker'];
  return ['category', 'name'];
}

function textOf(item: VersionItem, field: ShownField): string {
  if (field === 'departments') return item.departments.join('、');
  if (field === 'category') return item.category ?? '';
  return item[field];
}

/** Deleted text struck through in red, inserted text underlined in green. */
export function TextDiff({ before, after }: { before: string; after: string }) {
  return (
    <span style={{ whiteSpace: 'pre-wrap' }} data-testid="text-diff">
      {diffText(before, after).map((segment, index) =>
        segment.op === 'equal' ? (
          <span key={index}>{segment.text}</span>
        ) : segment.op === 'delete' ? (
          <del key={index} style={{ color: '#cf1322', background: '#fff1f0' }}>
            {segment.text}
          </del>
        ) : (
          <ins key={index} style={{ color: '#389e0d', background: '#f6ffed', textDecoration: 'underline' }}>
            {segment.text}
          </ins>
        ),
      )}
    </span>
  );
}

export interface ItemContentViewProps {
  item: VersionItem;
  /** The same item in the version before: changed fields show word by word what changed. */
  previous?: VersionItem | null;
}

/** What an item says, field by field, in its table's columns. */
export function ItemContentView({ item, previous }: ItemContentViewProps) {
  const changed = new Set(previous ? changedFields(previous, item) : []);
  return (
    <Descriptions column={1} size="small" bordered styles={{ label: { width: 120 } }}>
      <Descriptions.Item label="所在清单">
        {`${LIST_TABLE_SHORT_LABELS[item.table]} 第${item.seq}项`}
        {previous && changed.has('table') && (
          <Tag color="orange" style={{ marginInlineStart: 8 }}>{`原在${LIST_TABLE_SHORT_LABELS[previous.table]}`}</Tag>
        )}
      </Descriptions.Item>
      {fieldsOf(item).map((field) => {
        const text = textOf(item, field);
        return (
          <Descriptions.Item key={field} label={ITEM_FIELD_LABELS[field]}>
            {previous && changed.has(field) ? (
              <TextDiff before={textOf(previous, field)} after={text} />
            ) : text ? (
              <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{text}</Typography.Text>
            ) : (
              <Typography.Text type="secondary">—</Typography.Text>
            )}
          </Descriptions.Item>
        );
      })}
    </Descriptions>
  );
}
