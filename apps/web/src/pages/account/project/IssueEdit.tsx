import type { Account, Project, ProjectIssue } from '@liaison/contracts';
import { Button, Group, MultiSelect, Select, Stack } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../../api.ts';
import { ErrorNote } from '../../../components/PageState.tsx';
import { useAccountMutation } from '../../../mutations.ts';

/** Labels, milestone and assignee (the team's or the customer's people) of one issue. */
export function IssueEdit({
  account,
  project,
  issue,
  onDone,
}: {
  account: Account;
  project: Project;
  issue: ProjectIssue;
  onDone: () => void;
}) {
  const [labels, setLabels] = useState(issue.labels);
  const [milestoneId, setMilestoneId] = useState<string | null>(issue.milestone?.id ?? null);
  const current = issue.assignee
    ? issue.assignee.kind === 'staff'
      ? `u:${issue.assignee.userId}`
      : `c:${issue.assignee.contactId}`
    : null;
  const [assignee, setAssignee] = useState<string | null>(current);
  const save = useAccountMutation(
    project.accountId,
    () =>
      api.projects.updateIssue(project.id, issue.number, {
        labels,
        milestoneId,
        assigneeUserId: assignee?.startsWith('u:') ? assignee.slice(2) : null,
        assigneeContactId: assignee?.startsWith('c:') ? assignee.slice(2) : null,
        version: issue.version,
      }),
    { success: `#${issue.number} saved.` },
  );
  const people = [
    {
      group: 'Account team',
      items: account.team.map((member) => ({ value: `u:${member.userId}`, label: member.userName })),
    },
    {
      group: 'Customer',
      items: account.contacts.map((contact) => ({ value: `c:${contact.id}`, label: contact.name })),
    },
  ];
  return (
    <Stack gap="xs" mt="sm" data-testid="issue-edit">
      <Group grow>
        <MultiSelect
          label="Labels"
          data={project.labels.map((l) => l.name)}
          value={labels}
          onChange={setLabels}
        />
        <Select
          label="Milestone"
          clearable
          data={project.milestones.map((m) => ({ value: m.id, label: m.title }))}
          value={milestoneId}
          onChange={setMilestoneId}
        />
        <Select label="Assignee" clearable data={people} value={assignee} onChange={setAssignee} />
      </Group>
      <ErrorNote error={save.error} />
      <Group gap="xs">
        <Button
          size="xs"
          loading={save.isPending}
          onClick={() => save.mutate(undefined, { onSuccess: onDone })}
        >
          Save
        </Button>
        <Button size="xs" variant="subtle" color="gray" onClick={onDone}>
          Cancel
        </Button>
      </Group>
    </Stack>
  );
}
