import type { PortalMe, PortalProject } from '@liaison/contracts';
import { Card, Grid, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconMessages, IconPlus } from '@tabler/icons-react';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { AnchorLink, ButtonLink } from '../components/AnchorLink.tsx';
import { Empty, ErrorNote, PageError, PageLoader } from '../components/PageState.tsx';
import { RenderedMarkdown } from '../components/RenderedMarkdown.tsx';
import { date, plural } from '../format.ts';
import { queries } from '../queries.ts';
import { TamAvatar } from './PortalLayout.tsx';
import { PortalIssueTable, StateBadge } from './portal-project-parts.tsx';

/**
 * The portal's home: a welcome, the customer's TAM, and their collaboration project — its
 * README, milestones and open issues (docs/portal.md, Projects in the portal).
 */
export function PortalHomePage() {
  const me = useSuspenseQuery(queries.portalMe()).data;
  const projects = useQuery(queries.portalProjects());
  const firstName = me.customerUser.name.split(/\s+/)[0];
  const project = projects.data?.items[0];
  return (
    <Stack gap="lg">
      <div>
        <Title order={2} fz={24}>
          Welcome, {firstName}
        </Title>
        <Text c="dimmed">
          This is {me.account.name}’s portal with {me.vendor.name}: the place where you and your account team
          work together.
        </Text>
      </div>
      {projects.isPending ? (
        <PageLoader />
      ) : projects.error ? (
        <PageError error={projects.error} reset={() => projects.refetch()} />
      ) : project ? (
        <ProjectHome me={me} project={project} />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TamCard me={me} />
          <NoProjectCard me={me} />
        </SimpleGrid>
      )}
    </Stack>
  );
}

function ProjectHome({ me, project }: { me: PortalMe; project: PortalProject }) {
  return (
    <Grid gap="md" data-testid="portal-project">
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Stack gap="md">
          <OpenIssuesCard project={project} />
          <Card padding="lg" data-testid="portal-readme">
            <Text size="xs" tt="uppercase" fw={600} c="dimmed" mb="sm">
              {project.name}
            </Text>
            <RenderedMarkdown html={project.readmeHtml} size="md" />
          </Card>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Stack gap="md">
          <TamCard me={me} />
          <MilestonesCard project={project} />
        </Stack>
      </Grid.Col>
    </Grid>
  );
}

function OpenIssuesCard({ project }: { project: PortalProject }) {
  const issues = useQuery(queries.portalIssues(project.id, 'open'));
  return (
    <Card padding="lg" data-testid="portal-open-issues">
      <Group justify="space-between" mb="sm">
        <Title order={3} fz={18}>
          Open issues
        </Title>
        <Group gap="xs">
          <AnchorLink
            to="/portal/projects/$projectId/issues"
            params={{ projectId: project.id }}
            search={{ state: 'all' }}
            size="sm"
          >
            All issues
          </AnchorLink>
          <ButtonLink
            to="/portal/projects/$projectId/issues/new"
            params={{ projectId: project.id }}
            size="xs"
            color="teal"
            leftSection={<IconPlus size={14} />}
          >
            New issue
          </ButtonLink>
        </Group>
      </Group>
      <ErrorNote error={issues.error} />
      {issues.isPending ? (
        <PageLoader />
      ) : issues.data && issues.data.items.length > 0 ? (
        <PortalIssueTable project={project} issues={issues.data.items} />
      ) : (
        !issues.error && <Empty>No open issues. Ask your account team anything with “New issue”.</Empty>
      )}
      <Text size="xs" c="dimmed" mt={6}>
        {plural(project.openIssues, 'open issue')}
      </Text>
    </Card>
  );
}

function MilestonesCard({ project }: { project: PortalProject }) {
  return (
    <Card padding="lg" data-testid="portal-milestones">
      <Title order={3} fz={16} mb="sm">
        Milestones
      </Title>
      {project.milestones.length === 0 ? (
        <Empty>No milestones yet.</Empty>
      ) : (
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {project.milestones.map((milestone) => (
            <li key={milestone.id}>
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <div>
                  <Text size="sm" fw={500}>
                    {milestone.title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {milestone.dueOn ? `Due ${date(milestone.dueOn)}` : 'No due date'}
                  </Text>
                </div>
                <StateBadge state={milestone.state} />
              </Group>
            </li>
          ))}
        </Stack>
      )}
    </Card>
  );
}

function TamCard({ me }: { me: PortalMe }) {
  return (
    <Card padding="lg" data-testid="portal-tam-card">
      <Text size="xs" tt="uppercase" fw={600} c="dimmed" mb="sm">
        Your Technical Account Manager
      </Text>
      {me.tam ? (
        <Group wrap="nowrap">
          <TamAvatar initials={me.tam.initials} size="lg" />
          <div>
            <Text fw={600} size="lg">
              {me.tam.name}
            </Text>
            <Text size="sm" c="dimmed">
              Your trusted advisor at {me.vendor.name}
            </Text>
          </div>
        </Group>
      ) : (
        <Text size="sm" c="dimmed">
          Your TAM will appear here once assigned.
        </Text>
      )}
    </Card>
  );
}

/** The account has no project yet: the TAM creates it (docs/projects.md); nothing to do here. */
function NoProjectCard({ me }: { me: PortalMe }) {
  return (
    <Card padding="lg" data-testid="portal-no-project">
      <Group align="flex-start" wrap="nowrap">
        <ThemeIcon variant="light" color="teal" size="lg" radius="xl">
          <IconMessages size={18} />
        </ThemeIcon>
        <div>
          <Text fw={600}>Your collaboration project</Text>
          <Text size="sm" c="dimmed">
            Your project with {me.vendor.name} — its README, milestones and issues — will appear here once
            your account team has set it up. It is where you ask questions and{' '}
            {me.tam ? me.tam.name.split(/\s+/)[0] : 'your account team'} answers.
          </Text>
        </div>
      </Group>
    </Card>
  );
}
