import { Typography } from 'antd';
import { ErrorState } from '@/components/error-state';
import { ListsTable } from '@/features/lists/components/lists-table';
import { useLists } from '@/features/lists/hooks/use-lists';

export function ListsPage() {
  const listsQuery = useLists();
  return (
    <div data-testid="lists-page">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        我的清单
      </Typography.Title>
      {listsQuery.isError ? (
        <ErrorState error={listsQuery.error} onRetry={() => void listsQuery.refetch()} />
      ) : (
        <ListsTable lists={listsQuery.data ?? []} loading={listsQuery.isPending} />
      )}
    </div>
  );
}
