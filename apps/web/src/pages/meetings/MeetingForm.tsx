import type { AccountTeam, Agenda, TeamMeeting } from '@liaison/contracts';
import {
  ActionIcon,
  Alert,
  Button,
  Card,
  CopyButton,
  Group,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, errorMessage } from '../../api.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { CardTitle } from '../../components/PageHeader.tsx';
import { ErrorNote, PageLoader } from '../../components/PageState.tsx';

interface ActionDraft {
  text: string;
  owner: string | null;
  accountId: string | null;
  dueDate: string;
}

const blank = (): ActionDraft => ({ text: '', owner: null, accountId: null, dueDate: '' });

/** The agenda with a note per item, the decisions and the action items; saving records the meeting. */
export function MeetingForm({ team }: { team: AccountTeam }) {
  const queryClient = useQueryClient();
  const agenda = useQuery({ queryKey: ['agenda', team.key], queryFn: () => api.meetings.agenda(team.key) });
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [decisions, setDecisions] = useState('');
  const [actions, setActions] = useState<ActionDraft[]>([blank()]);
  const [held, setHeld] = useState<TeamMeeting | null>(null);
  const record = useMutation({
    mutationFn: () =>
      api.meetings.record(team.key, {
        notes: Object.entries(notes)
          .filter(([, text]) => text.trim())
          .map(([itemKey, text]) => ({ itemKey, text })),
        decisions: decisions
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean),
        actionItems: actions
          .filter((action) => action.text.trim())
          .map((action) => ({
            text: action.text.trim(),
            ownerUserId: action.owner,
            accountId: action.accountId,
            dueDate: action.dueDate || null,
          })),
      }),
    onSuccess: async (meeting) => {
      setHeld(meeting);
      notifications.show({ message: 'Meeting saved: logged on each account discussed', color: 'teal' });
      // The accounts got activities and the people tasks: every list may have changed.
      await queryClient.invalidateQueries();
    },
  });
  if (agenda.isPending) return <PageLoader />;
  if (agenda.error || !agenda.data) return <ErrorNote error={agenda.error} />;
  if (held) return <HeldMeeting meeting={held} onNext={() => setHeld(null)} />;
  const people = [
    ...(team.owner ? [{ value: team.owner.userId, label: team.owner.name }] : []),
    ...team.sas.map((sa) => ({ value: sa.userId, label: sa.name })),
    ...(team.tam ? [{ value: team.tam.userId, label: team.tam.name }] : []),
  ];
  const accounts = team.accounts.map((account) => ({ value: account.accountId, label: account.name }));
  const setAction = (index: number, patch: Partial<ActionDraft>) =>
    setActions(actions.map((action, other) => (other === index ? { ...action, ...patch } : action)));
  return (
    <Stack gap="md">
      <AgendaCard
        agenda={agenda.data}
        notes={notes}
        onNote={(key, text) => setNotes({ ...notes, [key]: text })}
      />
      <Card withBorder>
        <CardTitle>Decisions and action items</CardTitle>
        <Textarea
          label="Decisions"
          description="One per line"
          autosize
          minRows={2}
          value={decisions}
          onChange={(event) => setDecisions(event.currentTarget.value)}
        />
        <Text size="sm" fw={500} mt="md" mb={4}>
          Action items — each becomes a task on its owner's list
        </Text>
        <Stack gap="xs">
          {actions.map((action, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows of a draft list
            <Group key={index} gap="xs" wrap="nowrap" align="flex-start">
              <TextInput
                aria-label={`Action item ${index + 1}`}
                placeholder="What needs doing"
                style={{ flex: 2 }}
                value={action.text}
                onChange={(event) => setAction(index, { text: event.currentTarget.value })}
              />
              <Select
                aria-label={`Owner of action item ${index + 1}`}
                placeholder="Owner"
                style={{ flex: 1 }}
                data={people}
                value={action.owner}
                clearable
                onChange={(value) => setAction(index, { owner: value })}
              />
              <Select
                aria-label={`Account of action item ${index + 1}`}
                placeholder="No account"
                style={{ flex: 1 }}
                data={accounts}
                value={action.accountId}
                clearable
                onChange={(value) => setAction(index, { accountId: value })}
              />
              <TextInput
                aria-label={`Due date of action item ${index + 1}`}
                type="date"
                w={150}
                value={action.dueDate}
                onChange={(event) => setAction(index, { dueDate: event.currentTarget.value })}
              />
              <ActionIcon
                variant="subtle"
                color="gray"
                mt={6}
                aria-label={`Remove action item ${index + 1}`}
                onClick={() => setActions(actions.filter((_, other) => other !== index))}
              >
                <IconTrash size={14} />
              </ActionIcon>
            </Group>
          ))}
        </Stack>
        <Group justify="space-between" mt="md">
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() => setActions([...actions, blank()])}
          >
            Add action item
          </Button>
          <Button onClick={() => record.mutate()} loading={record.isPending}>
            Save the meeting
          </Button>
        </Group>
        {record.error && (
          <Alert color="red" mt="sm" title="Not saved">
            {errorMessage(record.error)}
          </Alert>
        )}
      </Card>
    </Stack>
  );
}

