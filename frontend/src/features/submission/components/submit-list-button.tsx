import { Button } from 'antd';
import { useState } from 'react';
import type { ListDetail } from '@dutylist/shared';
import { SubmitChecklistModal } from './submit-checklist-modal';

/** 报送, for the drafter when the list may be submitted: opens the checklist of what is still open. */
export function SubmitListButton({ list }: { list: ListDetail }) {
  const [open, setOpen] = useState(false);
  if (!list.can.submit) return null;
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)} data-testid="submit-list">
        报送
      </Button>
      {open && <SubmitChecklistModal list={list} onClose={() => setOpen(false)} />}
    </>
  );
}
