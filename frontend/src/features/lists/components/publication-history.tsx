import { Card, Empty, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PUBLICATION_KIND_LABELS, type ListDetail, type ListPublication } from '@dutylist/shared';
import { Link } from 'react-router';
import { formatDateTime } from '@/lib/format';

/** 版本发布记录: the initial publication and each adjustment, with the version each put in force. */
export function PublicationHistory({ list }: { list: ListDetail }) {
  const columns: TableColumnsType<ListPublication> = [
    {
      title: '次序',
      dataIndex: 'number',
      width: 110,
      render: (_, p) => (
        <Tag color={p.kind === 'initial' ? 'blue' : 'orange'}>
          {p.kind === 'initial' ? PUBLICATION_KIND_LABELS.initial : `第${p.number - 1}次调整`}
        </Tag>
      ),
    },
    {
      title: '发起',
      key: 'started',
      render: (_, p) => (
        <span>
          {formatDateTime(p.startedAt)}
          {p.startedBy && (
            <Typography.Text type="secondary">{` ${p.startedBy.displayName}（${p.startedBy.orgName}）`}</Typography.Text>
          )}
        </span>
      ),
    },
    { title: '调整理由', dataIndex: 'reason', render: (reason: string | null) => reason ?? '—' },
    {
      title: '起始版本',
      dataIndex: 'baseVersion',
      width: 100,
      render: (n: number | null) => (n ? `第${n}版` : '—'),
    },
    {
      title: '发布版本',
      key: 'published',
      render: (_, p) => {
        if (!p.publishedVersion) return <Tag color="processing">审核中</Tag>;
        const inForce = list.inForce?.number === p.publishedVersion.number;
        return (
          <span>
            第{p.publishedVersion.number}版 · {p.publishedVersion.label}{' '}
            {inForce && <Tag color="success">现行有效</Tag>}
          </span>
        );
      },
    },
    {
      title: '发布',
      key: 'publishedAt',
      render: (_, p) =>
        p.publishedAt ? (
          <span>
            {formatDateTime(p.publishedAt)}
            {p.publishedBy && <Typography.Text type="secondary">{` ${p.publishedBy.displayName}`}</Typography.Text>}
          </span>
        ) : (
          '—'
        ),
    },
    {
      title: '',
      key: 'diff',
      width: 120,
      render: (_, p) =>
        p.baseVersion && p.publishedVersion ? (
          <Link to={`/lists/${list.id}/diff?from=${p.baseVersion}&to=${p.publishedVersion.number}`}>查看调整内容</Link>
        ) : null,
    },
  ];
  const published = list.publications.some((p) => p.publishedVersion);
  return (
    <Card title="版本发布记录" size="small" style={{ marginBottom: 16 }} data-testid="publication-history">
      {published || list.publications.length > 1 ? (
        <Table<ListPublication>
          rowKey="number"
          size="small"
          columns={columns}
          dataSource={list.publications}
          pagination={false}
          onRow={() => ({ 'data-testid': 'publication-row' }) as object}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未发布" />
      )}
    </Card>
  );
}
