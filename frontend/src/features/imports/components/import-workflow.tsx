import { Alert, App, Button, Flex, Popconfirm, Result, Steps, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import type { ImportPreview } from '@dutylist/shared';
import { ErrorState } from '@/components/error-state';
import { PageLoading } from '@/components/page-loading';
import { errorMessage, isApiError } from '@/lib/api-client';
import { useImport } from '../hooks/use-import';
import { useConfirmImport, useUploadImport } from '../hooks/use-import-mutations';
import { ImportPreviewPanel } from './import-preview-panel';
import { ImportUpload } from './import-upload';

export interface ImportWorkflowProps {
  listId: string;
  township: string;
  /** After a successful import (the list data is already invalidated). */
  onDone: () => void;
  /** Leave without importing: nothing has changed on the server. */
  onCancel: () => void;
}

const IMPORT_PARAM = 'import';

function confirmSummary({ summary }: ImportPreview): string {
  return `修改 ${summary.changed} 项、新增 ${summary.added} 项、删除 ${summary.removed} 项`;
}

/** Choose a document → check its preview → confirm. The preview id lives in the URL, so a reload keeps it. */
export function ImportWorkflow({ listId, township, onDone, onCancel }: ImportWorkflowProps) {
  const { message } = App.useApp();
  const [searchParams, setSearchParams] = useSearchParams();
  const importId = searchParams.get(IMPORT_PARAM);
  const importQuery = useImport(listId, importId);
  const upload = useUploadImport(listId);
  const confirm = useConfirmImport(listId);

  const setImportId = (id: string | null) => {
    confirm.reset();
    setSearchParams(id ? { [IMPORT_PARAM]: id } : {}, { replace: id === null });
  };

  const restart = () => {
    upload.reset();
    setImportId(null);
  };

  const onFile = (file: File) => {
    upload.mutate(file, { onSuccess: (preview) => setImportId(preview.id) });
  };

  const onConfirm = async () => {
    if (!importId) return;
    try {
      const result = await confirm.mutateAsync(importId);
      message.success(`导入完成：${confirmSummary(result)}`);
      onDone();
    } catch (error) {
      if (!(isApiError(error) && error.code === 'IMPORT_STALE'))
        message.error(errorMessage(error, '导入失败，请稍后重试'));
    }
  };

  const step = importId === null ? 0 : 1;
  const steps = (
    <Steps
      size="small"
      current={step}
      style={{ marginBottom: 24 }}
      items={[{ title: '选择文件' }, { title: '核对预览' }, { title: '确认导入' }]}
    />
  );

  if (importId === null) {
    return (
      <div data-testid="import-workflow">
        {steps}
        <ImportUpload
          uploading={upload.isPending}
          error={upload.error}
          onFile={onFile}
          onTooLarge={() => message.error('文件超过 50 MB，无法导入')}
        />
        <Flex justify="flex-end" style={{ marginTop: 16 }}>
          <Button onClick={onCancel} data-testid="import-cancel">
            取消
          </Button>
        </Flex>
      </div>
    );
  }

  if (importQuery.isPending) return <PageLoading tip="正在加载预览…" />;
  if (importQuery.isError) {
    return (
      <ErrorState
        error={importQuery.error}
        onRetry={() => void importQuery.refetch()}
        extra={<Button onClick={restart}>重新上传</Button>}
      />
    );
  }

  const preview = importQuery.data;
  if (preview.status === 'confirmed') {
    return (
      <Result
        status="success"
        title="该文档已导入"
        subTitle={`${preview.fileName}：${confirmSummary(preview)}`}
        extra={[
          <Button key="back" type="primary" onClick={onDone}>
            返回清单
          </Button>,
          <Button key="again" onClick={restart}>
            导入其他文档
          </Button>,
        ]}
      />
    );
  }

  const stale = isApiError(confirm.error) && confirm.error.code === 'IMPORT_STALE';
  const errorCount = preview.issues.filter((issue) => issue.severity === 'error').length;

  return (
    <div data-testid="import-workflow">
      {steps}
      {stale && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message="草稿已变化，未导入"
          description={confirm.error?.message}
          action={
            <Button size="small" type="primary" onClick={restart} data-testid="import-stale-restart">
              重新上传
            </Button>
          }
          data-testid="import-stale"
        />
      )}
      <ImportPreviewPanel preview={preview} expectedTownship={township} />
      <Flex
        justify="flex-end"
        align="center"
        gap={8}
        wrap
        style={{
          position: 'sticky',
          bottom: 0,
          marginTop: 16,
          padding: '12px 0',
          background: '#fff',
          borderTop: '1px solid #f0f0f0',
          zIndex: 3,
        }}
      >
        <Typography.Text type="secondary" style={{ marginInlineEnd: 'auto' }}>
          确认后：{confirmSummary(preview)}
        </Typography.Text>
        <Button onClick={onCancel} disabled={confirm.isPending} data-testid="import-cancel">
          取消
        </Button>
        <Button onClick={restart} disabled={confirm.isPending} data-testid="import-restart">
          重新选择文件
        </Button>
        <Popconfirm
          title="确认导入该文档？"
          description={
            <div data-testid="import-confirm-summary">
              <div>{confirmSummary(preview)}</div>
              {errorCount > 0 && <Typography.Text type="danger">文档中仍有 {errorCount} 处错误。</Typography.Text>}
            </div>
          }
          okText="确认导入"
          cancelText="再看看"
          okButtonProps={{ 'data-testid': 'import-confirm-ok' }}
          onConfirm={onConfirm}
          disabled={stale}
        >
          <Button type="primary" loading={confirm.isPending} disabled={stale} data-testid="import-confirm">
            确认导入
          </Button>
        </Popconfirm>
      </Flex>
    </div>
  );
}
