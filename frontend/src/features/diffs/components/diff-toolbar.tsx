import { App, Button, Flex, Segmented, Select, Space, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { DRAFT_SIDE_LABEL, type DiffExportFormat, type ListDetail } from '@dutylist/shared';
import { errorMessage } from '@/lib/api-client';
import { downloadChangeTable } from '../api/get-diff';
import type { DiffMode } from './diff-table';

/** A side in the selects: a version number, or the draft. */
export type SideValue = number | 'draft';

export interface DiffToolbarProps {
  list: ListDetail;
  from: number | null;
  to: SideValue;
  onChange: (from: number, to: SideValue) => void;
  mode: DiffMode;
  onModeChange: (mode: DiffMode) => void;
  /** "Since my last decision" (reviewers only). */
  onSinceMyDecision?: () => void;
  sinceLoading?: boolean;
}

function versionOption(v: ListDetail['versions'][number]) {
  return { value: v.number, label: `第${v.number}版 · ${v.label}` };
}

/** Which two rounds to compare, the display mode, and the 修改对照表 downloads. */
export function DiffToolbar({
  list,
  from,
  to,
  onChange,
  mode,
  onModeChange,
  onSinceMyDecision,
  sinceLoading,
}: DiffToolbarProps) {
  const { message } = App.useApp();
  const [exporting, setExporting] = useState<DiffExportFormat | null>(null);
  const versions = [...list.versions].sort((a, b) => a.number - b.number);
  const option = (v: ListDetail['versions'][number]) => {
    const o = versionOption(v);
    return v.number === list.inForce?.number ? { ...o, label: `${o.label}（生效版本）` } : o;
  };
  const fromOptions = versions.map(option);
  const toOptions = [...versions.map(option), { value: 'draft' as const, label: DRAFT_SIDE_LABEL }];

  const exportAs = async (format: DiffExportFormat) => {
    if (from === null) return;
    setExporting(format);
    try {
      await downloadChangeTable(list.id, { from, to }, format);
    } catch (error) {
      void message.error(errorMessage(error, '导出失败，请稍后重试'));
    } finally {
      setExporting(null);
    }
  };

  return (
    <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
      <Space size={6} wrap>
        <Typography.Text type="secondary">对比</Typography.Text>
        <Select<number>
          data-testid="diff-from"
          aria-label="原版本"
          style={{ width: 330 }}
          value={from ?? undefined}
          options={fromOptions}
          onChange={(value) => onChange(value, to)}
        />
        <Typography.Text type="secondary">→</Typography.Text>
        <Select<SideValue>
          data-testid="diff-to"
          aria-label="新版本"
          style={{ width: 330 }}
          value={to}
          options={toOptions}
          onChange={(value) => from !== null && onChange(from, value)}
        />
        {onSinceMyDecision && (
          <Tooltip title="从您上次作出审核决定的版本，对比到最新报送的版本">
            <Button onClick={onSinceMyDecision} loading={sinceLoading} data-testid="diff-since-mine">
              我上次审核以来的变化
            </Button>
          </Tooltip>
        )}
      </Space>
      <Space size={8} wrap style={{ marginLeft: 'auto' }}>
        <Segmented<DiffMode>
          data-testid="diff-mode"
          value={mode}
          onChange={onModeChange}
          options={[
            { value: 'inline', label: '行内对比' },
            { value: 'side', label: '左右对照' },
          ]}
        />
        <Button
          onClick={() => void exportAs('docx')}
          loading={exporting === 'docx'}
          disabled={from === null}
          data-testid="diff-export-docx"
        >
          修改对照表 (Word)
        </Button>
        <Button
          onClick={() => void exportAs('xlsx')}
          loading={exporting === 'xlsx'}
          disabled={from === null}
          data-testid="diff-export-xlsx"
        >
          修改对照表 (Excel)
        </Button>
      </Space>
    </Flex>
  );
}
