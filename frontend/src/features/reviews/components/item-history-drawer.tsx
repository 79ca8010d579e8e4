import { Card, Drawer, Empty, Flex, Space, Spin, Tabs, Tag, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import {
  AUDIT_ACTION_LABELS,
  RESOLUTION_LABELS,
  sameItemContent,
  type AuditEvent,
  type ItemDecision,
  type ItemHistory,
} from '@dutylist/shared';
import { ErrorState } from '@/components/error-state';
import { formatDateTime } from '@/lib/format';
import { useItemHistory } from '../hooks/use-item-history';
import { DECISION_COLORS } from './decision-tags';
import { ItemContentView } from './item-content-view';
import { decisionText } from './review-item-filters';
import { suggestionText } from './suggestion-text';

function DecisionEntry({ decision }: { decision: ItemDecision }) {
  const suggestion = suggestionText(decision.suggestion);
  const answered = decision.decision !== 'approved';
  return (
    <div data-testid="history-decision" style={{ marginTop: 8 }}>
      <Flex gap={6} wrap align="center">
        <Tag color={DECISION_COLORS[decision.decision]} style={{ marginInlineEnd: 0 }}>
          {decisionText(decision)}
        </Tag>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {`第${decision.round}轮 · ${decision.reviewer.displayName} · ${formatDateTime(decision.createdAt)}`}
        </Typography.Text>
        {decision.carriedOver && (
          <Tag color="cyan" bordered={false}>
            沿用上轮通过
          </Tag>
        )}
        {answered && <Tag bordered={false}>{`乡镇：${RESOLUTION_LABELS[decision.resolution]}`}</Tag>}
      </Flex>
      {decision.reason && (
        <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>
          理由：{decision.reason}
        </Typography.Paragraph>
      )}
      {suggestion && (
        <Typography.Paragraph style={{ margin: '4px 0 0', color: '#d46b08' }}>建议：{suggestion}</Typography.Paragraph>
      )}
      {decision.response && (
        <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }} data-testid="history-response">
          乡镇答复：{decision.response}
          <Typography.Text
            type="secondary"
            style={{ fontSize: 12 }}
          >{` （${formatDateTime(decision.respondedAt)}）`}</Typography.Text>
        </Typography.Paragraph>
      )}
    </div>
  );
}

function VersionsTab({ history }: { history: ItemHistory }) {
  const versions = history.versions;
  const last = [...versions].reverse().find((v) => v.item !== null)?.item ?? null;
  const entries: ReactNode[] = [];
  if (history.current && (!last || !sameItemContent(last, history.current))) {
    entries.push(
      <Card
        key="draft"
        size="small"
        title="乡镇草稿（尚未报送）"
        style={{ marginBottom: 12 }}
        data-testid="history-draft"
      >
        <ItemContentView item={history.current} previous={last} />
      </Card>,
    );
  }
  // Newest version first; each compared with the version before it.
  for (let index = versions.length - 1; index >= 0; index -= 1) {
    const { version, item } = versions[index];
    const previous = index > 0 ? versions[index - 1].item : null;
    const decisions = history.decisions.filter((decision) => decision.versionNumber === version.number);
    entries.push(
      <Card
        key={version.number}
        size="small"
        style={{ marginBottom: 12 }}
        data-testid="history-version"
        title={
          <Space size={6}>
            <span>{version.label}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
              {formatDateTime(version.createdAt)}
            </Typography.Text>
            {item && previous === null && index > 0 && <Tag color="green">新增</Tag>}
          </Space>
        }
      >
        {item ? (
          <ItemContentView item={item} previous={previous} />
        ) : (
          <Typography.Text type="secondary">该版本中没有此事项</Typography.Text>
        )}
        {decisions.map((decision) => (
          <DecisionEntry key={decision.id} decision={decision} />
        ))}
      </Card>,
    );
  }
  return entries.length ? <>{entries}</> : <Empty description="尚未报送，没有历史版本" />;
}

function eventText(event: AuditEvent): string {
  const decision = typeof event.details.decision === 'string' ? event.details.decision : null;
  const labels: Record<string, string> = { approved: '通过', returned: '退回修改', suggested: '修改建议' };
  const base = AUDIT_ACTION_LABELS[event.action];
  return decision && labels[decision] ? `${base}：${labels[decision]}` : base;
}

function EventsTab({ events }: { events: AuditEvent[] }) {
  if (events.length === 0) return <Empty description="暂无操作记录" />;
  return (
    <Timeline
      items={[...events].reverse().map((event) => ({
        key: event.id,
        children: (
          <div data-testid="history-event">
            <Typography.Text strong>{eventText(event)}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 8 }}>
              {`第${event.round}轮 · ${event.actor?.displayName ?? '系统'} · ${formatDateTime(event.createdAt)}`}
            </Typography.Text>
            {event.reason && (
              <Typography.Paragraph style={{ margin: '2px 0 0', whiteSpace: 'pre-wrap' }}>
                {event.reason}
              </Typography.Paragraph>
            )}
          </div>
        ),
      }))}
    />
  );
}

export interface ItemHistoryDrawerProps {
  listId: string;
  itemId: string | null;
  open: boolean;
  onClose: () => void;
  title?: ReactNode;
}

/** One item through every round: what each version said (changes marked), every decision and answer, every step. */
export function ItemHistoryDrawer({ listId, itemId, open, onClose, title }: ItemHistoryDrawerProps) {
  const historyQuery = useItemHistory(listId, open ? itemId : null);
  const history = historyQuery.data;
  return (
    <Drawer
      open={open}
      onClose={onClose}
      width={680}
      destroyOnHidden
      title={title ?? '事项历史'}
      data-testid="history-drawer"
    >
      {historyQuery.isError ? (
        <ErrorState error={historyQuery.error} onRetry={() => void historyQuery.refetch()} />
      ) : !history ? (
        <Flex justify="center" style={{ padding: 24 }}>
          <Spin />
        </Flex>
      ) : (
        <Tabs
          items={[
            {
              key: 'versions',
              label: `各轮内容与意见 (${history.decisions.length})`,
              children: <VersionsTab history={history} />,
            },
            {
              key: 'events',
              label: `操作记录 (${history.events.length})`,
              children: <EventsTab events={history.events} />,
            },
          ]}
        />
      )}
    </Drawer>
  );
}
