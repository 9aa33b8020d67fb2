import { Button, Card, Group, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { OpenFormButton } from '../../components/OpenFormButton.tsx';
import { CardTitle } from '../../components/PageHeader.tsx';
import { Empty, ErrorNote } from '../../components/PageState.tsx';
import { plural } from '../../format.ts';
import { useCan, useMe } from '../../hooks.ts';
import { queries } from '../../queries.ts';
import { recentlyDone, storedTasks } from '../../task-format.ts';
import { AddTaskForm, type OwnerGroup } from '../tasks/AddTaskForm.tsx';
import { TaskTable } from '../tasks/TaskTable.tsx';
import type { AccountContext } from './AccountPage.tsx';

/**
 * The account's tasks, whoever owns them — the team's and the customer's own (a contact owns
 * those). Ticking an action item's task off also ticks the item on its activity (server side).
 */
export function TasksTab({ account, canEdit }: AccountContext) {
  const me = useMe();
  const canMake = useCan().makeTasks && canEdit;
  const open = useQuery(queries.accountTasks(account.id, 'open'));
  const [showDone, setShowDone] = useState(false);
  const done = useQuery({ ...queries.accountTasks(account.id, 'done'), enabled: showDone });
  const [adding, setAdding] = useState(false);
  const owners: OwnerGroup[] = [
    {
      group: 'Account team',
      items: account.team.map((member) => ({ value: `u:${member.userId}`, label: member.userName })),
    },
    {
      group: 'Customer',
      items: account.contacts.map((contact) => ({ value: `c:${contact.id}`, label: contact.name })),
    },
  ];
  const items = storedTasks(open.data?.items ?? []);
  const doneItems = recentlyDone(storedTasks(done.data?.items ?? [])).slice(0, 10);
  const overdue = items.filter((item) => item.overdue).length;
  const customer = items.filter((item) => item.owner?.kind === 'contact').length;
  return (
    <Card data-testid="account-tasks">
      <CardTitle
        right={
          <Text size="xs" c={overdue ? 'red.7' : 'dimmed'}>
            {plural(items.length, 'open task')}
            {customer ? ` · ${customer} with the customer` : ''}
            {overdue ? ` · ${overdue} overdue` : ''}
          </Text>
        }
      >
        Tasks
      </CardTitle>
      <ErrorNote error={open.error} />
      {open.isPending ? (
        <Empty>Loading…</Empty>
      ) : items.length === 0 ? (
        <Empty>No open tasks on this account.</Empty>
      ) : (
        <TaskTable items={items} meId={me.id} showAccount={false} label="Open tasks" />
      )}
      {adding ? (
        <AddTaskForm accountId={account.id} owners={owners} onDone={() => setAdding(false)} />
      ) : (
        <Group justify="space-between" mt={4}>
          {canMake ? <OpenFormButton onClick={() => setAdding(true)}>Add task</OpenFormButton> : <span />}
          <Button variant="subtle" size="xs" color="gray" onClick={() => setShowDone(!showDone)}>
            {showDone ? 'Hide done' : 'Show done'}
          </Button>
        </Group>
      )}
      {showDone && (
        <>
          <Text className="section-title" mt="md" mb={4}>
            Done
          </Text>
          {done.isPending ? (
            <Empty>Loading…</Empty>
          ) : doneItems.length === 0 ? (
            <Empty>Nothing done yet.</Empty>
          ) : (
            <TaskTable items={doneItems} meId={me.id} showAccount={false} label="Done tasks" />
          )}
        </>
      )}
    </Card>
  );
}
