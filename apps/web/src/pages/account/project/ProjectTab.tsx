import type { AccountProjects, Project } from '@liaison/contracts';
import { Badge, Box, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { api } from '../../../api.ts';
import { CardTitle } from '../../../components/PageHeader.tsx';
import { Empty, ErrorNote, PageLoader } from '../../../components/PageState.tsx';
import { RenderedMarkdown } from '../../../components/RenderedMarkdown.tsx';
import { date, label, plural } from '../../../format.ts';
import { useAccountMutation } from '../../../mutations.ts';
import { hoursText, phaseLabels } from '../../../project-format.ts';
import { queries } from '../../../queries.ts';
import type { AccountContext } from '../AccountPage.tsx';
import { IssuePanel } from './IssuePanel.tsx';
import { IssuesCard } from './IssuesCard.tsx';

/**
 * The account's customer collaboration project (docs/projects.md): README, milestones and labels,
 * the issues with their response tracking, one issue at a time (`?issue=` in the address).
 * Whether the caller may create or change anything is the server's `can`.
 */
export function ProjectTab({ account }: AccountContext) {
  const projects = useQuery(queries.projects(account.id));
  const { issue } = useSearch({ from: '/app/accounts/$accountId' });
  const navigate = useNavigate({ from: '/accounts/$accountId' });
  if (projects.isPending) return <PageLoader />;
  if (projects.error) return <ErrorNote error={projects.error} />;
  const project = projects.data.items[0];
  if (!project) return <NoProject accountId={account.id} data={projects.data} />;
  const openIssue = (number: number | undefined) =>
    navigate({ search: number ? { tab: 'project', issue: number } : { tab: 'project' }, replace: false });
  return (
    <Stack gap="md" data-testid="project-tab">
      <ProjectHeader project={project} data={projects.data} />
      {/* The issues beside the README: two thirds and one third of the page. */}
      <Box
        style={{
          display: 'grid',
          gridTemplateColumns: 'minmax(0, 2fr) minmax(0, 1fr)',
          gap: 16,
          alignItems: 'start',
        }}
      >
        <div>
          {issue ? (
            <IssuePanel
              account={account}
              project={project}
              number={issue}
              onBack={() => openIssue(undefined)}
            />
          ) : (
            <IssuesCard project={project} onOpen={openIssue} />
          )}
        </div>
        <div>
          <Stack gap="md">
            <Card data-testid="project-readme">
              <CardTitle>README</CardTitle>
              <RenderedMarkdown html={project.readmeHtml} />
            </Card>
            <MilestonesCard project={project} />
          </Stack>
        </div>
      </Box>
    </Stack>
  );
}

function NoProject({ accountId, data }: { accountId: string; data: AccountProjects }) {
  const create = useAccountMutation(accountId, () => api.projects.create(accountId), {
    success: (project) => `${project.name} created.`,
  });
  return (
    <Card data-testid="project-tab">
      <CardTitle>Collaboration project</CardTitle>
      <Stack gap="sm" align="flex-start">
        <Text size="sm">
          No collaboration project yet. A new one starts from the playbook’s <b>{data.template.name}</b>: a
          README filled from the account, milestones, labels and the pre-loaded issues (the Welcome call, the
          meeting agenda).
        </Text>
        {data.canCreate && (
          <Button onClick={() => create.mutate(undefined)} loading={create.isPending}>
            Create the project
          </Button>
        )}
        <ErrorNote error={create.error} />
      </Stack>
    </Card>
  );
}

function ProjectHeader({ project, data }: { project: Project; data: AccountProjects }) {
  const figure = data.responsiveness;
  return (
    <Card>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="xs">
            <Text fw={600}>{project.name}</Text>
            <Badge
              variant="light"
              color={project.phase === 'pre_sales' ? 'grape' : 'teal'}
              data-testid="project-phase"
            >
              {label(phaseLabels, project.phase)}
            </Badge>
          </Group>
          <Text size="xs" c="dimmed" data-testid="project-owner">
            Owner: {project.owner?.name ?? 'nobody'} · {project.templateName} (playbook version{' '}
            {project.templateVersion}) · created {date(project.createdAt)}
            {project.postSalesAt ? ` · post-sales since ${date(project.postSalesAt)}` : ''}
          </Text>
        </Stack>
        <Stack gap={2} align="flex-end" data-testid="project-responsiveness">
          <Text size="sm">Median first response: {hoursText(figure.medianFirstResponseHours)}</Text>
          <Text size="xs" c={figure.overdue > 0 ? 'red.7' : 'dimmed'}>
            {plural(figure.waiting, 'issue')} waiting
            {figure.overdue > 0 ? ` · ${figure.overdue} past the SLA` : ''}
            {figure.healthMeasure ? ' · counts for health' : ''}
          </Text>
        </Stack>
      </Group>
    </Card>
  );
}

function MilestonesCard({ project }: { project: Project }) {
  return (
    <Card>
      <CardTitle>Milestones and labels</CardTitle>
      {project.milestones.length === 0 ? (
        <Empty>No milestones.</Empty>
      ) : (
        <Stack gap={6}>
          {project.milestones.map((milestone) => (
            <Group key={milestone.id} justify="space-between" wrap="nowrap">
              <Text size="sm">{milestone.title}</Text>
              <Text size="xs" c="dimmed">
                {milestone.closedIssues}/{milestone.openIssues + milestone.closedIssues} closed
                {milestone.dueOn ? ` · due ${date(milestone.dueOn)}` : ''}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
      <Group gap={4} mt="sm">
        {project.labels.map((projectLabel) => (
          <Badge key={projectLabel.id} size="sm" variant="light" style={{ color: projectLabel.colour }}>
            {projectLabel.name}
          </Badge>
        ))}
      </Group>
    </Card>
  );
}
