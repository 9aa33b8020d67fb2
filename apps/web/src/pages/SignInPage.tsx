import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Center,
  Group,
  PasswordInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { ApiError, api, errorMessage } from '../api.ts';
import { label, staffRoleLabels } from '../format.ts';
import { queries } from '../queries.ts';

/** The roles worth trying on the demo, in the order a visitor would try them. */
const personaOrder = ['tam', 'tam_manager', 'admin', 'sal', 'ae', 'sa', 'viewer'];

export function SignInPage() {
  const navigate = useNavigate();
  const search = useSearch({ from: '/sign-in' });
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const demo = useQuery(queries.demoInfo());

  const login = useMutation({
    mutationFn: (credentials: { email: string; password: string }) => api.auth.login(credentials),
    onSuccess: async (me) => {
      queryClient.clear();
      queryClient.setQueryData(queries.me().queryKey, me);
      // The landing route picks each role's home (docs/homes.md).
      await navigate({ to: search.redirect ?? '/' });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ email, password });
  };

  const personas = personaOrder
    .map((role) => demo.data?.logins.find((login) => login.roles.includes(role)))
    .filter((login): login is NonNullable<typeof login> => login !== undefined)
    .filter((login, index, all) => all.findIndex((other) => other.email === login.email) === index);

  return (
    <Center mih="100vh" p="md" style={{ background: 'linear-gradient(180deg, #f4f6fb 0%, #f7f8fa 100%)' }}>
      <Stack w={440} gap="lg">
        <Group gap={10} justify="center">
          <Box
            w={32}
            h={32}
            style={{
              borderRadius: 8,
              background: 'var(--mantine-color-brand-6)',
              display: 'grid',
              placeItems: 'center',
            }}
          >
            <svg width="18" height="18" viewBox="0 0 32 32" aria-hidden="true">
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
          <Title order={1} fz={24}>
            Liaison
          </Title>
        </Group>
        <Card p="xl" shadow="xs">
          <form onSubmit={submit} aria-label="Sign in">
            <Stack gap="md">
              <div>
                <Title order={2}>Sign in</Title>
                <Text size="sm" c="dimmed">
                  Your book of business, every number explained.
                </Text>
              </div>
              {login.error && (
                <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />} py="xs">
                  {login.error instanceof ApiError && login.error.status === 401
                    ? 'That e-mail and password do not match an active user.'
                    : errorMessage(login.error)}
                </Alert>
              )}
              <TextInput
                label="E-mail"
                type="email"
                autoComplete="username"
                required
                value={email}
                onChange={(event) => setEmail(event.currentTarget.value)}
                data-autofocus
                autoFocus
              />
              <PasswordInput
                label="Password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(event) => setPassword(event.currentTarget.value)}
              />
              <Button type="submit" loading={login.isPending} fullWidth>
                Sign in
              </Button>
            </Stack>
          </form>
        </Card>
        {demo.data?.demo && personas.length > 0 && (
          <Card p="lg" aria-labelledby="demo-logins-title">
            <Stack gap="xs">
              <Group justify="space-between">
                <Text fw={600} size="sm" id="demo-logins-title">
                  Demo logins
                </Text>
                <Text size="xs" c="dimmed">
                  password <code>{personas[0]!.password}</code>
                </Text>
              </Group>
              <Table verticalSpacing={5} withRowBorders={false}>
                <Table.Tbody>
                  {personas.map((persona) => (
                    <Table.Tr key={persona.email}>
                      <Table.Td pl={0}>
                        <Text size="sm" fw={500}>
                          {persona.name}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {persona.email}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light" color="gray" size="sm">
                          {persona.roles.map((role) => label(staffRoleLabels, role)).join(', ')}
                        </Badge>
                      </Table.Td>
                      <Table.Td pr={0} ta="right">
                        <Anchor
                          component="button"
                          type="button"
                          size="sm"
                          onClick={() => {
                            setEmail(persona.email);
                            setPassword(persona.password);
                            login.mutate({ email: persona.email, password: persona.password });
                          }}
                          aria-label={`Sign in as ${persona.name}`}
                        >
                          Sign in
                        </Anchor>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Stack>
          </Card>
        )}
      </Stack>
    </Center>
  );
}
