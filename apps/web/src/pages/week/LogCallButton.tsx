import type { WorkItem } from '@liaison/contracts';
import { Button, Modal } from '@mantine/core';
import { IconPhoneCall } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { PageLoader } from '../../components/PageState.tsx';
import { label, obligationLabels } from '../../format.ts';
import { queries } from '../../queries.ts';
import { LogActivity } from '../account/LogActivity.tsx';
import { draftFor } from './log-call-draft.ts';

/** "Log call" on a worklist row: the account's log form in a dialog, prefilled for the obligation. */
export function LogCallButton({ item }: { item: WorkItem }) {
  const [open, setOpen] = useState(false);
  const what = label(obligationLabels, item.kind);
  return (
    <>
      <Button
        size="compact-xs"
        variant="subtle"
        leftSection={<IconPhoneCall size={12} />}
        aria-label={`Log ${what} for ${item.accountName}`}
        onClick={() => setOpen(true)}
      >
        Log
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={`${what} · ${item.accountName}`} size="lg">
        {open && <AccountLog item={item} onDone={() => setOpen(false)} />}
      </Modal>
    </>
  );
}

function AccountLog({ item, onDone }: { item: WorkItem; onDone: () => void }) {
  const account = useQuery(queries.account(item.accountId));
  if (!account.data) return <PageLoader />;
  return <LogActivity account={account.data} initial={draftFor(item.kind)} onLogged={() => onDone} />;
}
