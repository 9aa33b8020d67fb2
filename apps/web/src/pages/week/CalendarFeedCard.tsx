import type { CalendarFeed, CreatedCalendarFeed } from '@liaison/contracts';
import { Button, Card, Group, Modal, Stack, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarPlus, IconRefresh, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api.ts';
import { CardTitle } from '../../components/PageHeader.tsx';
import { Empty, ErrorNote } from '../../components/PageState.tsx';
import { dateTime, relativeDay } from '../../format.ts';
import { calendarFeedQuery } from '../../queries.ts';
import { FeedUrl } from './CalendarFeedUrl.tsx';

/**
 * My week's "Calendar feed": a private iCal address of the caller's obligations, renewals,
 * journey steps and dated tasks for Google Calendar or Outlook. The server shows the address once,
 * when it is made; afterwards only when it was made and last read. Everyone has their own.
 */
export function CalendarFeedCard() {
  const feed = useQuery(calendarFeedQuery());
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<CreatedCalendarFeed | null>(null);
  const [confirming, setConfirming] = useState<'rotate' | 'revoke' | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: calendarFeedQuery().queryKey });
  const create = useMutation({
    mutationFn: () => api.calendar.createFeed(),
    onSuccess: (made) => {
      setConfirming(null);
      setCreated(made);
    },
    onSettled: refresh,
  });
  const revoke = useMutation({
    mutationFn: () => api.calendar.revokeFeed(),
    onSuccess: () => {
      setConfirming(null);
      notifications.show({ color: 'teal', message: 'Calendar feed revoked: its address no longer works.' });
    },
    // Refetch either way: a 404 means it was revoked elsewhere (the CLI, an admin).
    onSettled: refresh,
  });
  const current = feed.data?.feed ?? null;

  return (
    <Card data-testid="calendar-feed">
      <CardTitle
        right={
          <Text size="xs" c="dimmed">
            for Google Calendar, Outlook and other calendar apps
          </Text>
        }
      >
        Calendar feed
      </CardTitle>
      {feed.isPending ? (
        <Empty>Loading…</Empty>
      ) : feed.error ? (
        <ErrorNote error={feed.error} />
      ) : current ? (
        <FeedStatus feed={current} />
      ) : (
        <Text size="sm" c="dimmed" mb="sm">
          See what you owe in your own calendar: cadence calls, EBRs, renewals, onboarding milestones, journey
          steps and dated tasks, as all-day events from a month back to six months ahead, kept up to date.
        </Text>
      )}
      <ErrorNote error={create.error ?? revoke.error} />
      {!feed.isPending && !feed.error && (
        <Group gap="xs">
          {current ? (
            <>
              <Button
                size="xs"
                variant="default"
                leftSection={<IconRefresh size={14} />}
                onClick={() => setConfirming('rotate')}
              >
                New address
              </Button>
              <Button
                size="xs"
                variant="subtle"
                color="red"
                leftSection={<IconTrash size={14} />}
                onClick={() => setConfirming('revoke')}
              >
                Revoke
              </Button>
            </>
          ) : (
            <Button
              size="xs"
              leftSection={<IconCalendarPlus size={14} />}
              loading={create.isPending}
              onClick={() => create.mutate()}
            >
              Create calendar feed
            </Button>
          )}
        </Group>
      )}

      <Modal
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        title={confirming === 'revoke' ? 'Revoke your calendar feed?' : 'Make a new address?'}
        centered
      >
        <Stack gap="sm">
          <Text size="sm">
            {confirming === 'revoke'
              ? 'Calendars subscribed to it stop updating and show nothing new from Liaison. Create a feed again whenever you like.'
              : 'The current address stops working at once: subscribe your calendar to the new one. Do this if the address was shared by mistake.'}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(null)} data-autofocus>
              Cancel
            </Button>
            {confirming === 'revoke' ? (
              <Button color="red" loading={revoke.isPending} onClick={() => revoke.mutate()}>
                Revoke feed
              </Button>
            ) : (
              <Button loading={create.isPending} onClick={() => create.mutate()}>
                Make a new address
              </Button>
            )}
          </Group>
        </Stack>
      </Modal>
      <Modal
        opened={created !== null}
        onClose={() => setCreated(null)}
        title="Subscribe to your calendar feed"
        centered
        size="lg"
        // A stray click outside must not throw away the only chance to copy the address.
        closeOnClickOutside={false}
      >
        {created && <FeedUrl feed={created} onDone={() => setCreated(null)} />}
      </Modal>
    </Card>
  );
}

function FeedStatus({ feed }: { feed: CalendarFeed }) {
  const now = new Date();
  return (
    <Text size="sm" mb="sm">
      Your feed was made {dateTime(feed.createdAt)}. Last read by a calendar app:{' '}
      {feed.lastFetchedAt ? (
        <Tooltip label={dateTime(feed.lastFetchedAt)}>
          <span>{relativeDay(feed.lastFetchedAt, now)}</span>
        </Tooltip>
      ) : (
        'never yet'
      )}
      . Liaison keeps only a fingerprint of its address: lost it? Make a new one.
    </Text>
  );
}
