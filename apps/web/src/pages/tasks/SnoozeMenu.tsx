import { ActionIcon, Button, Group, Menu, Modal, Stack, TextInput, Tooltip } from '@mantine/core';
import { IconAlarmSnooze } from '@tabler/icons-react';
import { useState } from 'react';
import { date } from '../../format.ts';
import { firstSnoozeDay, snoozeChoices } from '../../task-format.ts';

/** Put a task off: the quick days, or one picked (it must be after today, as the server says). */
export function SnoozeMenu({
  title,
  onSnooze,
  disabled,
}: {
  title: string;
  onSnooze: (day: string) => void;
  disabled?: boolean;
}) {
  const [picking, setPicking] = useState(false);
  const [day, setDay] = useState('');
  const first = firstSnoozeDay();
  return (
    <>
      <Menu position="bottom-end" width={200}>
        <Menu.Target>
          <Tooltip label="Snooze">
            <ActionIcon variant="subtle" color="gray" aria-label={`Snooze ${title}`} disabled={disabled}>
              <IconAlarmSnooze size={16} />
            </ActionIcon>
          </Tooltip>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>Snooze until</Menu.Label>
          {snoozeChoices().map((choice) => (
            <Menu.Item
              key={choice.label}
              onClick={() => onSnooze(choice.day)}
              rightSection={<span className="num">{date(choice.day, false)}</span>}
            >
              {choice.label}
            </Menu.Item>
          ))}
          <Menu.Item onClick={() => setPicking(true)}>Pick a date…</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Modal
        opened={picking}
        onClose={() => setPicking(false)}
        title={`Snooze “${title}”`}
        centered
        size="sm"
      >
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (!day) return;
            onSnooze(day);
            setPicking(false);
          }}
        >
          <Stack gap="sm">
            <TextInput
              label="Until"
              type="date"
              min={first}
              value={day}
              onChange={(event) => setDay(event.currentTarget.value)}
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setPicking(false)}>
                Cancel
              </Button>
              <Button type="submit" disabled={!day || day < first}>
                Snooze
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
