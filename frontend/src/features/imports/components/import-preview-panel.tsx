import { Alert, Card, Col, Descriptions, Flex, Row, Statistic, Switch, Table, Tabs, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  LIST_TABLES,
  LIST_TABLE_SHORT_LABELS,
  type ImportIssue,
  type ImportPreview,
  type ImportRow,
  type ListTable,
} from '@dutylist/shared';
import { SEVERITY_TAGS, findIssueRow, importRowKey } from './import-labels';
import { ImportRowsTable, type TablePage } from './import-rows-table';

export interface ImportPreviewPanelProps {
  preview: ImportPreview;
  /** The township of the list being imported into: a document titled for another township is flagged. */
  expectedTownship?: string;
}

type IssueRecord = ImportIssue & { key: number; target: ImportRow | undefined };
type RemovedItem = ImportPreview['removed'][number];

const DEFAULT_PAGE: TablePage = { current: 1, pageSize: 20 };

function CountsTable({ preview }: { preview: ImportPreview }) {
  const stated = preview.statedCounts;
  const total = LIST_TABLES.reduce((sum, table) => sum + preview.counts[table], 0);
  const rows = [
    ...LIST_TABLES.map((table) => ({
      key: table,
      label: LIST_TABLE_SHORT_LABELS[table],
      parsed: preview.counts[table],
      stated: stated?.[table] ?? null,
    })),
    { key: 'total', label: '合计', parsed: total, stated: stated?.total ?? null },
  ];
  return (
    <Table
      data-testid="import-counts"
      size="small"
      pagination={false}
      bordered
      dataSource={rows}
      rowKey="key"
      columns={[
        { title: '表', dataIndex: 'label', key: 'label' },
        { title: '解析到', dataIndex: 'parsed', key: 'parsed', align: 'right', render: (n: number) => `${n} 项` },
        {
          title: '说明中所列',
          key: 'stated',
          align: 'right',
          render: (_, row) => {
            if (row.stated === null) return <Typography.Text type="secondary">未说明</Typography.Text>;
            if (row.stated === row.parsed) return `${row.stated} 项`;
            return (
              <span data-testid={`import-count-mismatch-${row.key}`}>
                <Typography.Text type="danger" strong>
                  {row.stated} 项
                </Typography.Text>{' '}
                <Tag color="red" style={{ marginInlineEnd: 0 }}>
                  不一致
                </Tag>
              </span>
            );
          },
        },
      ]}
    />
  );
}

function SummaryRow({ summary }: { summary: ImportPreview['summary'] }) {
  const cells = [
    { key: 'unchanged', title: '未变', value: summary.unchanged, color: undefined },
    { key: 'changed', title: '修改', value: summary.changed, color: summary.changed ? '#d48806' : undefined },
    { key: 'added', title: '新增', value: summary.added, color: summary.added ? '#389e0d' : undefined },
    { key: 'removed', title: '删除', value: summary.removed, color: summary.removed ? '#cf1322' : undefined },
  ];
  return (
    <Row gutter={16} data-testid="import-summary">
      {cells.map((cell) => (
        <Col key={cell.key} xs={12} md={6} data-testid={`import-summary-${cell.key}`}>
          <Statistic
            title={cell.title}
            value={cell.value}
            suffix="项"
            valueStyle={cell.color ? { color: cell.color } : undefined}
          />
        </Col>
      ))}
    </Row>
  );
}

