import { App, Button, Card, Flex, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ITEM_FIELD_LABELS, type Thread, type UserRef } from '@dutylist/shared';
import { errorMessage } from '@/lib/api-client';
import { formatDateTime } from '@/lib/format';
import { useReplyToThread, useSetThreadStatus } from '../hooks/use-thread-mutations';
import { MentionInput, mentionedIds } from './mention-input';

export interface ThreadCardProps {
  listId: string;
  thread: Thread;
  participants: readonly UserRef[];
  canComment: boolean;
}

/** One discussion on an item: where and when it was opened, its comments, reply and resolve. */
export function ThreadCard({ listId, thread, participants, canComment }: ThreadCardProps) {
  const { message } = App.useApp();
  const [reply, setReply] = useState('');
  const replyMutation = useReplyToThread(listId);
  const statusMutation = useSetThreadStatus(listId);
  const resolved = thread.status === 'resolved';

  const sendReply = async () => {
    const body = reply.trim();
    if (!body) {
      message.warning('请输入回复内容');
      return;
    }
    try {
      await replyMutation.mutateAsync({
        threadId: thread.id,
        body: { body, mentions: mentionedIds(body, participants) },
      });
      setReply('');
      message.success('已回复');
    } catch (error) {
      message.error(errorMessage(error, '回复失败，请稍后重试'));
    }
  };

  const setStatus = async (nextResolved: boolean) => {
    try {
      await statusMutation.mutateAsync({ threadId: thread.id, resolved: nextResolved });
      message.success(nextResolved ? '讨论已标记为解决' : '讨论已重新打开');
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  return (
    <Card
      size="small"
      data-testid="thread"
      data-thread-id={thread.id}
      data-status={thread.status}
      style={{ marginBottom: 12, borderColor: resolved ? undefined : '#ffd591' }}
      title={
        <Space size={4} wrap>
          <Tag color={resolved ? 'success' : 'warning'} data-testid="thread-status">
            {resolved ? '已解决' : '未解决'}
          </Tag>
          <Tag data-testid="thread-round">{`第${thread.openedRound}轮提出`}</Tag>
          {thread.field && <Tag color="blue">{`针对：${ITEM_FIELD_LABELS[thread.field]}`}</Tag>}
          {thread.item.deleted && <Tag color="default">事项已删除</Tag>}
        </Space>
      }
      extra={
        canComment &&
        (resolved ? (
          <Button
            size="small"
            onClick={() => void setStatus(false)}
            loading={statusMutation.isPending}
            data-testid="thread-reopen"
          >
            重新打开
          </Button>
        ) : (
          <Button
            size="small"
            type="primary"
            ghost
            onClick={() => void setStatus(true)}
            loading={statusMutation.isPending}
            data-testid="thread-resolve"
          >
            标记为已解决
          </Button>
        ))
      }
    >
      {thread.comments.map((comment) => (
        <div key={comment.id} data-testid="thread-comment" style={{ marginBottom: 10 }}>
          <Flex gap={8} align="baseline" wrap>
            <Typography.Text strong>{comment.author.displayName}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {comment.author.orgName} · {formatDateTime(comment.createdAt)} · 第{comment.round}轮
            </Typography.Text>
          </Flex>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '2px 0 0' }} data-testid="thread-comment-body">
            {comment.body}
          </Typography.Paragraph>
          {comment.mentions.length > 0 && (
            <Space size={4} wrap>
              {comment.mentions.map((user) => (
                <Tag key={user.id} color="geekblue" bordered={false}>{`@${user.displayName}`}</Tag>
              ))}
            </Space>
          )}
        </div>
      ))}
      {resolved && thread.resolvedBy && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {`${thread.resolvedBy.displayName} 于 ${formatDateTime(thread.resolvedAt)} 标记为已解决`}
        </Typography.Text>
      )}
      {canComment && (
        <Flex vertical gap={6} style={{ marginTop: 8 }}>
          <MentionInput
            value={reply}
            onChange={setReply}
            participants={participants}
            rows={2}
            placeholder="回复，输入 @ 可提醒相关人员"
            disabled={replyMutation.isPending}
            testId="thread-reply-body"
          />
          <Flex justify="flex-end">
            <Button
              size="small"
              onClick={() => void sendReply()}
              loading={replyMutation.isPending}
              data-testid="thread-reply-send"
            >
              回复
            </Button>
          </Flex>
        </Flex>
      )}
    </Card>
  );
}
