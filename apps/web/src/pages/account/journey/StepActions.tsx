import type { UpdateStepRequest, Workflow, WorkflowStep } from '@liaison/contracts';
import { Button, Group, Modal, Stack } from '@mantine/core';
import {
  IconCheck,
  IconFilePlus,
  IconMessage,
  IconPaperclip,
  IconPlayerPlay,
  IconPlayerSkipForward,
  IconSignature,
  IconUserPlus,
} from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, isConflict } from '../../../api.ts';
import { ConflictNotice } from '../../../components/ConflictNotice.tsx';
import { ErrorNote } from '../../../components/PageState.tsx';
import { useMe } from '../../../hooks.ts';
import {
  artefactKinds,
  fieldValue,
  initialFieldText,
  isAcceptance,
  mayWork,
  namesTam,
} from '../../../journey-format.ts';
import { useAccountMutation } from '../../../mutations.ts';
import { queries } from '../../../queries.ts';
import { ArtefactForm } from './ArtefactForm.tsx';
import { SignOffForm } from './SignOffForm.tsx';
import { StepForm } from './StepForm.tsx';
import { CommentForm, SkipForm } from './StepNotes.tsx';
import { MeetingPicker, TamPicker } from './StepPickers.tsx';

type Panel = 'skip' | 'comment' | 'sign' | 'artefact' | 'tam' | null;

/**
 * What the caller can do on an open step: start it, fill in its form (prefilled suggestions to
 * confirm or correct), name the TAM, link the logged meeting, attach an artefact, sign off,
 * comment, mark it done (a handoff's last step: accept it) or skip it with a reason. A coded
 * refusal is shown as the server words it; a stale version offers a reload.
 */
