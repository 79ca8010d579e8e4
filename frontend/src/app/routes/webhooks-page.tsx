import { Typography } from 'antd';
import { useMemo } from 'react';
import { ErrorState } from '@/components/error-state';
import { buildWebhookRows, WebhooksTable } from '@/features/webhooks/components/webhooks-table';
import { useScopeOrgUnits, useWebhooks } from '@/features/webhooks/hooks/use-webhooks';

/** 通知机器人: the group robots (企业微信 / 钉钉) of the org units the admin manages. */
export function WebhooksPage() {
  const orgUnits = useScopeOrgUnits();
  const hooks = useWebhooks();
  const rows = useMemo(() => buildWebhookRows(orgUnits.data ?? [], hooks.data ?? []), [orgUnits.data, hooks.data]);
  const error = orgUnits.error ?? hooks.error;

  return (
    <div data-testid="webhooks-page">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        通知机器人
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        为各单位配置企业微信或钉钉群机器人：清单流转到该单位或逾期时，机器人会在单位的工作群里提醒。
      </Typography.Paragraph>
      {error ? (
        <ErrorState
          error={error}
          onRetry={() => {
            void orgUnits.refetch();
            void hooks.refetch();
          }}
        />
      ) : (
        <WebhooksTable rows={rows} loading={orgUnits.isPending || hooks.isPending} />
      )}
    </div>
  );
}
