import type { ApiToken, CreatedApiToken } from '@liaison/contracts';
import { Alert, Badge, Button, Card, Code, Group, Modal, Stack, Table, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle, IconKey, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api.ts';
import { PageHeader } from '../components/PageHeader.tsx';
import { ErrorNote, PageError, PageLoader } from '../components/PageState.tsx';
import { date, dateTime, relativeDay } from '../format.ts';
import { apiTokensQuery } from '../queries.ts';
import { CreateTokenForm, TokenSecret } from './ApiTokenDialogs.tsx';

const isExpired = (token: ApiToken, now: Date) =>
  token.expiresAt !== null && Date.parse(token.expiresAt) <= now.getTime();

/**
 * The signed-in user's API tokens, for the CLI (`liaison login`, LIAISON_TOKEN) and automation.
 * The server shows and revokes only the caller's own tokens, admins included, so this page never
 * offers anyone else's.
 */
export function ApiTokensPage() {
  const tokens = useQuery(apiTokensQuery());
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  if (tokens.isPending) return <PageLoader />;
  if (tokens.error) return <PageError error={tokens.error} />;
  const now = new Date();

  return (
    <>
      <PageHeader
        title="API tokens"
        subtitle="For the command line and automation: a token acts as you, with your roles, until it expires or you revoke it"
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
            New token
          </Button>
        }
      />
      <Alert variant="light" color="gray" icon={<IconInfoCircle size={18} />} mb="md">
        <Text size="sm">
          Use a token with the CLI (<Code>LIAISON_TOKEN=… liaison whoami</Code>) or any HTTP client (
          <Code>Authorization: Bearer …</Code>). <Code>liaison login</Code> makes one for you, named after the
          machine. Only you see your tokens.
        </Text>
      </Alert>
      <Card p={0}>
        <Table highlightOnHover aria-label="API tokens">
          <Table.Thead>
            <Table.Tr>
              <Table.Th pl="md">Name</Table.Th>
              <Table.Th>Created</Table.Th>
              <Table.Th>Last used</Table.Th>
              <Table.Th>Expires</Table.Th>
              <Table.Th pr="md" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tokens.data.map((token) => (
              <Table.Tr key={token.id} style={{ opacity: isExpired(token, now) ? 0.6 : 1 }}>
                <Table.Td pl="md">
                  <Group gap={8} wrap="nowrap">
                    <IconKey size={15} color="var(--mantine-color-gray-6)" />
                    <Text size="sm" fw={500}>
                      {token.name}
                    </Text>
                  </Group>
                </Table.Td>
                <Table.Td className="num">
                  <Text size="sm">{dateTime(token.createdAt)}</Text>
                </Table.Td>
                <Table.Td className="num">
                  {/* Kept to the minute by the server: a token in constant use is not rewritten per call. */}
                  {token.lastUsedAt ? (
                    <Tooltip label={dateTime(token.lastUsedAt)}>
                      <Text size="sm">{relativeDay(token.lastUsedAt, now)}</Text>
                    </Tooltip>
                  ) : (
                    <Text size="sm" c="dimmed">
                      Never
                    </Text>
                  )}
                </Table.Td>
                <Table.Td className="num">
                  {token.expiresAt === null ? (
                    <Text size="sm" c="dimmed">
                      Never
                    </Text>
                  ) : (
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm">{date(token.expiresAt)}</Text>
                      {isExpired(token, now) && (
                        <Badge size="xs" color="red" variant="light">
                          Expired
                        </Badge>
                      )}
                    </Group>
                  )}
                </Table.Td>
                <Table.Td pr="md" ta="right">
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    leftSection={<IconTrash size={12} />}
                    onClick={() => setRevoking(token)}
                    aria-label={`Revoke ${token.name}`}
                  >
                    Revoke
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {tokens.data.length === 0 && (
          <Text size="sm" c="dimmed" p="md">
            You have no API tokens. Create one for a script, or run <Code>liaison login</Code>.
          </Text>
        )}
      </Card>

      <Modal opened={creating} onClose={() => setCreating(false)} title="New API token" centered>
        {creating && (
          <CreateTokenForm
            onCancel={() => setCreating(false)}
            onCreated={(token) => {
              setCreating(false);
              setCreated(token);
            }}
          />
        )}
      </Modal>
      <Modal
        opened={created !== null}
        onClose={() => setCreated(null)}
        title="Copy your new token"
        centered
        size="lg"
        // A stray click outside must not throw away the only chance to copy the secret.
        closeOnClickOutside={false}
      >
        {created && <TokenSecret token={created} onDone={() => setCreated(null)} />}
      </Modal>
      <Modal opened={revoking !== null} onClose={() => setRevoking(null)} title="Revoke API token?" centered>
        {revoking && <RevokeToken token={revoking} onDone={() => setRevoking(null)} />}
      </Modal>
    </>
  );
}

function RevokeToken({ token, onDone }: { token: ApiToken; onDone: () => void }) {
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: () => api.auth.revokeToken(token.id),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: `Token “${token.name}” revoked.` });
      onDone();
    },
    // Refetch either way: a 404 means it was revoked elsewhere (e.g. by `liaison login` again).
    onSettled: () => queryClient.invalidateQueries({ queryKey: apiTokensQuery().queryKey }),
  });
  return (
    <Stack gap="sm">
      <Text size="sm">
        Anything using <b>{token.name}</b> — the CLI on that machine, a script, an integration — is refused
        from now on. This cannot be undone; create a new token if you need one again.
      </Text>
      <ErrorNote error={revoke.error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone} data-autofocus>
          Cancel
        </Button>
        <Button color="red" loading={revoke.isPending} onClick={() => revoke.mutate()}>
          Revoke token
        </Button>
      </Group>
    </Stack>
  );
}
