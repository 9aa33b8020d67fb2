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
import { AddTaskForm } from './AddTaskForm.tsx';
import { TaskTable } from './TaskTable.tsx';

/**
 * My week's "My tasks": the signed-in user's stored tasks across accounts, overdue first as the
 * server orders them. Journey steps and obligations are on the list too, but My week shows them
 * in their own cards, so only stored tasks are kept here.
 */
export function MyTasksCard() {
  const me = useMe();
  const canMake = useCan().makeTasks;
  const open = useQuery(queries.myTasks());
  const [showDone, setShowDone] = useState(false);
  const done = useQuery({ ...queries.myDoneTasks(), enabled: showDone });
  const [adding, setAdding] = useState(false);
  if (open.error) return <ErrorNote error={open.error} />;
  const items = storedTasks(open.data?.items ?? []);
  const overdue = items.filter((item) => item.overdue).length;
  const doneItems = recentlyDone(storedTasks(done.data?.items ?? [])).slice(0, 10);
  return (
    <Card data-testid="my-tasks">
      <CardTitle
        right={
          <Text size="xs" c={overdue ? 'red.7' : 'dimmed'}>
            {plural(items.length, 'open task')}
            {overdue ? ` · ${overdue} overdue` : ''} · overdue first
          </Text>
        }
      >
        My tasks
      </CardTitle>
      {open.isPending ? (
        <Empty>Loading…</Empty>
      ) : items.length === 0 ? (
        <Empty>No open tasks. Action items you own and tasks you add show up here.</Empty>
      ) : (
        <TaskTable items={items} meId={me.id} showOwner={false} label="My tasks" />
      )}
      {adding ? (
        <AddTaskForm onDone={() => setAdding(false)} />
      ) : (
        <Group justify="space-between" mt={4}>
          {canMake ? <OpenFormButton onClick={() => setAdding(true)}>Add task</OpenFormButton> : <span />}
          <Button variant="subtle" size="xs" color="gray" onClick={() => setShowDone(!showDone)}>
            {showDone ? 'Hide done' : 'Show done'}
          </Button>
        </Group>
      )}
      {showDone &&
        (done.isPending ? (
          <Empty>Loading…</Empty>
        ) : doneItems.length === 0 ? (
          <Empty>Nothing done yet.</Empty>
        ) : (
          <TaskTable items={doneItems} meId={me.id} showOwner={false} label="Done tasks" />
        ))}
    </Card>
  );
}
