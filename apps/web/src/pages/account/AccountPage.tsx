import type { Account, Assessment } from '@liaison/contracts';
import { Badge, Box, Breadcrumbs, Group, Stack, Tabs, Text, Title, Tooltip } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { lazy, type ReactNode, Suspense } from 'react';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import {
  Dot,
  GemstoneBadge,
  healthColors,
  NotScoredBadge,
  PriorityBadge,
  ProvisionalBadge,
  RequiresTriageBadge,
  TierBadge,
} from '../../components/Badges.tsx';
import { Explain } from '../../components/Explain.tsx';
import { PageError, PageLoader } from '../../components/PageState.tsx';
import {
  date,
  dueText,
  healthLabels,
  label,
  modelLabels,
  money,
  notScoredReason,
  obligationLabels,
  PROVISIONAL_HINT,
  plural,
  priorityLabels,
  regionLabels,
  relativeDay,
  segmentLabels,
  stageLabels,
} from '../../format.ts';
import { usePlaybook } from '../../hooks.ts';
import { queries } from '../../queries.ts';
import type { AccountTab } from '../../router.tsx';
import { OverviewTab } from './OverviewTab.tsx';

const ProfileTab = lazy(() => import('./ProfileTab.tsx').then((module) => ({ default: module.ProfileTab })));
const PeopleTab = lazy(() => import('./PeopleTab.tsx').then((module) => ({ default: module.PeopleTab })));
const TimelineTab = lazy(() =>
  import('./TimelineTab.tsx').then((module) => ({ default: module.TimelineTab })),
);
const JourneyTab = lazy(() =>
  import('./journey/JourneyTab.tsx').then((module) => ({ default: module.JourneyTab })),
);
const TasksTab = lazy(() => import('./TasksTab.tsx').then((module) => ({ default: module.TasksTab })));
const HistoryTab = lazy(() => import('./HistoryTab.tsx').then((module) => ({ default: module.HistoryTab })));
const ProjectTab = lazy(() =>
  import('./project/ProjectTab.tsx').then((module) => ({ default: module.ProjectTab })),
);
const SupportTab = lazy(() => import('./SupportTab.tsx').then((module) => ({ default: module.SupportTab })));

export interface AccountContext {
  account: Account;
  assessment: Assessment;
  canEdit: boolean;
}

export function AccountPage() {
  const { accountId } = useParams({ from: '/app/accounts/$accountId' });
  const { tab = 'overview' } = useSearch({ from: '/app/accounts/$accountId' });
  const navigate = useNavigate({ from: '/accounts/$accountId' });
  const account = useQuery(queries.account(accountId));
  const assessment = useQuery(queries.assessment(accountId));

  if (account.isPending || assessment.isPending) return <PageLoader />;
  if (account.error || assessment.error) return <PageError error={account.error ?? assessment.error} />;
  const context: AccountContext = {
    account: account.data,
    assessment: assessment.data,
    // What the caller may do here comes with the account (`can`), decided by the server.
    canEdit: account.data.can.edit,
  };

  return (
    <Stack gap="lg">
      <AccountHeader {...context} />
      <Tabs
        value={tab}
        onChange={(value) =>
          navigate({
            search: value && value !== 'overview' ? { tab: value as AccountTab } : {},
            replace: true,
          })
        }
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="overview">Overview</Tabs.Tab>
          <Tabs.Tab value="profile">Profile</Tabs.Tab>
          <Tabs.Tab value="people">People</Tabs.Tab>
          <Tabs.Tab value="journey">Journey</Tabs.Tab>
          <Tabs.Tab value="timeline">Timeline</Tabs.Tab>
          <Tabs.Tab value="tasks">Tasks</Tabs.Tab>
          <Tabs.Tab value="support">Support</Tabs.Tab>
          <Tabs.Tab value="project">Project</Tabs.Tab>
          <Tabs.Tab value="history">History</Tabs.Tab>
        </Tabs.List>
        <Suspense fallback={<PageLoader />}>
          <Tabs.Panel value="overview">
            <OverviewTab {...context} />
          </Tabs.Panel>
          <Tabs.Panel value="profile">
            <ProfileTab {...context} />
          </Tabs.Panel>
          <Tabs.Panel value="people">
            <PeopleTab {...context} />
          </Tabs.Panel>
          <Tabs.Panel value="journey">
            <JourneyTab {...context} />
          </Tabs.Panel>
          <Tabs.Panel value="timeline">
            <TimelineTab {...context} />
          </Tabs.Panel>
          <Tabs.Panel value="tasks">
            <TasksTab {...context} />
          </Tabs.Panel>
          <Tabs.Panel value="support">
            <SupportTab {...context} />
          </Tabs.Panel>
          <Tabs.Panel value="project">
            <ProjectTab {...context} />
          </Tabs.Panel>
          <Tabs.Panel value="history">
            <HistoryTab {...context} />
          </Tabs.Panel>
        </Suspense>
      </Tabs>
    </Stack>
  );
}

