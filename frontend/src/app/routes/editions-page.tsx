import { Button, Flex, Typography } from 'antd';
import { useState } from 'react';
import type { EditionSummary } from '@dutylist/shared';
import { ErrorState } from '@/components/error-state';
import { EditionFormModal } from '@/features/editions/components/edition-form-modal';
import { EditionsTable } from '@/features/editions/components/editions-table';
import { useEditions } from '@/features/editions/hooks/use-editions';

/** /editions — 届次管理: open the next edition, set round limits and deadlines (the region only). */
export function EditionsPage() {
  const editionsQuery = useEditions();
  const [editing, setEditing] = useState<EditionSummary | 'new' | null>(null);
  const editions = editionsQuery.data ?? [];
  const nextEdition = editions.length ? Math.max(...editions.map((e) => e.edition)) + 1 : new Date().getFullYear() + 1;
  return (
    <div data-testid="editions-page">
      <Flex align="center" gap={12} style={{ marginBottom: 8 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          届次管理
        </Typography.Title>
        <Button
          type="primary"
          style={{ marginLeft: 'auto' }}
          onClick={() => setEditing('new')}
          data-testid="edition-open"
        >
          开启新届次
        </Button>
      </Flex>
      <Typography.Paragraph type="secondary">
        每一届的审核轮次上限和各阶段办理期限对辖区内所有清单生效；开启新届次时，每个乡镇从其最新发布的清单开始起草。
      </Typography.Paragraph>
      {editionsQuery.isError ? (
        <ErrorState error={editionsQuery.error} onRetry={() => void editionsQuery.refetch()} />
      ) : (
        <EditionsTable editions={editions} loading={editionsQuery.isPending} onEdit={(e) => setEditing(e)} />
      )}
      {editing && (
        <EditionFormModal
          edition={editing === 'new' ? null : editing}
          nextEdition={nextEdition}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  );
}
