import { Breadcrumb, Button } from 'antd';
import type { ReactNode } from 'react';
import type { ListDetail } from '@dutylist/shared';
import { Link } from 'react-router';
import { ErrorState } from '@/components/error-state';
import { PageLoading } from '@/components/page-loading';
import { useList } from '../hooks/use-list';

interface ListSubpageProps {
  listId: string;
  /** The last breadcrumb: 审核, 版本对比… */
  label: string;
  testId: string;
  loadingTip?: string;
  /** Another query the page needs before it can show anything (its error and loading count too). */
  also?: { data: unknown; error: Error | null; refetch: () => Promise<unknown> };
  children: (list: ListDetail) => ReactNode;
}

/**
 * The frame of a page below a list (/lists/:id/…): 我的清单 / <list> / <label>, then the error (with a
 * retry and a way back), the loading state, or the page itself once the list is there.
 */
export function ListSubpage({ listId, label, testId, loadingTip, also, children }: ListSubpageProps) {
  const listQuery = useList(listId);
  const list = listQuery.data;
  const error = listQuery.error ?? also?.error ?? null;
  const ready = list && (!also || also.data !== undefined);

  return (
    <div data-testid={testId}>
      <Breadcrumb
        style={{ marginBottom: 16 }}
        items={[
          { title: <Link to="/lists">我的清单</Link> },
          { title: <Link to={`/lists/${listId}`}>{list?.title ?? '清单'}</Link> },
          { title: label },
        ]}
      />
      {error ? (
        <ErrorState
          error={error}
          onRetry={() => void Promise.all([listQuery.refetch(), also?.refetch()])}
          extra={
            <Link to="/lists">
              <Button>返回我的清单</Button>
            </Link>
          }
        />
      ) : !ready ? (
        <PageLoading tip={loadingTip ?? '正在加载清单…'} />
      ) : (
        children(list)
      )}
    </div>
  );
}
