import type { RaciRole, WorkflowStep } from '@liaison/contracts';
import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, fieldErrors } from '../../../api.ts';
import { ErrorNote } from '../../../components/PageState.tsx';
import { label } from '../../../format.ts';
import { raciRoleLabels } from '../../../journey-format.ts';
import { useAccountMutation } from '../../../mutations.ts';
import { queries } from '../../../queries.ts';

/**
 * Records a sign-off in one of the roles the step still asks for. Staff sign for themselves in
 * a role they hold on the account (the server refuses anyone else); a customer contact's
 * signature is recorded by staff, naming the contact.
 */
export function SignOffForm({
  step,
  roles,
  onDone,
}: {
  step: WorkflowStep;
  roles: RaciRole[];
  onDone: () => void;
}) {
  const account = useQuery(queries.account(step.accountId));
  const [role, setRole] = useState<string | null>(roles[0] ?? null);
  const [contactId, setContactId] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const sign = useAccountMutation(
    step.accountId,
    () =>
      api.journey.signOffStep(step.id, {
        role: role as RaciRole,
        ...(role === 'customer' && contactId ? { contactId } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      }),
    { success: 'Sign-off recorded.' },
  );
  const errors = fieldErrors(sign.error);
  const chips = [step.responsible, step.accountable, ...step.consulted, ...step.informed];
  const roleLabel = (value: RaciRole) => label(raciRoleLabels, value);
  const holder = (value: RaciRole) => chips.find((chip) => chip?.role === value)?.person?.name;

  return (
    <form
      aria-label={`Sign off step ${step.stepId}`}
      onSubmit={(event) => {
        event.preventDefault();
        sign.mutate(undefined, { onSuccess: onDone });
      }}
    >
      <Stack gap="sm">
        <Select
          label="Signing as"
          data={roles.map((value) => ({
            value,
            label: holder(value) ? `${roleLabel(value)} (${holder(value)})` : roleLabel(value),
          }))}
          value={role}
          onChange={setRole}
          error={errors.role}
          allowDeselect={false}
        />
        {role === 'customer' ? (
          <Select
            label="Customer contact who signed"
            placeholder="Pick the contact"
            searchable
            data={(account.data?.contacts ?? []).map((contact) => ({
              value: contact.id,
              label: contact.name,
            }))}
            value={contactId}
            onChange={setContactId}
            error={errors.contactId}
            required
          />
        ) : (
          <Text size="xs" c="dimmed">
            You sign in your own name; only the person who holds this role on the account can.
          </Text>
        )}
        <TextInput label="Note" value={note} onChange={(event) => setNote(event.currentTarget.value)} />
        {sign.error && !errors.role && !errors.contactId && <ErrorNote error={sign.error} />}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" size="xs" onClick={onDone}>
            Cancel
          </Button>
          <Button
            type="submit"
            size="xs"
            loading={sign.isPending}
            disabled={!role || (role === 'customer' && !contactId)}
          >
            Record sign-off
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
