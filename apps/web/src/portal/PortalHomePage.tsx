import { Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconMessages } from '@tabler/icons-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { queries } from '../queries.ts';
import { TamAvatar } from './PortalLayout.tsx';

/**
 * The portal's home: a welcome, the customer's TAM, and where the collaboration project will be.
 * The project pages (issues, milestones, README) plug in here (docs/portal.md).
 */
export function PortalHomePage() {
  const me = useSuspenseQuery(queries.portalMe()).data;
  const firstName = me.customerUser.name.split(/\s+/)[0];
  return (
    <Stack gap="lg">
      <div>
        <Title order={2} fz={24}>
          Welcome, {firstName}
        </Title>
        <Text c="dimmed">
          This is {me.account.name}’s portal with {me.vendor.name}: the place where you and your account team
          work together.
        </Text>
      </div>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Card padding="lg" data-testid="portal-tam-card">
          <Text size="xs" tt="uppercase" fw={600} c="dimmed" mb="sm">
            Your Technical Account Manager
          </Text>
          {me.tam ? (
            <Group>
              <TamAvatar initials={me.tam.initials} size="lg" />
              <div>
                <Text fw={600} size="lg">
                  {me.tam.name}
                </Text>
                <Text size="sm" c="dimmed">
                  Your trusted advisor at {me.vendor.name}
                </Text>
              </div>
            </Group>
          ) : (
            <Text size="sm" c="dimmed">
              Your TAM will appear here once assigned.
            </Text>
          )}
        </Card>
        <Card padding="lg" data-testid="portal-project-placeholder">
          <Group align="flex-start" wrap="nowrap">
            <ThemeIcon variant="light" color="teal" size="lg" radius="xl">
              <IconMessages size={18} />
            </ThemeIcon>
            <div>
              <Text fw={600}>Your collaboration project</Text>
              <Text size="sm" c="dimmed">
                Your project with {me.vendor.name} — its README, milestones and issues — will appear here. It
                is where you ask questions and {me.tam ? me.tam.name.split(/\s+/)[0] : 'your account team'}{' '}
                answers.
              </Text>
            </div>
          </Group>
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
