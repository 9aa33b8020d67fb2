import type { CreatedCalendarFeed } from '@liaison/contracts';
import { Button, Group, List, Stack, Text } from '@mantine/core';
import { CopyableSecret, ShownOnceAlert } from '../../components/CopyableSecret.tsx';

/** The feed's address, shown this once (the server keeps only its hash), and how to subscribe. */
export function FeedUrl({ feed, onDone }: { feed: CreatedCalendarFeed; onDone: () => void }) {
  return (
    <Stack gap="sm">
      <ShownOnceAlert what="address">
        Anyone who has it can read your calendar, so keep it to yourself. If it leaks, make a new one or
        revoke it.
      </ShownOnceAlert>
      <CopyableSecret value={feed.url} testId="calendar-feed-url" />
      <Text size="sm" fw={600}>
        Google Calendar
      </Text>
      <List size="sm" spacing={2}>
        <List.Item>Beside “Other calendars”, click + and choose “From URL”.</List.Item>
        <List.Item>Paste the address and click “Add calendar”.</List.Item>
      </List>
      <Text size="sm" fw={600}>
        Outlook
      </Text>
      <List size="sm" spacing={2}>
        <List.Item>In the calendar, choose “Add calendar”, then “Subscribe from web”.</List.Item>
        <List.Item>Paste the address, name it, and click “Import”.</List.Item>
      </List>
      <Text size="xs" c="dimmed">
        Calendar apps read the feed on their own schedule (Google every few hours), so a change in Liaison
        shows up there later. Every event links back to Liaison.
      </Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          Done
        </Button>
      </Group>
    </Stack>
  );
}
