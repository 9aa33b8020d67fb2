import type { Contact, CustomerUser } from '@liaison/contracts';
import { Badge, Button, Card, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, errorMessage } from '../../api.ts';
import { OpenFormButton } from '../../components/OpenFormButton.tsx';
import { CardTitle } from '../../components/PageHeader.tsx';
import { Empty, ErrorNote } from '../../components/PageState.tsx';
import { dateTime } from '../../format.ts';
import { useAccountMutation } from '../../mutations.ts';
import { queries } from '../../queries.ts';

// The account's customer users of the portal (docs/portal.md): who is invited, who signs in,
// and for those the server lets manage them (`can.manage`), invite, re-send and (de)activate.

const statusColor: Record<CustomerUser['status'], string> = {
  invited: 'blue',
  active: 'teal',
  deactivated: 'gray',
};

export function CustomerPortalCard({ accountId, contacts }: { accountId: string; contacts: Contact[] }) {
  const { data, error } = useQuery(queries.customerUsers(accountId));
  const users = data?.items ?? [];
  const invited = new Set(users.map((user) => user.contactId));
  const invitable = contacts.filter((contact) => !invited.has(contact.id));
  return (
    <Card data-testid="customer-portal-card">
      <CardTitle
        right={
          <Text size="xs" c="dimmed">
            Customers sign in at /portal
          </Text>
        }
      >
        Customer portal
      </CardTitle>
      {error && <ErrorNote error={error} />}
      {data && users.length === 0 && <Empty>No contact of this account is invited to the portal yet.</Empty>}
      {users.length > 0 && (
        <Table aria-label="Customer users">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>E-mail</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Invited</Table.Th>
              <Table.Th>Last sign-in</Table.Th>
              {data?.can.manage && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.map((user) => (
              <CustomerUserRow key={user.id} accountId={accountId} user={user} canManage={data!.can.manage} />
            ))}
          </Table.Tbody>
        </Table>
      )}
      {data?.can.manage && <InviteContact accountId={accountId} contacts={invitable} />}
    </Card>
  );
}

function CustomerUserRow({
  accountId,
  user,
  canManage,
}: {
  accountId: string;
  user: CustomerUser;
  canManage: boolean;
}) {
  const action = useAccountMutation(
    accountId,
    (which: 'resendInvitation' | 'deactivate' | 'reactivate') => api.customerUsers[which](user.id),
    {
      success: (result) =>
        result.status === 'deactivated'
          ? `${user.name} can no longer sign in.`
          : result.status === 'active'
            ? `${user.name} can sign in again.`
            : `Invitation sent to ${user.email}.`,
      notifyErrors: true,
    },
  );
  return (
    <Table.Tr>
      <Table.Td fw={500}>{user.name}</Table.Td>
      <Table.Td>{user.email}</Table.Td>
      <Table.Td>
        <Badge size="sm" variant="light" color={statusColor[user.status]}>
          {user.status}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{dateTime(user.invitedAt)}</Text>
        {user.invitedBy && (
          <Text size="xs" c="dimmed">
            by {user.invitedBy.name}
          </Text>
        )}
      </Table.Td>
      <Table.Td>{user.lastSignInAt ? dateTime(user.lastSignInAt) : '—'}</Table.Td>
      {canManage && (
        <Table.Td>
          <Group gap={4} justify="flex-end" wrap="nowrap">
            {user.status === 'invited' && (
              <Button
                size="compact-xs"
                variant="default"
                loading={action.isPending}
                onClick={() => action.mutate('resendInvitation')}
              >
                Re-send invitation
              </Button>
            )}
            {user.status === 'deactivated' ? (
              <Button
                size="compact-xs"
                variant="default"
                loading={action.isPending}
                onClick={() => action.mutate('reactivate')}
              >
                Reactivate
              </Button>
            ) : (
              <Button
                size="compact-xs"
                variant="subtle"
                color="red"
                loading={action.isPending}
                onClick={() => action.mutate('deactivate')}
                aria-label={`Deactivate ${user.name}`}
              >
                Deactivate
              </Button>
            )}
          </Group>
        </Table.Td>
      )}
    </Table.Tr>
  );
}

function InviteContact({ accountId, contacts }: { accountId: string; contacts: Contact[] }) {
  const [open, setOpen] = useState(false);
  const [contactId, setContactId] = useState<string | null>(null);
  const invite = useAccountMutation(
    accountId,
    (id: string) => api.customerUsers.invite(accountId, { contactId: id }),
    {
      success: (user) => `Invitation sent to ${user.email}.`,
    },
  );
  if (!open) return <OpenFormButton onClick={() => setOpen(true)}>Invite a contact</OpenFormButton>;
  const withEmail = contacts.filter((contact) => contact.email);
  return (
    <Stack gap="xs" mt="sm">
      <Group align="flex-end">
        <Select
          label="Contact to invite"
          placeholder={withEmail.length ? 'Choose a contact' : 'No contact with an e-mail left to invite'}
          data={withEmail.map((contact) => ({
            value: contact.id,
            label: `${contact.name} — ${contact.email}`,
          }))}
          value={contactId}
          onChange={setContactId}
          searchable
          style={{ flex: 1 }}
        />
        <Button
          disabled={!contactId}
          loading={invite.isPending}
          onClick={() =>
            contactId &&
            invite.mutate(contactId, {
              onSuccess: () => {
                setContactId(null);
                setOpen(false);
              },
            })
          }
        >
          Send invitation
        </Button>
        <Button variant="default" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        The contact gets an e-mail with a link to set a password; it works once, for 7 days.
      </Text>
      {invite.error && (
        <Text size="sm" c="red">
          {errorMessage(invite.error)}
        </Text>
      )}
    </Stack>
  );
}
