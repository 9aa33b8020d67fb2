import type { PortalComment, PortalIssue, PortalProject } from '@liaison/contracts';
import { Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { api } from '../api.ts';
import { AttachFileButton, IssueFileLinks } from '../components/IssueFiles.tsx';
import { Empty, ErrorNote, PageError, PageLoader } from '../components/PageState.tsx';
import { RenderedMarkdown } from '../components/RenderedMarkdown.tsx';
import { dateTime } from '../format.ts';
import { usePortalIssueMutation } from '../mutations.ts';
import { fileUpload } from '../project-format.ts';
import { queries } from '../queries.ts';
import {
  BackLink,
  isNotFound,
  LabelBadges,
  PersonName,
  PortalNotFound,
  StateBadge,
  WithPortalProject,
} from './portal-project-parts.tsx';

const ROUTE = '/portal/signed-in/projects/$projectId/issues/$number' as const;

/** `/portal/projects/$projectId/issues/$number`: one issue, its public comments and files. */
export function PortalIssuePage() {
  const params = useParams({ from: ROUTE });
  const number = Number(params.number);
  return (
    <WithPortalProject projectId={params.projectId}>
      {(project) =>
        Number.isInteger(number) && number > 0 ? (
          <IssueView project={project} number={number} />
        ) : (
          <PortalNotFound what="issue" />
        )
      }
    </WithPortalProject>
  );
}

function IssueView({ project, number }: { project: PortalProject; number: number }) {
  const issue = useQuery(queries.portalIssue(project.id, number));
  if (issue.isPending) return <PageLoader />;
  if (isNotFound(issue.error)) return <PortalNotFound what="issue" />;
  if (issue.error) return <PageError error={issue.error} reset={() => issue.refetch()} />;
  const data = issue.data;
  return (
    <Stack gap="md" data-testid="portal-issue">
      <BackLink projectId={project.id} />
      <div>
        <Title order={2} fz={24}>
          {data.title}{' '}
          <Text span c="dimmed" fz={22} fw={400}>
            #{data.number}
          </Text>
        </Title>
        <Group gap={8} mt={6}>
          <StateBadge state={data.state} />
          <LabelBadges names={data.labels} labels={project.labels} />
          {data.milestone && (
            <Text size="sm" c="dimmed">
              Milestone: {data.milestone.title}
            </Text>
          )}
          {data.assignee && (
            <Text size="sm" c="dimmed">
              Assigned to <PersonName person={data.assignee} />
            </Text>
          )}
        </Group>
      </div>
      <Card padding="lg" withBorder data-testid="portal-issue-description">
        <Text size="xs" c="dimmed" mb="xs">
          <PersonName person={data.author} /> opened this on {dateTime(data.createdAt)}
        </Text>
        {data.description.trim() ? (
          <RenderedMarkdown html={data.descriptionHtml} size="md" />
        ) : (
          <Empty>No description.</Empty>
        )}
        <Attachments project={project} issue={data} />
      </Card>
      <Stack gap="sm" component="section" aria-label="Comments">
        {data.comments.map((comment) => (
          <CommentCard key={comment.id} comment={comment} />
        ))}
      </Stack>
      <CommentForm project={project} issue={data} />
    </Stack>
  );
}

function CommentCard({ comment }: { comment: PortalComment }) {
  return (
    <Card
      padding="md"
      withBorder
      data-testid="portal-comment"
      style={
        comment.author.kind === 'staff' ? { borderLeft: '3px solid var(--mantine-color-teal-6)' } : undefined
      }
    >
      <Text size="xs" c="dimmed" mb={6}>
        <Text span fw={600} c="dark" size="xs">
          <PersonName person={comment.author} />
        </Text>{' '}
        · {dateTime(comment.createdAt)}
      </Text>
      <RenderedMarkdown html={comment.bodyHtml} />
    </Card>
  );
}

/** The issue's files as download links, and the customer's own "Attach a file" (it shows at once). */
function Attachments({ project, issue }: { project: PortalProject; issue: PortalIssue }) {
  const upload = usePortalIssueMutation(project.id, async (file: File) =>
    api.portal.attach(project.id, issue.number, { file: await fileUpload(file) }),
  );
  return (
    <Stack gap={4} mt="md" data-testid="portal-attachments">
      {issue.attachments.length > 0 && (
        <Text size="xs" fw={600} c="dimmed">
          Attachments
        </Text>
      )}
      <IssueFileLinks
        files={issue.attachments}
        href={(file) => api.portal.attachmentUrl(project.id, file.id)}
      />
      <AttachFileButton upload={upload} />
    </Stack>
  );
}

/** A public comment in Markdown: it shows at once (the answer is the issue with it). */
function CommentForm({ project, issue }: { project: PortalProject; issue: PortalIssue }) {
  const [body, setBody] = useState('');
  const send = usePortalIssueMutation(project.id, () =>
    api.portal.comment(project.id, issue.number, { body }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (body.trim()) send.mutate(undefined, { onSuccess: () => setBody('') });
  };
  return (
    <Card padding="lg" component="form" onSubmit={submit} aria-label="Add a comment">
      <Stack gap="sm">
        <Textarea
          label="Your comment"
          description="Markdown works: **bold**, lists, `code`, links. Your account team is told."
          autosize
          minRows={4}
          maxLength={20_000}
          value={body}
          onChange={(event) => setBody(event.currentTarget.value)}
        />
        <ErrorNote error={send.error} />
        <Group justify="flex-end">
          <Button type="submit" color="teal" disabled={!body.trim()} loading={send.isPending}>
            Comment
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
