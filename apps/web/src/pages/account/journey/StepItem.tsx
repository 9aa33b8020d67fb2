import type { Workflow, WorkflowStep } from '@liaison/contracts';
import { Badge, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconCircleCheck, IconCircleDashed } from '@tabler/icons-react';
import { date, dueText, label, opportunityStageLabels, stageLabels } from '../../../format.ts';
import {
  isActionable,
  outputKindLabels,
  raciRoleLabels,
  stateColour,
  stepStateLabels,
} from '../../../journey-format.ts';
import { RaciChips } from './RaciChips.tsx';
import { StepActions } from './StepActions.tsx';
import { StepOutputs } from './StepOutputs.tsx';

/**
 * One step on the timeline: the activity and its state, due date, who is responsible (RACI),
 * the stages it belongs to, the output it must produce, its sign-offs, artefacts and comments;
 * the actions when it is open and the caller may work on it.
 */
export function StepItem({
  step,
  workflow,
  readOnly,
}: {
  step: WorkflowStep;
  workflow: Workflow;
  readOnly: boolean;
}) {
  const actionable = isActionable(step);
  const waiting = !step.open && step.state === 'not_started';
  return (
    <Stack
      gap={6}
      data-testid={`step-${step.stepId}`}
      data-state={step.state}
      data-open={step.open}
      aria-label={`Step ${step.stepId}: ${step.activity}`}
      role="group"
      style={{ opacity: waiting ? 0.72 : 1 }}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
        <Text size="sm" fw={actionable ? 600 : 500}>
          {workflow.kind === 'journey' && (
            <Text span c="dimmed" fw={600} mr={6} className="num">
              {step.stepId}.
            </Text>
          )}
          {step.activity}
        </Text>
        <Group gap={6} wrap="nowrap" style={{ flex: 'none' }}>
          {step.dueOn && actionable && (
            <Text size="xs" c={step.overdue ? 'red.7' : 'dimmed'} fw={step.overdue ? 600 : 400}>
              {step.overdue ? dueText(step.dueOn) : `due ${date(step.dueOn, false)}`}
            </Text>
          )}
          <Badge
            size="sm"
            variant={step.overdue && actionable ? 'filled' : 'light'}
            color={stateColour(step)}
            data-testid="step-state"
          >
            {step.overdue && actionable
              ? 'Overdue'
              : waiting
                ? 'Waiting'
                : step.state === 'not_started'
                  ? 'Open'
                  : label(stepStateLabels, step.state)}
          </Badge>
        </Group>
      </Group>
      <RaciChips step={step} />
      <Group gap="md" wrap="wrap">
        {(step.relationshipStage || step.opportunityStage) && (
          <Text size="xs" c="dimmed">
            {[
              step.relationshipStage && label(stageLabels, step.relationshipStage),
              step.opportunityStage && label(opportunityStageLabels, step.opportunityStage),
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        )}
        {step.output && <OutputNote output={step.output} />}
        {step.signOff.roles.length > 0 && (
          <Text size="xs" c={step.signOff.complete ? 'teal.7' : 'dimmed'} data-testid="sign-off-status">
            Sign-off:{' '}
            {step.signOff.roles
              .map((role) => {
                const signed = step.signOff.signOffs.find((signOff) => signOff.role === role);
                const roleLabel = label(raciRoleLabels, role);
                return signed ? `${roleLabel} ✓ ${signed.signer.name}` : `${roleLabel} (missing)`;
              })
              .join(', ')}
          </Text>
        )}
        {waiting && (
          <Text size="xs" c="dimmed">
            Starts {step.startsWhen}
          </Text>
        )}
        {step.completedAt && (
          <Text size="xs" c="dimmed">
            {step.state === 'skipped' ? 'Skipped' : 'Done'} {date(step.completedAt)}
          </Text>
        )}
      </Group>
      {step.skipReason && (
        <Text size="xs" c="dimmed">
          Skipped because: {step.skipReason}
        </Text>
      )}
      <StepOutputs step={step} />
      {!readOnly && actionable && <StepActions step={step} workflow={workflow} />}
    </Stack>
  );
}

function OutputNote({ output }: { output: NonNullable<WorkflowStep['output']> }) {
  const Icon = output.present ? IconCircleCheck : IconCircleDashed;
  return (
    <Tooltip label={output.description ?? label(outputKindLabels, output.kind)} multiline maw={360} withArrow>
      <Group gap={4} wrap="nowrap" data-testid="step-output" data-present={output.present}>
        <Icon
          size={14}
          color={output.present ? 'var(--mantine-color-teal-6)' : 'var(--mantine-color-gray-5)'}
          aria-hidden
        />
        <Text size="xs" c={output.present ? 'teal.8' : output.required ? 'dark.4' : 'dimmed'}>
          Output: {label(outputKindLabels, output.kind)}
          {output.required ? ' (required)' : ' (optional)'}
          {output.present ? ' — present' : ' — missing'}
        </Text>
      </Group>
    </Tooltip>
  );
}
