import type { User } from '@liaison/contracts';
import {
  Badge,
  Button,
  Card,
  Group,
  Modal,
  MultiSelect,
  PasswordInput,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, fieldErrors, isConflict } from '../api.ts';
import { PageHeader } from '../components/PageHeader.tsx';
import { ErrorNote, PageError, PageLoader } from '../components/PageState.tsx';
import { date, label, options, regionLabels, staffRoleLabels } from '../format.ts';
import { useCan } from '../hooks.ts';
import { queries } from '../queries.ts';

interface UserDraft {
  name: string;
  email: string;
  region: string | null;
  roles: string[];
  isActive: boolean;
  password: string;
}

export function UsersPage() {
  const can = useCan();
  const users = useQuery(queries.users());
  const [filter, setFilter] = useState('');
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  if (users.isPending) return <PageLoader />;
  if (users.error) return <PageError error={users.error} />;
  const needle = filter.trim().toLowerCase();
  const rows = users.data
    .filter((user) => !needle || `${user.name} ${user.email}`.toLowerCase().includes(needle))
    .sort(
      (left, right) => Number(right.isActive) - Number(left.isActive) || left.name.localeCompare(right.name),
    );
  const admin = can.manageUsers;

  return (
    <>
      <PageHeader
        title="Users"
        subtitle={`${users.data.filter((user) => user.isActive).length} active · roles decide what each person may do`}
        actions={
          admin && (
            <Button leftSection={<IconUserPlus size={16} />} onClick={() => setEditing('new')}>
              New user
            </Button>
          )
        }
      />
      <Card p={0}>
        <Group p="sm" style={{ borderBottom: '1px solid var(--app-border)' }}>
          <TextInput
            aria-label="Filter users"
            placeholder="Filter by name or e-mail…"
            leftSection={<IconSearch size={15} />}
            size="xs"
            w={280}
            value={filter}
            onChange={(event) => setFilter(event.currentTarget.value)}
          />
        </Group>
        <Table highlightOnHover aria-label="Users">
          <Table.Thead>
            <Table.Tr>
              <Table.Th pl="md">Name</Table.Th>
              <Table.Th>E-mail</Table.Th>
              <Table.Th>Region</Table.Th>
              <Table.Th>Roles</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Since</Table.Th>
              <Table.Th pr="md" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((user) => (
              <Table.Tr key={user.id} style={{ opacity: user.isActive ? 1 : 0.55 }}>
                <Table.Td pl="md" fw={500}>
                  {user.name}
                </Table.Td>
                <Table.Td>{user.email}</Table.Td>
                <Table.Td>{label(regionLabels, user.region)}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {user.roles.map((role) => (
                      <Badge
                        key={role}
                        size="sm"
                        variant="light"
                        color={role === 'admin' ? 'grape' : role === 'viewer' ? 'gray' : 'brand'}
                      >
                        {label(staffRoleLabels, role)}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  {user.isActive ? (
                    <Badge size="sm" color="teal" variant="dot">
                      Active
                    </Badge>
                  ) : (
                    <Badge size="sm" color="gray" variant="dot">
                      Deactivated
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td className="num">{date(user.createdAt)}</Table.Td>
                <Table.Td pr="md" ta="right">
                  {admin && (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      leftSection={<IconPencil size={12} />}
                      onClick={() => setEditing(user)}
                      aria-label={`Edit ${user.name}`}
                    >
                      Edit
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? 'New user' : editing ? `Edit ${editing.name}` : ''}
        centered
      >
        {editing !== null && (
          <UserForm user={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />
        )}
      </Modal>
    </>
  );
}

function UserForm({ user, onDone }: { user: User | null; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<UserDraft>({
    name: user?.name ?? '',
    email: user?.email ?? '',
    region: user?.region ?? null,
    roles: user?.roles ?? ['tam'],
    isActive: user?.isActive ?? true,
    password: '',
  });
  const save = useMutation({
    mutationFn: () => {
      const body = {
        name: draft.name,
        email: draft.email,
        region: draft.region as never,
        roles: draft.roles as never,
        ...(draft.password ? { password: draft.password } : {}),
      };
      return user
        ? api.users.update(user.id, { ...body, isActive: draft.isActive, version: user.version })
        : api.users.create(body);
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['users'] });
      notifications.show({ color: 'teal', message: `${saved.name} saved.` });
      onDone();
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
          required
          value={draft.name}
          error={errors.name}
          onChange={(event) => setDraft({ ...draft, name: event.currentTarget.value })}
          data-autofocus
        />
        <TextInput
          label="E-mail"
          required
          type="email"
          value={draft.email}
          error={errors.email}
          onChange={(event) => setDraft({ ...draft, email: event.currentTarget.value })}
        />
        <Select
          label="Region"
          data={options(regionLabels)}
          value={draft.region}
          onChange={(region) => setDraft({ ...draft, region })}
          clearable
          allowDeselect
        />
        <MultiSelect
          label="Roles"
          data={options(staffRoleLabels)}
          value={draft.roles}
          error={errors.roles}
          onChange={(roles) => setDraft({ ...draft, roles })}
        />
        <PasswordInput
          label={user ? 'New password' : 'Password'}
          description={
            user
              ? 'Leave empty to keep the current one'
              : 'At least 10 characters; leave empty to set it later'
          }
          value={draft.password}
          error={errors.password}
          onChange={(event) => setDraft({ ...draft, password: event.currentTarget.value })}
        />
        {user && (
          <Switch
            label="Active (can sign in)"
            checked={draft.isActive}
            onChange={(event) => setDraft({ ...draft, isActive: event.currentTarget.checked })}
          />
        )}
        {isConflict(save.error) ? (
          <Text size="sm" c="orange.8">
            Someone else changed this user meanwhile. Close and reopen to load the latest.
          </Text>
        ) : (
          save.error && Object.keys(errors).length === 0 && <ErrorNote error={save.error} />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {user ? 'Save' : 'Create user'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
