import type { TeamAssignment } from '@liaison/contracts';
import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, fieldErrors, isConflict } from '../../api.ts';
import { ConflictNotice } from '../../components/ConflictNotice.tsx';
import { ErrorNote } from '../../components/PageState.tsx';
import { date, dayOf, label, teamRoleLabels } from '../../format.ts';
import { useAccountMutation } from '../../mutations.ts';
import { queries } from '../../queries.ts';
import { dayToInstant } from './team-periods.ts';

export type EditMode = 'end' | 'correct';

interface Period {
  from: string;
  until: string;
}

const periodOf = (assignment: TeamAssignment): Period => ({
  from: dayOf(assignment.startsAt),
  until: assignment.endsAt ? dayOf(assignment.endsAt) : '',
});

/**
 * Ends an assignment or corrects its dates. Only the dates the user changed are sent, so an
 * untouched start keeps its exact instant. A 409 keeps the typed dates and offers the latest
 * version; a 400 (e.g. an end before the start) shows under its field.
 */
export function TeamAssignmentEditor({
  assignment,
  mode,
  today,
  onDone,
}: {
  assignment: TeamAssignment;
  mode: EditMode;
  today: string;
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const [original, setOriginal] = useState<Period>(periodOf(assignment));
  const [draft, setDraft] = useState<Period>(
    mode === 'end' ? { ...periodOf(assignment), until: today } : periodOf(assignment),
  );
  const [version, setVersion] = useState(assignment.version);
  const [latest, setLatest] = useState<TeamAssignment | null>(null);
  const [gone, setGone] = useState(false);
  const [reloading, setReloading] = useState(false);
  const save = useAccountMutation(
    assignment.accountId,
    (body: { startsAt?: string; endsAt?: string | null; version: number }) =>
      api.team.update(assignment.id, body),
    {
      success: (saved) =>
        mode === 'end' && saved.endsAt
          ? `${saved.userName}'s assignment ends ${date(saved.endsAt)}.`
          : `${saved.userName}'s dates corrected.`,
    },
  );
  const errors = fieldErrors(save.error);
  const who = `${assignment.userName} as ${label(teamRoleLabels, assignment.role)}`;

  const submit = () => {
    const body: { startsAt?: string; endsAt?: string | null; version: number } = { version };
    if (draft.from !== original.from) body.startsAt = dayToInstant(draft.from);
    if (draft.until !== original.until) body.endsAt = draft.until ? dayToInstant(draft.until) : null;
    if (body.startsAt === undefined && body.endsAt === undefined) return onDone();
    save.mutate(body, { onSuccess: onDone });
  };
  const reload = async () => {
    setReloading(true);
    const fresh = await queryClient.fetchQuery({
      ...queries.teamHistory(assignment.accountId),
      staleTime: 0,
    });
    const current = fresh.find((item) => item.id === assignment.id);
    setReloading(false);
    save.reset();
    if (!current) {
      setGone(true);
      return;
    }
    // Dates the user did not touch take the latest values; typed ones stay.
    const next = periodOf(current);
    setDraft({
      from: draft.from === original.from ? next.from : draft.from,
      until: draft.until === original.until ? next.until : draft.until,
    });
    setOriginal(next);
    setVersion(current.version);
    setLatest(current);
  };

  return (
    <form
      aria-label={mode === 'end' ? `End ${who}` : `Correct the dates of ${who}`}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack gap="xs" py={4}>
        <Text size="sm" fw={500}>
          {mode === 'end' ? `End ${who}` : `Correct the dates of ${who}`}
        </Text>
        {gone ? (
          <Text size="sm" c="orange.8" role="alert">
            Someone else deleted this assignment meanwhile.
          </Text>
        ) : (
          <>
            {isConflict(save.error) && <ConflictNotice onReload={reload} reloading={reloading} />}
            {latest && (
              <Text size="xs" c="orange.8">
                Latest saved: from {date(latest.startsAt)}
                {latest.endsAt ? ` until ${date(latest.endsAt)}` : ', still on the team'}. Saving applies only
                the dates you changed.
              </Text>
            )}
            <Group align="flex-start" gap="xs">
              {mode === 'correct' && (
                <TextInput
                  label="From"
                  size="xs"
                  type="date"
                  w={150}
                  value={draft.from}
                  onChange={(event) => setDraft({ ...draft, from: event.currentTarget.value })}
                  error={errors.startsAt}
                />
              )}
              <TextInput
                label="Until"
                description={mode === 'correct' ? 'Empty: still on the team' : undefined}
                size="xs"
                type="date"
                w={mode === 'correct' ? 170 : 150}
                value={draft.until}
                onChange={(event) => setDraft({ ...draft, until: event.currentTarget.value })}
                error={errors.endsAt}
              />
            </Group>
            {save.error && !isConflict(save.error) && Object.keys(errors).length === 0 && (
              <ErrorNote error={save.error} />
            )}
          </>
        )}
        <Group gap={6}>
          {!gone && (
            <Button type="submit" size="xs" loading={save.isPending}>
              {mode === 'end' ? 'End assignment' : 'Save dates'}
            </Button>
          )}
          <Button size="xs" variant="default" onClick={onDone}>
            {gone ? 'Close' : 'Cancel'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
