import type { Activity } from '@liaison/contracts';
import { ActionIcon, Badge, Box, Group, Menu, Spoiler, Stack, Text, ThemeIcon } from '@mantine/core';
import {
  IconCalendarEvent,
  IconCircleCheck,
  IconCircleDashed,
  IconDots,
  IconMail,
  IconMessage,
  IconNote,
  IconPencil,
  IconPhone,
  IconPresentation,
  IconRocket,
  IconTrash,
  IconUrgent,
} from '@tabler/icons-react';
import { activityLabels, date, label, purposeLabels } from '../../format.ts';
import { useUserNames } from '../../hooks.ts';

const kindIcons: Record<string, typeof IconPhone> = {
  cadence_call: IconPhone,
  ebr: IconPresentation,
  onboarding_call: IconRocket,
  kickoff: IconRocket,
  meeting: IconCalendarEvent,
  email: IconMail,
  note: IconNote,
  escalation_update: IconUrgent,
  triage_update: IconUrgent,
};
const kindColors: Record<string, string> = {
  cadence_call: 'brand',
  ebr: 'grape',
  onboarding_call: 'teal',
  kickoff: 'teal',
  escalation_update: 'red',
  triage_update: 'orange',
};

/** One entry of the timeline; `onEdit` / `onDelete` only for those who may edit the account. */
export function ActivityItem({
  activity,
  contacts,
  selected = false,
  onEdit,
  onDelete,
}: {
  activity: Activity;
  contacts: Map<string, string>;
  selected?: boolean;
  onEdit?: () => void;
  onDelete?: () => void;
}) {
  const userName = useUserNames();
  const Icon = kindIcons[activity.kind] ?? IconMessage;
  const attendees = [
    ...activity.attendees.userIds.map((id) => userName(id)),
    ...activity.attendees.contactIds.map((id) => contacts.get(id) ?? 'former contact'),
  ];
  return (
    <Group
      align="flex-start"
      gap="sm"
      wrap="nowrap"
      py="sm"
      px={6}
      mx={-6}
      style={{
        borderTop: '1px solid var(--app-border)',
        background: selected ? 'var(--mantine-color-brand-0)' : undefined,
      }}
      data-testid="activity"
      data-id={activity.id}
      data-kind={activity.kind}
      aria-current={selected || undefined}
    >
      <ThemeIcon variant="light" color={kindColors[activity.kind] ?? 'gray'} radius="xl" size={30}>
        <Icon size={16} />
      </ThemeIcon>
      <Box style={{ flex: 1, minWidth: 0 }}>
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Text size="sm" fw={600} lineClamp={1}>
            {activity.summary}
          </Text>
          <Group gap={4} wrap="nowrap">
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {date(activity.occurredAt)}
            </Text>
            {onEdit && onDelete && (
              <Menu position="bottom-end" width={160} withinPortal>
                <Menu.Target>
                  <ActionIcon variant="subtle" color="gray" size="sm" aria-label="Activity actions">
                    <IconDots size={14} />
                  </ActionIcon>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item leftSection={<IconPencil size={14} />} onClick={onEdit}>
                    Edit
                  </Menu.Item>
                  <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={onDelete}>
                    Delete
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            )}
          </Group>
        </Group>
        <Group gap={6} mt={2}>
          <Badge size="xs" variant="light" color={kindColors[activity.kind] ?? 'gray'}>
            {label(activityLabels, activity.kind)}
          </Badge>
          {activity.purposes.map((purpose) => (
            <Badge key={purpose} size="xs" variant="outline" color="grape">
              {label(purposeLabels, purpose)}
            </Badge>
          ))}
          <Text size="xs" c="dimmed">
            {activity.createdByUserId ? `logged by ${userName(activity.createdByUserId)}` : ''}
            {attendees.length > 0 ? ` · with ${attendees.join(', ')}` : ''}
          </Text>
        </Group>
        {activity.notes && (
          <Spoiler maxHeight={44} showLabel="more" hideLabel="less" mt={4} fz="sm">
            <Text size="sm" c="dark.4" style={{ whiteSpace: 'pre-wrap' }}>
              {activity.notes}
            </Text>
          </Spoiler>
        )}
        {activity.actionItems.length > 0 && (
          <Stack gap={2} mt={6}>
            {activity.actionItems.map((item, index) => (
              <Group key={item.id ?? index} gap={6} wrap="nowrap">
                {item.done ? (
                  <IconCircleCheck size={14} color="var(--mantine-color-teal-6)" aria-label="done" />
                ) : (
                  <IconCircleDashed size={14} color="var(--mantine-color-gray-5)" aria-label="open" />
                )}
                <Text size="xs">
                  {item.text}
                  {item.ownerUserId ? ` — ${userName(item.ownerUserId)}` : ''}
                  {item.ownerContactId ? ` — ${contacts.get(item.ownerContactId) ?? 'former contact'}` : ''}
                  {item.dueDate ? `, due ${date(item.dueDate)}` : ''}
                </Text>
              </Group>
            ))}
          </Stack>
        )}
      </Box>
    </Group>
  );
}
