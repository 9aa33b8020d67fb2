import { Avatar, Box, Button, Container, Group, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Outlet, useNavigate } from '@tanstack/react-router';
import { api } from '../api.ts';
import { queries } from '../queries.ts';

// The customer portal's own look (docs/portal.md): the vendor's name and the customer's TAM, a
// warm band instead of the staff navigation. Nothing of the staff app is reachable from here.

export const portalBackground = 'linear-gradient(180deg, #fbf7f2 0%, #f6f8f7 60%)';

/** The TAM's avatar: their initials, as the server gives them (there is no photo yet). */
export function TamAvatar({ initials, size = 'md' }: { initials: string; size?: 'sm' | 'md' | 'lg' | 'xl' }) {
  return (
    <Avatar color="teal" radius="xl" size={size} aria-label={`Initials ${initials}`}>
      {initials}
    </Avatar>
  );
}

export function PortalLayout() {
  // Signed in or not: the sign-in pages use the same layout without the customer's details.
  const session = useQuery({ ...queries.portalMe(), throwOnError: false });
  // After a sign-out or a deactivation the last answer is stale: a refusal means nobody.
  const me = session.isError ? undefined : session.data;
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const signOut = async () => {
    await api.portal.signOut().catch(() => undefined);
    await navigate({ to: '/portal/sign-in' });
    await queryClient.resetQueries({ queryKey: ['portal'] });
  };
  return (
    <Box mih="100vh" style={{ background: portalBackground }} data-testid="portal-layout">
      <Box component="header" style={{ background: '#173f3a', color: '#fff' }} py="sm">
        <Container size="md">
          <Group justify="space-between">
            <div>
              <Title order={1} fz={18} c="white" data-testid="portal-vendor">
                {me ? me.vendor.name : 'Customer portal'}
              </Title>
              <Text size="xs" c="teal.1">
                {me ? `Customer portal · ${me.account.name}` : 'Sign in to work with your account team'}
              </Text>
            </div>
            {me && (
              <Group gap="sm">
                {me.tam && (
                  <Group gap={8} data-testid="portal-tam">
                    <TamAvatar initials={me.tam.initials} size="md" />
                    <div>
                      <Text size="sm" c="white" fw={500}>
                        {me.tam.name}
                      </Text>
                      <Text size="xs" c="teal.1">
                        Your Technical Account Manager
                      </Text>
                    </div>
                  </Group>
                )}
                <Button size="xs" variant="white" color="dark" onClick={signOut}>
                  Sign out
                </Button>
              </Group>
            )}
          </Group>
        </Container>
      </Box>
      <Container size="md" py="xl">
        <Outlet />
      </Container>
    </Box>
  );
}
