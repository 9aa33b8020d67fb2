import type { CreateTaskRequest } from '@liaison/contracts';
import { Button, Group, Select, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, fieldErrors } from '../../api.ts';
import { ErrorNote } from '../../components/PageState.tsx';
import { queries } from '../../queries.ts';
import { refreshAfterTaskWrite } from './task-mutations.ts';

export interface OwnerGroup {
  group: string;
  items: { value: string; label: string }[];
}

/**
 * A task made by hand. On an account (`accountId`) the owner is picked from its team and its
 * customer contacts (`u:<user>` / `c:<contact>`); on My week the account is optional and the
 * task is the maker's (the server's default when no owner is sent).
 */
export function AddTaskForm({
  accountId,
  owners,
  onDone,
}: {
  accountId?: string;
  owners?: OwnerGroup[];
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const [title, setTitle] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [owner, setOwner] = useState<string | null>(null);
  const [pickedAccount, setPickedAccount] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: (body: CreateTaskRequest) => api.tasks.create(body),
    onSuccess: async (task) => {
      await refreshAfterTaskWrite(queryClient, task.accountId);
      notifications.show({ message: 'Task added.', color: 'teal', autoClose: 3000 });
      onDone();
    },
  });
  const errors = fieldErrors(create.error);
  const submit = () => {
    const account = accountId ?? pickedAccount;
    create.mutate({
      title: title.trim(),
      ...(account ? { accountId: account } : {}),
      ...(owner?.startsWith('u:') ? { ownerUserId: owner.slice(2) } : {}),
      ...(owner?.startsWith('c:') ? { ownerContactId: owner.slice(2) } : {}),
      dueOn: dueOn || null,
    });
  };
  return (
    <form
      aria-label="Add task"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Group gap="xs" align="flex-start" wrap="nowrap" mt="sm">
        <TextInput
          aria-label="Task title"
          placeholder="What needs doing"
          style={{ flex: 2 }}
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
          error={errors.title}
          required
          data-autofocus
        />
        {!accountId && (
          <AccountPicker value={pickedAccount} onChange={setPickedAccount} error={errors.accountId} />
        )}
        {owners && (
          <Select
            aria-label="Task owner"
            placeholder="Owner (me)"
            style={{ flex: 1 }}
            data={owners}
            value={owner}
            onChange={setOwner}
            clearable
            searchable
            error={errors.ownerUserId ?? errors.ownerContactId}
          />
        )}
        <TextInput
          aria-label="Task due date"
          type="date"
          w={150}
          value={dueOn}
          onChange={(event) => setDueOn(event.currentTarget.value)}
          error={errors.dueOn}
        />
        <Button type="submit" loading={create.isPending} disabled={!title.trim()}>
          Add
        </Button>
        <Button variant="subtle" color="gray" onClick={onDone}>
          Cancel
        </Button>
      </Group>
      {create.error && Object.keys(errors).length === 0 && <ErrorNote error={create.error} />}
    </form>
  );
}

/** An account found by name as the user types (the book is too large for one list). */
function AccountPicker({
  value,
  onChange,
  error,
}: {
  value: string | null;
  onChange: (value: string | null) => void;
  error?: string | undefined;
}) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 200);
  const found = useQuery({ ...queries.accountSearch(debounced), enabled: debounced.trim().length > 0 });
  const [picked, setPicked] = useState<{ value: string; label: string } | null>(null);
  const data = (found.data?.items ?? []).map((account) => ({ value: account.id, label: account.name }));
  if (picked && !data.some((option) => option.value === picked.value)) data.unshift(picked);
  return (
    <Select
      aria-label="Task account"
      placeholder="Account (optional)"
      style={{ flex: 1 }}
      searchable
      clearable
      data={data}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(next, option) => {
        setPicked(next ? option : null);
        onChange(next);
      }}
      nothingFoundMessage={debounced ? 'No account found' : 'Type a name'}
      filter={({ options }) => options}
      error={error}
    />
  );
}
