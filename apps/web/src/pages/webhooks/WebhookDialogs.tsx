import {
  type CreatedWebhookEndpoint,
  type EventType,
  eventTypeLabels,
  eventTypes,
  type WebhookEndpoint,
  type WebhookFormat,
} from '@liaison/contracts';
import {
  Button,
  Checkbox,
  Group,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, fieldErrors, isConflict } from '../../api.ts';
import { CopyableSecret, ShownOnceAlert } from '../../components/CopyableSecret.tsx';
import { ErrorNote } from '../../components/PageState.tsx';
import { formatLabels, webhookQueries } from './webhook-queries.ts';

const refresh = (queryClient: ReturnType<typeof useQueryClient>) =>
  queryClient.invalidateQueries({ queryKey: webhookQueries.endpoints().queryKey });

/** Registers an endpoint (then hands its one-time secret on) or changes one. */
export function EndpointForm({
  endpoint,
  onCreated,
  onDone,
}: {
  endpoint: WebhookEndpoint | null;
  onCreated: (created: CreatedWebhookEndpoint) => void;
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const [name, setName] = useState(endpoint?.name ?? '');
  const [url, setUrl] = useState(endpoint?.url ?? '');
  const [format, setFormat] = useState<WebhookFormat>(endpoint?.format ?? 'liaison');
  const [types, setTypes] = useState<EventType[]>(endpoint?.eventTypes ?? []);
  const [isActive, setActive] = useState(endpoint?.isActive ?? true);
  const save = useMutation({
    mutationFn: async () => {
      const body = { name, url, format, eventTypes: types, isActive };
      if (!endpoint) return { created: await api.webhooks.create(body) };
      await api.webhooks.update(endpoint.id, { ...body, version: endpoint.version });
      return { created: null };
    },
    onSuccess: async ({ created }) => {
      await refresh(queryClient);
      if (created) onCreated(created);
      else onDone();
    },
  });
  const errors = fieldErrors(save.error);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <Stack gap="sm">
        <TextInput
          label="Name"
          description="What receives it, e.g. “CRM sync” or “Slack #customer-health”"
          required
          value={name}
          error={errors.name}
          onChange={(event) => setName(event.currentTarget.value)}
          data-autofocus
        />
        <TextInput
          label="URL"
          description="http or https; no user name or password in it (the signature authenticates Liaison)"
          required
          value={url}
          error={errors.url}
          onChange={(event) => setUrl(event.currentTarget.value)}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            Format
          </Text>
          <SegmentedControl
            aria-label="Format"
            value={format}
            onChange={(value) => setFormat(value as WebhookFormat)}
            data={Object.entries(formatLabels).map(([value, label]) => ({ value, label }))}
          />
        </Stack>
        <Checkbox.Group
          label="Event types"
          description="The events this endpoint hears of"
          value={types}
          onChange={(value) => setTypes(value as EventType[])}
          error={errors.eventTypes}
        >
          <SimpleGrid cols={2} spacing={6} mt={6}>
            {eventTypes.map((type) => (
              <Checkbox key={type} value={type} label={eventTypeLabels[type]} size="sm" />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Switch
          label="Active (deliveries are sent)"
          checked={isActive}
          onChange={(event) => setActive(event.currentTarget.checked)}
        />
        {isConflict(save.error) ? (
          <Text size="sm" c="orange.8">
            Someone else changed this endpoint meanwhile. Close and reopen to load the latest.
          </Text>
        ) : (
          save.error && Object.keys(errors).length === 0 && <ErrorNote error={save.error} />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {endpoint ? 'Save' : 'Register endpoint'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The signing secret, shown this once: the server never answers it again. */
export function SecretReveal({ endpoint, onDone }: { endpoint: CreatedWebhookEndpoint; onDone: () => void }) {
  return (
    <Stack gap="sm">
      <ShownOnceAlert what="secret">
        The receiver uses it to check that a request came from Liaison (docs/webhooks.md). If you lose it,
        rotate it.
      </ShownOnceAlert>
      <CopyableSecret value={endpoint.secret} testId="webhook-secret" />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          Done
        </Button>
      </Group>
    </Stack>
  );
}

/** Confirms a rotation or a deletion, which cannot be taken back. */
export function ConfirmEndpointAction({
  endpoint,
  action,
  onRotated,
  onDone,
}: {
  endpoint: WebhookEndpoint;
  action: 'rotate' | 'delete';
  onRotated: (rotated: CreatedWebhookEndpoint) => void;
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const run = useMutation({
    mutationFn: async () => {
      if (action === 'rotate') return api.webhooks.rotateSecret(endpoint.id);
      await api.webhooks.delete(endpoint.id, endpoint.version);
      return null;
    },
    onSuccess: async (rotated) => {
      await refresh(queryClient);
      if (rotated) onRotated(rotated);
      else onDone();
    },
  });
  return (
    <Stack gap="sm">
      <Text size="sm">
        {action === 'rotate' ? (
          <>
            <b>{endpoint.name}</b> gets a new signing secret at once: its receiver refuses every delivery
            until it has the new one.
          </>
        ) : (
          <>
            <b>{endpoint.name}</b> and its delivery log are deleted; deliveries waiting for it are not sent.
          </>
        )}
      </Text>
      <ErrorNote error={run.error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone} data-autofocus>
          Cancel
        </Button>
        <Button
          color={action === 'delete' ? 'red' : 'orange'}
          loading={run.isPending}
          onClick={() => run.mutate()}
        >
          {action === 'rotate' ? 'Rotate secret' : 'Delete endpoint'}
        </Button>
      </Group>
    </Stack>
  );
}
