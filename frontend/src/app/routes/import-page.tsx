import { Breadcrumb, Button, Card, Result } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorState } from '@/components/error-state';
import { PageLoading } from '@/components/page-loading';
import { ImportWorkflow } from '@/features/imports/components/import-workflow';
import { useList } from '@/features/lists/hooks/use-list';

/** /lists/:listId/import: a township drafter replaces the draft's items from a document. */
export function ImportPage() {
  const { listId = '' } = useParams();
  const navigate = useNavigate();
  const listQuery = useList(listId);
  const listPath = `/lists/${listId}`;

  const breadcrumb = (
    <Breadcrumb
      style={{ marginBottom: 16 }}
      items={[
        { title: <Link to="/lists">我的清单</Link> },
        { title: <Link to={listPath}>{listQuery.data?.title ?? '清单'}</Link> },
        { title: '导入文档' },
      ]}
    />
  );

  let content;
  if (listQuery.isPending) content = <PageLoading tip="正在加载清单…" />;
  else if (listQuery.isError) content = <ErrorState error={listQuery.error} onRetry={() => void listQuery.refetch()} />;
  else if (!listQuery.data.can.editItems) {
    content = (
      <Result
        status="warning"
        title="当前不能导入"
        subTitle="只有起草阶段（或退回修改时）的乡镇起草人可以导入文档。"
        extra={
          <Link to={listPath}>
            <Button type="primary">返回清单</Button>
          </Link>
        }
      />
    );
  } else {
    content = (
      <ImportWorkflow
        listId={listId}
        township={listQuery.data.township.name}
        onDone={() => void navigate(listPath)}
        onCancel={() => void navigate(listPath)}
      />
    );
  }

  return (
    <div data-testid="import-page">
      {breadcrumb}
      <Card title="导入文档">{content}</Card>
    </div>
  );
}
