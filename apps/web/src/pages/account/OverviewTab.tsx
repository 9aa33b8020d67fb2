import type { Account, Assessment, PriorityException } from '@liaison/contracts';
import {
  Badge,
  Button,
  Card,
  Grid,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, extra, fieldErrors, isConflict } from '../../api.ts';
import { Dot, HealthBadge, healthColors, StatusBadge } from '../../components/Badges.tsx';
import { HealthTrend, type TrendPoint } from '../../components/Charts.tsx';
import { ConflictNotice } from '../../components/ConflictNotice.tsx';
import { Explain } from '../../components/Explain.tsx';
import { CardTitle } from '../../components/PageHeader.tsx';
import { Empty, ErrorNote } from '../../components/PageState.tsx';
import {
  date,
  dayOf,
  dueText,
  healthLabels,
  humanize,
  label,
  modelLabels,
  money,
  monthlyInstants,
  obligationLabels,
  opportunityStageLabels,
  opportunityTypeLabels,
  relativeDay,
  teamRoleLabels,
} from '../../format.ts';
import { useMe, useUserNames } from '../../hooks.ts';
import { useAccountMutation } from '../../mutations.ts';
import { canApproveProposal, canDecideException } from '../../permissions.ts';
import { queries } from '../../queries.ts';
import type { AccountContext } from './AccountPage.tsx';

