import { Breadcrumb, Button, Flex, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { ErrorState } from '@/components/error-state';
import { PageLoading } from '@/components/page-loading';
import { DiffView } from '@/features/diffs/components/diff-view';
import { useList } from '@/features/lists/hooks/use-list';

/** /lists/:listId/diff — what changed between two rounds, item by item and word by word. */
export function DiffPage() {
  const { listId = '' } = useParams();
  const listQuery = useList(listId);
  const list = listQuery.data;

  return (
    <div data-testid="diff-page">
      <Breadcrumb
        style={{ marginBottom: 16 }}
        items={[
          { title: <Link to="/lists">我的清单</Link> },
          { title: <Link to={`/lists/${listId}`}>{list?.title ?? '清单'}</Link> },
          { title: '版本对比' },
        ]}
      />
      {listQuery.error ? (
        <ErrorState
          error={listQuery.error}
          onRetry={() => void listQuery.refetch()}
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
          <Flex align="center" gap={12} wrap style={{ marginBottom: 12 }}>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {`${list.title} · 版本对比`}
            </Typography.Title>
            <Link to={`/lists/${list.id}/compare`} style={{ marginLeft: 'auto' }} data-testid="compare-open">
              <Button>与其他乡镇清单对比</Button>
            </Link>
          </Flex>
          <DiffView list={list} />
        </>
      )}
    </div>
  );
}
