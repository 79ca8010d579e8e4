import { Button, Flex, Table, Tag, Typography } from 'antd';
import type { GetRef, TableColumnsType } from 'antd';
import { useMemo, type HTMLAttributes, type Ref } from 'react';
import { DECISION_LABELS, type ListDiff, type ListDiffEntry, type ListTable } from '@dutylist/shared';
import { DecisionTags } from '@/features/reviews/components/decision-tags';
import { DiffBadges } from './diff-badges';
import { DiffEntryContent } from './diff-entry-content';
import { annotationOf, entryId, entryItem } from './diff-filters';
import { DiffSegments } from './diff-segments';

export type DiffMode = 'inline' | 'side';

/** Above this many rows the table is virtualised: only the rows in view (and their highlights) are rendered. */
export const VIRTUAL_THRESHOLD = 80;

export type DiffTableRef = GetRef<typeof Table>;

const MIN_CONTENT_WIDTH = 460;
const MIN_SIDE_WIDTH = 290;

export interface DiffTableProps {
  diff: ListDiff;
  table: ListTable;
  entries: ListDiffEntry[];
  mode: DiffMode;
  focusedId: string | null;
  onFocus: (itemId: string) => void;
  /** Opens the item's history across rounds (absent: no button). */
  onHistory?: (entry: ListDiffEntry) => void;
  tableRef?: Ref<DiffTableRef>;
  height: number;
  emptyText: string;
}

function seqText(entry: ListDiffEntry): string {
  const before = entry.before?.seq;
  const after = entry.after?.seq;
  if (before === undefined) return `新 ${after}`;
  if (after === undefined) return `原 ${before}`;
  return before === after && !entry.moved ? String(after) : `${before}→${after}`;
}

function CategoryCell({ entry }: { entry: ListDiffEntry }) {
  if (entry.categoryChanged) {
    return (
      <DiffSegments
        segments={[
          { op: 'delete', text: entry.categoryChanged.from ?? '未分类' },
          { op: 'equal', text: ' → ' },
          { op: 'insert', text: entry.categoryChanged.to ?? '未分类' },
        ]}
      />
    );
  }
  return <>{entryItem(entry).category ?? <Typography.Text type="secondary">未分类</Typography.Text>}</>;
}

function ReviewCell({ diff, entry }: { diff: ListDiff; entry: ListDiffEntry }) {
  const annotation = annotationOf(diff, entry);
  const previous = annotation.fromDecisions.filter((d) => d.decision !== 'approved');
  return (
    <Flex vertical gap={4}>
      {annotation.decisions.length > 0 && <DecisionTags decisions={annotation.decisions} showReasons={false} />}
      {previous.map((d) => (
        <Typography.Text key={d.id} type="secondary" style={{ fontSize: 12 }} data-testid="diff-previous-decision">
          {`上轮${DECISION_LABELS[d.decision]}：${d.reason ?? ''}`}
          {d.response ? `（答复：${d.response}）` : ''}
        </Typography.Text>
      ))}
      {annotation.openThreads > 0 && (
        <Tag
          color="gold"
          bordered={false}
          style={{ marginInlineEnd: 0, width: 'fit-content' }}
          data-testid="diff-threads"
        >
          {`未解决讨论 ${annotation.openThreads}`}
        </Tag>
      )}
    </Flex>
  );
}

const ROW_TINT: Partial<Record<ListDiffEntry['status'], string>> = {
  added: 'diff-row-added',
  removed: 'diff-row-removed',
};

/** One table of the diff: badges, word-level highlights, review annotations; virtualised when long. */
export function DiffTable({
  diff,
  table,
  entries,
  mode,
  focusedId,
  onFocus,
  onHistory,
  tableRef,
  height,
  emptyText,
}: DiffTableProps) {
  const columns = useMemo<TableColumnsType<ListDiffEntry>>(() => {
    const content: TableColumnsType<ListDiffEntry> =
      mode === 'inline'
        ? [
            {
              title: '事项内容（红色删除、绿色新增）',
              key: 'content',
              render: (_, entry) => <DiffEntryContent entry={entry} side="inline" />,
            },
          ]
        : [
            {
              title: diff.from?.kind === 'version' ? `原内容（第${diff.from.version.number}版）` : '原内容',
              key: 'before',
              render: (_, entry) => <DiffEntryContent entry={entry} side="before" />,
            },
            {
              title: diff.to.kind === 'version' ? `新内容（第${diff.to.version.number}版）` : '新内容（当前草稿）',
              key: 'after',
              render: (_, entry) => <DiffEntryContent entry={entry} side="after" />,
            },
          ];
    return [
      { title: '序号', key: 'seq', width: 64, align: 'center', render: (_, entry) => seqText(entry) },
      { title: '事项类别', key: 'category', width: 110, render: (_, entry) => <CategoryCell entry={entry} /> },
      { title: '变化', key: 'badges', width: 140, render: (_, entry) => <DiffBadges entry={entry} /> },
      ...content,
      {
        title: '审核意见与讨论',
        key: 'review',
        width: 200,
        render: (_, entry) => <ReviewCell diff={diff} entry={entry} />,
      },
      ...(onHistory
        ? [
            {
              title: '操作',
              key: 'actions',
              width: 64,
              align: 'center' as const,
              fixed: 'right' as const,
              render: (_: unknown, entry: ListDiffEntry) => (
                <Button
                  type="link"
                  size="small"
                  onClick={(event) => {
                    event.stopPropagation();
                    onHistory(entry);
                  }}
                  data-testid="diff-history-open"
                >
                  历史
                </Button>
              ),
            },
          ]
        : []),
    ];
  }, [diff, mode, onHistory]);

  // The content columns take the rest of the width, but never less than this.
  const width =
    columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 0), 0) +
    (mode === 'inline' ? MIN_CONTENT_WIDTH : 2 * MIN_SIDE_WIDTH);
  const virtual = entries.length > VIRTUAL_THRESHOLD;
  return (
    <Table<ListDiffEntry>
      ref={tableRef}
      data-testid={`diff-table-${table}`}
      rowKey={entryId}
      columns={columns}
      dataSource={entries}
      size="small"
      bordered
      virtual={virtual}
      scroll={virtual ? { x: width, y: height } : { x: width }}
      pagination={false}
      locale={{ emptyText }}
      rowClassName={(entry) =>
        [entryId(entry) === focusedId ? 'diff-row-focused' : '', ROW_TINT[entry.status] ?? ''].join(' ').trim()
      }
      onRow={(entry) =>
        ({
          'data-testid': 'diff-row',
          'data-item-id': entryId(entry),
          'data-status': entry.status,
          onClick: () => onFocus(entryId(entry)),
        }) as HTMLAttributes<HTMLElement>
      }
    />
  );
}
