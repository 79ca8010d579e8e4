import { Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { memo, useMemo } from 'react';
import type { ImportRow, ListTable } from '@dutylist/shared';
import { ROW_STATUS_TAGS, importRowKey } from './import-labels';

export interface TablePage {
  current: number;
  pageSize: number;
}

export interface ImportRowsTableProps {
  table: ListTable;
  rows: ImportRow[];
  /** The row picked from the validation report: highlighted. */
  selectedKey: string | null;
  page: TablePage;
  onPageChange: (page: TablePage) => void;
  /** Rows the validation report mentions, marked in the 序号 column. */
  flaggedKeys: ReadonlySet<string>;
  onlyChanged: boolean;
}

export const PAGE_SIZE_OPTIONS = [10, 20, 50, 100];
/** Cells paint their own background (hover, fixed columns), so the highlight targets them. */
export const SELECTED_ROW_CSS =
  '.import-row-selected > td, .import-row-selected:hover > td { background: #fff1b8 !important; }';

function Text({ text }: { text: string }) {
  if (!text) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }} ellipsis={{ rows: 3, tooltip: text }}>
      {text}
    </Typography.Paragraph>
  );
}

function StatusCell({ row }: { row: ImportRow }) {
  const tag = ROW_STATUS_TAGS[row.status];
  const similarity =
    row.status === 'changed' && row.confidence !== null && row.confidence < 1 ? Math.round(row.confidence * 100) : null;
  return (
    <span data-testid="import-row-status">
      <Tag color={tag.color} style={{ marginInlineEnd: 4 }}>
        {tag.label}
      </Tag>
      {row.moved && (
        <Tooltip title="该事项原在另一张表中，确认后移入本表">
          <Tag color="purple" style={{ marginInlineEnd: 4 }} data-testid="import-row-moved">
            移入
          </Tag>
        </Tooltip>
      )}
      {similarity !== null && (
        <Tooltip title="按文字相似度与原事项匹配">
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="import-row-confidence">
            相似度 {similarity}%
          </Typography.Text>
        </Tooltip>
      )}
    </span>
  );
}

function buildColumns(table: ListTable, flaggedKeys: ReadonlySet<string>): TableColumnsType<ImportRow> {
  const columns: TableColumnsType<ImportRow> = [
    {
      title: '序号',
      key: 'seq',
      width: 72,
      align: 'center',
      render: (_, row) =>
        flaggedKeys.has(importRowKey(row)) ? (
          <Tooltip title="校验报告中有该行的问题">
            <Typography.Text type="warning" strong>
              {row.seq}
            </Typography.Text>
          </Tooltip>
        ) : (
          row.seq
        ),
    },
    {
      title: '事项类别',
      dataIndex: 'category',
      key: 'category',
      width: 110,
      render: (category: ImportRow['category']) =>
        category ?? <Typography.Text type="secondary">未分类</Typography.Text>,
    },
    { title: '事项名称', dataIndex: 'name', key: 'name', render: (name: string) => <Text text={name} /> },
  ];
  if (table === 'cooperative') {
    columns.push(
      {
        title: '对应上级部门',
        dataIndex: 'departments',
        key: 'departments',
        width: 150,
        render: (departments: string[]) => <Text text={departments.join('、')} />,
      },
      { title: '上级部门职责', dataIndex: 'upperDuties', key: 'upperDuties', render: (t: string) => <Text text={t} /> },
      {
        title: '乡镇配合职责',
        dataIndex: 'townshipDuties',
        key: 'townshipDuties',
        render: (t: string) => <Text text={t} />,
      },
    );
  }
  if (table === 'revoked') {
    columns.push({
      title: '承接部门及工作方式',
      dataIndex: 'undertaker',
      key: 'undertaker',
      width: 260,
      render: (t: string) => <Text text={t} />,
    });
  }
  columns.push(
    { title: '行号', dataIndex: 'line', key: 'line', width: 72, align: 'center' },
    { title: '状态', key: 'status', width: 170, render: (_, row) => <StatusCell row={row} /> },
  );
  return columns;
}

/** The rows of one table of the uploaded document, with what confirming will do to each. */
export const ImportRowsTable = memo(function ImportRowsTable({
  table,
  rows,
  selectedKey,
  page,
  onPageChange,
  flaggedKeys,
  onlyChanged,
}: ImportRowsTableProps) {
  const columns = useMemo(() => buildColumns(table, flaggedKeys), [table, flaggedKeys]);
  return (
    <div data-testid={`import-rows-${table}`}>
      <style>{SELECTED_ROW_CSS}</style>
      <Table<ImportRow>
        rowKey={importRowKey}
        columns={columns}
        dataSource={rows}
        bordered
        size="small"
        tableLayout="fixed"
        scroll={{ x: table === 'cooperative' ? 1300 : 960 }}
        locale={{ emptyText: onlyChanged ? '本表没有变化' : '本表没有事项' }}
        rowClassName={(row) => (importRowKey(row) === selectedKey ? 'import-row-selected' : '')}
        pagination={{
          current: page.current,
          pageSize: page.pageSize,
          showSizeChanger: true,
          pageSizeOptions: PAGE_SIZE_OPTIONS,
          showTotal: (total) => `共 ${total} 条`,
          onChange: (current, pageSize) => onPageChange({ current, pageSize }),
        }}
      />
    </div>
  );
});
