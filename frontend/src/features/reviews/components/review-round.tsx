import { Alert, Card } from 'antd';
import { useMemo, useState } from 'react';
import type { ListDetail, ReviewState } from '@dutylist/shared';
import { ReviewItemsPanel, type LocateRequest } from './review-items-panel';
import { ReviewRoundHeader } from './review-round-header';

export interface ReviewRoundProps {
  list: ListDetail;
  review: ReviewState;
}

/** The reviewer's page body: the round's header with its steps, and its items. */
export function ReviewRound({ list, review }: ReviewRoundProps) {
  const [selectedIds, setSelectedIds] = useState<string[]>([]);
  const [locate, setLocate] = useState<LocateRequest | null>(null);
  const selectedItems = useMemo(() => {
    const chosen = new Set(selectedIds);
    return review.items.filter((item) => chosen.has(item.item.id));
  }, [review.items, selectedIds]);

  return (
    <>
      <Card style={{ marginBottom: 16 }}>
        <ReviewRoundHeader
          list={list}
          review={review}
          selectedItems={selectedItems}
          onLocate={(itemId) => setLocate({ itemId, nonce: Date.now() })}
          onItemsReturned={() => setSelectedIds([])}
        />
      </Card>
      {!review.version ? (
        <Alert type="info" showIcon message="清单尚未报送，暂无可审核的版本" data-testid="review-no-version" />
      ) : (
        <Card>
          <ReviewItemsPanel
            listId={list.id}
            review={review}
            can={list.can}
            selectedIds={selectedIds}
            onSelectedChange={setSelectedIds}
            locate={locate}
          />
        </Card>
      )}
    </>
  );
}
