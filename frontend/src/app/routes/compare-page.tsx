import { Breadcrumb, Button, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { ErrorState } from '@/components/error-state';
import { PageLoading } from '@/components/page-loading';
import { PeerComparisonView } from '@/features/diffs/components/peer-comparison-view';
import { useList } from '@/features/lists/hooks/use-list';

/** /lists/:listId/compare?with=<otherListId> — the list against a neighbouring township's, place names aside. */
export function ComparePage() {
  const { listId = '' } = useParams();
  const listQuery = useList(listId);
  const list = listQuery.data;

  return (
    <div data-testid="compare-page">
      <Breadcrumb
        style={{ marginBottom: 16 }}
        items={[
          { title: <Link to="/lists">我的清单</Link> },
          { title: <Link to={`/lists/${listId}`}>{list?.title ?? '清单'}</Link> },
          { title: '清单比对' },
        ]}
      />
      {listQuery.error ? (
        <ErrorState
          error={listQuery.error}
          extra={
            <Link to="/lists">
              <Button>返回我的清单</Button>
            </Link>
          }
        />
      ) : !list ? (
        <PageLoading tip="正在加载清单…" />
      ) : (
        <>
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            {`${list.title} · 与其他清单比对`}
          </Typography.Title>
          <PeerComparisonView list={list} />
        </>
      )}
    </div>
  );
}
