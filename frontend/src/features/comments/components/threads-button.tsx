import { Badge, Button } from 'antd';
import { useState } from 'react';
import { ItemThreadsDrawer } from './item-threads-drawer';

export interface ThreadsButtonProps {
  listId: string;
  itemId: string;
  /** Threads on the item (every round) and how many of them are unresolved. */
  total: number;
  open: number;
  /** Opens the page's own drawer; without it the button opens a drawer of its own. */
  onOpen?: () => void;
}

/** "讨论 (n)" with a badge for the unresolved threads. */
export function ThreadsButton({ listId, itemId, total, open, onOpen }: ThreadsButtonProps) {
  const [drawerOpen, setDrawerOpen] = useState(false);
  const button = (
    <Button
      type="link"
      size="small"
      onClick={() => (onOpen ? onOpen() : setDrawerOpen(true))}
      data-testid="threads-open"
      style={{ paddingInline: 4 }}
    >
      {`讨论 (${total})`}
    </Button>
  );
  return (
    <>
      {open > 0 ? (
        <span title={`${open} 条讨论未解决`}>
          <Badge count={open} size="small" offset={[-2, 2]}>
            {button}
          </Badge>
        </span>
      ) : (
        button
      )}
      {!onOpen && drawerOpen && (
        <ItemThreadsDrawer listId={listId} itemId={itemId} open onClose={() => setDrawerOpen(false)} />
      )}
    </>
  );
}