function RemovedList({ removed }: { removed: RemovedItem[] }) {
  return (
    <Table<RemovedItem>
      data-testid="import-removed"
      size="small"
      bordered
      rowKey="itemId"
      dataSource={removed}
      locale={{ emptyText: '没有将删除的事项' }}
      pagination={removed.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
      columns={[
        {
          title: '表',
          dataIndex: 'table',
          key: 'table',
          width: 160,
          render: (table: ListTable) => LIST_TABLE_SHORT_LABELS[table],
        },
        { title: '原序号', dataIndex: 'seq', key: 'seq', width: 80, align: 'center' },
        { title: '事项名称', dataIndex: 'name', key: 'name' },
      ]}
    />
  );
}

/**
 * What an uploaded document would do to the draft: its title and counts, the validation report and every row
 * with its status. Clicking an issue shows its row (tab, page, scroll, highlight).
 */
export function ImportPreviewPanel({ preview, expectedTownship }: ImportPreviewPanelProps) {
  const [activeTable, setActiveTable] = useState<ListTable>('basic');
  const [onlyChanged, setOnlyChanged] = useState(false);
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const [pages, setPages] = useState<Record<ListTable, TablePage>>({
    basic: DEFAULT_PAGE,
    cooperative: DEFAULT_PAGE,
    revoked: DEFAULT_PAGE,
  });
  /** Bumped on every issue click, so clicking the same issue twice scrolls again. */
  const [jump, setJump] = useState(0);
  const rowsRef = useRef<HTMLDivElement>(null);

  const rowsByTable = useMemo(() => {
    const groups = { basic: [], cooperative: [], revoked: [] } as Record<ListTable, ImportRow[]>;
    for (const row of preview.rows) groups[row.table]?.push(row);
    return groups;
  }, [preview.rows]);

  const visibleRows = useMemo(() => {
    if (!onlyChanged) return rowsByTable;
    const result = {} as Record<ListTable, ImportRow[]>;
    for (const table of LIST_TABLES) result[table] = rowsByTable[table].filter((row) => row.status !== 'unchanged');
    return result;
  }, [rowsByTable, onlyChanged]);

  const issues = useMemo<IssueRecord[]>(
    () => preview.issues.map((issue, key) => ({ ...issue, key, target: findIssueRow(preview.rows, issue) })),
    [preview.issues, preview.rows],
  );
  const flaggedKeys = useMemo(
    () => new Set(issues.flatMap((issue) => (issue.target ? [importRowKey(issue.target)] : []))),
    [issues],
  );
  const errorCount = issues.filter((issue) => issue.severity === 'error').length;

  const showRow = useCallback(
    (row: ImportRow) => {
      const key = importRowKey(row);
      const keepFilter = onlyChanged && row.status !== 'unchanged';
      if (!keepFilter) setOnlyChanged(false);
      const tableRows = keepFilter ? visibleRows[row.table] : rowsByTable[row.table];
      const index = Math.max(
        0,
        tableRows.findIndex((candidate) => importRowKey(candidate) === key),
      );
      setPages((previous) => {
        const { pageSize } = previous[row.table];
        return { ...previous, [row.table]: { pageSize, current: Math.floor(index / pageSize) + 1 } };
      });
      setActiveTable(row.table);
      setSelectedKey(key);
      setJump((n) => n + 1);
    },
    [onlyChanged, visibleRows, rowsByTable],
  );

  useEffect(() => {
    if (!selectedKey || jump === 0) return;
    const frame = window.requestAnimationFrame(() => {
      const element = rowsRef.current?.querySelector(`tr[data-row-key="${selectedKey}"]`);
      if (element && typeof element.scrollIntoView === 'function') {
        element.scrollIntoView({ block: 'center', behavior: 'smooth' });
      }
    });
    return () => window.cancelAnimationFrame(frame);
  }, [selectedKey, jump]);

  const onToggleChanged = useCallback((checked: boolean) => {
    setOnlyChanged(checked);
    setPages((previous) => {
      const next = { ...previous };
      for (const table of LIST_TABLES) next[table] = { ...previous[table], current: 1 };
      return next;
    });
  }, []);

  const onPageChange = useCallback(
    (table: ListTable, page: TablePage) => setPages((previous) => ({ ...previous, [table]: page })),
    [],
  );
  const pageHandlers = useMemo(
    () =>
      Object.fromEntries(LIST_TABLES.map((table) => [table, (page: TablePage) => onPageChange(table, page)])) as Record<
        ListTable,
        (page: TablePage) => void
      >,
    [onPageChange],
  );

  const issueColumns = useMemo<TableColumnsType<IssueRecord>>(
    () => [
      {
        title: '级别',
        dataIndex: 'severity',
        key: 'severity',
        width: 80,
        filters: (['error', 'warning', 'info'] as const).map((value) => ({ text: SEVERITY_TAGS[value].label, value })),
        onFilter: (value, issue) => issue.severity === value,
        render: (severity: ImportIssue['severity']) => (
          <Tag color={SEVERITY_TAGS[severity].color}>{SEVERITY_TAGS[severity].label}</Tag>
        ),
      },
      {
        title: '行号',
        dataIndex: 'line',
        key: 'line',
        width: 80,
        align: 'center',
        render: (v: number | null) => v ?? '—',
      },
      {
        title: '表',
        dataIndex: 'list',
        key: 'list',
        width: 150,
        render: (table: ListTable | null) => (table ? LIST_TABLE_SHORT_LABELS[table] : '—'),
      },
      {
        title: '序号',
        dataIndex: 'seq',
        key: 'seq',
        width: 70,
        align: 'center',
        render: (v: number | null) => v ?? '—',
      },
      {
        title: '说明',
        dataIndex: 'message',
        key: 'message',
        render: (message: string, issue) =>
          issue.target ? (
            // The whole row is clickable; the link also answers the keyboard.
            <Typography.Link
              role="button"
              tabIndex={0}
              onKeyDown={(event) => {
                if ((event.key === 'Enter' || event.key === ' ') && issue.target) {
                  event.preventDefault();
                  showRow(issue.target);
                }
              }}
            >
              {message}
            </Typography.Link>
          ) : (
            <Typography.Text>{message}</Typography.Text>
          ),
      },
    ],
    [showRow],
  );

  const { township, county, prefecture } = preview.title;
  const wrongTownship = Boolean(expectedTownship && township && township !== expectedTownship);

  return (
    <Flex vertical gap={16} data-testid="import-preview">
      <Card title="文档信息" size="small">
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} style={{ marginBottom: 12 }}>
          <Descriptions.Item label="文件">{preview.fileName}</Descriptions.Item>
          <Descriptions.Item label="乡镇">
            <span data-testid="import-title-township">{township ?? '未识别'}</span>
            {wrongTownship && (
              <Tag color="red" style={{ marginInlineStart: 8 }} data-testid="import-township-mismatch">
                与本清单（{expectedTownship}）不符
              </Tag>
            )}
          </Descriptions.Item>
          <Descriptions.Item label="县">{county ?? '未识别'}</Descriptions.Item>
          <Descriptions.Item label="州/地区">{prefecture ?? '未识别'}</Descriptions.Item>
        </Descriptions>
        <CountsTable preview={preview} />
      </Card>

      <Card title="导入后的变化" size="small">
        <SummaryRow summary={preview.summary} />
      </Card>

      <Card
        size="small"
        title={
          <span>
            校验报告{' '}
            <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
              （{issues.length} 条，点击定位到对应行）
            </Typography.Text>
          </span>
        }
      >
        {errorCount > 0 && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            message={`文档中有 ${errorCount} 处错误，请核对对应行；确认导入将按解析结果写入草稿。`}
          />
        )}
        <Table<IssueRecord>
          data-testid="import-issues"
          size="small"
          rowKey="key"
          columns={issueColumns}
          dataSource={issues}
          locale={{ emptyText: '未发现问题' }}
          pagination={
            issues.length > 10 ? { pageSize: 10, showSizeChanger: true, showTotal: (t) => `共 ${t} 条` } : false
          }
          onRow={(issue) => ({
            onClick: () => issue.target && showRow(issue.target),
            style: { cursor: issue.target ? 'pointer' : 'default' },
          })}
        />
      </Card>

      <Card
        size="small"
        title="文档中的事项"
        extra={
          <Flex align="center" gap={8}>
            <Switch size="small" checked={onlyChanged} onChange={onToggleChanged} data-testid="import-only-changed" />
            <span>只看有变化</span>
          </Flex>
        }
      >
        <div ref={rowsRef}>
          <Tabs
            activeKey={activeTable}
            onChange={(key) => setActiveTable(key as ListTable)}
            items={LIST_TABLES.map((table) => ({
              key: table,
              label: (
                <span data-testid={`import-tab-${table}`}>
                  {`${LIST_TABLE_SHORT_LABELS[table]} (${
                    onlyChanged
                      ? `${visibleRows[table].length}/${rowsByTable[table].length}`
                      : rowsByTable[table].length
                  })`}
                </span>
              ),
              children: (
                <ImportRowsTable
                  table={table}
                  rows={visibleRows[table]}
                  selectedKey={selectedKey}
                  page={pages[table]}
                  onPageChange={pageHandlers[table]}
                  flaggedKeys={flaggedKeys}
                  onlyChanged={onlyChanged}
                />
              ),
            }))}
          />
        </div>
      </Card>

      <Card
        size="small"
        title={
          <span>
            将删除的事项{' '}
            <Typography.Text type={preview.removed.length ? 'danger' : 'secondary'}>
              （{preview.removed.length} 项，草稿中有而文档中没有）
            </Typography.Text>
          </span>
        }
      >
        <RemovedList removed={preview.removed} />
      </Card>
    </Flex>
  );
}
