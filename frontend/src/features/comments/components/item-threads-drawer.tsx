import { Alert, App, Button, Drawer, Empty, Flex, Segmented, Select, Spin, Typography } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { ITEM_CONTENT_FIELDS, ITEM_FIELD_LABELS, type ItemContentField, type Thread } from '@dutylist/shared';
import { ErrorState } from '@/components/error-state';
import { useList } from '@/features/lists/hooks/use-list';
import { errorMessage } from '@/lib/api-client';
import { useCreateThread } from '../hooks/use-thread-mutations';
import { useItemThreads, useParticipants } from '../hooks/use-threads';
import { MentionInput, mentionedIds } from './mention-input';
import { ThreadCard } from './thread-card';

type StatusFilter = 'all' | 'open' | 'resolved';

const fieldOptions = ITEM_CONTENT_FIELDS.map((field) => ({ value: field, label: ITEM_FIELD_LABELS[field] }));

/** Unresolved first (whatever round they were opened in), then the newest. */
function sortThreads(threads: readonly Thread[]): Thread[] {
  return [...threads].sort((a, b) => {
    if (a.status !== b.status) return a.status === 'open' ? -1 : 1;
    return b.createdAt.localeCompare(a.createdAt);
  });
}

export interface ItemThreadsDrawerProps {
  listId: string;
  itemId: string | null;
  open: boolean;
  onClose: () => void;
  /** Shown in the title, e.g. the item's number and name. */
  title?: ReactNode;
}

/** Every discussion on one item across rounds, with reply, resolve/reopen and a new thread. */
export function ItemThreadsDrawer({ listId, itemId, open, onClose, title }: ItemThreadsDrawerProps) {
  const { message } = App.useApp();
  const listQuery = useList(listId);
  const threadsQuery = useItemThreads(listId, open ? itemId : null);
  const participantsQuery = useParticipants(listId, open);
  const createMutation = useCreateThread(listId);
  const [status, setStatus] = useState<StatusFilter>('all');
  const [field, setField] = useState<ItemContentField | undefined>(undefined);
  const [body, setBody] = useState('');

  const canComment = listQuery.data?.can.comment ?? false;
  const participants = useMemo(() => participantsQuery.data ?? [], [participantsQuery.data]);
  const threads = useMemo(() => sortThreads(threadsQuery.data ?? []), [threadsQuery.data]);
  const openCount = threads.filter((thread) => thread.status === 'open').length;
  const shown = status === 'all' ? threads : threads.filter((thread) => thread.status === status);
  const itemName = threads[0]?.item.name;

  const send = async () => {
    const text = body.trim();
    if (!itemId) return;
    if (!text) {
      message.warning('请输入评论内容');
      return;
    }
    try {
      await createMutation.mutateAsync({
        itemId,
        body: text,
        ...(field ? { field } : {}),
        mentions: mentionedIds(text, participants),
      });
      setBody('');
      setField(undefined);
      message.success('已发起讨论');
    } catch (error) {
      message.error(errorMessage(error, '发送失败，请稍后重试'));
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      width={560}
      destroyOnHidden
      title={title ?? (itemName ? `讨论：${itemName}` : '事项讨论')}
      data-testid="threads-drawer"
    >
      <div data-testid="threads-drawer-body">
        {canComment ? (
          <Flex vertical gap={8} style={{ marginBottom: 16 }}>
            <Select
              allowClear
              value={field}
              onChange={(value: ItemContentField | undefined) => setField(value)}
              placeholder="针对的字段（可不选）"
              options={fieldOptions}
              style={{ maxWidth: 240 }}
              data-testid="thread-field"
            />
            <MentionInput
              value={body}
              onChange={setBody}
              participants={participants}
              disabled={createMutation.isPending}
              placeholder="发起新的讨论，输入 @ 可提醒相关人员"
              testId="thread-body"
            />
            <Flex justify="flex-end">
              <Button
                type="primary"
                onClick={() => void send()}
                loading={createMutation.isPending}
                data-testid="thread-send"
              >
                发起讨论
              </Button>
            </Flex>
          </Flex>
        ) : (
          listQuery.data && (
            <Alert type="info" showIcon message="当前阶段不能发表评论，仅供查看" style={{ marginBottom: 16 }} />
          )
        )}
        <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
          <Typography.Text type="secondary" data-testid="threads-count">
            {`共 ${threads.length} 个讨论，${openCount} 个未解决`}
          </Typography.Text>
          <Segmented<StatusFilter>
            size="small"
            value={status}
            onChange={setStatus}
            options={[
              { value: 'all', label: '全部' },
              { value: 'open', label: '未解决' },
              { value: 'resolved', label: '已解决' },
            ]}
          />
        </Flex>
        {threadsQuery.isPending && itemId ? (
          <Flex justify="center" style={{ padding: 24 }}>
            <Spin />
          </Flex>
        ) : threadsQuery.isError ? (
          <ErrorState error={threadsQuery.error} onRetry={() => void threadsQuery.refetch()} />
        ) : shown.length === 0 ? (
          <Empty description={threads.length ? '没有符合条件的讨论' : '暂无讨论'} />
        ) : (
          shown.map((thread) => (
            <ThreadCard
              key={thread.id}
              listId={listId}
              thread={thread}
              participants={participants}
              canComment={canComment}
            />
          ))
        )}
      </div>
    </Drawer>
  );
}
