import { App, Button, Flex, Popconfirm, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { LIST_STAGE_LABELS, LIST_STAGES, type EditionSummary, type ListStage } from '@dutylist/shared';
import { errorMessage } from '@/lib/api-client';
import { formatDateTime } from '@/lib/format';
import { useOpenEdition } from '../hooks/use-editions';

const STAGE_GROUPS: { label: string; stages: ListStage[]; color: string }[] = [
  { label: '起草中', stages: ['drafting', 'returned'], color: 'default' },
  { label: '县级审核', stages: ['submitted', 'county_review'], color: 'processing' },
  {
    label: '州/区审核',
    stages: ['county_approved', 'prefecture_review', 'prefecture_approved', 'region_review', 'region_approved'],
    color: 'purple',
  },
  { label: '已发布', stages: ['published'], color: 'success' },
];

function days(value: number | null): string {
  return value ? `${value} 天` : '不限期';
}

export interface EditionsTableProps {
  editions: EditionSummary[];
  loading?: boolean;
  onEdit: (edition: EditionSummary) => void;
}

/**
 * 补建草稿: opening an opened edition again with its own settings gives a draft to every township created
 * since (a county that onboarded new townships), and touches nothing else.
 */
function BackfillButton({ edition }: { edition: EditionSummary }) {
  const { message } = App.useApp();
  const open = useOpenEdition();
  return (
    <Popconfirm
      title="为新建的乡镇补建草稿"
      description="本届次开启后新建的乡镇将各得到一份草稿，已有清单的乡镇不变。"
      okText="补建"
      cancelText="取消"
      onConfirm={() =>
        open
          .mutateAsync({
            edition: edition.edition,
            title: edition.title,
            maxRounds: edition.maxRounds,
            reviewDays: edition.reviewDays,
            reviseDays: edition.reviseDays,
          })
          .then(
            (result) =>
              void message.success(result.created ? `已补建草稿 ${result.created} 份` : '所有乡镇都已有本届次的清单'),
            (error: unknown) => void message.error(errorMessage(error)),
          )
      }
    >
      <Button size="small" loading={open.isPending} data-testid="edition-backfill">
        补建草稿
      </Button>
    </Popconfirm>
  );
}

/** The editions, newest first: settings, who opened them, and the lists in scope per stage. */
export function EditionsTable({ editions, loading, onEdit }: EditionsTableProps) {
  const columns: TableColumnsType<EditionSummary> = [
    {
      title: '届次',
      key: 'title',
      render: (_, e) => (
        <Flex vertical>
          <Typography.Text strong data-testid="edition-title-cell">
            {e.title}
          </Typography.Text>
          <Typography.Text type="secondary">{e.edition} 年</Typography.Text>
        </Flex>
      ),
    },
    { title: '轮次上限', dataIndex: 'maxRounds', align: 'right', render: (n: number) => `${n} 轮` },
    { title: '审核期限', dataIndex: 'reviewDays', render: days },
    { title: '修改期限', dataIndex: 'reviseDays', render: days },
    {
      title: '清单进度',
      key: 'stages',
      render: (_, e) => (
        <Flex gap={4} wrap data-testid="edition-stages">
          <Typography.Text>共 {e.lists} 份</Typography.Text>
          {STAGE_GROUPS.map((group) => {
            const n = group.stages.reduce((sum, stage) => sum + (e.stages[stage] ?? 0), 0);
            return n > 0 ? (
              <Tag
                key={group.label}
                color={group.color}
                title={group.stages
                  .filter((s) => LIST_STAGES.includes(s))
                  .map((s) => `${LIST_STAGE_LABELS[s]} ${e.stages[s] ?? 0}`)
                  .join('，')}
              >
                {group.label} {n}
              </Tag>
            ) : null;
          })}
          {e.adjusting > 0 && <Tag color="orange">动态调整中 {e.adjusting}</Tag>}
          {e.overdue > 0 && <Tag color="red">已逾期 {e.overdue}</Tag>}
        </Flex>
      ),
    },
    {
      title: '开启',
      key: 'opened',
      render: (_, e) =>
        e.openedAt ? (
          <Flex vertical>
            <span>{formatDateTime(e.openedAt)}</span>
            <Typography.Text type="secondary">{e.openedBy?.displayName ?? ''}</Typography.Text>
          </Flex>
        ) : (
          <Typography.Text type="secondary">未通过届次管理开启</Typography.Text>
        ),
    },
    {
      title: '操作',
      key: 'actions',
      render: (_, e) => (
        <Flex gap={8}>
          <Button size="small" onClick={() => onEdit(e)} data-testid="edition-edit">
            设置
          </Button>
          {e.openedAt && <BackfillButton edition={e} />}
        </Flex>
      ),
    },
  ];
  return (
    <Table<EditionSummary>
      rowKey="edition"
      columns={columns}
      dataSource={editions}
      loading={loading}
      bordered
      size="middle"
      pagination={false}
      locale={{ emptyText: '尚未开启任何届次' }}
      onRow={(e) => ({ 'data-testid': 'edition-row', 'data-edition': String(e.edition) }) as object}
      data-testid="editions-table"
    />
  );
}
