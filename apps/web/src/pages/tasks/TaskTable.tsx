import type { Task, TaskListItem } from '@liaison/contracts';
import { Badge, Checkbox, Group, Table, Text, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { date, dueText, label } from '../../format.ts';
import { ownerText, taskSourceLabels } from '../../task-format.ts';
import { SnoozeMenu } from './SnoozeMenu.tsx';
import { useUpdateTask } from './task-mutations.ts';

export type StoredTaskItem = TaskListItem & { task: Task };

/**
 * Stored tasks with inline done/reopen and snooze. A row shows the change at once while it is
 * saved and falls back to what the server has if the write fails (the hook says why).
 */
export function TaskTable({
  items,
  meId,
  showAccount = true,
  showOwner = true,
  label: ariaLabel,
}: {
  items: StoredTaskItem[];
  meId: string;
  showAccount?: boolean;
  /** Off on one person's own list, where every owner is the reader. */
  showOwner?: boolean;
  label: string;
}) {
  return (
    <Table aria-label={ariaLabel} data-testid="task-table" verticalSpacing={6}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={36} />
          <Table.Th>Task</Table.Th>
          {showAccount && <Table.Th>Account</Table.Th>}
          {showOwner && <Table.Th>Owner</Table.Th>}
          <Table.Th w={170}>Due</Table.Th>
          <Table.Th w={44} />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((item) => (
          <TaskRow key={item.key} item={item} meId={meId} showAccount={showAccount} showOwner={showOwner} />
        ))}
      </Table.Tbody>
    </Table>
  );
}

function TaskRow({
  item,
  meId,
  showAccount,
  showOwner,
}: {
  item: StoredTaskItem;
  meId: string;
  showAccount: boolean;
  showOwner: boolean;
}) {
  const update = useUpdateTask((_task, body) =>
    body.snoozedUntil ? `Snoozed until ${date(body.snoozedUntil, false)}.` : null,
  );
  // Set in the click itself, so the box changes at once (the mutation's state arrives a render
  // later); cleared when the write settles, success or not, so the server's state shows again.
  const [intent, setIntent] = useState<{ status?: 'done' | 'open'; snoozedUntil?: string } | null>(null);
  const settle = { onSettled: () => setIntent(null) };
  const done = (intent?.status ?? item.task.status) === 'done';
  const owner = ownerText(item, meId);
  const snoozed = intent?.snoozedUntil ?? item.snoozedUntil;
  return (
    <Table.Tr
      data-testid="task-row"
      data-key={item.key}
      data-overdue={item.overdue}
      data-status={item.status}
    >
      <Table.Td>
        <Checkbox
          aria-label={`${done ? 'Reopen' : 'Done'}: ${item.title}`}
          checked={done}
          disabled={update.isPending}
          onChange={(event) => {
            const status = event.currentTarget.checked ? 'done' : 'open';
            setIntent({ status });
            update.mutate({ task: item.task, body: { status } }, settle);
          }}
        />
      </Table.Td>
      <Table.Td>
        <Group gap={8} wrap="nowrap">
          <Text size="sm" fw={500} td={done ? 'line-through' : undefined} c={done ? 'dimmed' : undefined}>
            {item.title}
          </Text>
          <Badge size="xs" variant="light" color={item.source === 'action_item' ? 'violet' : 'gray'}>
            {label(taskSourceLabels, item.source)}
          </Badge>
        </Group>
      </Table.Td>
      {showAccount && (
        <Table.Td>
          {item.accountId ? (
            <AnchorLink
              to="/accounts/$accountId"
              params={{ accountId: item.accountId }}
              search={{ tab: 'tasks' }}
              size="sm"
              c="dark"
            >
              {item.accountName}
            </AnchorLink>
          ) : (
            <Text size="sm" c="dimmed">
              —
            </Text>
          )}
        </Table.Td>
      )}
      {showOwner && (
        <Table.Td>
          <Group gap={6} wrap="nowrap">
            <Text size="sm" c={owner ? undefined : 'dimmed'}>
              {owner ?? 'Me'}
            </Text>
            {item.owner?.kind === 'contact' && (
              <Badge size="xs" variant="outline" color="orange">
                customer
              </Badge>
            )}
          </Group>
        </Table.Td>
      )}
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <DueCell item={item} snoozed={snoozed} done={done} />
      </Table.Td>
      <Table.Td>
        {item.status === 'open' && (
          <SnoozeMenu
            title={item.title}
            disabled={update.isPending}
            onSnooze={(day) => {
              setIntent({ snoozedUntil: day });
              update.mutate({ task: item.task, body: { snoozedUntil: day } }, settle);
            }}
          />
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function DueCell({ item, snoozed, done }: { item: StoredTaskItem; snoozed: string | null; done: boolean }) {
  if (done && item.task.completedAt)
    return (
      <Text size="sm" c="dimmed">
        done {date(item.task.completedAt, false)}
      </Text>
    );
  const due = item.dueOn ? (
    <Text size="sm" c={item.overdue ? 'red.7' : undefined} fw={item.overdue ? 600 : 400}>
      {item.overdue ? dueText(item.dueOn) : date(item.dueOn, false)}
    </Text>
  ) : (
    <Text size="sm" c="dimmed">
      —
    </Text>
  );
  if (!snoozed) return due;
  return (
    <Tooltip label={item.dueOn ? `Due ${date(item.dueOn)}` : 'No due date'}>
      <Text size="sm" c="dimmed" data-testid="snoozed">
        snoozed to {date(snoozed, false)}
      </Text>
    </Tooltip>
  );
}
