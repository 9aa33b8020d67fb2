import type { PortalIssueSummary, PortalPerson, PortalProject } from '@liaison/contracts';
import { Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiError } from '../api.ts';
import { AnchorLink, ButtonLink } from '../components/AnchorLink.tsx';
import { PageError, PageLoader } from '../components/PageState.tsx';
import { dateTime, plural, timeAgo } from '../format.ts';
import { queries } from '../queries.ts';

// What the portal's project pages share: the project by its id (with its loading, error and
// not-found states), labels in the project's colours, people as the customer sees them, and the
// issues table of the home and the issues page.

/** A wrong or someone else's project or issue: the server answers 404 for both, and so do we. */
export function PortalNotFound({ what }: { what: 'project' | 'issue' }) {
  return (
    <Card padding="xl" maw={560} mx="auto" data-testid="portal-not-found">
      <Stack gap="sm" align="flex-start">
        <Title order={2} fz={20}>
          {what === 'project' ? 'Project not found' : 'Issue not found'}
        </Title>
        <Text size="sm" c="dimmed">
          This {what} does not exist, or it is not part of your account’s portal.
        </Text>
        <ButtonLink to="/portal" variant="light" color="teal" size="xs">
          Back to your portal
        </ButtonLink>
      </Stack>
    </Card>
  );
}

export const isNotFound = (error: unknown) => error instanceof ApiError && error.status === 404;

/**
 * Renders `children` with the customer's project of this id. The list is the customer's own
 * (one project per account): an id not in it is not theirs, the same 404 as the server's.
 */
export function WithPortalProject({
  projectId,
  children,
}: {
  projectId: string;
  children: (project: PortalProject) => ReactNode;
}) {
  const projects = useQuery(queries.portalProjects());
  if (projects.isPending) return <PageLoader />;
  if (projects.error) return <PageError error={projects.error} reset={() => projects.refetch()} />;
  const project = projects.data.items.find((item) => item.id === projectId);
  return project ? children(project) : <PortalNotFound what="project" />;
}

/** Back to the project's issues, or (without a project) to the portal's home. */
export function BackLink({ projectId }: { projectId?: string }) {
  const text = (
    <Group gap={4} component="span">
      <IconArrowLeft size={14} />
      {projectId ? 'All issues' : 'Back to your portal'}
    </Group>
  );
  return projectId ? (
    <AnchorLink to="/portal/projects/$projectId/issues" params={{ projectId }} size="sm" c="teal.8">
      {text}
    </AnchorLink>
  ) : (
    <AnchorLink to="/portal" size="sm" c="teal.8">
      {text}
    </AnchorLink>
  );
}

/** The issue's labels in the project's colours (a label the project no longer has is grey). */
export function LabelBadges({ names, labels }: { names: string[]; labels: PortalProject['labels'] }) {
  return (
    <>
      {names.map((name) => (
        <Badge
          key={name}
          size="sm"
          variant="light"
          color={labels.find((l) => l.name === name)?.colour ?? 'gray'}
          tt="none"
        >
          {name}
        </Badge>
      ))}
    </>
  );
}

/** A person: the customer's own people by name, the vendor's marked as the account team. */
export function PersonName({ person }: { person: PortalPerson }) {
  return (
    <>
      {person.name}
      {person.kind === 'staff' && (
        <Text span size="xs" c="teal.8">
          {' '}
          · account team
        </Text>
      )}
    </>
  );
}

export function StateBadge({ state }: { state: 'open' | 'closed' }) {
  return (
    <Badge color={state === 'open' ? 'teal' : 'gray'} variant={state === 'open' ? 'filled' : 'light'}>
      {state === 'open' ? 'Open' : 'Closed'}
    </Badge>
  );
}

/** The issues as a table: number, title (the link), labels, author, comments, last update. */
export function PortalIssueTable({
  project,
  issues,
}: {
  project: PortalProject;
  issues: PortalIssueSummary[];
}) {
  return (
    <Table verticalSpacing="xs" highlightOnHover aria-label="Issues">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={56}>#</Table.Th>
          <Table.Th>Title</Table.Th>
          <Table.Th>Opened by</Table.Th>
          <Table.Th w={110}>Comments</Table.Th>
          <Table.Th w={130}>Updated</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {issues.map((issue) => (
          <Table.Tr key={issue.id}>
            <Table.Td>
              <Text size="sm" c="dimmed">
                #{issue.number}
              </Text>
            </Table.Td>
            <Table.Td>
              <Group gap={6}>
                <AnchorLink
                  to="/portal/projects/$projectId/issues/$number"
                  params={{ projectId: project.id, number: String(issue.number) }}
                  size="sm"
                  fw={600}
                  c="dark"
                >
                  {issue.title}
                </AnchorLink>
                {issue.state === 'closed' && <StateBadge state="closed" />}
                <LabelBadges names={issue.labels} labels={project.labels} />
              </Group>
            </Table.Td>
            <Table.Td>
              <Text size="sm">
                <PersonName person={issue.author} />
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm" c="dimmed">
                {plural(issue.commentCount, 'comment')}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm" c="dimmed" title={dateTime(issue.updatedAt)}>
                {timeAgo(issue.updatedAt)}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
