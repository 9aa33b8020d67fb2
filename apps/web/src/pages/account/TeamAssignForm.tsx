import { type TeamAssignment, TeamRole } from '@liaison/contracts';
import { Button, Checkbox, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, fieldErrors } from '../../api.ts';
import { ErrorNote } from '../../components/PageState.tsx';
import { date, label, staffRoleLabels, teamRoleLabels } from '../../format.ts';
import { useAccountMutation } from '../../mutations.ts';
import { queries } from '../../queries.ts';
import { dayToInstant, handoverCandidates, todayUtc } from './team-periods.ts';

/**
 * Puts someone on the account team. Taking over a role is one step for the user: the form
 * lists who holds the role at the start date and, unless unticked, the server ends their
 * assignment at that instant in the same write (`replaces`): both happen or neither does.
 */
export function TeamAssignForm({
  accountId,
  assignments,
  onDone,
}: {
  accountId: string;
  assignments: readonly TeamAssignment[];
  onDone: () => void;
}) {
  const users = useQuery(queries.users());
  const [userId, setUserId] = useState<string | null>(null);
  const [role, setRole] = useState<string>('tam');
  const [startsOn, setStartsOn] = useState(todayUtc());
  // Unticked hand-overs; everyone else who holds the role is ended by default.
  const [kept, setKept] = useState<Set<string>>(new Set());
  const startsAt = startsOn ? dayToInstant(startsOn) : new Date().toISOString();
  const candidates = handoverCandidates(assignments, role, startsAt);
  const toEnd = candidates.filter((candidate) => !kept.has(candidate.id));

  const assign = useAccountMutation(
    accountId,
    () =>
      api.team.assign(accountId, {
        userId: userId ?? '',
        role: role as TeamRole,
        ...(startsOn ? { startsAt } : {}),
        ...(toEnd.length > 0 ? { replaces: toEnd.map((candidate) => candidate.id) } : {}),
      }),
    {
      success: (assigned) =>
        toEnd.length > 0
          ? `${assigned.userName} took over as ${label(teamRoleLabels, assigned.role)} from ${toEnd
              .map((candidate) => candidate.userName)
              .join(' and ')}.`
          : `${assigned.userName} joined the team as ${label(teamRoleLabels, assigned.role)}.`,
    },
  );
  const errors = fieldErrors(assign.error);

  const people = (users.data ?? []).filter((user) => user.isActive);
  // People who hold the matching staff role come first: a TAM slot is nearly always a TAM.
  const matching = people.filter((user) => user.roles.includes(role as never));
  const others = people.filter((user) => !user.roles.includes(role as never));
  const personOptions = [
    { group: `${label(staffRoleLabels, role)}s`, items: matching.map(toOption) },
    { group: 'Everyone else', items: others.map(toOption) },
  ].filter((group) => group.items.length > 0);

  const submit = () => assign.mutate(undefined, { onSuccess: onDone });

  return (
    <form
      aria-label="Assign to the account team"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack gap="xs" mt="sm" pt="sm" style={{ borderTop: '1px solid var(--app-border)' }}>
        <Group align="flex-start" gap="xs" wrap="nowrap">
          <Select
            label="Person"
            size="xs"
            w={260}
            searchable
            nothingFoundMessage="No active user matches"
            data={personOptions}
            value={userId}
            onChange={setUserId}
            error={errors.userId}
          />
          <Select
            label="Role"
            size="xs"
            w={240}
            data={TeamRole.options.map((value) => ({ value, label: label(teamRoleLabels, value) }))}
            value={role}
            onChange={(next) => {
              setRole(next ?? 'tam');
              setKept(new Set());
            }}
            allowDeselect={false}
            error={errors.role}
          />
          <TextInput
            label="Starts on"
            size="xs"
            type="date"
            w={150}
            value={startsOn}
            onChange={(event) => setStartsOn(event.currentTarget.value)}
            error={errors.startsAt}
          />
        </Group>
        {candidates.length > 0 && (
          <Stack gap={4}>
            {candidates.map((candidate) => (
              <Checkbox
                key={candidate.id}
                size="xs"
                checked={!kept.has(candidate.id)}
                onChange={(event) => {
                  const next = new Set(kept);
                  if (event.currentTarget.checked) next.delete(candidate.id);
                  else next.add(candidate.id);
                  setKept(next);
                }}
                label={`Hand over: end ${candidate.userName}'s assignment (since ${date(candidate.startsAt)}) on ${startsOn ? date(startsOn) : 'the start date'}`}
              />
            ))}
          </Stack>
        )}
        {candidates.length === 0 && (
          <Text size="xs" c="dimmed">
            Nobody else holds this role then; the new assignment adds to the team.
          </Text>
        )}
        {errors.endsAt && (
          <Text size="xs" c="red.7" role="alert">
            {errors.endsAt}
          </Text>
        )}
        {assign.error && !shownFields.some((field) => errors[field]) && <ErrorNote error={assign.error} />}
        <Group gap={6}>
          <Button type="submit" size="xs" loading={assign.isPending} disabled={!userId}>
            {toEnd.length > 0 ? 'Hand over' : 'Assign'}
          </Button>
          <Button size="xs" variant="default" onClick={onDone}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

// Errors the form shows beside a field; any other (a handover refused, …) shows as a note.
const shownFields = ['userId', 'role', 'startsAt', 'endsAt'];

const toOption = (user: { id: string; name: string }) => ({ value: user.id, label: user.name });
