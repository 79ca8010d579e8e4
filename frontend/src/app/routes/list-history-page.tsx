import { Breadcrumb, Card } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { LIST_TABLE_SHORT_LABELS, type ListTable } from '@dutylist/shared';
import { Link, useParams } from 'react-router';
import { ErrorState } from '@/components/error-state';
import { PageLoading } from '@/components/page-loading';
import { AuditTimeline } from '@/features/audit/components/audit-timeline';
import { useAudit } from '@/features/audit/hooks/use-audit';
import { useReviewState } from '@/features/reviews/hooks/use-review-state';
import { useItems } from '@/features/items/hooks/use-items';
import { ListHeader } from '@/features/lists/components/list-header';
import { useList } from '@/features/lists/hooks/use-list';
import { ItemHistoryDrawer } from '@/features/reviews/components/item-history-drawer';

/** Long item names are cut in the timeline (the drawer shows them in full). */
const MAX_NAME = 40;

interface ItemPlace {
  table: ListTable;
  seq: number;
  name: string;
}

/** 审核记录 of a list: every step of the cycle, who took it, when, and why. */
export function ListHistoryPage() {
  const { listId = '' } = useParams();
  const listQuery = useList(listId);
  const auditQuery = useAudit(listId);
  const itemsQuery = useItems(listId);
  const reviewQuery = useReviewState(listId);
  const [historyItemId, setHistoryItemId] = useState<string | null>(null);

  // Items are named where they stand in the draft, else as last submitted.
  const places = useMemo(() => {
    const map = new Map<string, ItemPlace>();
    for (const reviewItem of reviewQuery.data?.items ?? []) map.set(reviewItem.item.id, reviewItem.item);
    const groups = itemsQuery.data;
    if (groups) for (const item of [...groups.basic, ...groups.cooperative, ...groups.revoked]) map.set(item.id, item);
    return map;
  }, [itemsQuery.data, reviewQuery.data]);
  const itemLabel = useCallback(
    (itemId: string) => {
      const place = places.get(itemId);
      if (!place) return null;
      const name = place.name.length > MAX_NAME ? `${place.name.slice(0, MAX_NAME)}…` : place.name;
      return `${LIST_TABLE_SHORT_LABELS[place.table]} 第${place.seq}项 ${name}`;
    },
    [places],
  );
  const historyTitle = (itemId: string) => {
    const place = places.get(itemId);
    return place ? `事项历史 · ${LIST_TABLE_SHORT_LABELS[place.table]} 第${place.seq}项` : '事项历史';
  };

  const breadcrumb = (
    <Breadcrumb
      style={{ marginBottom: 16 }}
      items={[
        { title: <Link to="/lists">我的清单</Link> },
        { title: <Link to={`/lists/${listId}`}>{listQuery.data?.title ?? '清单'}</Link> },
        { title: '审核记录' },
      ]}
    />
  );

  let body;
  if (listQuery.isError) body = <ErrorState error={listQuery.error} onRetry={() => void listQuery.refetch()} />;
  else if (auditQuery.isError) body = <ErrorState error={auditQuery.error} onRetry={() => void auditQuery.refetch()} />;
  else if (listQuery.isPending || auditQuery.isPending) body = <PageLoading tip="正在加载审核记录…" />;
  else {
    body = (
      <>
        <Card style={{ marginBottom: 16 }}>
          <ListHeader list={listQuery.data} />
        </Card>
        <Card title="审核记录">
          <AuditTimeline events={auditQuery.data} itemLabel={itemLabel} onOpenItem={setHistoryItemId} />
        </Card>
        <ItemHistoryDrawer
          listId={listId}
          itemId={historyItemId}
          open={historyItemId !== null}
          onClose={() => setHistoryItemId(null)}
          title={historyItemId ? historyTitle(historyItemId) : undefined}
        />
      </>
    );
  }

  return (
    <div data-testid="history-page">
      {breadcrumb}
      {body}
    </div>
  );
}
