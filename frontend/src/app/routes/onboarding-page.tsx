import { Breadcrumb, Result, Typography } from 'antd';
import { PageLoading } from '@/components/page-loading';
import { useCurrentUser } from '@/features/auth/hooks/use-current-user';
import { OnboardingWorkflow } from '@/features/onboarding/components/onboarding-workflow';

/** /admin/onboarding: 批量导入 of org units and accounts, for admins (`me.can.onboard`). */
export function OnboardingPage() {
  const { data: user, isPending } = useCurrentUser();
  if (isPending) return <PageLoading />;
  return (
    <>
      <Breadcrumb style={{ marginBottom: 16 }} items={[{ title: '系统管理' }, { title: '批量导入' }]} />
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        批量导入组织机构和账号
      </Typography.Title>
      {user?.can.onboard ? (
        <OnboardingWorkflow />
      ) : (
        <Result status="403" title="无权访问" subTitle="只有系统管理员可以批量导入组织机构和账号。" />
      )}
    </>
  );
}
