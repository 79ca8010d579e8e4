import { App, Button, Space } from 'antd';
import { useState } from 'react';
import type { ListDetail, ReviewItem, ReviewState } from '@dutylist/shared';
import { errorMessage } from '@/lib/api-client';
import { useStartReview } from '../hooks/use-round-actions';
import { decisionOf } from './review-item-filters';
import { ReturnItemsModal } from './return-items-modal';
import { RoundActionModal, type RoundAction } from './round-action-modal';

export interface RoundActionsProps {
  list: ListDetail;
  review: ReviewState;
  /** The rows chosen in the table (退回事项 sends these). */
  selectedItems: readonly ReviewItem[];
  onLocate: (itemId: string) => void;
  onItemsReturned: () => void;
}

/** The list-level steps the caller may take now: exactly those `list.can` allows. */
export function RoundActions({ list, review, selectedItems, onLocate, onItemsReturned }: RoundActionsProps) {
  const { message } = App.useApp();
  const startReview = useStartReview(list.id);
  const [action, setAction] = useState<RoundAction | null>(null);
  const [returning, setReturning] = useState<ReviewItem[] | null>(null);
  const { can } = list;
  const level = review.level;

  const start = async () => {
    try {
      await startReview.mutateAsync();
      message.success('已开始审核');
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  const openReturnItems = () => {
    // Without a selection: the items this level already returned or suggested changes to.
    const items =
      selectedItems.length > 0 || !level
        ? [...selectedItems]
        : review.items.filter((item) => {
            const decision = decisionOf(item, level);
            return decision !== undefined && decision.decision !== 'approved';
          });
    setReturning(items);
  };

  return (
    <>
      <Space wrap data-testid="round-actions">
        {can.startReview && (
          <Button
            type="primary"
            onClick={() => void start()}
            loading={startReview.isPending}
            data-testid="start-review"
          >
            开始审核
          </Button>
        )}
        {can.returnRound && (
          <Button danger onClick={() => setAction('returnRound')} data-testid="return-round">
            退回本轮
          </Button>
        )}
        {can.approve && (
          <Button type="primary" onClick={() => setAction('approve')} data-testid="approve-list">
            审定通过
          </Button>
        )}
        {can.returnItems && (
          <Button danger onClick={openReturnItems} data-testid="return-items">
            {selectedItems.length ? `退回事项 (${selectedItems.length})` : '退回事项'}
          </Button>
        )}
        {can.signOff && (
          <Button type="primary" onClick={() => setAction('signOff')} data-testid="sign-off">
            签署同意
          </Button>
        )}
        {can.publish && (
          <Button type="primary" onClick={() => setAction('publish')} data-testid="publish-list">
            发布
          </Button>
        )}
      </Space>
      {action && (
        <RoundActionModal
          listId={list.id}
          action={action}
          round={review.round}
          onClose={() => setAction(null)}
          onLocate={onLocate}
        />
      )}
      {returning && level && (
        <ReturnItemsModal
          listId={list.id}
          items={returning}
          level={level}
          onClose={() => setReturning(null)}
          onDone={onItemsReturned}
        />
      )}
    </>
  );
}
