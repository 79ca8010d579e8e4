import { Descriptions, Flex, Typography } from 'antd';
import type { ListDetail } from '@dutylist/shared';
import { StageTag } from '@/components/stage-tag';
import { formatDateTime, formatEdition, formatRound } from '@/lib/format';
import { ExportMenu } from './export-menu';

export function ListHeader({ list }: { list: ListDetail }) {
  return (
    <div data-testid="list-header">
      <Flex align="center" gap={12} wrap style={{ marginBottom: 12 }}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="list-title">
          {list.title}
        </Typography.Title>
        <StageTag stage={list.stage} />
        <Typography.Text type="secondary" data-testid="list-round">
          {formatRound(list.round, list.maxRounds)}
        </Typography.Text>
        <div style={{ marginLeft: 'auto' }}>
          <ExportMenu listId={list.id} />
        </div>
      </Flex>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
        <Descriptions.Item label="乡镇">{list.township.name}</Descriptions.Item>
        <Descriptions.Item label="县">{list.county.name}</Descriptions.Item>
        <Descriptions.Item label="州/地区">{list.prefecture.name}</Descriptions.Item>
        <Descriptions.Item label="版本">{formatEdition(list.edition)}</Descriptions.Item>
        <Descriptions.Item label="更新时间">{formatDateTime(list.updatedAt)}</Descriptions.Item>
        <Descriptions.Item label="权限">{list.can.editItems ? '可编辑' : '只读'}</Descriptions.Item>
      </Descriptions>
    </div>
  );
}
