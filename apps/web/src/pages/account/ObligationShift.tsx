import type { Assessment } from '@liaison/contracts';
import { Alert, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { date, label, obligationLabels } from '../../format.ts';

/** Unmet obligations by kind → due date: what a write to the timeline can move. */
type DueSnapshot = Record<string, string>;

const dueSnapshot = (assessment: Assessment): DueSnapshot =>
  Object.fromEntries(
    assessment.obligations.filter((item) => !item.fulfilled).map((item) => [item.kind, item.dueDate]),
  );

/**
 * Logging, editing or deleting an activity can move obligations (a cadence call restarts the
 * cadence clock; deleting it brings the old due date back). The TAM sees what moved.
 */
export function useObligationShift(assessment: Assessment) {
  const [result, setResult] = useState<{ title: string; before: DueSnapshot } | null>(null);
  return {
    result,
    dismiss: () => setResult(null),
    /** Call before the write; call what it returns once the write is saved. */
    track: (title: string) => {
      const before = dueSnapshot(assessment);
      return () => setResult({ title, before });
    },
  };
}

export function ObligationShift({
  assessment,
  shift,
}: {
  assessment: Assessment;
  shift: ReturnType<typeof useObligationShift>;
}) {
  if (!shift.result) return null;
  const { title, before } = shift.result;
  // Computed against the live assessment: it is refetched right after the write.
  const after = dueSnapshot(assessment);
  const changes = Object.keys({ ...before, ...after })
    .filter((key) => before[key] !== after[key])
    .map((key) => ({ kind: key, from: before[key], to: after[key] }));
  return (
    <Alert
      color="teal"
      variant="light"
      title={title}
      data-testid="log-result"
      withCloseButton
      onClose={shift.dismiss}
    >
      {changes.length === 0 ? (
        <Text size="sm">No obligation moved.</Text>
      ) : (
        <Stack gap={2}>
          {changes.map((change) => (
            <Text size="sm" key={change.kind}>
              {label(obligationLabels, change.kind)}: {change.from ? date(change.from) : 'new'} →{' '}
              <b>{change.to ? date(change.to) : 'met'}</b>
            </Text>
          ))}
        </Stack>
      )}
    </Alert>
  );
}
