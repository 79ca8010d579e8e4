import { Alert, App, Button, Card, Flex, Segmented, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { Feedback, Item, ListDetail } from '@dutylist/shared';
import { ItemFormModal } from '@/features/items/components/item-form-modal';
import { useItems } from '@/features/items/hooks/use-items';
import { errorMessage } from '@/lib/api-client';
import { useAcceptSuggestion, useAnswerFeedback, useRejectSuggestion } from '../hooks/use-feedback-mutations';
import { useReviewState } from '@/features/reviews/hooks/use-review-state';
import { FeedbackEntry, type FeedbackEntryActions } from './feedback-entry';
import { feedbackSummary, sortFeedback } from './feedback-format';
import { FeedbackTextModal } from './feedback-text-modal';

type TextTarget = { mode: 'answer' | 'reject'; feedback: Feedback };
type Filter = 'all' | 'open';

/**
 * 审核意见: every return and suggestion of the last review round, with what the township made of it,
 * and (when it may answer) the actions: 采纳建议, 不采纳, 说明, 去修改. Hidden when there is none.
 */
export function FeedbackPanel({ list }: { list: ListDetail }) {
  const { message } = App.useApp();
  const reviewQuery = useReviewState(list.id);
  const itemsQuery = useItems(list.id);
  const accept = useAcceptSuggestion(list.id);
  const reject = useRejectSuggestion(list.id);
  const answer = useAnswerFeedback(list.id);
  const [textTarget, setTextTarget] = useState<TextTarget | null>(null);
  const [editing, setEditing] = useState<Item | null>(null);
  const [filter, setFilter] = useState<Filter>('all');

  const review = reviewQuery.data;
  const sorted = useMemo(() => sortFeedback(review?.feedback ?? []), [review]);

  const actions: FeedbackEntryActions = {
    onAccept: (feedback) =>
      accept.mutate(feedback.decision.id, {
        onSuccess: () => void message.success('已采纳建议，草稿中的事项已按建议修改'),
        onError: (error) => void message.error(errorMessage(error, '采纳失败，请稍后重试')),
      }),
    onReject: (feedback) => setTextTarget({ mode: 'reject', feedback }),
    onAnswer: (feedback) => setTextTarget({ mode: 'answer', feedback }),
    onEdit: (feedback) => {
      const groups = itemsQuery.data;
      const item = groups
        ? [...groups.basic, ...groups.cooperative, ...groups.revoked].find((it) => it.id === feedback.decision.itemId)
        : undefined;
      if (item) setEditing(item);
      else message.warning('该事项不在草稿中，可能已被删除');
    },
  };

  if (reviewQuery.isPending) return null;
  if (reviewQuery.isError) {
    return (
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        message="审核意见加载失败"
        description={errorMessage(reviewQuery.error)}
        action={
          <Button size="small" onClick={() => void reviewQuery.refetch()}>
            重试
          </Button>
        }
      />
    );
  }
  if (!review || review.feedback.length === 0) return null;

  const round = review.version?.round ?? list.round;
  const shown = filter === 'open' ? sorted.filter((f) => !f.settled) : sorted;
  const submitText = (text: string) => {
    if (!textTarget) return;
    const decisionId = textTarget.feedback.decision.id;
    const options = {
      onSuccess: () => {
        void message.success(textTarget.mode === 'reject' ? '已记录不采纳的理由' : '已提交说明');
        setTextTarget(null);
      },
      onError: (error: unknown) => void message.error(errorMessage(error, '提交失败，请稍后重试')),
    };
    if (textTarget.mode === 'reject') reject.mutate({ decisionId, reason: text }, options);
    else answer.mutate({ decisionId, text }, options);
  };

  return (
    <Card
      style={{ marginBottom: 16 }}
      data-testid="feedback-panel"
      title={
        <Flex align="center" gap={12} wrap>
          <span>审核意见</span>
          <Typography.Text type={review.openFeedback > 0 ? 'danger' : 'success'} data-testid="feedback-summary">
            {feedbackSummary(round, review.feedback, review.openFeedback)}
          </Typography.Text>
        </Flex>
      }
      extra={
        <Segmented<Filter>
          size="small"
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'all', label: `全部 ${review.feedback.length}` },
            { value: 'open', label: `待处理 ${review.feedback.filter((f) => !f.settled).length}` },
          ]}
        />
      }
      styles={{ body: { paddingTop: 4, paddingBottom: 4 } }}
    >
      {shown.length === 0 ? (
        <Typography.Paragraph type="secondary" style={{ margin: '12px 0' }}>
          审核意见均已处理
        </Typography.Paragraph>
      ) : (
        shown.map((feedback) => (
          <FeedbackEntry
            key={feedback.decision.id}
            feedback={feedback}
            canAnswer={list.can.answerFeedback}
            canEdit={list.can.editItems}
            accepting={accept.isPending && accept.variables === feedback.decision.id}
            actions={actions}
          />
        ))
      )}
      {textTarget && (
        <FeedbackTextModal
          title={textTarget.mode === 'reject' ? '不采纳修改建议' : '说明审核意见的处理情况'}
          label={textTarget.mode === 'reject' ? '不采纳的理由' : '说明'}
          hint={
            textTarget.mode === 'reject'
              ? '请写明不采纳该建议的理由，审核人将在下一轮看到。'
              : '如不修改该事项，请说明理由；如已另行处理，请说明处理情况。'
          }
          initialText={textTarget.feedback.decision.response ?? ''}
          pending={reject.isPending || answer.isPending}
          onSubmit={submitText}
          onClose={() => setTextTarget(null)}
        />
      )}
      {editing && (
        <ItemFormModal listId={list.id} target={{ mode: 'edit', item: editing }} onClose={() => setEditing(null)} />
      )}
    </Card>
  );
}
