import { Empty, Flex, Segmented, Switch, Tag, Timeline, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { AUDIT_ACTION_LABELS, LIST_STAGE_LABELS, type AuditEvent } from '@dutylist/shared';
import { formatDateTime } from '@/lib/format';
import { REASON_LABELS, categoryOf, colorOf, detailFacts, extraRoundReason, type AuditCategory } from './audit-details';

type Filter = 'all' | AuditCategory;

export interface AuditTimelineProps {
  events: AuditEvent[];
  /** "基本履职事项 第3项 党建工作" for an item id, when known. */
  itemLabel: (itemId: string) => string | null;
  /** Opens the item's history; without it the item is only named. */
  onOpenItem?: (itemId: string) => void;
}

function AuditEntry({ event, itemLabel, onOpenItem }: { event: AuditEvent } & Omit<AuditTimelineProps, 'events'>) {
  const facts = detailFacts(event);
  const extra = extraRoundReason(event);
  const label = event.itemId ? (itemLabel(event.itemId) ?? `事项 ${event.itemId.slice(0, 8)}`) : null;
  return (
    <div data-testid="audit-entry" data-action={event.action} data-item-id={event.itemId ?? undefined}>
      <Flex gap={8} align="center" wrap>
        <Typography.Text type="secondary">{formatDateTime(event.createdAt)}</Typography.Text>
        <Tag color={colorOf(event.action)} style={{ marginInlineEnd: 0 }}>
          {AUDIT_ACTION_LABELS[event.action]}
        </Tag>
        <Typography.Text>
          {event.actor ? (
            <>
              {event.actor.displayName}
              <Typography.Text type="secondary">（{event.actor.orgName}）</Typography.Text>
            </>
          ) : (
            <Typography.Text type="secondary">系统</Typography.Text>
          )}
        </Typography.Text>
        <Typography.Text type="secondary">第{event.round}轮</Typography.Text>
      </Flex>
      {(event.fromStage || event.toStage) && (
        <div data-testid="audit-stage">
          阶段：{event.fromStage ? LIST_STAGE_LABELS[event.fromStage] : '—'} →{' '}
          <Typography.Text strong>{event.toStage ? LIST_STAGE_LABELS[event.toStage] : '—'}</Typography.Text>
        </div>
      )}
      {event.itemId && label && (
        <div>
          事项：
          {onOpenItem ? (
            <Typography.Link onClick={() => onOpenItem(event.itemId ?? '')} data-testid="audit-item-link">
              {label}
            </Typography.Link>
          ) : (
            <Typography.Text data-testid="audit-item">
              {label}{' '}
              <Typography.Text type="secondary" copyable={{ text: event.itemId }} style={{ fontSize: 12 }}>
                ID {event.itemId.slice(0, 8)}
              </Typography.Text>
            </Typography.Text>
          )}
        </div>
      )}
      {facts.length > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {facts.join(' · ')}
        </Typography.Text>
      )}
      {event.reason && (
        <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }} data-testid="audit-reason">
          <Typography.Text type="secondary">{REASON_LABELS[event.action] ?? '理由'}：</Typography.Text>
          {event.reason}
        </Typography.Paragraph>
      )}
      {extra && (
        <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>
          <Typography.Text type="secondary">增加轮次的理由：</Typography.Text>
          {extra}
        </Typography.Paragraph>
      )}
    </div>
  );
}

/** The append-only history of a list as a timeline, filterable by kind, newest first by default. */
export function AuditTimeline({ events, itemLabel, onOpenItem }: AuditTimelineProps) {
  const [filter, setFilter] = useState<Filter>('all');
  const [newestFirst, setNewestFirst] = useState(true);
  const shown = useMemo(() => {
    const picked = filter === 'all' ? events : events.filter((e) => categoryOf(e.action) === filter);
    return newestFirst ? [...picked].reverse() : picked;
  }, [events, filter, newestFirst]);
  const count = (category: AuditCategory) => events.filter((e) => categoryOf(e.action) === category).length;

  return (
    <div>
      <Flex gap={16} align="center" wrap style={{ marginBottom: 24 }}>
        <Segmented<Filter>
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'all', label: `全部 ${events.length}` },
            { value: 'stage', label: `清单流转 ${count('stage')}` },
            { value: 'item', label: `事项审核 ${count('item')}` },
            { value: 'thread', label: `讨论 ${count('thread')}` },
          ]}
          data-testid="audit-filter"
        />
        <Flex gap={8} align="center">
          <Switch size="small" checked={newestFirst} onChange={setNewestFirst} />
          <Typography.Text>最新在前</Typography.Text>
        </Flex>
      </Flex>
      {shown.length === 0 ? (
        <Empty description="暂无审核记录" />
      ) : (
        <Timeline
          items={shown.map((event) => ({
            key: event.id,
            color: colorOf(event.action),
            children: <AuditEntry event={event} itemLabel={itemLabel} onOpenItem={onOpenItem} />,
          }))}
        />
      )}
    </div>
  );
}
