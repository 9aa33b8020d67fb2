import type { Activity, Assessment } from '@liaison/contracts';
import {
  ActionIcon,
  Alert,
  Badge,
  Box,
  Button,
  Card,
  Checkbox,
  Grid,
  Group,
  MultiSelect,
  Select,
  Spoiler,
  Stack,
  Text,
  Textarea,
  TextInput,
  ThemeIcon,
} from '@mantine/core';
import {
  IconCalendarEvent,
  IconCircleCheck,
  IconCircleDashed,
  IconMail,
  IconMessage,
  IconNote,
  IconPhone,
  IconPlus,
  IconPresentation,
  IconRocket,
  IconTrash,
  IconUrgent,
} from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, fieldErrors } from '../../api.ts';
import { CardTitle } from '../../components/PageHeader.tsx';
import { Empty, ErrorNote } from '../../components/PageState.tsx';
import {
  activityLabels,
  date,
  dateTime,
  label,
  obligationLabels,
  options,
  purposeLabels,
} from '../../format.ts';
import { useUserNames } from '../../hooks.ts';
import { useAccountMutation } from '../../mutations.ts';
import { queries } from '../../queries.ts';
import type { AccountContext } from './AccountPage.tsx';

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

/** `YYYY-MM-DDTHH:mm` in local time, for a datetime-local input. */
function localNow(): string {
  const now = new Date();
  now.setMinutes(now.getMinutes() - now.getTimezoneOffset());
  return now.toISOString().slice(0, 16);
}

export function TimelineTab({ account, assessment, canEdit }: AccountContext) {
  const activities = useInfiniteQuery(queries.activities(account.id));
  const items = activities.data?.pages.flatMap((page) => page.items) ?? [];
  const contacts = new Map(account.contacts.map((contact) => [contact.id, contact.name]));
  return (
    <Grid gap="lg">
      <Grid.Col span={canEdit ? 7 : 12}>
        <Card>
          <CardTitle
            right={
              <Text size="xs" c="dimmed">
                newest first
              </Text>
            }
          >
            Timeline
          </CardTitle>
          {activities.isPending ? (
            <Text size="sm" c="dimmed">
              Loading…
            </Text>
          ) : items.length === 0 ? (
            <Empty>Nothing logged yet.</Empty>
          ) : (
            <Stack gap={0} data-testid="timeline">
              {items.map((activity) => (
                <ActivityItem key={activity.id} activity={activity} contacts={contacts} />
              ))}
            </Stack>
          )}
          {activities.hasNextPage && (
            <Button
              variant="default"
              size="xs"
              mt="sm"
              onClick={() => activities.fetchNextPage()}
              loading={activities.isFetchingNextPage}
            >
              Show older
            </Button>
          )}
        </Card>
      </Grid.Col>
      {canEdit && (
        <Grid.Col span={5}>
          <LogActivity {...{ account, assessment, canEdit }} />
        </Grid.Col>
      )}
    </Grid>
  );
}

