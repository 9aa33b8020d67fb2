import { Alert, Anchor, Button, Card, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { api, errorMessage, fieldErrors } from '../api.ts';
import { queries } from '../queries.ts';

// The two pages a mailed link opens (docs/portal.md). Neither spends its link on load: a mail
// scanner that fetches the page must not use up the customer's link, so a click does.

function useSignedInThen() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return async (me: Awaited<ReturnType<typeof api.portal.me>>) => {
    queryClient.setQueryData(queries.portalMe().queryKey, me);
    await navigate({ to: '/portal' });
  };
}

function LinkProblem({ error }: { error: unknown }) {
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />} py="xs">
      {errorMessage(error)}{' '}
      <Anchor component={Link} to="/portal/sign-in" size="sm">
        Sign in another way
      </Anchor>
    </Alert>
  );
}

/** `/portal/invite/<token>`: the invited customer sets their password and is signed in. */
export function PortalInvitePage() {
  const { token } = useParams({ from: '/portal/invite/$token' });
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const then = useSignedInThen();
  const accept = useMutation({
    mutationFn: () => api.portal.acceptInvitation({ token, password }),
    onSuccess: then,
  });
  const mismatch = repeat.length > 0 && repeat !== password;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!mismatch) accept.mutate();
  };
  const errors = fieldErrors(accept.error);
  return (
    <Card maw={440} mx="auto" p="xl" shadow="xs">
      <form onSubmit={submit} aria-label="Set your password">
        <Stack gap="md">
          <div>
            <Title order={2}>Welcome to your customer portal</Title>
            <Text size="sm" c="dimmed">
              Choose a password (at least 10 characters) to finish your invitation.
            </Text>
          </div>
          {accept.error && !errors.password && <LinkProblem error={accept.error} />}
          <PasswordInput
            label="Password"
            autoComplete="new-password"
            required
            minLength={10}
            value={password}
            error={errors.password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            autoFocus
          />
          <PasswordInput
            label="Repeat the password"
            autoComplete="new-password"
            required
            value={repeat}
            error={mismatch ? 'The two passwords differ.' : undefined}
            onChange={(event) => setRepeat(event.currentTarget.value)}
          />
          <Button type="submit" color="teal" loading={accept.isPending} fullWidth>
            Set password and sign in
          </Button>
        </Stack>
      </form>
    </Card>
  );
}

/** `/portal/sign-in/<token>`: the landing page of a magic link. */
export function PortalMagicLinkPage() {
  const { token } = useParams({ from: '/portal/sign-in/$token' });
  const then = useSignedInThen();
  const signIn = useMutation({ mutationFn: () => api.portal.signInWithLink(token), onSuccess: then });
  return (
    <Card maw={440} mx="auto" p="xl" shadow="xs">
      <Stack gap="md">
        <div>
          <Title order={2}>Your sign-in link</Title>
          <Text size="sm" c="dimmed">
            The link works once, for 15 minutes after you asked for it.
          </Text>
        </div>
        {signIn.error && <LinkProblem error={signIn.error} />}
        <Button color="teal" loading={signIn.isPending} onClick={() => signIn.mutate()} fullWidth>
          Continue to the portal
        </Button>
      </Stack>
    </Card>
  );
}
