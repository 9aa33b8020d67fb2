import type { WorkflowStep } from '@liaison/contracts';
import { Button, Group, Textarea } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../../api.ts';
import { ErrorNote } from '../../../components/PageState.tsx';
import { useAccountMutation } from '../../../mutations.ts';

/** Why a step is skipped: the server refuses a skip without a reason, so the form asks first. */
export function SkipForm({
  step,
  onSkip,
  skipping,
}: {
  step: WorkflowStep;
  onSkip: (reason: string) => void;
  skipping: boolean;
}) {
  const [reason, setReason] = useState('');
  return (
    <form
      aria-label={`Skip step ${step.stepId}`}
      onSubmit={(event) => {
        event.preventDefault();
        onSkip(reason.trim());
      }}
    >
      <Group align="flex-end" gap="xs">
        <Textarea
          label="Why is it skipped?"
          required
          autosize
          minRows={1}
          style={{ flex: 1 }}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
        />
        <Button type="submit" size="xs" color="gray" disabled={reason.trim() === ''} loading={skipping}>
          Skip step
        </Button>
      </Group>
    </form>
  );
}

/** A comment on the step, kept with it (and in the account's history). */
export function CommentForm({ step, onDone }: { step: WorkflowStep; onDone: () => void }) {
  const [comment, setComment] = useState('');
  const add = useAccountMutation(step.accountId, (body: string) => api.journey.comment(step.id, { body }), {
    success: 'Comment added.',
  });
  return (
    <form
      aria-label={`Comment on step ${step.stepId}`}
      onSubmit={(event) => {
        event.preventDefault();
        add.mutate(comment.trim(), { onSuccess: onDone });
      }}
    >
      <Group align="flex-end" gap="xs">
        <Textarea
          label="Comment"
          autosize
          minRows={1}
          style={{ flex: 1 }}
          value={comment}
          onChange={(event) => setComment(event.currentTarget.value)}
        />
        <Button type="submit" size="xs" disabled={comment.trim() === ''} loading={add.isPending}>
          Add comment
        </Button>
      </Group>
      {add.error && <ErrorNote error={add.error} />}
    </form>
  );
}
