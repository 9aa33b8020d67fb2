import type { Project, ProjectIssueSummary } from '@liaison/contracts';
import { Badge, Button, Card, Checkbox, Group, SegmentedControl, Select, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { CardTitle } from '../../../components/PageHeader.tsx';
import { Empty, ErrorNote } from '../../../components/PageState.tsx';
import { plural } from '../../../format.ts';
import { hoursText, slaText } from '../../../project-format.ts';
import { queries } from '../../../queries.ts';
import { NewIssueForm } from './NewIssueForm.tsx';

/** The project's issues with filters; a customer's issue waiting for an answer shows its SLA. */
export function IssuesCard({ project, onOpen }: { project: Project; onOpen: (number: number) => void }) {
  const [state, setState] = useState<'open' | 'closed' | 'all'>('open');
  const [labelName, setLabelName] = useState<string | null>(null);
  const [milestoneId, setMilestoneId] = useState<string | null>(null);
  const [waiting, setWaiting] = useState(false);
  const [adding, setAdding] = useState(false);
  const filters = {
    state,
    ...(labelName ? { label: labelName } : {}),
    ...(milestoneId ? { milestoneId } : {}),
    ...(waiting ? { waiting: 'true' as const } : {}),
  };
  const issues = useQuery(queries.projectIssues(project.accountId, project.id, filters));
  const items = issues.data?.items ?? [];
  return (
    <Card data-testid="project-issues">
      <CardTitle
        right={
          project.can.edit && !adding ? (
            <Button size="xs" onClick={() => setAdding(true)}>
              New issue
            </Button>
          ) : undefined
        }
      >
        Issues
      </CardTitle>
      {adding && (
        <NewIssueForm
          project={project}
          onDone={(number) => {
            setAdding(false);
            if (number) onOpen(number);
          }}
        />
      )}
      <Group gap="sm" mb="sm">
        <SegmentedControl
          size="xs"
          value={state}
          onChange={(value) => setState(value as typeof state)}
          data={[
            { value: 'open', label: 'Open' },
            { value: 'closed', label: 'Closed' },
            { value: 'all', label: 'All' },
          ]}
        />
        <Select
          size="xs"
          placeholder="Label"
          clearable
          value={labelName}
          onChange={setLabelName}
          data={project.labels.map((l) => l.name)}
          aria-label="Label"
        />
        <Select
          size="xs"
          placeholder="Milestone"
          clearable
          value={milestoneId}
          onChange={setMilestoneId}
          data={project.milestones.map((m) => ({ value: m.id, label: m.title }))}
          aria-label="Milestone"
        />
        <Checkbox
          size="xs"
          label="Waiting for us"
          checked={waiting}
          onChange={(e) => setWaiting(e.currentTarget.checked)}
        />
      </Group>
      <ErrorNote error={issues.error} />
      {issues.isPending ? (
        <Empty>Loading…</Empty>
      ) : items.length === 0 ? (
        <Empty>No issues match.</Empty>
      ) : (
        <Table verticalSpacing={6} highlightOnHover aria-label="Issues">
          <Table.Tbody>
            {items.map((issue) => (
              <IssueRow key={issue.id} issue={issue} onOpen={onOpen} />
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Text size="xs" c="dimmed" mt={6}>
        {plural(items.length, 'issue')}
      </Text>
    </Card>
  );
}

function IssueRow({ issue, onOpen }: { issue: ProjectIssueSummary; onOpen: (number: number) => void }) {
  const { response } = issue;
  return (
    <Table.Tr style={{ cursor: 'pointer' }} onClick={() => onOpen(issue.number)}>
      <Table.Td w={48}>
        <Text size="sm" c="dimmed">
          #{issue.number}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" fw={500}>
          {issue.title}
        </Text>
        <Group gap={4} mt={2}>
          {issue.state === 'closed' && (
            <Badge size="xs" color="gray">
              closed
            </Badge>
          )}
          {issue.labels.map((name) => (
            <Badge key={name} size="xs" variant="light">
              {name}
            </Badge>
          ))}
          <Text size="xs" c="dimmed">
            by {issue.author.name}
            {issue.author.kind === 'contact' ? ' (customer)' : ''} · {plural(issue.commentCount, 'comment')}
          </Text>
        </Group>
      </Table.Td>
      <Table.Td ta="right">
        {response.waitingSince && response.dueAt ? (
          <Text size="xs" c={response.overdue ? 'red.7' : 'orange.8'}>
            waiting {hoursText(response.waitingHours)} · {slaText(response.dueAt)}
          </Text>
        ) : response.firstResponseHours !== null ? (
          <Text size="xs" c="dimmed">
            answered in {hoursText(response.firstResponseHours)}
          </Text>
        ) : null}
      </Table.Td>
    </Table.Tr>
  );
}