function AgendaCard({
  agenda,
  notes,
  onNote,
}: {
  agenda: Agenda;
  notes: Record<string, string>;
  onNote: (key: string, text: string) => void;
}) {
  return (
    <Card withBorder>
      <CardTitle
        right={
          <CopyButton value={agenda.markdown}>
            {({ copied, copy }) => (
              <Button size="xs" variant="light" onClick={copy}>
                {copied ? 'Copied' : 'Copy agenda as Markdown'}
              </Button>
            )}
          </CopyButton>
        }
      >
        Agenda
      </CardTitle>
      {agenda.sections.length === 0 && (
        <Text c="dimmed">Nothing on the agenda: every account is green and nothing is open.</Text>
      )}
      <Stack gap="lg">
        {agenda.sections.map((section) => (
          <div key={section.section}>
            <Text fw={600} mb={6}>
              {section.title}{' '}
              <Text span c="dimmed" size="sm">
                ({section.items.length})
              </Text>
            </Text>
            <Stack gap={8}>
              {section.items.map((item) => (
                <Group
                  key={item.key}
                  align="flex-start"
                  wrap="nowrap"
                  gap="md"
                  data-testid={`agenda-${item.key}`}
                >
                  <div style={{ flex: 1, minWidth: 0 }}>
                    <Text size="sm">
                      {item.accountId && item.accountName !== item.title ? (
                        <AnchorLink to="/accounts/$accountId" params={{ accountId: item.accountId }} fw={500}>
                          {item.accountName}
                        </AnchorLink>
                      ) : null}
                      {item.accountId && item.accountName !== item.title ? ' — ' : ''}
                      {item.accountId && item.accountName === item.title ? (
                        <AnchorLink to="/accounts/$accountId" params={{ accountId: item.accountId }} fw={500}>
                          {item.title}
                        </AnchorLink>
                      ) : (
                        item.title
                      )}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {item.detail}
                    </Text>
                  </div>
                  <Textarea
                    aria-label={`Notes on ${item.title}`}
                    placeholder="Notes"
                    autosize
                    minRows={1}
                    w={360}
                    value={notes[item.key] ?? ''}
                    onChange={(event) => onNote(item.key, event.currentTarget.value)}
                  />
                </Group>
              ))}
            </Stack>
          </div>
        ))}
      </Stack>
    </Card>
  );
}

function HeldMeeting({ meeting, onNext }: { meeting: TeamMeeting; onNext: () => void }) {
  return (
    <Card withBorder>
      <CardTitle
        right={
          <Group gap="xs">
            <CopyButton value={meeting.markdown}>
              {({ copied, copy }) => (
                <Button size="xs" variant="light" onClick={copy}>
                  {copied ? 'Copied' : 'Copy as Markdown'}
                </Button>
              )}
            </CopyButton>
            <Button size="xs" variant="subtle" onClick={onNext}>
              Back to the agenda
            </Button>
          </Group>
        }
      >
        Meeting saved
      </CardTitle>
      <Text size="sm" c="dimmed" mb="sm">
        Logged on {meeting.activityIds.length} account{meeting.activityIds.length === 1 ? '' : 's'};{' '}
        {meeting.taskIds.length} task{meeting.taskIds.length === 1 ? '' : 's'} created.
      </Text>
      <Text
        component="pre"
        size="sm"
        data-testid="meeting-markdown"
        style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit' }}
      >
        {meeting.markdown}
      </Text>
    </Card>
  );
}
