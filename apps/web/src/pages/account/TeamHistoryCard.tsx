import type { TeamAssignment } from '@liaison/contracts';
import { ActionIcon, Badge, Button, Card, Group, Modal, Table, Text } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api.ts';
import { CardTitle } from '../../components/PageHeader.tsx';
import { Empty, ErrorNote } from '../../components/PageState.tsx';
import { date, label, teamRoleLabels } from '../../format.ts';
import { queries } from '../../queries.ts';
import { ConfirmDelete } from './ConfirmDelete.tsx';
import { TeamAssignForm } from './TeamAssignForm.tsx';
import { type EditMode, TeamAssignmentEditor } from './TeamAssignmentEditor.tsx';
import { assignmentStatus, sortAssignments, todayUtc } from './team-periods.ts';

const describe = (assignment: TeamAssignment) =>
  `${assignment.userName} as ${label(teamRoleLabels, assignment.role)}`;

/** The account team over time; TAM managers and admins assign, hand over, end and correct. */
export function TeamHistoryCard({ accountId, canChange }: { accountId: string; canChange: boolean }) {
  const history = useQuery(queries.teamHistory(accountId));
  const [assigning, setAssigning] = useState(false);
  const [editing, setEditing] = useState<{ id: string; mode: EditMode } | null>(null);
  const [deletingId, setDeletingId] = useState<string | null>(null);
  const now = new Date();
  const assignments = sortAssignments(history.data ?? [], now);
  const deleting = assignments.find((assignment) => assignment.id === deletingId) ?? null;

  return (
    <Card data-testid="account-team">
      <CardTitle
        right={
          <Group gap="sm">
            <Text size="xs" c="dimmed">
              past members stay in the record
            </Text>
            {canChange && !assigning && (
              <Button
                size="xs"
                variant="subtle"
                leftSection={<IconPlus size={14} />}
                onClick={() => setAssigning(true)}
              >
                Assign someone
              </Button>
            )}
          </Group>
        }
      >
        Account team over time
      </CardTitle>
      {history.error && <ErrorNote error={history.error} />}
      {assignments.length === 0 ? (
        !history.isPending && <Empty>Nobody has been on the team.</Empty>
      ) : (
        <Table aria-label="Account team">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Person</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th>From</Table.Th>
              <Table.Th>Until</Table.Th>
              {canChange && <Table.Th w={170} aria-label="Actions" />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {assignments.map((assignment) => {
              const status = assignmentStatus(assignment, now);
              if (editing?.id === assignment.id)
                return (
                  <Table.Tr key={assignment.id}>
                    <Table.Td colSpan={5}>
                      <TeamAssignmentEditor
                        assignment={assignment}
                        mode={editing.mode}
                        today={todayUtc()}
                        onDone={() => setEditing(null)}
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              return (
                <Table.Tr
                  key={assignment.id}
                  data-status={status}
                  style={{ opacity: status === 'ended' ? 0.6 : 1 }}
                >
                  <Table.Td fw={500}>{assignment.userName}</Table.Td>
                  <Table.Td>{label(teamRoleLabels, assignment.role)}</Table.Td>
                  <Table.Td className="num">{date(assignment.startsAt)}</Table.Td>
                  <Table.Td className="num">
                    <Group gap={6} wrap="nowrap">
                      {assignment.endsAt && date(assignment.endsAt)}
                      {status === 'current' && (
                        <Badge size="sm" color="teal" variant="light">
                          Current
                        </Badge>
                      )}
                      {status === 'upcoming' && (
                        <Badge size="sm" color="blue" variant="light">
                          Upcoming
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  {canChange && (
                    <Table.Td>
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        {assignment.endsAt === null && (
                          <Button
                            size="compact-xs"
                            variant="subtle"
                            aria-label={`End ${describe(assignment)}`}
                            onClick={() => setEditing({ id: assignment.id, mode: 'end' })}
                          >
                            End
                          </Button>
                        )}
                        <ActionIcon
                          size="sm"
                          variant="subtle"
                          aria-label={`Correct the dates of ${describe(assignment)}`}
                          onClick={() => setEditing({ id: assignment.id, mode: 'correct' })}
                        >
                          <IconPencil size={13} />
                        </ActionIcon>
                        <ActionIcon
                          size="sm"
                          variant="subtle"
                          color="red"
                          aria-label={`Delete ${describe(assignment)}`}
                          onClick={() => setDeletingId(assignment.id)}
                        >
                          <IconTrash size={13} />
                        </ActionIcon>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {canChange && assigning && (
        <TeamAssignForm
          accountId={accountId}
          assignments={history.data ?? []}
          onDone={() => setAssigning(false)}
        />
      )}
      <Modal
        opened={deleting !== null}
        onClose={() => setDeletingId(null)}
        title="Delete this assignment?"
        centered
      >
        {deleting && <DeleteAssignment assignment={deleting} onDone={() => setDeletingId(null)} />}
      </Modal>
    </Card>
  );
}

/**
 * Deleting erases an assignment entered by mistake; someone who left is ended instead, so that
 * "who was the TAM in March?" keeps its answer.
 */
function DeleteAssignment({ assignment, onDone }: { assignment: TeamAssignment; onDone: () => void }) {
  return (
    <ConfirmDelete
      accountId={assignment.accountId}
      action={() => api.team.delete(assignment.id, assignment.version)}
      listKey={queries.teamHistory(assignment.accountId).queryKey}
      success={`${assignment.userName}'s assignment deleted.`}
      confirmLabel="Delete assignment"
      onDone={onDone}
    >
      <Text size="sm">
        {describe(assignment)}, from {date(assignment.startsAt)}
        {assignment.endsAt ? ` until ${date(assignment.endsAt)}` : ''}.
      </Text>
      <Text size="xs" c="dimmed">
        Delete only an assignment entered by mistake. When someone leaves the team, end their assignment
        instead: past members stay in the record.
      </Text>
    </ConfirmDelete>
  );
}