function AccountHeader({ account, assessment }: AccountContext) {
  const { engagementTier, gemstone, priority, health, nextDue } = assessment;
  const { staleSentimentDays } = usePlaybook().health;
  const tam = account.team.find((member) => member.role === 'tam');
  const priorityNote = [
    priority.model
      ? label(modelLabels, priority.model)
      : priority.priority === 'pr3'
        ? 'Unmanaged child'
        : 'Digital',
    priority.inOnboarding ? 'onboarding' : null,
    priority.atRisk ? 'at risk' : null,
  ]
    .filter(Boolean)
    .join(' · ');
  const notScored =
    health.colour === null ? notScoredReason({ lastStep: health.explanation.path.at(-1) }) : null;
  // Yellow + Requires Triage: the TAM needs help (red is at risk whatever the flag says).
  const triage = account.requiresTriage && health.colour === 'yellow';
  return (
    <Stack gap="md">
      <Breadcrumbs separatorMargin={6} fz="sm">
        <AnchorLink to="/accounts" size="sm" c="dimmed">
          Accounts
        </AnchorLink>
        <Text size="sm" c="dimmed">
          {account.name}
        </Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Group gap="sm">
            <Title order={1}>{account.name}</Title>
            {account.atRisk && (
              <Badge color="red" variant="light">
                At risk
              </Badge>
            )}
            {health.stale && (
              <Tooltip label={`The TAM sentiment is more than ${staleSentimentDays} days old`}>
                <Badge color="orange" variant="light">
                  Stale sentiment
                </Badge>
              </Tooltip>
            )}
          </Group>
          <Text size="sm" c="dimmed" mt={2}>
            {[
              label(segmentLabels, account.segment),
              label(regionLabels, account.region),
              account.industry,
              `${account.plan.charAt(0).toUpperCase()}${account.plan.slice(1)} plan`,
              `${money(account.arr)} ARR`,
              `${account.licensedUsers.toLocaleString('en-US')} licensed users`,
              label(stageLabels, account.relationshipStage),
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </div>
        <Stack gap={0} align="flex-end">
          <Text size="xs" c="dimmed">
            TAM
          </Text>
          <Text size="sm" fw={500}>
            {tam?.userName ?? 'No TAM'}
          </Text>
        </Stack>
      </Group>
      <Group gap="sm" wrap="nowrap" align="stretch" data-testid="account-facts">
        <Fact
          name="Tier"
          testId="fact-tier"
          explanation={engagementTier.explanation}
          title={`Why ${engagementTier.name}`}
          value={<TierBadge tier={engagementTier.tier} size="md" />}
          note={
            engagementTier.accountsPerTam ? `${engagementTier.accountsPerTam} accounts per TAM` : 'no TAM'
          }
        />
        <Fact
          name="Gemstone"
          testId="fact-gemstone"
          explanation={gemstone.explanation}
          title={`Why ${gemstone.gemstone}`}
          value={<GemstoneBadge gemstone={gemstone.gemstone} size="md" />}
          note="account size"
        />
        <Fact
          name="Priority"
          testId="fact-priority"
          explanation={priority.explanation}
          title={`Why ${label(priorityLabels, priority.priority)}${priority.provisional ? ' (provisional)' : ''}`}
          value={
            <Group gap={6} wrap="nowrap">
              <PriorityBadge priority={priority.priority} size="md" />
              {priority.provisional && <ProvisionalBadge size="md" />}
            </Group>
          }
          note={priority.provisional ? PROVISIONAL_HINT : priorityNote}
        />
        <Fact
          name="Health"
          testId="fact-health"
          explanation={health.explanation}
          title={`Why ${health.colour ? label(healthLabels, health.colour).toLowerCase() : 'not scored'}`}
          value={
            <Group gap={6} wrap="wrap">
              {health.colour ? (
                <Group gap={6} wrap="nowrap">
                  <Dot color={healthColors[health.colour]!} size={10} />
                  <Text fw={600} size="md" data-testid="health-colour">
                    {label(healthLabels, health.colour)}
                  </Text>
                  {health.score !== null && (
                    <Text size="sm" c="dimmed" className="num">
                      {health.score.toFixed(1)}
                    </Text>
                  )}
                </Group>
              ) : (
                <Box data-testid="health-colour">
                  <NotScoredBadge size="md" why={notScored ?? undefined} />
                </Box>
              )}
              {triage && <RequiresTriageBadge size="sm" />}
            </Group>
          }
          note={
            notScored ??
            (health.sentimentAgeDays === null
              ? 'no sentiment yet'
              : health.sentimentAgeDays === 0
                ? 'sentiment set today'
                : `sentiment set ${plural(health.sentimentAgeDays, 'day')} ago`)
          }
        />
        <Box
          p="sm"
          style={{ flex: 1.3, border: '1px solid var(--app-border)', borderRadius: 8, background: '#fff' }}
          data-testid="fact-next-due"
        >
          <Text className="section-title">Next due</Text>
          {nextDue ? (
            <>
              <Text fw={600} size="md" mt={4} c={nextDue.status === 'overdue' ? 'red.7' : undefined}>
                {label(obligationLabels, nextDue.kind)} · {date(nextDue.dueDate)}
              </Text>
              <Text size="xs" c="dimmed">
                {dueText(nextDue.dueDate)}
              </Text>
            </>
          ) : (
            <Text size="sm" c="dimmed" mt={4}>
              {priority.provisional ? 'Nothing owed until a TAM is assigned' : 'Nothing due'}
            </Text>
          )}
        </Box>
        <Box
          p="sm"
          style={{ flex: 1, border: '1px solid var(--app-border)', borderRadius: 8, background: '#fff' }}
        >
          <Text className="section-title">Renewal</Text>
          <Text fw={600} size="md" mt={4}>
            {date(account.renewalDate)}
          </Text>
          <Text size="xs" c="dimmed">
            {account.renewalDate ? relativeDay(account.renewalDate) : 'no renewal date'}
          </Text>
        </Box>
      </Group>
    </Stack>
  );
}

function Fact({
  name,
  value,
  note,
  explanation,
  title,
  testId,
}: {
  name: string;
  value: ReactNode;
  note: string;
  explanation: Assessment['priority']['explanation'];
  title: string;
  testId: string;
}) {
  return (
    <Box style={{ flex: 1 }} data-testid={testId}>
      <Explain
        explanation={explanation}
        title={title}
        label={`Explain ${name.toLowerCase()}`}
        showIcon={false}
        block
      >
        <Box p="sm" className="fact-tile">
          <Group justify="space-between" wrap="nowrap">
            <Text className="section-title">{name}</Text>
            <IconInfoCircle size={14} color="var(--mantine-color-gray-5)" aria-hidden />
          </Group>
          <Box mt={4}>{value}</Box>
          <Text size="xs" c="dimmed" lineClamp={3} mt={2} title={note}>
            {note}
          </Text>
        </Box>
      </Explain>
    </Box>
  );
}
