import { Breadcrumb, Button } from 'antd';
import { Link, useParams } from 'react-router';
import { ErrorState } from '@/components/error-state';
import { PageLoading } from '@/components/page-loading';
import { useList } from '@/features/lists/hooks/use-list';
import { ReviewRound } from '@/features/reviews/components/review-round';
import { useReviewState } from '@/features/reviews/hooks/use-review-state';

/** /lists/:listId/review — the current round, for the county, prefecture and region reviewers. */
export function ReviewPage() {
  const { listId = '' } = useParams();
  const listQuery = useList(listId);
  const reviewQuery = useReviewState(listId);

  const breadcrumb = (
    <Breadcrumb
      style={{ marginBottom: 16 }}
      items={[
        { title: <Link to="/lists">我的清单</Link> },
        { title: <Link to={`/lists/${listId}`}>{listQuery.data?.title ?? '清单'}</Link> },
        { title: '审核' },
      ]}
    />
  );

  const error = listQuery.error ?? reviewQuery.error;
  if (error) {
    return (
      <div data-testid="review-page">
        {breadcrumb}
        <ErrorState
          error={error}
          onRetry={() => void Promise.all([listQuery.refetch(), reviewQuery.refetch()])}
          extra={
            <Link to="/lists">
              <Button>返回我的清单</Button>
            </Link>
          }
        />
      </div>
    );
  }
  if (!listQuery.data || !reviewQuery.data) {
    return (
      <div data-testid="review-page">
        {breadcrumb}
        <PageLoading tip="正在加载本轮审核…" />
      </div>
    );
  }
  return (
    <div data-testid="review-page">
      {breadcrumb}
      <ReviewRound list={listQuery.data} review={reviewQuery.data} />
    </div>
  );
}
