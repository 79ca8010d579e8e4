import { Typography } from 'antd';
import { ErrorState } from '@/components/error-state';
import { useCurrentUser } from '@/features/auth/hooks/use-current-user';
import { TasksTable } from '@/features/tasks/components/tasks-table';
import { useMyTasks } from '@/features/tasks/hooks/use-my-tasks';

export function TasksPage() {
  const { data: user } = useCurrentUser();
  const tasksQuery = useMyTasks();
  const forDrafter = user?.can.draftLists ?? false;
  return (
    <div data-testid="tasks-page">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        我的待办
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {forDrafter
          ? '起草中或被退回的清单：逐条处理审核意见后报送。'
          : '等待您审核、签署或发布的清单，逾期的排在最前。'}
      </Typography.Paragraph>
      {tasksQuery.isError ? (
        <ErrorState error={tasksQuery.error} onRetry={() => void tasksQuery.refetch()} />
      ) : (
        <TasksTable tasks={tasksQuery.data ?? []} forDrafter={forDrafter} loading={tasksQuery.isPending} />
      )}
    </div>
  );
}
