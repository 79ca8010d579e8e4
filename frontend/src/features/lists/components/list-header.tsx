import { Button, Descriptions, Flex, Space, Tag, Tooltip, Typography } from 'antd';
import type { ListDetail } from '@dutylist/shared';
import { Link } from 'react-router';
import { StageTag } from '@/components/stage-tag';
import { StartAdjustmentButton } from '@/features/adjustments/components/start-adjustment-button';
import { SubmitListButton } from '@/features/submission/components/submit-list-button';
import { formatDateTime, formatEdition, formatRound } from '@/lib/format';
import { formatDeadline } from '@/lib/format-turn';
import { ExportMenu } from './export-menu';
import { ListTurn } from './list-turn';

export function ListHeader({ list }: { list: ListDetail }) {
  const { can } = list;
  const canReview = can.decideItems || can.startReview || can.signOff || can.publish || can.approve;
  return (
    <div data-testid="list-header">
      <Flex align="center" gap={12} wrap style={{ marginBottom: 12 }}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="list-title">
          {list.title}
        </Typography.Title>
        <StageTag stage={list.stage} />
        {list.adjusting && (
          <Tooltip title={`调整稿发布之前，第${list.inForce?.number ?? ''}版继续有效`}>
            <Tag color="orange" data-testid="list-adjusting">
              第{list.cycle.number - 1}次动态调整中
            </Tag>
          </Tooltip>
        )}
        <Typography.Text type="secondary" data-testid="list-round">
          {formatRound(list.round, list.maxRounds)}
        </Typography.Text>
        <ListTurn list={list} />
        <Space wrap style={{ marginLeft: 'auto' }}>
          {canReview && (
            <Link to={`/lists/${list.id}/review`} data-testid="review-open">
              <Button type="primary">进入审核</Button>
            </Link>
          )}
          <SubmitListButton list={list} />
          <StartAdjustmentButton list={list} />
          <Link to={`/lists/${list.id}/diff`} data-testid="diff-open">
            <Button>版本对比</Button>
          </Link>
          <Link to={`/lists/${list.id}/history`} data-testid="history-open">
            <Button>审核记录</Button>
          </Link>
          <ExportMenu listId={list.id} inForce={list.inForce?.number ?? null} />
        </Space>
      </Flex>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
        <Descriptions.Item label="乡镇">{list.township.name}</Descriptions.Item>
        <Descriptions.Item label="县">{list.county.name}</Descriptions.Item>
        <Descriptions.Item label="州/地区">{list.prefecture.name}</Descriptions.Item>
        <Descriptions.Item label="版本">{formatEdition(list.edition)}</Descriptions.Item>
        <Descriptions.Item label="更新时间">{formatDateTime(list.updatedAt)}</Descriptions.Item>
        <Descriptions.Item label="本阶段开始">{formatDateTime(list.stageSince)}</Descriptions.Item>
        <Descriptions.Item label="办理期限">{formatDeadline(list.deadline)}</Descriptions.Item>
        <Descriptions.Item label="权限">{list.can.editItems ? '可编辑' : '只读'}</Descriptions.Item>
        <Descriptions.Item label="生效版本">
          <span data-testid="list-in-force">
            {list.inForce
              ? `第${list.inForce.number}版（${formatDateTime(list.inForce.publishedAt)} 发布）`
              : '尚未发布'}
          </span>
        </Descriptions.Item>
        {list.base && (
          <Descriptions.Item label="起始版本">
            <Link to={`/lists/${list.base.listId}`}>
              {list.base.edition}年 第{list.base.versionNumber}版
            </Link>
          </Descriptions.Item>
        )}
      </Descriptions>
    </div>
  );
}
