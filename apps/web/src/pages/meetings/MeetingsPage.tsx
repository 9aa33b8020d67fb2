import type { AccountTeam } from '@liaison/contracts';
import { Badge, Card, Group, Select, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Empty, ErrorNote, PageLoader } from '../../components/PageState.tsx';
import { date } from '../../format.ts';
import { MeetingForm } from './MeetingForm.tsx';

const teamName = (team: AccountTeam) =>
  [
    team.owner ? `${team.owner.role.toUpperCase()} ${team.owner.name}` : 'no SAL/AE',
    team.tam ? `TAM ${team.tam.name}` : 'no TAM',
  ].join(' · ');

/**
 * The account team meeting (docs/meetings.md): pick one of my teams, read the agenda the server
 * wrote from live data, take notes per item, decide, assign action items, and save — the
 * server logs a meeting on each account discussed and turns the action items into tasks.
 */
export function MeetingsPage() {
  const teams = useQuery({ queryKey: ['account-teams'], queryFn: () => api.meetings.teams() });
  const [picked, setPicked] = useState<string | null>(null);
  const list = teams.data ?? [];
  const key = picked ?? list[0]?.key ?? null;
  const team = list.find((candidate) => candidate.key === key) ?? null;
  return (
    <>
      <PageHeader
        title="Account team meeting"
        subtitle="The agenda is written from live data; notes and action items become the accounts' activities and tasks"
        actions={
          list.length > 1 ? (
            <Select
              aria-label="Account team"
              w={340}
              data={list.map((candidate) => ({ value: candidate.key, label: teamName(candidate) }))}
              value={key}
              allowDeselect={false}
              onChange={setPicked}
            />
          ) : undefined
        }
      />
      {teams.error && <ErrorNote error={teams.error} />}
      {teams.isPending ? (
        <PageLoader />
      ) : !team ? (
        <Card withBorder>
          <Empty>You are not on an account team (SAL, AE, SA or TAM of an account).</Empty>
        </Card>
      ) : (
        <Stack gap="md">
          <Card withBorder>
            <Group justify="space-between" wrap="nowrap">
              <div>
                <Text fw={600}>{teamName(team)}</Text>
                <Text size="sm" c="dimmed">
                  {team.accounts.length} account{team.accounts.length === 1 ? '' : 's'}
                  {team.sas.length > 0 ? ` · SA ${team.sas.map((sa) => sa.name).join(', ')}` : ''}
                </Text>
              </div>
              <Stack gap={2} align="flex-end">
                <Badge variant="light">
                  {team.cadence.intervalDays === 7 ? 'Weekly' : 'Every two weeks'}
                </Badge>
                <Text size="xs" c="dimmed" ta="right">
                  {team.cadence.explanation}
                </Text>
                <Text size="xs" c="dimmed">
                  {team.lastMeeting ? `Last met ${date(team.lastMeeting.heldAt, false)} · ` : ''}next{' '}
                  {date(team.nextOn, false)}
                </Text>
              </Stack>
            </Group>
          </Card>
          <MeetingForm key={team.key} team={team} />
        </Stack>
      )}
    </>
  );
}
