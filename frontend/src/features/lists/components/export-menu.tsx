import { App, Button, Dropdown } from 'antd';
import { useState } from 'react';
import { download, errorMessage } from '@/lib/api-client';

const FORMATS = [
  { key: 'docx', label: 'Word 文档 (.docx)' },
  { key: 'xlsx', label: 'Excel 表格 (.xlsx)' },
  { key: 'txt', label: '文本 (.txt)' },
] as const;

/** Download the draft in the official layout (title block, generated 说明, the three tables). */
export function ExportMenu({ listId }: { listId: string }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);

  const onClick = async ({ key }: { key: string }) => {
    setBusy(true);
    try {
      await download(`/lists/${listId}/export`, { format: key }, `履职事项清单.${key}`);
    } catch (error) {
      void message.error(errorMessage(error, '导出失败，请稍后重试'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dropdown menu={{ items: FORMATS.map((f) => ({ key: f.key, label: f.label })), onClick }} trigger={['click']}>
      <Button loading={busy} data-testid="export-open">
        导出清单
      </Button>
    </Dropdown>
  );
}
