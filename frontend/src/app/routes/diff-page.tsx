import { Button, Flex, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { DiffView } from '@/features/diffs/components/diff-view';
import { ListSubpage } from '@/features/lists/components/list-subpage';

/** /lists/:listId/diff — what changed between two rounds, item by item and word by word. */
export function DiffPage() {
  const { listId = '' } = useParams();
  return (
    <ListSubpage listId={listId} label="版本对比" testId="diff-page">
      {(list) => (
        <>
          <Flex align="center" gap={12} wrap style={{ marginBottom: 12 }}>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {`${list.title} · 版本对比`}
            </Typography.Title>
            <Link to={`/lists/${list.id}/compare`} style={{ marginLeft: 'auto' }} data-testid="compare-open">
              <Button>与其他乡镇清单对比</Button>
            </Link>
          </Flex>
          <DiffView list={list} />
        </>
      )}
    </ListSubpage>
  );
}