export function StepActions({ step, workflow }: { step: WorkflowStep; workflow: Workflow }) {
  const me = useMe();
  const queryClient = useQueryClient();
  const account = useQuery(queries.account(step.accountId));
  const [panel, setPanel] = useState<Panel>(null);
  const [draft, setDraft] = useState<Record<string, string>>(() =>
    Object.fromEntries(step.form.map((field) => [field.id, initialFieldText(field)])),
  );
  const [reloading, setReloading] = useState(false);
  const [versionOf, setVersionOf] = useState<string | null>(null);
  const versioned = step.artefacts.find((artefact) => artefact.id === versionOf);
  const accepting = isAcceptance(workflow, step);
  const update = useAccountMutation(
    step.accountId,
    (body: Omit<UpdateStepRequest, 'version'>) =>
      api.journey.updateStep(step.id, { ...body, version: step.version }),
    {
      success: () => (accepting ? 'Handoff accepted: the TAM assignment is effective.' : 'Step saved.'),
    },
  );
  if (!account.data || !mayWork(step, workflow, me, account.data.can.edit)) return null;

  const data = () =>
    step.form.length === 0
      ? undefined
      : Object.fromEntries(
          step.form.map((field) => [field.id, fieldValue(field.kind, draft[field.id] ?? '')]),
        );
  const formData = data();
  const send = (body: Omit<UpdateStepRequest, 'version'>) =>
    update.mutate(body, { onSuccess: () => setPanel(null) });
  const reload = async () => {
    setReloading(true);
    try {
      await queryClient.invalidateQueries({ queryKey: queries.journey(step.accountId).queryKey });
      update.reset();
    } finally {
      setReloading(false);
    }
  };
  // Documents are attached as artefacts; other outputs are recorded elsewhere in Liaison.
  const artefactOutput = !!step.output && (artefactKinds as readonly string[]).includes(step.output.kind);
  const missingSignOffs = step.signOff.roles.filter(
    (role) => !step.signOff.signOffs.some((signOff) => signOff.role === role),
  );

  return (
    <Stack
      gap="xs"
      mt={4}
      p="sm"
      style={{ border: '1px solid var(--app-border)', borderRadius: 8, background: '#fafbfc' }}
      data-testid="step-actions"
    >
      {step.form.length > 0 && (
        <StepForm
          fields={step.form}
          draft={draft}
          onChange={(id, text) => setDraft((current) => ({ ...current, [id]: text }))}
          onSave={() => send({ data: formData ?? {} })}
          saving={update.isPending}
        />
      )}
      {(step.stepId === 'align_tam' || panel === 'tam') && namesTam(workflow, step) && (
        <TamPicker
          current={workflow.context.tam?.userId ?? null}
          onPick={(userId) => send({ data: { tam_user_id: userId } })}
          saving={update.isPending}
        />
      )}
      {step.output?.kind === 'meeting' && (
        <MeetingPicker
          accountId={step.accountId}
          current={step.activityId}
          onPick={(activityId) => send({ activityId })}
          saving={update.isPending}
        />
      )}
      {isConflict(update.error) ? (
        <ConflictNotice
          onReload={reload}
          reloading={reloading}
          message="This step changed after you opened it, so your change was not applied. Reload it, then try again."
        />
      ) : (
        update.error && <ErrorNote error={update.error} />
      )}
      <Group gap="xs">
        {step.state === 'not_started' && (
          <Button
            size="xs"
            variant="default"
            leftSection={<IconPlayerPlay size={14} />}
            loading={update.isPending}
            onClick={() => send({ state: 'in_progress' })}
          >
            Start
          </Button>
        )}
        <Button
          size="xs"
          leftSection={<IconCheck size={14} />}
          loading={update.isPending}
          onClick={() => send({ state: 'done', ...(formData ? { data: formData } : {}) })}
        >
          {accepting ? 'Accept handoff' : 'Mark done'}
        </Button>
        {artefactOutput && (
          <Button
            size="xs"
            variant="default"
            leftSection={<IconPaperclip size={14} />}
            onClick={() => setPanel('artefact')}
          >
            Add artefact
          </Button>
        )}
        {step.artefacts.map((artefact) => (
          <Button
            key={artefact.id}
            size="xs"
            variant="default"
            leftSection={<IconFilePlus size={14} />}
            onClick={() => setVersionOf(artefact.id)}
          >
            New version of {artefact.title}
          </Button>
        ))}
        {missingSignOffs.length > 0 && (
          <Button
            size="xs"
            variant="default"
            leftSection={<IconSignature size={14} />}
            onClick={() => setPanel('sign')}
          >
            Record sign-off
          </Button>
        )}
        {workflow.kind === 'journey' && !workflow.context.tam && (
          // The TAM engaged before the sale can be named on any step of the journey.
          <Button
            size="xs"
            variant="subtle"
            leftSection={<IconUserPlus size={14} />}
            onClick={() => setPanel(panel === 'tam' ? null : 'tam')}
          >
            Name the TAM…
          </Button>
        )}
        <Button
          size="xs"
          variant="subtle"
          leftSection={<IconMessage size={14} />}
          onClick={() => setPanel(panel === 'comment' ? null : 'comment')}
        >
          Comment
        </Button>
        {!accepting && (
          <Button
            size="xs"
            variant="subtle"
            color="gray"
            leftSection={<IconPlayerSkipForward size={14} />}
            onClick={() => setPanel(panel === 'skip' ? null : 'skip')}
          >
            Skip…
          </Button>
        )}
      </Group>
      {panel === 'skip' && (
        <SkipForm
          step={step}
          skipping={update.isPending}
          onSkip={(skipReason) => send({ state: 'skipped', skipReason })}
        />
      )}
      {panel === 'comment' && <CommentForm step={step} onDone={() => setPanel(null)} />}
      <Modal
        opened={panel === 'sign'}
        onClose={() => setPanel(null)}
        title={`Sign off step ${step.stepId}`}
        centered
      >
        {panel === 'sign' && (
          <SignOffForm step={step} roles={missingSignOffs} onDone={() => setPanel(null)} />
        )}
      </Modal>
      <Modal
        opened={versioned !== undefined}
        onClose={() => setVersionOf(null)}
        title={versioned ? `New version of ${versioned.title}` : ''}
        centered
      >
        {versioned && <ArtefactForm step={step} artefact={versioned} onDone={() => setVersionOf(null)} />}
      </Modal>
      <Modal
        opened={panel === 'artefact'}
        onClose={() => setPanel(null)}
        title="Add artefact"
        centered
        size="lg"
      >
        {panel === 'artefact' && <ArtefactForm step={step} onDone={() => setPanel(null)} />}
      </Modal>
    </Stack>
  );
}
