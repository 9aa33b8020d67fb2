import type { PortalProject } from '@liaison/contracts';
import { Card, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { ButtonLink } from '../components/AnchorLink.tsx';
import { Empty, ErrorNote, PageLoader } from '../components/PageState.tsx';
import { plural } from '../format.ts';
import { queries } from '../queries.ts';
import { BackLink, PortalIssueTable, WithPortalProject } from './portal-project-parts.tsx';
import type { PortalIssueFilter } from './portal-routes.ts';

const ROUTE = '/portal/signed-in/projects/$projectId/issues' as const;

const emptyText: Record<PortalIssueFilter, string> = {
  open: 'No open issues.',
  closed: 'No closed issues yet.',
  all: 'No issues yet.',
};

/** `/portal/projects/$projectId/issues`: the project's issues, open, closed or all (`?state=`). */
export function PortalIssuesPage() {
  const { projectId } = useParams({ from: ROUTE });
  return (
    <WithPortalProject projectId={projectId}>
      {(project) => <IssuesList project={project} />}
    </WithPortalProject>
  );
}

function IssuesList({ project }: { project: PortalProject }) {
  const state: PortalIssueFilter = useSearch({ from: ROUTE }).state ?? 'open';
  const navigate = useNavigate({ from: '/portal/projects/$projectId/issues' });
  const issues = useQuery(queries.portalIssues(project.id, state));
  const items = issues.data?.items ?? [];
  return (
    <Stack gap="md">
      <BackLink />
      <Group justify="space-between">
        <div>
          <Title order={2} fz={24}>
            Issues
          </Title>
          <Text c="dimmed" size="sm">
            {project.name}: your questions and requests, and your account team’s answers.
          </Text>
        </div>
        <ButtonLink
          to="/portal/projects/$projectId/issues/new"
          params={{ projectId: project.id }}
          color="teal"
          leftSection={<IconPlus size={16} />}
        >
          New issue
        </ButtonLink>
      </Group>
      <Card padding="lg" data-testid="portal-issues">
        <SegmentedControl
          aria-label="Which issues"
          w="fit-content"
          mb="sm"
          value={state}
          onChange={(value) =>
            navigate({ search: value === 'open' ? {} : { state: value as PortalIssueFilter }, replace: true })
          }
          data={[
            { value: 'open', label: 'Open' },
            { value: 'closed', label: 'Closed' },
            { value: 'all', label: 'All' },
          ]}
        />
        <ErrorNote error={issues.error} />
        {issues.isPending ? (
          <PageLoader />
        ) : items.length > 0 ? (
          <PortalIssueTable project={project} issues={items} />
        ) : (
          !issues.error && <Empty>{emptyText[state]}</Empty>
        )}
        {issues.data && (
          <Text size="xs" c="dimmed" mt={6}>
            {plural(items.length, 'issue')}
          </Text>
        )}
      </Card>
    </Stack>
  );
}
