import { useParams } from 'react-router';
import { ListSubpage } from '@/features/lists/components/list-subpage';
import { ReviewRound } from '@/features/reviews/components/review-round';
import { useReviewState } from '@/features/reviews/hooks/use-review-state';

/** /lists/:listId/review — the current round, for the county, prefecture and region reviewers. */
export function ReviewPage() {
  const { listId = '' } = useParams();
  // Read here, not in ListSubpage: the query re-renders this page only for the fields it reads itself.
  const { data: review, error, refetch } = useReviewState(listId);
  return (
    <ListSubpage
      listId={listId}
      label="审核"
      testId="review-page"
      loadingTip="正在加载本轮审核…"
      also={{ data: review, error, refetch }}
    >
      {(list) => review && <ReviewRound list={list} review={review} />}
    </ListSubpage>
  );
}
