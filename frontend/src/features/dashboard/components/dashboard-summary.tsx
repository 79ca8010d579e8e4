import { Card, Col, Row, Statistic, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { approvedPercent, type DashboardTotals, type GroupRecord } from './dashboard-grouping';

/** The headline numbers over every list shown. */
export function DashboardStatistics({ totals }: { totals: DashboardTotals }) {
  return (
    <Row gutter={16} style={{ marginBottom: 16 }} data-testid="dashboard-statistics">
      <Col xs={12} md={6}>
        <Card size="small">
          <Statistic title="清单" value={totals.lists} suffix="份" />
        </Card>
      </Col>
      <Col xs={12} md={6}>
        <Card size="small">
          <Statistic title="县级已审定" value={totals.countyApproved} suffix={`/ ${totals.lists}`} />
        </Card>
      </Col>
      <Col xs={12} md={6}>
        <Card size="small">
          <Statistic title="事项审核通过率" value={approvedPercent(totals.items)} suffix="%" />
        </Card>
      </Col>
      <Col xs={12} md={6}>
        <Card size="small">
          <Statistic
            title="逾期"
            value={totals.overdue}
            suffix="份"
            valueStyle={totals.overdue > 0 ? { color: '#cf1322' } : undefined}
          />
        </Card>
      </Col>
    </Row>
  );
}

const summaryColumns: TableColumnsType<GroupRecord> = [
  { title: '名称', dataIndex: 'name', render: (name: string) => <Typography.Text strong>{name}</Typography.Text> },
  { title: '清单', key: 'lists', align: 'right', render: (_, group) => `${group.totals.lists} 份` },
  {
    title: '县级已审定',
    key: 'countyApproved',
    align: 'right',
    render: (_, group) => `${group.totals.countyApproved} 份`,
  },
  {
    title: '事项通过率',
    key: 'approved',
    align: 'right',
    render: (_, group) => `${approvedPercent(group.totals.items)}%`,
    sorter: (a, b) => approvedPercent(a.totals.items) - approvedPercent(b.totals.items),
  },
  {
    title: '逾期',
    key: 'overdue',
    align: 'right',
    render: (_, group) =>
      group.totals.overdue > 0 ? <Typography.Text type="danger">{group.totals.overdue} 份</Typography.Text> : '0',
    sorter: (a, b) => a.totals.overdue - b.totals.overdue,
  },
  { title: '未解决讨论', key: 'threads', align: 'right', render: (_, group) => group.totals.unresolvedThreads },
];

/** One line per county (prefecture view) or prefecture (region view). */
export function DashboardGroupSummary({ groups, title }: { groups: GroupRecord[]; title: string }) {
  return (
    <Card size="small" title={title} style={{ marginBottom: 16 }} data-testid="dashboard-summary">
      <Table<GroupRecord>
        rowKey="key"
        columns={summaryColumns}
        dataSource={groups}
        size="small"
        pagination={false}
        expandable={{ childrenColumnName: '__none__' }}
      />
    </Card>
  );
}
