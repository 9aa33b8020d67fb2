import { eventTypeLabels, type Notification } from '@liaison/contracts';
import {
  Badge,
  Box,
  Button,
  Card,
  Group,
  SegmentedControl,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { IconChecks, IconSettings } from '@tabler/icons-react';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { api } from '../../api.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ErrorNote, PageError, PageLoader } from '../../components/PageState.tsx';
import { dateTime, timeAgo } from '../../format.ts';
import { notificationQueries } from '../../queries.ts';

/**
 * The notification centre (docs/notifications.md): the caller's notifications, newest first; a
 * click marks one read and opens the thing it is about.
 */
export function NotificationsPage() {
  const [show, setShow] = useState<'all' | 'unread'>('all');
  const list = useInfiniteQuery(notificationQueries.list(show === 'unread'));
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['notifications'] });
  const open = useMutation({
    mutationFn: (notification: Notification) =>
      notification.readAt ? Promise.resolve(notification) : api.notifications.read(notification.id),
    onSuccess: async (notification) => {
      await refresh();
      await navigate({ href: notification.link });
    },
  });
  const readAll = useMutation({ mutationFn: () => api.notifications.readAll(), onSuccess: refresh });
  if (list.isPending) return <PageLoader />;
  if (list.error) return <PageError error={list.error} />;
  const items = list.data.pages.flatMap((page) => page.items);
  const now = new Date();

  return (
    <>
      <PageHeader
        title="Notifications"
        subtitle="What happened that concerns you: assignments, health turns, handoffs, imports"
        actions={
          <>
            <Button
              variant="default"
              leftSection={<IconChecks size={16} />}
              onClick={() => readAll.mutate()}
              loading={readAll.isPending}
            >
              Mark all read
            </Button>
            <Button
              component={Link}
              to="/settings/notifications"
              variant="subtle"
              leftSection={<IconSettings size={16} />}
            >
              Preferences
            </Button>
          </>
        }
      />
      <SegmentedControl
        mb="md"
        value={show}
        onChange={(value) => setShow(value as 'all' | 'unread')}
        data={[
          { value: 'all', label: 'All' },
          { value: 'unread', label: 'Unread' },
        ]}
        aria-label="Show"
      />
      {open.error && <ErrorNote error={open.error} />}
      {readAll.error && <ErrorNote error={readAll.error} />}
      <Card p={0}>
        {items.length === 0 ? (
          <Text size="sm" c="dimmed" p="md">
            {show === 'unread' ? 'Nothing unread.' : 'No notifications yet.'}
          </Text>
        ) : (
          <Stack
            gap={0}
            component="ul"
            aria-label="Notifications"
            style={{ listStyle: 'none', margin: 0, padding: 0 }}
          >
            {items.map((item) => (
              <Box component="li" key={item.id} style={{ borderBottom: '1px solid var(--app-border)' }}>
                <UnstyledButton
                  w="100%"
                  p="md"
                  onClick={() => open.mutate(item)}
                  aria-label={`${item.readAt ? '' : 'Unread: '}${item.title}`}
                >
                  <Group gap="sm" wrap="nowrap" align="flex-start">
                    <Box
                      mt={6}
                      w={8}
                      h={8}
                      style={{
                        borderRadius: 4,
                        flexShrink: 0,
                        background: item.readAt ? 'transparent' : 'var(--mantine-color-brand-6)',
                      }}
                      aria-hidden
                    />
                    <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
                      <Group gap="xs" wrap="nowrap">
                        <Text size="sm" fw={item.readAt ? 400 : 600} truncate>
                          {item.title}
                        </Text>
                        <Badge size="xs" variant="light" color="gray">
                          {eventTypeLabels[item.type]}
                        </Badge>
                      </Group>
                      <Text size="sm" c="dimmed">
                        {item.summary}
                      </Text>
                      {item.account && (
                        <Text size="xs" c="dimmed">
                          {item.account.name}
                        </Text>
                      )}
                    </Stack>
                    <Text
                      size="xs"
                      c="dimmed"
                      title={dateTime(item.occurredAt)}
                      style={{ whiteSpace: 'nowrap' }}
                    >
                      {timeAgo(item.occurredAt, now)}
                    </Text>
                  </Group>
                </UnstyledButton>
              </Box>
            ))}
          </Stack>
        )}
      </Card>
      {list.hasNextPage && (
        <Group justify="center" mt="md">
          <Button variant="default" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
            Show more
          </Button>
        </Group>
      )}
    </>
  );
}
