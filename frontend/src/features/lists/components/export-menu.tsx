import { App, Button, Dropdown } from 'antd';
import { useState } from 'react';
import { download, errorMessage } from '@/lib/api-client';

const FORMATS = [
  { key: 'docx', label: 'Word 文档 (.docx)' },
  { key: 'xlsx', label: 'Excel 表格 (.xlsx)' },
  { key: 'txt', label: '文本 (.txt)' },
] as const;

/**
 * Download the draft in the official layout (title block, generated 说明, the three tables), or, once
 * published, the version in force (still the published one while an adjustment runs).
 */
export function ExportMenu({ listId, inForce = null }: { listId: string; inForce?: number | null }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);

  const onClick = async ({ key }: { key: string }) => {
    setBusy(true);
    try {
      const [which, format] = key.includes(':') ? key.split(':') : ['draft', key];
      const path = which === 'inforce' ? `/lists/${listId}/in-force/export` : `/lists/${listId}/export`;
      await download(path, { format }, `履职事项清单.${format}`);
    } catch (error) {
      void message.error(errorMessage(error, '导出失败，请稍后重试'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dropdown
      menu={{
        items:
          inForce === null
            ? FORMATS.map((f) => ({ key: f.key, label: f.label }))
            : [
                { type: 'group', label: '当前草稿', children: FORMATS.map((f) => ({ key: f.key, label: f.label })) },
                {
                  type: 'group',
                  label: `生效版本（第${inForce}版）`,
                  children: FORMATS.map((f) => ({ key: `inforce:${f.key}`, label: f.label })),
                },
              ],
        onClick,
      }}
      trigger={['click']}
    >
      <Button loading={busy} data-testid="export-open">
        导出清单
      </Button>
    </Dropdown>
  );
}
