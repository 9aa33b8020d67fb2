import type { Contact } from '@liaison/contracts';
import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  MultiSelect,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { IconCheck, IconPencil, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { api, fieldErrors, isConflict } from '../../api.ts';
import { OpenFormButton } from '../../components/OpenFormButton.tsx';
import { CardTitle } from '../../components/PageHeader.tsx';
import { Empty, ErrorNote } from '../../components/PageState.tsx';
import { label, options, stakeholderLabels } from '../../format.ts';
import { useAccountMutation } from '../../mutations.ts';
import type { AccountContext } from './AccountPage.tsx';
import { CustomerPortalCard } from './CustomerPortalCard.tsx';
import { TeamHistoryCard } from './TeamHistoryCard.tsx';

export function PeopleTab({ account, canEdit }: AccountContext) {
  const roleOrder = [
    'champion',
    'economic_buyer',
    'decision_maker',
    'executive_sponsor',
    'technical_contact',
    'admin',
  ];
  const contacts = [...account.contacts].sort((left, right) => {
    const rank = (contact: Contact) =>
      Math.min(
        99,
        ...contact.stakeholderRoles.map((role) => roleOrder.indexOf(role)).filter((index) => index >= 0),
      );
    return rank(left) - rank(right) || left.name.localeCompare(right.name);
  });
  return (
    <Stack gap="lg">
      <Card>
        <CardTitle
          right={
            <Text size="xs" c="dimmed">
              {contacts.length} contacts
            </Text>
          }
        >
          Contacts and stakeholder roles
        </CardTitle>
        {contacts.length === 0 ? (
          <Empty>No contacts yet.</Empty>
        ) : (
          <Table aria-label="Contacts">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Title</Table.Th>
                <Table.Th>E-mail</Table.Th>
                <Table.Th>Stakeholder roles</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {contacts.map((contact) => (
                <ContactRow key={contact.id} accountId={account.id} contact={contact} canEdit={canEdit} />
              ))}
            </Table.Tbody>
          </Table>
        )}
        {canEdit && <AddContact accountId={account.id} />}
      </Card>
      <CustomerPortalCard accountId={account.id} contacts={contacts} />
      <TeamHistoryCard accountId={account.id} canChange={account.can.changeTeam} />
    </Stack>
  );
}

function ContactRow({
  accountId,
  contact,
  canEdit,
}: {
  accountId: string;
  contact: Contact;
  canEdit: boolean;
}) {
  const [roles, setRoles] = useState<string[] | null>(null);
  const save = useAccountMutation(
    accountId,
    (next: string[]) =>
      api.contacts.update(contact.id, { stakeholderRoles: next as never, version: contact.version }),
    { success: `${contact.name} updated.`, notifyErrors: true },
  );
  return (
    <Table.Tr>
      <Table.Td fw={500}>{contact.name}</Table.Td>
      <Table.Td>{contact.title ?? '—'}</Table.Td>
      <Table.Td>
        {contact.email ? (
          <Anchor href={`mailto:${contact.email}`} size="sm">
            {contact.email}
          </Anchor>
        ) : (
          '—'
        )}
      </Table.Td>
      <Table.Td>
        {roles ? (
          <Group gap={6} wrap="nowrap">
            <MultiSelect
              aria-label={`Stakeholder roles of ${contact.name}`}
              size="xs"
              data={options(stakeholderLabels)}
              value={roles}
              onChange={setRoles}
              style={{ flex: 1 }}
            />
            <ActionIcon
              aria-label="Save roles"
              color="teal"
              loading={save.isPending}
              onClick={() => save.mutate(roles, { onSuccess: () => setRoles(null) })}
            >
              <IconCheck size={14} />
            </ActionIcon>
            <ActionIcon aria-label="Cancel" variant="default" onClick={() => setRoles(null)}>
              <IconX size={14} />
            </ActionIcon>
          </Group>
        ) : (
          <Group gap={4}>
            {contact.stakeholderRoles.map((role) => (
              <Badge key={role} size="sm" variant="light" color={role === 'champion' ? 'teal' : 'gray'}>
                {label(stakeholderLabels, role)}
              </Badge>
            ))}
            {canEdit && (
              <ActionIcon
                variant="subtle"
                size="sm"
                aria-label={`Edit stakeholder roles of ${contact.name}`}
                onClick={() => setRoles(contact.stakeholderRoles)}
              >
                <IconPencil size={13} />
              </ActionIcon>
            )}
          </Group>
        )}
        {isConflict(save.error) && (
          <Text size="xs" c="orange.8">
            Someone else changed this contact; reload the page and try again.
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function AddContact({ accountId }: { accountId: string }) {
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState({ name: '', title: '', email: '', stakeholderRoles: [] as string[] });
  const create = useAccountMutation(
    accountId,
    () =>
      api.contacts.create(accountId, {
        name: values.name,
        title: values.title || null,
        email: values.email || null,
        stakeholderRoles: values.stakeholderRoles as never,
      }),
    { success: 'Contact added.' },
  );
  const errors = fieldErrors(create.error);
  if (!open)
    return (
      <OpenFormButton mt="xs" onClick={() => setOpen(true)}>
        Add a contact
      </OpenFormButton>
    );
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate(undefined, {
          onSuccess: () => {
            setValues({ name: '', title: '', email: '', stakeholderRoles: [] });
            setOpen(false);
          },
        });
      }}
    >
      <Group align="flex-start" gap="xs" mt="sm" wrap="nowrap">
        <TextInput
          label="Name"
          size="xs"
          required
          value={values.name}
          error={errors.name}
          onChange={(event) => setValues({ ...values, name: event.currentTarget.value })}
        />
        <TextInput
          label="Title"
          size="xs"
          value={values.title}
          error={errors.title}
          onChange={(event) => setValues({ ...values, title: event.currentTarget.value })}
        />
        <TextInput
          label="E-mail"
          size="xs"
          value={values.email}
          error={errors.email}
          onChange={(event) => setValues({ ...values, email: event.currentTarget.value })}
        />
        <MultiSelect
          label="Stakeholder roles"
          size="xs"
          w={240}
          data={options(stakeholderLabels)}
          value={values.stakeholderRoles}
          onChange={(stakeholderRoles) => setValues({ ...values, stakeholderRoles })}
        />
        <Group gap={6} mt={22} wrap="nowrap">
          <Button type="submit" size="xs" loading={create.isPending}>
            Add
          </Button>
          <Button size="xs" variant="default" onClick={() => setOpen(false)}>
            Cancel
          </Button>
        </Group>
      </Group>
      {create.error && Object.keys(errors).length === 0 && <ErrorNote error={create.error} />}
    </form>
  );
}
