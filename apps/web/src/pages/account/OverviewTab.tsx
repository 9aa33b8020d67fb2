import type { Account, Assessment } from '@liaison/contracts';
import { Card, Grid, Group, SimpleGrid, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { HealthBadge, NotScoredBadge, StatusBadge } from '../../components/Badges.tsx';
import { HealthTrend, type TrendPoint } from '../../components/Charts.tsx';
import { Explain } from '../../components/Explain.tsx';
import { CardTitle } from '../../components/PageHeader.tsx';
import { Empty } from '../../components/PageState.tsx';
import {
  date,
  dueText,
  label,
  monthlyInstants,
  notScoredReason,
  obligationLabels,
  teamRoleLabels,
} from '../../format.ts';
import { usePlaybook } from '../../hooks.ts';
import { queries } from '../../queries.ts';
import type { AccountContext } from './AccountPage.tsx';

import { OpportunitiesCard } from './OpportunitiesCard.tsx';
import { PriorityCard } from './PriorityCard.tsx';
import { SentimentCard } from './SentimentCard.tsx';
import { SuccessPlanCard } from './SuccessPlanCard.tsx';
export function OverviewTab(context: AccountContext) {
  return (
    <Grid gap="lg">
      <Grid.Col span={8}>
        <Stack gap="lg">
          <ObligationsCard assessment={context.assessment} />
          <HealthCard {...context} />
          <PriorityCard {...context} />
          <OpportunitiesCard {...context} />
        </Stack>
      </Grid.Col>
      <Grid.Col span={4}>
        <Stack gap="lg">
          <SentimentCard {...context} />
          <TeamCard account={context.account} />
          <SuccessPlanCard {...context} />
          <PracticesCard assessment={context.assessment} />
        </Stack>
      </Grid.Col>
    </Grid>
  );
}

function ObligationsCard({ assessment }: { assessment: Assessment }) {
  const obligations = [...assessment.obligations].sort(
    (left, right) =>
      Number(left.fulfilled) - Number(right.fulfilled) || left.dueDate.localeCompare(right.dueDate),
  );
  return (
    <Card>
      <CardTitle
        right={
          <Text size="xs" c="dimmed">
            from the playbook · {assessment.priority.priority.toUpperCase().replace('PR', 'P')}
            {assessment.priority.provisional ? ' (provisional)' : ''} engagement guidelines
          </Text>
        }
      >
        Obligations
      </CardTitle>
      {obligations.length === 0 ? (
        <Empty>
          {assessment.priority.provisional ? (
            <span data-testid="no-obligations">
              No obligations: this account has no TAM. Its priority is provisional; nothing is owed until a
              TAM is assigned.
            </span>
          ) : assessment.tamAlignment.managed ? (
            <span data-testid="no-obligations">No obligations are due on this account.</span>
          ) : (
            <span data-testid="no-obligations">
              No obligations: this account is not managed by a TAM (P3/P4).
            </span>
          )}
        </Empty>
      ) : (
        <Table aria-label="Obligations" data-testid="obligations">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Obligation</Table.Th>
              <Table.Th w={110}>Status</Table.Th>
              <Table.Th w={130}>Due</Table.Th>
              <Table.Th w={160}>When</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {obligations.map((obligation) => (
              <Table.Tr key={obligation.kind} data-kind={obligation.kind}>
                <Table.Td>
                  <Explain
                    explanation={obligation.explanation}
                    title={label(obligationLabels, obligation.kind)}
                    label={`Explain ${label(obligationLabels, obligation.kind)}`}
                  >
                    <Text span size="sm" fw={500}>
                      {label(obligationLabels, obligation.kind)}
                    </Text>
                  </Explain>
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={obligation.status} fulfilled={obligation.fulfilled} />
                </Table.Td>
                <Table.Td className="num" data-testid="due-date">
                  {date(obligation.dueDate)}
                </Table.Td>
                <Table.Td>
                  <Text
                    size="xs"
                    c={obligation.status === 'overdue' && !obligation.fulfilled ? 'red.7' : 'dimmed'}
                  >
                    {obligation.fulfilled ? 'met' : dueText(obligation.dueDate)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

const measureLabels: Record<string, string> = {
  sentiment: 'TAM sentiment',
  engagement: 'Engagement recency',
  success_plan: 'Success plan',
  support_tickets: 'Support tickets',
};

function HealthCard({ account, assessment }: AccountContext) {
  const { health } = assessment;
  const { thresholds } = usePlaybook().health;
  const instants = monthlyInstants(new Date(assessment.evaluatedAt), 12).slice(0, -1);
  const past = useQueries({ queries: instants.map((at) => queries.assessmentAt(account.id, at)) });
  const loading = past.some((query) => query.isPending);
  const points: TrendPoint[] = [
    ...instants.map((at, index) => ({
      at,
      score: past[index]?.data?.health.score ?? null,
      colour: past[index]?.data?.health.colour ?? null,
    })),
    { at: assessment.evaluatedAt, score: health.score, colour: health.colour },
  ];
  const notScored =
    health.colour === null ? notScoredReason({ lastStep: health.explanation.path.at(-1) }) : null;
  const scoredBefore = points.some((point) => point.score !== null);
  return (
    <Card data-testid="health-card">
      <CardTitle
        right={
          <Explain explanation={health.explanation} title="Health score" label="Explain health score">
            <Text span size="xs" c="dimmed">
              how the score is computed
            </Text>
          </Explain>
        }
      >
        Health
      </CardTitle>
      {notScored && (
        <Group gap="xs" mb="sm" wrap="nowrap" data-testid="health-not-scored">
          <NotScoredBadge why={notScored} />
          <Text size="sm" c="dimmed">
            {notScored}: the account has no health colour or score yet.
          </Text>
        </Group>
      )}
      <SimpleGrid cols={2} spacing="lg">
        <Table aria-label="Health measures" verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Measure</Table.Th>
              <Table.Th>Colour</Table.Th>
              <Table.Th ta="right">Weight</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {health.measures.map((measure) => (
              <Table.Tr key={measure.measure} data-measure={measure.measure}>
                <Table.Td>
                  <Explain
                    explanation={measure.explanation}
                    title={label(measureLabels, measure.measure)}
                    label={`Explain ${label(measureLabels, measure.measure).toLowerCase()}`}
                  >
                    <Text span size="sm">
                      {label(measureLabels, measure.measure)}
                    </Text>
                  </Explain>
                </Table.Td>
                <Table.Td>
                  {measure.included ? (
                    <HealthBadge colour={measure.colour} size="xs" />
                  ) : (
                    <Text size="xs" c="dimmed">
                      left out
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right" className="num">
                  <Text size="xs" c={measure.included ? undefined : 'dimmed'}>
                    {measure.included ? `${measure.effectiveWeight.toFixed(1)}%` : `(${measure.weight})`}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <div>
          <Group justify="space-between" mb={4}>
            <Text size="xs" c="dimmed">
              Score over the last 12 months
            </Text>
            {health.score !== null ? (
              <Text size="xs" fw={600} className="num">
                now {health.score.toFixed(1)}
              </Text>
            ) : (
              <Text size="xs" fw={600} c="dimmed">
                now not scored
              </Text>
            )}
          </Group>
          {loading ? (
            <Skeleton h={150} />
          ) : scoredBefore ? (
            <HealthTrend points={points} thresholds={thresholds} />
          ) : (
            <Empty>Not scored in the last 12 months: there is no score to chart.</Empty>
          )}
        </div>
      </SimpleGrid>
    </Card>
  );
}

function TeamCard({ account }: { account: Account }) {
  const order = ['tam', 'sal', 'ae', 'sa', 'pse', 'sdr'];
  const team = [...account.team].sort((left, right) => order.indexOf(left.role) - order.indexOf(right.role));
  return (
    <Card>
      <CardTitle>Account team</CardTitle>
      {team.length === 0 ? (
        <Empty>Nobody is on the team.</Empty>
      ) : (
        <Stack gap={8}>
          {team.map((member) => (
            <Group key={member.id} justify="space-between" wrap="nowrap">
              <div>
                <Text size="sm" fw={500}>
                  {member.userName}
                </Text>
                <Text size="xs" c="dimmed">
                  {label(teamRoleLabels, member.role)}
                </Text>
              </div>
              <Text size="xs" c="dimmed">
                since {date(member.startsAt)}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </Card>
  );
}

const practiceLabels: Record<string, string> = {
  customerIntro: 'Customer intro',
  onboarding: 'Onboarding',
  newUserOnboarding: 'New-user onboarding',
  successPlanReview: 'Success plan review',
  roadmap: 'Roadmap',
  content: 'Content',
};

function PracticesCard({ assessment }: { assessment: Assessment }) {
  const tier = assessment.engagementTier;
  return (
    <Card>
      <CardTitle>{tier.name} engagement</CardTitle>
      {tier.practices ? (
        <Stack gap={6}>
          {Object.entries(tier.practices)
            .filter(([, value]) => value)
            .map(([key, value]) => (
              <div key={key}>
                <Text size="xs" c="dimmed">
                  {label(practiceLabels, key)}
                </Text>
                <Text size="sm">{value}</Text>
              </div>
            ))}
        </Stack>
      ) : (
        <Text size="sm">{tier.description ?? 'Digital enablement: no TAM time is budgeted.'}</Text>
      )}
    </Card>
  );
}
