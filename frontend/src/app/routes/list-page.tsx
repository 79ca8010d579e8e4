import { Breadcrumb, Button, Card } from 'antd';
import { Link, useParams } from 'react-router';
import { ErrorState } from '@/components/error-state';
import { PageLoading } from '@/components/page-loading';
import { FeedbackPanel } from '@/features/feedback/components/feedback-panel';
import { ItemsPanel } from '@/features/items/components/items-panel';
import { ListHeader } from '@/features/lists/components/list-header';
import { PublicationHistory } from '@/features/lists/components/publication-history';
import { useList } from '@/features/lists/hooks/use-list';

export function ListPage() {
  const { listId = '' } = useParams();
  const listQuery = useList(listId);

  const breadcrumb = (
    <Breadcrumb
      style={{ marginBottom: 16 }}
      items={[{ title: <Link to="/lists">我的清单</Link> }, { title: listQuery.data?.title ?? '清单' }]}
    />
  );

  if (listQuery.isPending) {
    return (
      <>
        {breadcrumb}
        <PageLoading tip="正在加载清单…" />
      </>
    );
  }
  if (listQuery.isError) {
    return (
      <>
        {breadcrumb}
        <ErrorState
          error={listQuery.error}
          onRetry={() => void listQuery.refetch()}
          extra={
            <Link to="/lists">
              <Button>返回我的清单</Button>
            </Link>
          }
        />
      </>
    );
  }

  const list = listQuery.data;
  return (
    <div data-testid="list-page">
      {breadcrumb}
      <Card style={{ marginBottom: 16 }}>
        <ListHeader list={list} />
      </Card>
      {(list.inForce || list.adjusting) && <PublicationHistory list={list} />}
      <FeedbackPanel list={list} />
      <Card>
        <ItemsPanel
          listId={list.id}
          canEdit={list.can.editItems}
          toolbarExtra={
            list.can.editItems && (
              <Link to={`/lists/${list.id}/import`} data-testid="import-open">
                <Button>导入文档</Button>
              </Link>
            )
          }
        />
      </Card>
    </div>
  );
}
