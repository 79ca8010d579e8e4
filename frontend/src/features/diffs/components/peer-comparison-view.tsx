import { Alert, Card, Empty, Flex, Select, Spin, Statistic, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import {
  LIST_TABLE_SHORT_LABELS,
  type ListDetail,
  type PeerComparisonResponse,
  type PeerItem,
  type PeerPairDto,
} from '@dutylist/shared';
import { ErrorState } from '@/components/error-state';
import { useLists } from '@/features/lists/hooks/use-lists';
import { formatEdition } from '@/lib/format';
import { usePeerComparison } from '../hooks/use-peer-comparison';

type TablePair = PeerComparisonResponse['differentTable'][number];
type CategoryPair = PeerComparisonResponse['differentCategory'][number];

const itemColumns: TableColumnsType<PeerItem> = [
  { title: '清单', key: 'table', width: 140, render: (_, i) => LIST_TABLE_SHORT_LABELS[i.table] },
  { title: '序号', dataIndex: 'seq', width: 64, align: 'center' },
  { title: '事项类别', key: 'category', width: 130, render: (_, i) => i.category ?? '未分类' },
  { title: '事项名称', dataIndex: 'name' },
];

/** How a side is named: the township, with its edition when both lists are of one township. */
function sideName(result: PeerComparisonResponse, side: 'list' | 'other'): string {
  const ref = result[side];
  return result.list.township === result.other.township ? `${ref.township}（${ref.edition}年）` : ref.township;
}
const nameA = (result: PeerComparisonResponse) => sideName(result, 'list');
const nameB = (result: PeerComparisonResponse) => sideName(result, 'other');

function confidenceTag(pair: PeerPairDto) {
  const percent = Math.round(pair.confidence * 100);
  return (
    <Tag color={pair.method === 'exact' ? 'green' : percent >= 80 ? 'blue' : 'orange'} style={{ marginInlineEnd: 0 }}>
      {pair.method === 'exact' ? '相同' : `相似 ${percent}%`}
    </Tag>
  );
}

function pairColumns<P extends PeerPairDto>(
  result: PeerComparisonResponse,
  label: string,
  what: (pair: P) => string,
): TableColumnsType<P> {
  return [
    { title: `${nameA(result)}的事项`, key: 'a', render: (_, p) => p.a.name },
    { title: `${nameB(result)}的事项`, key: 'b', render: (_, p) => p.b.name },
    { title: label, key: 'what', width: 260, render: (_, p) => what(p) },
    { title: '匹配', key: 'confidence', width: 100, align: 'center', render: (_, p) => confidenceTag(p) },
  ];
}

interface SectionProps {
  title: string;
  count: number;
  testId: string;
  children: ReactNode;
}

function Section({ title, count, testId, children }: SectionProps) {
  return (
    <Card size="small" title={`${title}（${count}）`} data-testid={testId} style={{ marginBottom: 16 }}>
      {children}
    </Card>
  );
}

function Result({ result }: { result: PeerComparisonResponse }) {
  const pairKey = (p: PeerPairDto) => `${p.a.id}:${p.b.id}`;
  return (
    <div data-testid="compare-result">
      <Flex gap={32} wrap style={{ marginBottom: 16 }}>
        <Statistic title="两份清单都有" value={result.matched} suffix="项" />
        <Statistic title={`${nameA(result)}独有`} value={result.missing.length} suffix="项" />
        <Statistic title={`${nameB(result)}独有`} value={result.extra.length} suffix="项" />
        <Statistic title="所在清单不同" value={result.differentTable.length} suffix="项" />
        <Statistic title="事项类别不同" value={result.differentCategory.length} suffix="项" />
      </Flex>
      <Typography.Paragraph type="secondary">
        {`比较前已去除地名：${result.placeNames.join('、')}，以及“乡”“镇”“县”等字样。`}
      </Typography.Paragraph>
      <Section
        title={`${nameB(result)}有、${nameA(result)}没有的事项`}
        count={result.extra.length}
        testId="compare-extra"
      >
        <Table<PeerItem> rowKey="id" size="small" columns={itemColumns} dataSource={result.extra} pagination={false} />
      </Section>
      <Section
        title={`${nameA(result)}有、${nameB(result)}没有的事项`}
        count={result.missing.length}
        testId="compare-missing"
      >
        <Table<PeerItem>
          rowKey="id"
          size="small"
          columns={itemColumns}
          dataSource={result.missing}
          pagination={false}
        />
      </Section>
      <Section title="列入不同清单的事项" count={result.differentTable.length} testId="compare-different-table">
        <Table<TablePair>
          rowKey={pairKey}
          size="small"
          pagination={false}
          dataSource={result.differentTable}
          columns={pairColumns<TablePair>(
            result,
            '所在清单',
            (p) => `${LIST_TABLE_SHORT_LABELS[p.table.from]} ↔ ${LIST_TABLE_SHORT_LABELS[p.table.to]}`,
          )}
        />
      </Section>
      <Section title="事项类别不同的事项" count={result.differentCategory.length} testId="compare-different-category">
        <Table<CategoryPair>
          rowKey={pairKey}
          size="small"
          pagination={false}
          dataSource={result.differentCategory}
          columns={pairColumns<CategoryPair>(
            result,
            '事项类别',
            (p) => `${p.category.from ?? '未分类'} ↔ ${p.category.to ?? '未分类'}`,
          )}
        />
      </Section>
    </div>
  );
}

/** This list against another list the user can see (a neighbouring township, or a model list). */
export function PeerComparisonView({ list }: { list: ListDetail }) {
  const [searchParams, setSearchParams] = useSearchParams();
  const otherId = searchParams.get('with');
  const listsQuery = useLists();
  const comparison = usePeerComparison(list.id, otherId);
  const others = (listsQuery.data ?? []).filter((l) => l.id !== list.id);

  return (
    <div>
      <Flex gap={8} align="center" wrap style={{ marginBottom: 16 }}>
        <Typography.Text>{`${list.township.name}（${formatEdition(list.edition)}）对比：`}</Typography.Text>
        <Select<string>
          data-testid="compare-with"
          showSearch
          optionFilterProp="label"
          placeholder="选择另一份清单（其他乡镇或范本）"
          style={{ width: 360 }}
          loading={listsQuery.isLoading}
          value={otherId ?? undefined}
          onChange={(value) => setSearchParams({ with: value }, { replace: true })}
          options={others.map((l) => ({
            value: l.id,
            label: `${l.township.name} · ${l.county.name} · ${formatEdition(l.edition)}`,
          }))}
        />
      </Flex>
      {others.length === 0 && listsQuery.isSuccess && (
        <Alert type="info" showIcon message="您的权限范围内没有其他清单可供对比" />
      )}
      {!otherId ? (
        <Empty description="请选择要对比的清单" />
      ) : comparison.isError ? (
        <ErrorState error={comparison.error} onRetry={() => void comparison.refetch()} />
      ) : !comparison.data ? (
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin />
        </Flex>
      ) : (
        <Result result={comparison.data} />
      )}
    </div>
  );
}
