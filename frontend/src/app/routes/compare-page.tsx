import { Typography } from 'antd';
import { useParams } from 'react-router';
import { PeerComparisonView } from '@/features/diffs/components/peer-comparison-view';
import { ListSubpage } from '@/features/lists/components/list-subpage';

/** /lists/:listId/compare?with=<otherListId> — the list against a neighbouring township's, place names aside. */
export function ComparePage() {
  const { listId = '' } = useParams();
  return (
    <ListSubpage listId={listId} label="清单比对" testId="compare-page">
      {(list) => (
        <>
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            {`${list.title} · 与其他清单比对`}
          </Typography.Title>
          <PeerComparisonView list={list} />
        </>
      )}
    </ListSubpage>
  );
}
