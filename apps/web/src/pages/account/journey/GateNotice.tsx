import { Alert, Button, Group, List, Stack, Text, Textarea } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import type { GateRefusal } from '../../../journey-format.ts';

/**
 * The journey's gate refused a stage move (GATE_BLOCKED): the steps whose required outputs are
 * missing. When the playbook's gates ask for a reason, the move can go through with one (kept
 * on the journey); when they block, it cannot until the outputs exist or the steps are skipped.
 */
export function GateNotice({
  gate,
  onRetry,
  retrying,
}: {
  gate: GateRefusal;
  onRetry: (reason: string) => void;
  retrying: boolean;
}) {
  const [reason, setReason] = useState('');
  return (
    <Alert
      color={gate.asksReason ? 'orange' : 'red'}
      variant="light"
      icon={<IconLock size={18} />}
      title={gate.asksReason ? 'The journey has steps left behind' : 'The journey blocks this stage'}
      data-testid="gate-refusal"
      role="alert"
    >
      <Stack gap="xs">
        <Text size="sm">Required outputs are missing:</Text>
        <List size="sm" spacing={2}>
          {gate.problems.map((problem) => (
            <List.Item key={problem}>{problem}</List.Item>
          ))}
        </List>
        {gate.asksReason ? (
          <>
            <Textarea
              label="Why move on anyway?"
              description="Kept on the journey with the steps it skips past."
              autosize
              minRows={2}
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
            />
            <Group justify="flex-end">
              <Button
                size="xs"
                color="orange"
                disabled={reason.trim() === ''}
                loading={retrying}
                onClick={() => onRetry(reason.trim())}
              >
                Move on with this reason
              </Button>
            </Group>
          </>
        ) : (
          <Text size="sm">
            The playbook’s gates block moves past missing outputs. Produce them on the Journey tab, or skip
            their steps there with a reason, then move the stage.
          </Text>
        )}
      </Stack>
    </Alert>
  );
}
