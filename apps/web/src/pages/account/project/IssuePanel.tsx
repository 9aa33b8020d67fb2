import type { Account, Project, ProjectComment, ProjectIssue } from '@liaison/contracts';
import { Anchor, Badge, Button, Card, Group, Stack, Switch, Text, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../api.ts';
import { AttachFileButton, IssueFileLinks } from '../../../components/IssueFiles.tsx';
import { CardTitle } from '../../../components/PageHeader.tsx';
import { Empty, ErrorNote, PageLoader } from '../../../components/PageState.tsx';
import { RenderedMarkdown } from '../../../components/RenderedMarkdown.tsx';
import { dateTime } from '../../../format.ts';
import { useAccountMutation } from '../../../mutations.ts';
import { fileUpload, hoursText, slaText } from '../../../project-format.ts';
import { queries } from '../../../queries.ts';
import { IssueEdit } from './IssueEdit.tsx';

/** One issue: its description, comments (internal notes marked), attachments and the answer box. */
export function IssuePanel({
  account,
  project,
  number,
  onBack,
}: {
  account: Account;
  project: Project;
  number: number;
  onBack: () => void;
}) {
  const [editing, setEditing] = useState(false);
  const issue = useQuery(queries.projectIssue(project.accountId, project.id, number));
  if (issue.isPending) return <PageLoader />;
  if (issue.error) return <ErrorNote error={issue.error} />;
  const data = issue.data;
  return (
    <Card data-testid="project-issue">
      <CardTitle
        right={
          <Anchor size="xs" component="button" onClick={onBack}>
            All issues
          </Anchor>
        }
      >
        #{data.number} {data.title}
      </CardTitle>
      <IssueFacts project={project} issue={data} onEdit={() => setEditing(true)} />
      {editing && (
        <IssueEdit account={account} project={project} issue={data} onDone={() => setEditing(false)} />
      )}
      <Card withBorder mt="sm" p="sm">
        <Text size="xs" c="dimmed" mb={4}>
          {data.author.name}
          {data.author.kind === 'contact' ? ' (customer)' : ''} · {dateTime(data.createdAt)}
        </Text>
        {data.description ? <RenderedMarkdown html={data.descriptionHtml} /> : <Empty>No description.</Empty>}
      </Card>
      <Stack gap="xs" mt="sm">
        {data.comments.map((comment) => (
          <CommentItem key={comment.id} comment={comment} />
        ))}
      </Stack>
      <Attachments project={project} issue={data} />
      {data.can.edit && <CommentBox project={project} issue={data} />}
    </Card>
  );
}

function IssueFacts({
  project,
  issue,
  onEdit,
}: {
  project: Project;
  issue: ProjectIssue;
  onEdit: () => void;
}) {
  const toggle = useAccountMutation(project.accountId, () =>
    api.projects.updateIssue(project.id, issue.number, {
      state: issue.state === 'open' ? 'closed' : 'open',
      version: issue.version,
    }),
  );
  const { response } = issue;
  return (
    <Group justify="space-between" align="flex-start">
      <Group gap={6}>
        <Badge color={issue.state === 'open' ? 'teal' : 'gray'}>{issue.state}</Badge>
        {issue.labels.map((name) => (
          <Badge key={name} variant="light">
            {name}
          </Badge>
        ))}
        {issue.milestone && <Text size="xs">Milestone: {issue.milestone.title}</Text>}
        <Text size="xs" c="dimmed">
          Assignee: {issue.assignee?.name ?? 'nobody'}
        </Text>
      </Group>
      <Group gap="xs">
        {response.waitingSince && response.dueAt ? (
          <Text size="xs" c={response.overdue ? 'red.7' : 'orange.8'} data-testid="issue-waiting">
            Customer waiting {hoursText(response.waitingHours)} · {slaText(response.dueAt)}
          </Text>
        ) : response.firstResponseHours !== null ? (
          <Text size="xs" c="dimmed">
            First response in {hoursText(response.firstResponseHours)}
          </Text>
        ) : null}
        {issue.can.edit && (
          <Button size="xs" variant="subtle" onClick={onEdit}>
            Edit
          </Button>
        )}
        {issue.can.edit && (
          <Button
            size="xs"
            variant="default"
            loading={toggle.isPending}
            onClick={() => toggle.mutate(undefined)}
          >
            {issue.state === 'open' ? 'Close' : 'Reopen'}
          </Button>
        )}
      </Group>
      <ErrorNote error={toggle.error} />
    </Group>
  );
}

function CommentItem({ comment }: { comment: ProjectComment }) {
  return (
    <Card
      withBorder
      p="sm"
      data-testid={comment.internal ? 'internal-note' : 'comment'}
      style={
        comment.internal
          ? { background: 'var(--mantine-color-yellow-0)', borderColor: 'var(--mantine-color-yellow-4)' }
          : undefined
      }
    >
      <Group gap={6} mb={4}>
        {comment.internal && (
          <Badge size="xs" color="yellow" variant="filled">
            Internal note · staff only
          </Badge>
        )}
        <Text size="xs" c="dimmed">
          {comment.author.name}
          {comment.author.kind === 'contact' ? ' (customer)' : ''} · {dateTime(comment.createdAt)}
        </Text>
      </Group>
      <RenderedMarkdown html={comment.bodyHtml} />
    </Card>
  );
}

function CommentBox({ project, issue }: { project: Project; issue: ProjectIssue }) {
  const [body, setBody] = useState('');
  const [internal, setInternal] = useState(false);
  const send = useAccountMutation(
    project.accountId,
    () => api.projects.comment(project.id, issue.number, { body, internal }),
    { success: internal ? 'Internal note added.' : 'Answer posted.' },
  );
  return (
    <Stack gap="xs" mt="md">
      <Textarea
        label={internal ? 'Internal note (staff only, not an answer)' : 'Comment (the customer sees it)'}
        autosize
        minRows={3}
        value={body}
        onChange={(e) => setBody(e.currentTarget.value)}
        styles={internal ? { input: { background: 'var(--mantine-color-yellow-0)' } } : undefined}
      />
      <Group justify="space-between">
        <Switch
          size="xs"
          label="Internal note"
          checked={internal}
          onChange={(e) => setInternal(e.currentTarget.checked)}
        />
        <Button
          size="xs"
          disabled={!body.trim()}
          loading={send.isPending}
          onClick={() => send.mutate(undefined, { onSuccess: () => setBody('') })}
        >
          {internal ? 'Add note' : 'Comment'}
        </Button>
      </Group>
      <ErrorNote error={send.error} />
    </Stack>
  );
}

function Attachments({ project, issue }: { project: Project; issue: ProjectIssue }) {
  const upload = useAccountMutation(
    project.accountId,
    async (file: File) => api.projects.attach(project.id, issue.number, { file: await fileUpload(file) }),
    { success: 'File attached.' },
  );
  return (
    <Stack gap={4} mt="sm" data-testid="issue-attachments">
      <IssueFileLinks
        files={issue.attachments}
        href={(file) => `/api/v1${api.projects.attachmentPath(project.id, file.id)}`}
        by={(file) => (file.author.kind === 'contact' ? `${file.author.name} (customer)` : null)}
      />
      {issue.can.edit && <AttachFileButton upload={upload} />}
    </Stack>
  );
}
