import { Button, Group, Stack } from '@mantine/core';
import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { isConflict } from '../../api.ts';
import { ConflictNotice } from '../../components/ConflictNotice.tsx';
import { ErrorNote } from '../../components/PageState.tsx';
import { useAccountMutation } from '../../mutations.ts';

/**
 * The body of a "delete this record?" dialog. A 409 means someone changed the record after it
 * was loaded: the list is reloaded so the user sees their version before deciding again,
 * rather than deleting blind.
 */
export function ConfirmDelete({
  accountId,
  action,
  listKey,
  success,
  confirmLabel = 'Delete',
  onDone,
  children,
}: {
  accountId: string;
  action: () => Promise<unknown>;
  /** The list the record was read from: reloaded after a conflict. */
  listKey: QueryKey;
  success: string;
  confirmLabel?: string;
  onDone: () => void;
  children: ReactNode;
}) {
  const queryClient = useQueryClient();
  const [reloading, setReloading] = useState(false);
  const remove = useAccountMutation(accountId, action, { success });
  const reload = async () => {
    setReloading(true);
    try {
      await queryClient.invalidateQueries({ queryKey: listKey });
      remove.reset();
    } finally {
      setReloading(false);
    }
  };
  return (
    <Stack gap="md">
      {children}
      {isConflict(remove.error) ? (
        <ConflictNotice
          onReload={reload}
          reloading={reloading}
          message="It was saved again after you loaded it. Reload it and check before deleting."
        />
      ) : (
        <ErrorNote error={remove.error} />
      )}
      <Group justify="flex-end" gap="xs">
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
        <Button
          color="red"
          loading={remove.isPending}
          disabled={isConflict(remove.error)}
          onClick={() => remove.mutate(undefined, { onSuccess: onDone })}
        >
          {confirmLabel}
        </Button>
      </Group>
    </Stack>
  );
}
