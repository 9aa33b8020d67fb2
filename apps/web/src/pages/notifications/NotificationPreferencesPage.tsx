import {
  type EventType,
  eventTypeLabels,
  eventTypes,
  NotificationChannel,
  type NotificationPreferences,
  notificationChannelLabels,
} from '@liaison/contracts';
import {
  Button,
  Card,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api.ts';
import { CardTitle, PageHeader } from '../../components/PageHeader.tsx';
import { ErrorNote, PageError, PageLoader } from '../../components/PageState.tsx';
import { notificationQueries } from '../../queries.ts';

type Draft = Omit<NotificationPreferences, 'custom'>;

const channelOptions = NotificationChannel.options.map((value) => ({
  value,
  label: notificationChannelLabels[value],
}));
const hours = Array.from({ length: 24 }, (_, hour) => ({
  value: String(hour),
  label: `${String(hour).padStart(2, '0')}:00`,
}));
/** The zones this browser knows (every IANA zone in a current browser), the saved one kept. */
function zoneOptions(current: string): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set([current, 'UTC', ...known])];
}

/** Each person's say in what Liaison tells them, and how (docs/notifications.md). */
export function NotificationPreferencesPage() {
  const saved = useQuery(notificationQueries.preferences());
  if (saved.isPending) return <PageLoader />;
  if (saved.error) return <PageError error={saved.error} />;
  return <PreferencesForm saved={saved.data} />;
}

function PreferencesForm({ saved }: { saved: NotificationPreferences }) {
  const [draft, setDraft] = useState<Draft>(saved);
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: () => api.notifications.updatePreferences(draft),
    onSuccess: (next) => {
      queryClient.setQueryData(notificationQueries.preferences().queryKey, next);
      setDraft(next);
      notifications.show({ message: 'Notification preferences saved', color: 'green' });
    },
  });
  const setChannel = (type: EventType, channel: string) =>
    setDraft({ ...draft, channels: { ...draft.channels, [type]: channel as NotificationChannel } });
  const quiet = draft.quietHours;

  return (
    <>
      <PageHeader
        title="Notification preferences"
        subtitle="For each kind of event: in the app only, an e-mail at once, the daily digest, or nothing"
        actions={
          <Button onClick={() => save.mutate()} loading={save.isPending}>
            Save
          </Button>
        }
      />
      {save.error && <ErrorNote error={save.error} />}
      <Stack gap="md">
        <Card p={0}>
          <Table aria-label="Channels by event">
            <Table.Thead>
              <Table.Tr>
                <Table.Th pl="md">Event</Table.Th>
                <Table.Th pr="md">How you hear of it</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {eventTypes.map((type) => (
                <Table.Tr key={type}>
                  <Table.Td pl="md">
                    <Text size="sm">{eventTypeLabels[type]}</Text>
                  </Table.Td>
                  <Table.Td pr="md">
                    <SegmentedControl
                      size="xs"
                      aria-label={eventTypeLabels[type]}
                      value={draft.channels[type]}
                      onChange={(value) => setChannel(type, value)}
                      data={channelOptions}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Card>
            <CardTitle>Quiet hours</CardTitle>
            <Stack gap="sm">
              <Switch
                label="Hold e-mails during quiet hours (they arrive when quiet hours end)"
                checked={quiet !== null}
                onChange={(event) =>
                  setDraft({
                    ...draft,
                    quietHours: event.currentTarget.checked ? { start: '20:00', end: '07:00' } : null,
                  })
                }
              />
              {quiet && (
                <Group grow>
                  <TextInput
                    type="time"
                    label="From"
                    value={quiet.start}
                    onChange={(event) =>
                      setDraft({ ...draft, quietHours: { ...quiet, start: event.currentTarget.value } })
                    }
                  />
                  <TextInput
                    type="time"
                    label="Until"
                    value={quiet.end}
                    onChange={(event) =>
                      setDraft({ ...draft, quietHours: { ...quiet, end: event.currentTarget.value } })
                    }
                  />
                </Group>
              )}
              <Select
                label="Time zone"
                searchable
                data={zoneOptions(draft.timeZone)}
                value={draft.timeZone}
                onChange={(value) => value && setDraft({ ...draft, timeZone: value })}
                allowDeselect={false}
              />
            </Stack>
          </Card>
          <Card>
            <CardTitle>Daily digest</CardTitle>
            <Stack gap="sm">
              <Text size="sm" c="dimmed">
                Your week: what is overdue, what is due soon, and what changed in your book since the last
                digest. Not sent on a day with nothing to say.
              </Text>
              <Switch
                label="Send me the daily digest"
                checked={draft.digest}
                onChange={(event) => setDraft({ ...draft, digest: event.currentTarget.checked })}
              />
              <Select
                label="Sent at (your time)"
                data={hours}
                value={String(draft.digestHour)}
                onChange={(value) => value !== null && setDraft({ ...draft, digestHour: Number(value) })}
                disabled={!draft.digest}
                allowDeselect={false}
              />
            </Stack>
          </Card>
        </SimpleGrid>
      </Stack>
    </>
  );
}
