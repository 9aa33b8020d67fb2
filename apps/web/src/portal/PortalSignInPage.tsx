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
} from '@mantine/core';
import { IconAlertTriangle, IconMailCheck } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
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
  return (
    <Card maw={440} mx="auto" p="xl" shadow="xs">
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
  );
}