function ActivityItem({ activity, contacts }: { activity: Activity; contacts: Map<string, string> }) {
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
      style={{ borderTop: '1px solid var(--app-border)' }}
      data-kind={activity.kind}
    >
      <ThemeIcon variant="light" color={kindColors[activity.kind] ?? 'gray'} radius="xl" size={30}>
        <Icon size={16} />
      </ThemeIcon>
      <Box style={{ flex: 1, minWidth: 0 }}>
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Text size="sm" fw={600} lineClamp={1}>
            {activity.summary}
          </Text>
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {date(activity.occurredAt)}
          </Text>
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
              // biome-ignore lint/suspicious/noArrayIndexKey: action items have no id
              <Group key={index} gap={6} wrap="nowrap">
                {item.done ? (
                  <IconCircleCheck size={14} color="var(--mantine-color-teal-6)" aria-label="done" />
                ) : (
                  <IconCircleDashed size={14} color="var(--mantine-color-gray-5)" aria-label="open" />
                )}
                <Text size="xs">
                  {item.text}
                  {item.ownerUserId ? ` — ${userName(item.ownerUserId)}` : ''}
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

interface ActionDraft {
  text: string;
  ownerUserId: string | null;
  dueDate: string;
}

type DueSnapshot = Record<string, string>;
const dueSnapshot = (assessment: Assessment): DueSnapshot =>
  Object.fromEntries(
    assessment.obligations.filter((item) => !item.fulfilled).map((item) => [item.kind, item.dueDate]),
  );

function LogActivity({ account, assessment }: AccountContext) {
  const [kind, setKind] = useState('cadence_call');
  const [occurredAt, setOccurredAt] = useState(localNow);
  const [summary, setSummary] = useState('');
  const [notes, setNotes] = useState('');
  const [attendees, setAttendees] = useState<string[]>([]);
  const [purposes, setPurposes] = useState<string[]>([]);
  const [actionItems, setActionItems] = useState<ActionDraft[]>([]);
  const [before, setBefore] = useState<DueSnapshot | null>(null);

  const log = useAccountMutation(
    account.id,
    () =>
      api.activities.create(account.id, {
        kind: kind as never,
        summary,
        notes: notes.trim() || null,
        occurredAt: occurredAt ? new Date(occurredAt).toISOString() : undefined,
        attendees: {
          userIds: attendees.filter((id) => id.startsWith('u:')).map((id) => id.slice(2)),
          contactIds: attendees.filter((id) => id.startsWith('c:')).map((id) => id.slice(2)),
        },
        actionItems: actionItems
          .filter((item) => item.text.trim())
          .map((item) => ({
            text: item.text.trim(),
            ownerUserId: item.ownerUserId,
            dueDate: item.dueDate || null,
            done: false,
          })),
        purposes: purposes as never,
      }),
    { success: (activity) => `${label(activityLabels, activity.kind)} logged.` },
  );
  const errors = fieldErrors(log.error);
  const people = [
    {
      group: 'Account team',
      items: account.team.map((member) => ({ value: `u:${member.userId}`, label: member.userName })),
    },
    {
      group: 'Customer',
      items: account.contacts.map((contact) => ({ value: `c:${contact.id}`, label: contact.name })),
    },
  ];
  const owners = account.team.map((member) => ({ value: member.userId, label: member.userName }));
  const after = dueSnapshot(assessment);
  const changes = before
    ? Object.keys({ ...before, ...after })
        .filter((key) => before[key] !== after[key])
        .map((key) => ({ kind: key, from: before[key], to: after[key] }))
    : [];

  const reset = () => {
    setSummary('');
    setNotes('');
    setAttendees([]);
    setPurposes([]);
    setActionItems([]);
    setOccurredAt(localNow());
  };

  return (
    <Card style={{ position: 'sticky', top: 16 }}>
      <CardTitle>Log activity</CardTitle>
      <form
        aria-label="Log activity"
        onSubmit={(event) => {
          event.preventDefault();
          const snapshot = dueSnapshot(assessment);
          log.mutate(undefined, {
            onSuccess: () => {
              setBefore(snapshot);
              reset();
            },
          });
        }}
      >
        <Stack gap="sm">
          {before && (
            <Alert
              color="teal"
              variant="light"
              title="Logged"
              data-testid="log-result"
              withCloseButton
              onClose={() => setBefore(null)}
            >
              {changes.length === 0 ? (
                <Text size="sm">No obligation moved.</Text>
              ) : (
                <Stack gap={2}>
                  {changes.map((change) => (
                    <Text size="sm" key={change.kind}>
                      {label(obligationLabels, change.kind)}: {change.from ? date(change.from) : 'new'} →{' '}
                      <b>{change.to ? date(change.to) : 'met'}</b>
                    </Text>
                  ))}
                </Stack>
              )}
            </Alert>
          )}
          <Group grow gap="xs" align="flex-start">
            <Select
              label="Kind"
              data={options(activityLabels)}
              value={kind}
              onChange={(value) => setKind(value ?? 'cadence_call')}
              error={errors.kind}
            />
            <TextInput
              label="When"
              type="datetime-local"
              value={occurredAt}
              onChange={(event) => setOccurredAt(event.currentTarget.value)}
              error={errors.occurredAt}
            />
          </Group>
          <TextInput
            label="Summary"
            placeholder="e.g. Monthly cadence: CI migration and renewal timeline"
            required
            value={summary}
            onChange={(event) => setSummary(event.currentTarget.value)}
            error={errors.summary}
          />
          <Textarea
            label="Notes"
            autosize
            minRows={3}
            maxRows={10}
            value={notes}
            onChange={(event) => setNotes(event.currentTarget.value)}
            error={errors.notes}
          />
          <MultiSelect
            label="Attendees"
            data={people}
            value={attendees}
            onChange={setAttendees}
            searchable
            placeholder={attendees.length ? undefined : 'Who was there'}
          />
          <Box>
            <Group justify="space-between" mb={4}>
              <Text size="sm" fw={500}>
                Action items
              </Text>
              <Button
                size="compact-xs"
                variant="subtle"
                leftSection={<IconPlus size={12} />}
                onClick={() => setActionItems([...actionItems, { text: '', ownerUserId: null, dueDate: '' }])}
              >
                Add action item
              </Button>
            </Group>
            <Stack gap={6}>
              {actionItems.map((item, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows of a draft list
                <Group key={index} gap={6} wrap="nowrap" align="flex-start">
                  <TextInput
                    aria-label={`Action item ${index + 1}`}
                    placeholder="What needs doing"
                    size="xs"
                    style={{ flex: 1 }}
                    value={item.text}
                    error={errors[`actionItems.${index}.text`]}
                    onChange={(event) => {
                      const next = [...actionItems];
                      next[index] = { ...item, text: event.currentTarget.value };
                      setActionItems(next);
                    }}
                  />
                  <Select
                    aria-label={`Owner of action item ${index + 1}`}
                    placeholder="Owner"
                    size="xs"
                    w={130}
                    data={owners}
                    value={item.ownerUserId}
                    clearable
                    allowDeselect
                    onChange={(value) => {
                      const next = [...actionItems];
                      next[index] = { ...item, ownerUserId: value };
                      setActionItems(next);
                    }}
                  />
                  <TextInput
                    aria-label={`Due date of action item ${index + 1}`}
                    type="date"
                    size="xs"
                    w={130}
                    value={item.dueDate}
                    onChange={(event) => {
                      const next = [...actionItems];
                      next[index] = { ...item, dueDate: event.currentTarget.value };
                      setActionItems(next);
                    }}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={`Remove action item ${index + 1}`}
                    onClick={() => setActionItems(actionItems.filter((_, other) => other !== index))}
                    mt={2}
                  >
                    <IconTrash size={14} />
                  </ActionIcon>
                </Group>
              ))}
            </Stack>
          </Box>
          <Checkbox.Group label="Renewal playbook" value={purposes} onChange={setPurposes}>
            <Group gap="md" mt={4}>
              {Object.entries(purposeLabels).map(([value, text]) => (
                <Checkbox key={value} value={value} label={text} size="xs" />
              ))}
            </Group>
          </Checkbox.Group>
          {log.error && Object.keys(errors).length === 0 && <ErrorNote error={log.error} />}
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              Obligations and health update as soon as it is saved.
            </Text>
            <Button type="submit" loading={log.isPending}>
              Log activity
            </Button>
          </Group>
          <Text size="xs" c="dimmed">
            Last change to this account: {dateTime(account.updatedAt)}
          </Text>
        </Stack>
      </form>
    </Card>
  );
}
