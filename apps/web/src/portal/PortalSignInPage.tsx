import {
  Alert,
  Button,
  Card,
  PasswordInput,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { IconAlertTriangle, IconMailCheck } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { ApiError, api, errorMessage } from '../api.ts';
import { queries } from '../queries.ts';

/** The portal's sign-in: a password, or a single-use link by e-mail (docs/portal.md). */
export function PortalSignInPage() {
  const [mode, setMode] = useState<'password' | 'link'>('password');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const signIn = useMutation({
    mutationFn: () => api.portal.signIn({ email, password }),
    onSuccess: async (me) => {
      queryClient.setQueryData(queries.portalMe().queryKey, me);
      await navigate({ to: '/portal' });
    },
  });
  const link = useMutation({ mutationFn: () => api.portal.requestSignInLink(email) });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mode === 'password') signIn.mutate();
    else link.mutate();
  };
  const failure = mode === 'password' ? signIn.error : link.error;
  const demo = useQuery(queries.demoInfo());
  const customers = demo.data?.customerLogins ?? [];
  return (
    <Stack maw={440} mx="auto" gap="md">
      <Card p="xl" shadow="xs">
        <form onSubmit={submit} aria-label="Sign in to the customer portal">
          <Stack gap="md">
            <div>
              <Title order={2}>Sign in</Title>
              <Text size="sm" c="dimmed">
                With your password, or a link we e-mail you.
              </Text>
            </div>
            <SegmentedControl
              fullWidth
              value={mode}
              onChange={(value) => setMode(value as 'password' | 'link')}
              data={[
                { value: 'password', label: 'Password' },
                { value: 'link', label: 'E-mail me a link' },
              ]}
            />
            {failure && (
              <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />} py="xs">
                {failure instanceof ApiError && failure.status === 401
                  ? 'That e-mail and password do not match.'
                  : errorMessage(failure)}
              </Alert>
            )}
            {mode === 'link' && link.data && (
              <Alert color="teal" variant="light" icon={<IconMailCheck size={16} />} py="xs">
                {link.data.message}
              </Alert>
            )}
            <TextInput
              label="E-mail"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
              autoFocus
            />
            {mode === 'password' && (
              <PasswordInput
                label="Password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(event) => setPassword(event.currentTarget.value)}
              />
            )}
            <Button type="submit" color="teal" loading={signIn.isPending || link.isPending} fullWidth>
              {mode === 'password' ? 'Sign in' : 'E-mail me a sign-in link'}
            </Button>
          </Stack>
        </form>
      </Card>
      {customers.length > 0 && (
        // A demo server: its customers' logins, as the staff sign-in page lists the staff's.
        <Card p="lg" aria-labelledby="demo-customers-title">
          <Text fw={600} size="sm" id="demo-customers-title">
            Demo customers
          </Text>
          <Text size="xs" c="dimmed" mb="xs">
            Password {customers[0]!.password}
          </Text>
          <Stack gap={4}>
            {customers.map((customer) => (
              <UnstyledButton
                key={customer.email}
                onClick={() => {
                  setMode('password');
                  setEmail(customer.email);
                  setPassword(customer.password);
                }}
                aria-label={`Sign in as ${customer.name} of ${customer.accountName}`}
              >
                <Text size="sm">
                  {customer.name}{' '}
                  <Text span c="dimmed" size="sm">
                    · {customer.accountName}
                  </Text>
                </Text>
              </UnstyledButton>
            ))}
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
