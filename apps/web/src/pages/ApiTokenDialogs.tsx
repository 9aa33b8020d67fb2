import type { CreatedApiToken } from '@liaison/contracts';
import { Button, Code, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, fieldErrors } from '../api.ts';
import { CopyableSecret, ShownOnceAlert } from '../components/CopyableSecret.tsx';
import { ErrorNote } from '../components/PageState.tsx';
import { date } from '../format.ts';
import { apiTokensQuery } from '../queries.ts';

const DAY_MS = 86_400_000;

const lifetimes = [
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '365', label: '1 year' },
  { value: 'never', label: 'Never (until revoked)' },
];

/** Name and lifetime of a new token; on success hands the one-time secret to the caller. */
export function CreateTokenForm({
  onCreated,
  onCancel,
}: {
  onCreated: (token: CreatedApiToken) => void;
  onCancel: () => void;
}) {
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  // A token that never expires is forgotten on some laptop: default to a bounded one.
  const [lifetime, setLifetime] = useState('90');
  const expiresAt =
    lifetime === 'never' ? null : new Date(Date.now() + Number(lifetime) * DAY_MS).toISOString();
  const create = useMutation({
    mutationFn: () => api.auth.createToken({ name, expiresAt }),
    onSuccess: async (token) => {
      await queryClient.invalidateQueries({ queryKey: apiTokensQuery().queryKey });
      onCreated(token);
    },
  });
  const errors = fieldErrors(create.error);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate();
      }}
    >
      <Stack gap="sm">
        <TextInput
          label="Name"
          description="Where or what it is for, e.g. “cli on my laptop” or “nightly CRM sync”"
          required
          value={name}
          error={errors.name}
          onChange={(event) => setName(event.currentTarget.value)}
          data-autofocus
        />
        <Select
          label="Expires"
          data={lifetimes}
          value={lifetime}
          onChange={(value) => setLifetime(value ?? '90')}
          allowDeselect={false}
          error={errors.expiresAt}
          description={expiresAt ? `On ${date(expiresAt)}` : 'Works until you revoke it'}
        />
        {create.error && Object.keys(errors).length === 0 && <ErrorNote error={create.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Create token
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The secret, shown this once: the server keeps only its hash and cannot show it again. */
export function TokenSecret({ token, onDone }: { token: CreatedApiToken; onDone: () => void }) {
  return (
    <Stack gap="sm">
      <ShownOnceAlert what="token">
        Liaison stores only a fingerprint of it. If you lose it, revoke it and create another.
      </ShownOnceAlert>
      <Text size="sm">
        <b>{token.name}</b> · {token.expiresAt ? `expires ${date(token.expiresAt)}` : 'never expires'}
      </Text>
      <CopyableSecret value={token.token} testId="api-token-secret" />
      <Text size="xs" c="dimmed">
        Use it as <Code>LIAISON_TOKEN</Code> for the CLI, or send it as <Code>Authorization: Bearer …</Code>.
      </Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          Done
        </Button>
      </Group>
    </Stack>
  );
}
