import { Flex, Tag, Tooltip } from 'antd';
import { LIST_TABLE_SHORT_LABELS, type ListDiffEntry } from '@dutylist/shared';

const TAG_STYLE = { marginInlineEnd: 0 };

const FIELD_LABELS: Record<string, string> = {
  name: '名称',
  departments: '部门',
  upperDuties: '上级职责',
  townshipDuties: '配合职责',
  undertaker: '承接方式',
};

/** 新增 / 删除 / 修改 (with what) / 移入<表> / 类别变更 / 仅序号变化 — what happened to one item. */
export function DiffBadges({ entry }: { entry: ListDiffEntry }) {
  const tags = [];
  if (entry.status === 'added') {
    tags.push(
      <Tag key="added" style={TAG_STYLE} color="green" data-testid="badge-added">
        新增
      </Tag>,
    );
  }
  if (entry.status === 'removed') {
    tags.push(
      <Tag key="removed" style={TAG_STYLE} color="red" data-testid="badge-removed">
        删除
      </Tag>,
    );
  }
  if (entry.fields.length > 0) {
    tags.push(
      <Tooltip key="modified" title={`修改了：${entry.fields.map((f) => FIELD_LABELS[f.field]).join('、')}`}>
        <Tag color="orange" style={TAG_STYLE} data-testid="badge-modified">
          修改
        </Tag>
      </Tooltip>,
    );
  }
  if (entry.moved) {
    tags.push(
      <Tooltip key="moved" title={`原在${LIST_TABLE_SHORT_LABELS[entry.moved.from]}`}>
        <Tag color="purple" style={TAG_STYLE} data-testid="badge-moved">
          {`移入${LIST_TABLE_SHORT_LABELS[entry.moved.to]}`}
        </Tag>
      </Tooltip>,
    );
  }
  if (entry.categoryChanged) {
    tags.push(
      <Tooltip
        key="category"
        title={`${entry.categoryChanged.from ?? '未分类'} → ${entry.categoryChanged.to ?? '未分类'}`}
      >
        <Tag color="blue" style={TAG_STYLE} data-testid="badge-category">
          类别变更
        </Tag>
      </Tooltip>,
    );
  }
  if (entry.status === 'renumbered') {
    tags.push(
      <Tag key="renumbered" style={TAG_STYLE} bordered={false} data-testid="badge-renumbered">
        仅序号变化
      </Tag>,
    );
  }
  if (tags.length === 0) return null;
  return (
    <Flex gap={4} wrap>
      {tags.map((tag) => tag)}
    </Flex>
  );
}