export function OverviewTab(context: AccountContext) {
  return (
    <Grid gap="lg">
      <Grid.Col span={8}>
        <Stack gap="lg">
          <ObligationsCard assessment={context.assessment} />
          <HealthCard {...context} />
          <PriorityCard {...context} />
          <OpportunitiesCard accountId={context.account.id} />
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
            from the playbook · {assessment.priority.priority.toUpperCase().replace('PR', 'P')} engagement
            guidelines
          </Text>
        }
      >
        Obligations
      </CardTitle>
      {obligations.length === 0 ? (
        <Empty>No obligations: this account is not managed by a TAM (P3/P4).</Empty>
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
  return (
    <Card>
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
            {health.score !== null && (
              <Text size="xs" fw={600} className="num">
                now {health.score.toFixed(1)}
              </Text>
            )}
          </Group>
          {loading ? <Skeleton h={150} /> : <HealthTrend points={points} />}
        </div>
      </SimpleGrid>
    </Card>
  );
}

function SentimentCard({ account, assessment, canEdit }: AccountContext) {
  const queryClient = useQueryClient();
  const [colour, setColour] = useState<string>(account.sentiment ?? 'green');
  const [reason, setReason] = useState('');
  const [reloading, setReloading] = useState(false);
  const update = useAccountMutation(
    account.id,
    (input: { sentiment: 'green' | 'yellow' | 'red'; sentimentReason: string | null; version: number }) =>
      api.accounts.update(account.id, input),
    { success: 'Sentiment updated: health, priority and obligations recomputed.' },
  );
  const errors = fieldErrors(update.error);
  const reload = async () => {
    setReloading(true);
    await queryClient.refetchQueries({ queryKey: queries.account(account.id).queryKey });
    setReloading(false);
    update.reset();
  };
  return (
    <Card data-testid="sentiment-card">
      <CardTitle
        right={
          <Text size="xs" c="dimmed">
            75% of health
          </Text>
        }
      >
        TAM sentiment
      </CardTitle>
      <Group gap={8} mb={4}>
        <Dot color={healthColors[account.sentiment ?? 'none']!} size={10} />
        <Text fw={600} data-testid="current-sentiment">
          {account.sentiment ? label(healthLabels, account.sentiment) : 'Not set'}
        </Text>
        {account.sentimentSetAt && (
          <Text size="xs" c={assessment.health.stale ? 'orange.8' : 'dimmed'}>
            set {date(account.sentimentSetAt)} ({relativeDay(account.sentimentSetAt)})
          </Text>
        )}
      </Group>
      {account.sentimentReason && (
        <Text size="sm" c="dark.4" mb="sm">
          “{account.sentimentReason}”
        </Text>
      )}
      {canEdit && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            update.mutate(
              {
                sentiment: colour as 'green' | 'yellow' | 'red',
                sentimentReason: reason.trim() || null,
                version: account.version,
              },
              { onSuccess: () => setReason('') },
            );
          }}
        >
          <Stack gap="xs" mt="sm" pt="sm" style={{ borderTop: '1px solid var(--app-border)' }}>
            <SegmentedControl
              aria-label="New sentiment"
              fullWidth
              size="xs"
              value={colour}
              onChange={setColour}
              data={[
                { value: 'green', label: 'Green' },
                { value: 'yellow', label: 'Yellow' },
                { value: 'red', label: 'Red' },
              ]}
              color={colour === 'green' ? 'teal' : colour === 'yellow' ? 'yellow' : 'red'}
            />
            <Textarea
              label="Why"
              placeholder="What changed? (shown to the account team)"
              autosize
              minRows={2}
              size="xs"
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
              error={errors.sentimentReason}
            />
            {isConflict(update.error) ? (
              <ConflictNotice onReload={reload} reloading={reloading} />
            ) : (
              update.error && <ErrorNote error={update.error} />
            )}
            <Group justify="flex-end">
              <Button type="submit" size="xs" loading={update.isPending}>
                Update sentiment
              </Button>
            </Group>
          </Stack>
        </form>
      )}
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

function SuccessPlanCard({ account, canEdit }: AccountContext) {
  const plan = useQuery(queries.successPlan(account.id));
  const [title, setTitle] = useState('');
  const create = useAccountMutation(account.id, () => extra.putSuccessPlan(account.id, { status: 'draft' }), {
    success: 'Success plan started.',
    notifyErrors: true,
  });
  const add = useAccountMutation(
    account.id,
    (text: string) => extra.addObjective(account.id, { title: text }),
    {
      notifyErrors: true,
    },
  );
  const setStatus = useAccountMutation(
    account.id,
    (input: { id: string; status: string; version: number }) =>
      extra.updateObjective(input.id, { status: input.status, version: input.version }),
    { notifyErrors: true },
  );
  const activate = useAccountMutation(
    account.id,
    (version: number) => extra.putSuccessPlan(account.id, { status: 'active', version }),
    { success: 'Success plan is active.', notifyErrors: true },
  );
  return (
    <Card>
      <CardTitle right={plan.data && <Badge variant="light">{humanize(plan.data.status)}</Badge>}>
        Success plan
      </CardTitle>
      {plan.isPending ? (
        <Skeleton h={60} />
      ) : !plan.data ? (
        <Stack gap="xs">
          <Empty>No success plan yet.</Empty>
          {canEdit && (
            <Button
              size="xs"
              variant="light"
              onClick={() => create.mutate(undefined)}
              loading={create.isPending}
            >
              Start a success plan
            </Button>
          )}
        </Stack>
      ) : (
        <Stack gap={6}>
          {plan.data.objectives.length === 0 && <Empty>No objectives captured.</Empty>}
          {plan.data.objectives.map((objective) => (
            <Group key={objective.id} gap={8} wrap="nowrap" justify="space-between">
              <Group gap={8} wrap="nowrap" style={{ minWidth: 0 }}>
                <Dot color={healthColors[objective.status]!} />
                <Text size="sm" truncate>
                  {objective.title}
                </Text>
              </Group>
              {canEdit && (
                <Select
                  aria-label={`Status of ${objective.title}`}
                  size="xs"
                  w={116}
                  data={['green', 'yellow', 'red'].map((value) => ({
                    value,
                    label: label(healthLabels, value),
                  }))}
                  value={objective.status}
                  onChange={(value) =>
                    value && setStatus.mutate({ id: objective.id, status: value, version: objective.version })
                  }
                />
              )}
            </Group>
          ))}
          {canEdit && (
            <form
              onSubmit={(event) => {
                event.preventDefault();
                if (title.trim()) add.mutate(title.trim(), { onSuccess: () => setTitle('') });
              }}
            >
              <Group gap={6} mt={6} wrap="nowrap">
                <TextInput
                  aria-label="New objective"
                  placeholder="Add an objective…"
                  size="xs"
                  style={{ flex: 1 }}
                  value={title}
                  onChange={(event) => setTitle(event.currentTarget.value)}
                />
                <Button
                  type="submit"
                  size="xs"
                  variant="default"
                  loading={add.isPending}
                  aria-label="Add objective"
                >
                  <IconPlus size={14} />
                </Button>
              </Group>
            </form>
          )}
          {canEdit && plan.data.status === 'draft' && (
            <Button
              size="xs"
              variant="subtle"
              onClick={() => activate.mutate(plan.data!.version)}
              loading={activate.isPending}
            >
              Mark the plan active
            </Button>
          )}
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

function OpportunitiesCard({ accountId }: { accountId: string }) {
  const opportunities = useQuery(queries.opportunities(accountId));
  const rows = [...(opportunities.data ?? [])].sort((left, right) =>
    right.closeDate.localeCompare(left.closeDate),
  );
  return (
    <Card>
      <CardTitle>Opportunities</CardTitle>
      {opportunities.isPending ? (
        <Skeleton h={60} />
      ) : rows.length === 0 ? (
        <Empty>No opportunities.</Empty>
      ) : (
        <Table aria-label="Opportunities">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Opportunity</Table.Th>
              <Table.Th>Type</Table.Th>
              <Table.Th>Stage</Table.Th>
              <Table.Th ta="right">Amount</Table.Th>
              <Table.Th>Close</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((opportunity) => (
              <Table.Tr key={opportunity.id}>
                <Table.Td>{opportunity.name}</Table.Td>
                <Table.Td>{label(opportunityTypeLabels, opportunity.type)}</Table.Td>
                <Table.Td>
                  <Badge
                    size="sm"
                    variant="light"
                    color={
                      opportunity.stage === 'closed_won'
                        ? 'teal'
                        : opportunity.stage === 'closed_lost'
                          ? 'gray'
                          : 'brand'
                    }
                  >
                    {label(opportunityStageLabels, opportunity.stage)}
                  </Badge>
                </Table.Td>
                <Table.Td ta="right" className="num">
                  {money(opportunity.amount)}
                </Table.Td>
                <Table.Td className="num">{date(opportunity.closeDate)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

function PriorityCard({ account, assessment, canEdit }: AccountContext) {
  const me = useMe();
  const userName = useUserNames();
  const model = assessment.priority.model;
  const initiatives = useQuery({
    ...queries.initiatives(account.id),
    enabled: model === 'us_enterprise' || !!model,
  });
  const exceptions = useQuery(queries.priorityExceptions(account.id));
  const emea = model === 'emea_enterprise';
  const parameters = useQuery({ ...queries.emeaParameters(account.id), enabled: emea });
  const proposal = useQuery({ ...queries.priorityProposal(account.id), enabled: emea });
  const decider = canDecideException(me, account.team);
  return (
    <Card>
      <CardTitle
        right={
          <Text size="xs" c="dimmed">
            {model ? `${label(modelLabels, model)} model` : 'not TAM-managed'}
          </Text>
        }
      >
        Priority inputs and exceptions
      </CardTitle>
      <Stack gap="md">
        {model && (
          <div>
            <Text className="section-title" mb={4}>
              Initiatives needing TAM time
            </Text>
            {(initiatives.data ?? []).length === 0 ? (
              <Empty>No stage adoption or infrastructure change recorded.</Empty>
            ) : (
              <Table verticalSpacing={4}>
                <Table.Tbody>
                  {initiatives.data!.map((initiative) => (
                    <Table.Tr key={initiative.id}>
                      <Table.Td>
                        <Badge size="xs" variant="default">
                          {humanize(initiative.kind)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{initiative.description}</Table.Td>
                      <Table.Td className="num">
                        {date(initiative.startsOn)} – {initiative.endsOn ? date(initiative.endsOn) : 'open'}
                      </Table.Td>
                      <Table.Td ta="right" className="num">
                        {initiative.hoursPerWeek} h/week
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            {canEdit && <InitiativeForm accountId={account.id} />}
          </div>
        )}
        {emea && (
          <div>
            <Text className="section-title" mb={4}>
              EMEA parameters and proposal
            </Text>
            {(parameters.data ?? []).map((parameter) => (
              <Text size="sm" key={parameter.id}>
                {humanize(parameter.parameter)} · {date(parameter.startsOn)} –{' '}
                {parameter.endsOn ? date(parameter.endsOn) : 'open'}
                {parameter.note ? ` · ${parameter.note}` : ''}
              </Text>
            ))}
            {(parameters.data ?? []).length === 0 && <Empty>No parameter recorded.</Empty>}
            <ProposalBlock
              accountId={account.id}
              proposal={proposal.data ?? null}
              canEdit={canEdit}
              canApprove={canApproveProposal(me)}
            />
          </div>
        )}
        <div>
          <Text className="section-title" mb={4}>
            Exceptions
          </Text>
          {(exceptions.data ?? []).length === 0 ? (
            <Empty>No exception requested.</Empty>
          ) : (
            <Table verticalSpacing={5} aria-label="Priority exceptions">
              <Table.Tbody>
                {exceptions.data!.map((exception) => (
                  <ExceptionRow
                    key={exception.id}
                    accountId={account.id}
                    exception={exception}
                    canDecide={decider}
                    userName={userName}
                  />
                ))}
              </Table.Tbody>
            </Table>
          )}
          {canEdit && <ExceptionForm accountId={account.id} />}
        </div>
      </Stack>
    </Card>
  );
}

function ExceptionRow({
  accountId,
  exception,
  canDecide,
  userName,
}: {
  accountId: string;
  exception: PriorityException;
  canDecide: boolean;
  userName: (id: string | null) => string;
}) {
  const decide = useAccountMutation(
    accountId,
    (decision: 'approve' | 'reject') => extra.decideException(exception.id, decision, exception.version),
    { success: (result) => `Exception ${result.status}.`, notifyErrors: true },
  );
  const color =
    exception.status === 'approved' ? 'teal' : exception.status === 'rejected' ? 'gray' : 'orange';
  return (
    <Table.Tr>
      <Table.Td w={60}>
        <Badge size="sm" variant="outline">
          {exception.kind.toUpperCase()}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{exception.reason}</Text>
        <Text size="xs" c="dimmed">
          requested by {userName(exception.requestedBy)} on {date(exception.requestedAt)}
          {exception.approvedBy ? ` · decided by ${userName(exception.approvedBy)}` : ''}
          {exception.expiresAt ? ` · expires ${date(exception.expiresAt)}` : ''}
        </Text>
      </Table.Td>
      <Table.Td w={190} ta="right">
        {exception.status === 'requested' && canDecide ? (
          <Group gap={6} justify="flex-end" wrap="nowrap">
            <Button
              size="xs"
              color="teal"
              onClick={() => decide.mutate('approve')}
              loading={decide.isPending}
            >
              Approve
            </Button>
            <Button
              size="xs"
              variant="default"
              onClick={() => decide.mutate('reject')}
              disabled={decide.isPending}
            >
              Reject
            </Button>
          </Group>
        ) : (
          <Badge color={color} variant="light">
            {humanize(exception.status)}
          </Badge>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function ExceptionForm({ accountId }: { accountId: string }) {
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState('p1');
  const [reason, setReason] = useState('');
  const request = useAccountMutation(
    accountId,
    (input: { kind: string; reason: string }) => extra.requestException(accountId, input),
    { success: 'Exception requested: it counts once approved.' },
  );
  const errors = fieldErrors(request.error);
  if (!open)
    return (
      <Button
        size="xs"
        variant="subtle"
        leftSection={<IconPlus size={14} />}
        mt={4}
        onClick={() => setOpen(true)}
      >
        Request an exception
      </Button>
    );
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        request.mutate(
          { kind, reason },
          {
            onSuccess: () => {
              setReason('');
              setOpen(false);
            },
          },
        );
      }}
    >
      <Group align="flex-start" gap="xs" mt="xs" wrap="nowrap">
        <Select
          label="Kind"
          size="xs"
          w={140}
          data={[
            { value: 'p1', label: 'P1 exception' },
            { value: 'p2', label: 'P2 exception' },
          ]}
          value={kind}
          onChange={(value) => setKind(value ?? 'p1')}
        />
        <TextInput
          label="Reason"
          size="xs"
          style={{ flex: 1 }}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={errors.reason}
          placeholder="Why this account needs a different priority"
        />
        <Group gap={6} mt={22} wrap="nowrap">
          <Button type="submit" size="xs" loading={request.isPending}>
            Request
          </Button>
          <Button size="xs" variant="default" onClick={() => setOpen(false)}>
            Cancel
          </Button>
        </Group>
      </Group>
      {request.error && !errors.reason && <ErrorNote error={request.error} />}
    </form>
  );
}

function InitiativeForm({ accountId }: { accountId: string }) {
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState({
    kind: 'stage_adoption',
    description: '',
    startsOn: dayOf(new Date()),
    endsOn: '',
    hoursPerWeek: 3 as number | string,
  });
  const create = useAccountMutation(
    accountId,
    () =>
      extra.createInitiative(accountId, {
        kind: values.kind,
        description: values.description,
        startsOn: values.startsOn,
        endsOn: values.endsOn || null,
        hoursPerWeek: Number(values.hoursPerWeek),
      }),
    { success: 'Initiative recorded.' },
  );
  const errors = fieldErrors(create.error);
  if (!open)
    return (
      <Button
        size="xs"
        variant="subtle"
        leftSection={<IconPlus size={14} />}
        mt={4}
        onClick={() => setOpen(true)}
      >
        Record an initiative
      </Button>
    );
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate(undefined, { onSuccess: () => setOpen(false) });
      }}
    >
      <Group align="flex-start" gap="xs" mt="xs" wrap="wrap">
        <Select
          label="Kind"
          size="xs"
          w={170}
          data={[
            { value: 'stage_adoption', label: 'Stage adoption' },
            { value: 'infrastructure_change', label: 'Infrastructure change' },
          ]}
          value={values.kind}
          onChange={(kind) => setValues({ ...values, kind: kind ?? 'stage_adoption' })}
        />
        <TextInput
          label="Description"
          size="xs"
          style={{ flex: 1, minWidth: 200 }}
          value={values.description}
          onChange={(event) => setValues({ ...values, description: event.currentTarget.value })}
          error={errors.description}
        />
        <TextInput
          label="Starts"
          type="date"
          size="xs"
          value={values.startsOn}
          onChange={(event) => setValues({ ...values, startsOn: event.currentTarget.value })}
          error={errors.startsOn}
        />
        <TextInput
          label="Ends"
          type="date"
          size="xs"
          value={values.endsOn}
          onChange={(event) => setValues({ ...values, endsOn: event.currentTarget.value })}
          error={errors.endsOn}
        />
        <NumberInput
          label="Hours/week"
          size="xs"
          w={90}
          min={0}
          max={80}
          value={values.hoursPerWeek}
          onChange={(hours) => setValues({ ...values, hoursPerWeek: hours })}
          error={errors.hoursPerWeek}
        />
        <Group gap={6} mt={22}>
          <Button type="submit" size="xs" loading={create.isPending}>
            Save
          </Button>
          <Button size="xs" variant="default" onClick={() => setOpen(false)}>
            Cancel
          </Button>
        </Group>
      </Group>
      {create.error && Object.keys(errors).length === 0 && <ErrorNote error={create.error} />}
    </form>
  );
}

function ProposalBlock({
  accountId,
  proposal,
  canEdit,
  canApprove,
}: {
  accountId: string;
  proposal: Awaited<ReturnType<typeof extra.priorityProposal>>;
  canEdit: boolean;
  canApprove: boolean;
}) {
  const userName = useUserNames();
  const [priority, setPriority] = useState('pr1');
  const [reason, setReason] = useState('');
  const propose = useAccountMutation(
    accountId,
    () => extra.proposePriority(accountId, { priority, reason: reason.trim() || null }),
    { success: 'Priority proposed: a TAM manager approves it.', notifyErrors: true },
  );
  const approve = useAccountMutation(
    accountId,
    (version: number) => extra.approveProposal(accountId, version),
    {
      success: 'Proposal approved.',
      notifyErrors: true,
    },
  );
  return (
    <Stack gap={6} mt="xs">
      {proposal ? (
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm">
            Proposed <b>{proposal.priority.toUpperCase().replace('PR', 'P')}</b> by{' '}
            {userName(proposal.proposedBy)} on {date(proposal.proposedAt)}
            {proposal.reason ? ` — ${proposal.reason}` : ''}
          </Text>
          {proposal.approvedAt ? (
            <Badge color="teal" variant="light">
              Approved by {userName(proposal.approvedBy)}
            </Badge>
          ) : canApprove ? (
            <Button
              size="xs"
              color="teal"
              onClick={() => approve.mutate(proposal.version)}
              loading={approve.isPending}
            >
              Approve
            </Button>
          ) : (
            <Badge color="orange" variant="light">
              Awaiting approval
            </Badge>
          )}
        </Group>
      ) : (
        <Empty>No priority proposal yet.</Empty>
      )}
      {canEdit && (
        <Group gap="xs" wrap="nowrap">
          <Select
            aria-label="Proposed priority"
            size="xs"
            w={80}
            data={[
              { value: 'pr1', label: 'P1' },
              { value: 'pr2', label: 'P2' },
            ]}
            value={priority}
            onChange={(value) => setPriority(value ?? 'pr1')}
          />
          <TextInput
            aria-label="Reason for the proposal"
            placeholder="Reason"
            size="xs"
            style={{ flex: 1 }}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
          />
          <Button
            size="xs"
            variant="light"
            onClick={() => propose.mutate(undefined)}
            loading={propose.isPending}
          >
            Propose
          </Button>
        </Group>
      )}
    </Stack>
  );
}
