import { Button, Group, Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { activityLabels, date, label } from '../../../format.ts';
import { queries } from '../../../queries.ts';

/** Names the TAM of a handoff (or the TAM engaged before the sale on the journey). */
export function TamPicker({
  current,
  onPick,
  saving,
}: {
  current: string | null;
  onPick: (userId: string) => void;
  saving: boolean;
}) {
  const users = useQuery(queries.users());
  const [choice, setChoice] = useState<string | null>(current);
  const tams = (users.data ?? [])
    .filter((user) => user.isActive && user.roles.includes('tam'))
    .map((user) => ({ value: user.id, label: user.name }));
  return (
    <Group align="flex-end" gap="xs">
      <Select
        label="The TAM"
        description="Who will take the account over; they see this step and accept the handoff."
        placeholder="Pick a TAM"
        searchable
        size="xs"
        w={320}
        data={tams}
        value={choice}
        onChange={setChoice}
      />
      <Button
        size="xs"
        variant="light"
        disabled={!choice || choice === current}
        loading={saving}
        onClick={() => choice && onPick(choice)}
      >
        Name the TAM
      </Button>
    </Group>
  );
}

/** Links one of the account's logged activities as the step's meeting. */
export function MeetingPicker({
  accountId,
  current,
  onPick,
  saving,
}: {
  accountId: string;
  current: string | null;
  onPick: (activityId: string) => void;
  saving: boolean;
}) {
  const activities = useQuery(queries.recentActivities(accountId));
  const [choice, setChoice] = useState<string | null>(current);
  const data = (activities.data?.items ?? []).map((activity) => ({
    value: activity.id,
    label: `${date(activity.occurredAt)} · ${label(activityLabels, activity.kind)} · ${activity.summary}`,
  }));
  return (
    <Group align="flex-end" gap="xs">
      <Select
        label="Logged meeting"
        description="Log it on the Timeline tab first, then link it here."
        placeholder={data.length ? 'Pick the meeting' : 'No activity logged yet'}
        searchable
        size="xs"
        w={420}
        data={data}
        value={choice}
        onChange={setChoice}
        nothingFoundMessage="No such activity"
      />
      <Button
        size="xs"
        variant="light"
        disabled={!choice || choice === current}
        loading={saving}
        onClick={() => choice && onPick(choice)}
      >
        Link meeting
      </Button>
    </Group>
  );
}
