import { ActionIcon, Indicator, Tooltip } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { plural } from '../format.ts';
import { notificationQueries } from '../queries.ts';

/** The header's bell: the unread count (polled every 30 s and on focus), a way into the centre. */
export function NotificationBell() {
  const { data } = useQuery(notificationQueries.unreadCount());
  const count = data?.count ?? 0;
  const label = count > 0 ? `Notifications: ${plural(count, 'unread', 'unread')}` : 'Notifications';
  return (
    <Tooltip label={label}>
      <Indicator
        label={count > 99 ? '99+' : count}
        size={16}
        color="red"
        disabled={count === 0}
        offset={4}
        data-testid="unread-count"
      >
        <ActionIcon
          component={Link}
          to="/notifications"
          variant="subtle"
          color="gray"
          size="lg"
          aria-label={label}
        >
          <IconBell size={18} stroke={1.7} />
        </ActionIcon>
      </Indicator>
    </Tooltip>
  );
}
