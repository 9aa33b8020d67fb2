import {
  AppShell,
  Avatar,
  Box,
  Group,
  Menu,
  NavLink,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { spotlight } from '@mantine/spotlight';
import {
  IconBellCog,
  IconBook2,
  IconBuildingSkyscraper,
  IconCalendarWeek,
  IconChevronDown,
  IconClockPlay,
  IconHome,
  IconKey,
  IconLogout,
  IconMail,
  IconMessageQuestion,
  IconMessages,
  IconRoute,
  IconSearch,
  IconUsers,
  IconUsersGroup,
  IconWebhook,
} from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, Outlet, useLocation, useNavigate } from '@tanstack/react-router';
import { Suspense } from 'react';
import { api } from '../api.ts';
import { label, staffRoleLabels } from '../format.ts';
import { queries } from '../queries.ts';
import { NotificationBell } from './NotificationBell.tsx';
import { PageLoader } from './PageState.tsx';
import { QuickJump } from './QuickJump.tsx';

export function initials(name: string): string {
  return name
    .split(/\s+/)
    .slice(0, 2)
    .map((part) => part.charAt(0).toUpperCase())
    .join('');
}

export function AppLayout() {
  const { data: me } = useQuery(queries.me());
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const user = me?.user;
  if (!me || !user) return <PageLoader />;

  const nav = [
    { to: '/home', label: 'Home', icon: IconHome, show: true },
    { to: '/week', label: 'My week', icon: IconCalendarWeek, show: true },
    { to: '/team', label: 'Team', icon: IconUsersGroup, show: me.can.manageTeam },
    { to: '/accounts', label: 'Accounts', icon: IconBuildingSkyscraper, show: true },
    // Customers' issues waiting for the caller's answer (docs/projects.md); viewers answer nobody.
    { to: '/customer-issues', label: 'Customer issues', icon: IconMessageQuestion, show: me.can.makeTasks },
    // Account team members meet; viewers are on no team (the server lists their teams: none).
    { to: '/meetings', label: 'Team meeting', icon: IconMessages, show: me.can.makeTasks },
    // The overview's route is the team managers' (the server's `manageTeam` policy).
    { to: '/journey', label: 'Journey', icon: IconRoute, show: me.can.manageTeam },
    { to: '/playbook', label: 'Playbook', icon: IconBook2, show: me.can.managePlaybook },
    { to: '/users', label: 'Users', icon: IconUsers, show: me.can.manageUsers },
    { to: '/admin/jobs', label: 'Jobs', icon: IconClockPlay, show: me.can.viewSystemStatus },
    { to: '/admin/outbox', label: 'Outbox', icon: IconMail, show: me.can.manageMail },
    { to: '/admin/webhooks', label: 'Webhooks', icon: IconWebhook, show: me.can.manageWebhooks },
  ] as const;
  const active = (to: string) => location.pathname === to || location.pathname.startsWith(`${to}/`);

  const signOut = async () => {
    await api.auth.logout().catch(() => undefined);
    queryClient.clear();
    await navigate({ to: '/sign-in' });
  };

  return (
    <AppShell navbar={{ width: 224, breakpoint: 0 }} padding={0}>
      <AppShell.Navbar p="sm" style={{ background: '#fbfbfc', borderRight: '1px solid var(--app-border)' }}>
        <Group gap={8} px={6} py={6} mb="sm">
          <Box
            w={24}
            h={24}
            style={{
              borderRadius: 6,
              background: 'var(--mantine-color-brand-6)',
              display: 'grid',
              placeItems: 'center',
            }}
          >
            <svg width="14" height="14" viewBox="0 0 32 32" aria-hidden="true">
              <path
                d="M10 8v16h12"
                fill="none"
                stroke="#fff"
                strokeWidth="4"
                strokeLinecap="round"
                strokeLinejoin="round"
              />
              <circle cx="22" cy="10" r="3.5" fill="#fff" />
            </svg>
          </Box>
          <Text fw={700} size="md" style={{ flex: 1 }}>
            Liaison
          </Text>
          <NotificationBell />
        </Group>
        <UnstyledButton
          onClick={() => spotlight.open()}
          aria-label="Jump to an account (Ctrl+K or ⌘K)"
          px={10}
          py={6}
          mb="sm"
          style={{ border: '1px solid var(--app-border)', borderRadius: 8, background: '#fff' }}
        >
          <Group gap={8} wrap="nowrap">
            <IconSearch size={15} color="var(--mantine-color-gray-6)" />
            <Text size="sm" c="dimmed" style={{ flex: 1 }}>
              Jump to…
            </Text>
            <span className="kbd-hint">{/Mac|iPhone|iPad/.test(navigator.userAgent) ? '⌘K' : 'Ctrl K'}</span>
          </Group>
        </UnstyledButton>
        <AppShell.Section grow component={ScrollArea}>
          <Stack gap={2} component="nav" aria-label="Main">
            {nav
              .filter((item) => item.show)
              .map((item) => (
                <NavLink
                  key={item.to}
                  component={Link}
                  to={item.to}
                  label={item.label}
                  leftSection={<item.icon size={17} stroke={1.7} />}
                  active={active(item.to)}
                  className="nav-link"
                  variant="subtle"
                  styles={{ root: { borderRadius: 6, padding: '6px 10px' }, label: { fontSize: 14 } }}
                />
              ))}
          </Stack>
        </AppShell.Section>
        <AppShell.Section>
          <Menu position="top-start" width={200}>
            <Menu.Target>
              <UnstyledButton w="100%" p={6} style={{ borderRadius: 8 }} aria-label="Account menu">
                <Group gap={8} wrap="nowrap">
                  <Avatar size={28} radius="xl" color="brand">
                    {initials(user.name)}
                  </Avatar>
                  <Box style={{ flex: 1, minWidth: 0 }}>
                    <Text size="sm" fw={500} truncate>
                      {user.name}
                    </Text>
                    <Text size="xs" c="dimmed" truncate>
                      {user.roles.map((role) => label(staffRoleLabels, role)).join(', ')}
                    </Text>
                  </Box>
                  <IconChevronDown size={14} />
                </Group>
              </UnstyledButton>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>{user.email}</Menu.Label>
              <Menu.Item
                component={Link}
                to="/settings/notifications"
                leftSection={<IconBellCog size={15} />}
              >
                Notifications
              </Menu.Item>
              <Menu.Item component={Link} to="/settings/tokens" leftSection={<IconKey size={15} />}>
                API tokens
              </Menu.Item>
              <Menu.Item leftSection={<IconLogout size={15} />} onClick={signOut}>
                Sign out
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
        <Box px={32} py={24} maw={1360}>
          <Suspense fallback={<PageLoader />}>
            <Outlet />
          </Suspense>
        </Box>
      </AppShell.Main>
      <QuickJump />
    </AppShell>
  );
}
