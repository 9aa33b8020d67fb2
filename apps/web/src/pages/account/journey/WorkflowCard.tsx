import type { Workflow } from '@liaison/contracts';
import { Badge, Box, Card, Group, Progress, Stack, Text, Timeline } from '@mantine/core';
import { IconCheck, IconPlayerSkipForward } from '@tabler/icons-react';
import { date, label, opportunityStageLabels } from '../../../format.ts';
import {
  disengagementReasonLabels,
  overlapTriggerLabels,
  stateColour,
  workflowStatusLabels,
} from '../../../journey-format.ts';
import { CancelWorkflow } from './CancelWorkflow.tsx';
import { StepItem } from './StepItem.tsx';
import { SummaryButton } from './SummaryView.tsx';

/** One workflow: what it is for, its progress, and its steps as a timeline. */
export function WorkflowCard({
  workflow,
  readOnly,
  flat = false,
}: {
  workflow: Workflow;
  readOnly: boolean;
  /** Inside the finished list: no card of its own. */
  flat?: boolean;
}) {
  const { settled, total, current } = workflow.progress;
  const reason = workflow.context.reason;
  const facts = [
    `Started ${date(workflow.startedAt)} by ${workflow.startedBy}`,
    workflow.context.tam ? `TAM: ${workflow.context.tam.name}` : null,
    reason
      ? `${workflow.kind === 'sa_overlap' ? 'Trigger' : 'Reason'}: ${label(
          workflow.kind === 'sa_overlap' ? overlapTriggerLabels : disengagementReasonLabels,
          reason,
        )}`
      : null,
    workflow.furthestStage ? `Opportunity: ${label(opportunityStageLabels, workflow.furthestStage)}` : null,
  ].filter(Boolean);
  const body = (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={2}>
          <Group gap="sm">
            <Text fw={700} size="md">
              {workflow.name}
            </Text>
            <Badge size="sm" variant="light" color={workflow.status === 'active' ? 'brand' : 'gray'}>
              {label(workflowStatusLabels, workflow.status)}
            </Badge>
          </Group>
          <Text size="xs" c="dimmed">
            {facts.join(' · ')}
          </Text>
          {workflow.context.note && (
            <Text size="xs" c="dimmed" fs="italic">
              “{workflow.context.note}”
            </Text>
          )}
          {workflow.cancelReason && (
            <Text size="xs" c="dimmed">
              Cancelled: {workflow.cancelReason}
            </Text>
          )}
        </Stack>
        <Stack gap={4} w={240} style={{ flex: 'none' }}>
          <Text size="xs" fw={600} className="num" data-testid="progress">
            {settled} of {total} settled
          </Text>
          <Progress
            value={total ? (settled / total) * 100 : 0}
            size="sm"
            aria-label={`${workflow.name} progress`}
          />
          {current && (
            <Text size="xs" c="dimmed" lineClamp={2} title={current}>
              {/* The journey's steps are numbered; the other workflows' ids are names, not shown. */}
              Now: {/^\d+\./.test(current) ? `step ${current}` : current.slice(current.indexOf('. ') + 2)}
            </Text>
          )}
          {workflow.kind === 'disengagement' && <SummaryButton workflow={workflow} />}
          {!readOnly && workflow.status === 'active' && <CancelWorkflow workflow={workflow} />}
        </Stack>
      </Group>
      {workflow.gateOverrides.map((override) => (
        <Text key={override.at} size="xs" c="orange.8" data-testid="gate-override">
          Moved to {label(opportunityStageLabels, override.stage)} without step {override.steps.join(', ')} (
          {date(override.at)}, {override.by}): “{override.reason}”
        </Text>
      ))}
      <Timeline bulletSize={22} lineWidth={2} active={-1}>
        {workflow.steps.map((step) => (
          <Timeline.Item
            key={step.id}
            bullet={<Bullet state={step.state} />}
            color={stateColour(step)}
            lineVariant={step.state === 'done' || step.state === 'skipped' ? 'solid' : 'dashed'}
            styles={{ itemBullet: { borderColor: `var(--mantine-color-${stateColour(step)}-5)` } }}
          >
            <StepItem step={step} workflow={workflow} readOnly={readOnly || workflow.status !== 'active'} />
          </Timeline.Item>
        ))}
      </Timeline>
    </Stack>
  );
  if (flat) return <Box data-testid={`finished-${workflow.kind}`}>{body}</Box>;
  return (
    <Card data-testid={`workflow-${workflow.kind}`} aria-label={workflow.name}>
      {body}
    </Card>
  );
}

function Bullet({ state }: { state: string }) {
  if (state === 'done') return <IconCheck size={13} />;
  if (state === 'skipped') return <IconPlayerSkipForward size={12} />;
  return null;
}
