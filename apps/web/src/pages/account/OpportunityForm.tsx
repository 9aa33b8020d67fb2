import type { Account, Opportunity } from '@liaison/contracts';
import { Alert, Box, Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, fieldErrors, isConflict } from '../../api.ts';
import { ConflictNotice } from '../../components/ConflictNotice.tsx';
import { ErrorNote } from '../../components/PageState.tsx';
import {
  dayOf,
  label,
  opportunityStageLabels,
  opportunityTypeLabels,
  options,
  stageLabels,
} from '../../format.ts';
import { gateRefusal } from '../../journey-format.ts';
import { useAccountMutation } from '../../mutations.ts';
import { queries } from '../../queries.ts';
import { FieldInput } from './FieldControls.tsx';
import { GateNotice } from './journey/GateNotice.tsx';
import { type Draft, type FieldSpec, fromDraftValue, same, toDraftValue } from './profile-fields.ts';

/** What the contracts let a person edit; `externalIds` belong to the CRM sync, not to this form. */
const FIELDS: FieldSpec[] = [
  { key: 'name', label: 'Name', kind: 'text', wide: true },
  { key: 'type', label: 'Type', kind: 'select', options: options(opportunityTypeLabels) },
  { key: 'stage', label: 'Stage', kind: 'select', options: options(opportunityStageLabels) },
  { key: 'amount', label: 'Amount (ARR change, USD)', kind: 'money', help: 'Negative for a contraction' },
  { key: 'closeDate', label: 'Close date', kind: 'date' },
];
/** Without these the server refuses an opportunity; they are sent even when empty so it says why. */
const REQUIRED = new Set(['name', 'type', 'closeDate']);

const blank = (): Draft => ({
  name: '',
  type: 'growth',
  stage: 'discovery',
  amount: '',
  closeDate: dayOf(new Date(Date.now() + 90 * 86_400_000)),
});
const draftOf = (opportunity: Opportunity): Draft =>
  Object.fromEntries(
    FIELDS.map((field) => [field.key, toDraftValue(field, opportunity[field.key as never])]),
  );

/**
 * Creates or edits one opportunity. An edit sends only the fields the user changed, with the
 * version it read; a 400 puts each message under its field; a 409 keeps the draft and offers
 * the latest version, after which untouched fields take the other person's values.
 */
export function OpportunityForm({
  account,
  opportunity,
  onDone,
}: {
  account: Account;
  opportunity: Opportunity | null;
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const [original, setOriginal] = useState<Draft>(opportunity ? draftOf(opportunity) : blank());
  const [draft, setDraft] = useState<Draft>(original);
  const [version, setVersion] = useState(opportunity?.version ?? 1);
  const [latest, setLatest] = useState<Draft | null>(null);
  const [reloading, setReloading] = useState(false);
  // The server makes a lead or an opportunity a customer when it wins its first deal
  // (docs/glossary.md, Relationship stage).
  const winsCustomer =
    draft.stage === 'closed_won' &&
    original.stage !== 'closed_won' &&
    ['lead', 'opportunity'].includes(account.relationshipStage);
  const save = useAccountMutation(
    account.id,
    (body: Record<string, unknown>) =>
      opportunity
        ? api.opportunities.update(opportunity.id, body)
        : api.opportunities.create(account.id, body as never),
    {
      success: (saved) =>
        winsCustomer
          ? `${saved.name} closed won: ${account.name} is now a customer.`
          : `${saved.name} ${opportunity ? 'saved' : 'added'}.`,
    },
  );
  // A stage move the journey's gate refused is not a field error: it gets its own panel.
  const gate = gateRefusal(save.error);
  const errors = gate ? {} : fieldErrors(save.error);

  const submit = (gateReason?: string) => {
    const body: Record<string, unknown> = {};
    for (const field of FIELDS) {
      const value = draft[field.key]!;
      if (opportunity && same(value, original[field.key])) continue;
      // Emptied required text stays text, so the server's message is "too short", not "not a string".
      const sent = REQUIRED.has(field.key) ? String(value).trim() : fromDraftValue(field, value);
      if (opportunity || sent !== null) body[field.key] = sent;
    }
    if (opportunity && Object.keys(body).length === 0) return onDone();
    if (gateReason) body.gateReason = gateReason;
    save.mutate(opportunity ? { ...body, version } : body, { onSuccess: onDone });
  };
  const reload = async () => {
    if (!opportunity) return;
    setReloading(true);
    const fresh = await queryClient.fetchQuery({ ...queries.opportunities(account.id), staleTime: 0 });
    await queryClient.invalidateQueries({ queryKey: queries.account(account.id).queryKey, exact: true });
    setReloading(false);
    save.reset();
    const current = fresh.find((item) => item.id === opportunity.id);
    if (!current) return;
    const next = draftOf(current);
    setDraft(
      Object.fromEntries(
        FIELDS.map(({ key }) => [key, same(draft[key], original[key]) ? next[key]! : draft[key]!]),
      ),
    );
    setOriginal(next);
    setVersion(current.version);
    setLatest(next);
  };

  return (
    <form
      aria-label={opportunity ? `Edit ${opportunity.name}` : 'New opportunity'}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack gap="sm">
        {isConflict(save.error) && <ConflictNotice onReload={reload} reloading={reloading} />}
        <SimpleGrid cols={2} spacing="md" verticalSpacing="sm">
          {FIELDS.map((field) => (
            <Box key={field.key} style={field.wide ? { gridColumn: '1 / -1' } : undefined}>
              <FieldInput
                field={field}
                value={draft[field.key]!}
                error={errors[field.key]}
                onChange={(value) => setDraft({ ...draft, [field.key]: value })}
              />
              {latest && !same(latest[field.key], draft[field.key]) && (
                <Text size="xs" c="orange.8" mt={2}>
                  Latest saved: {shown(field, latest[field.key]!)}
                </Text>
              )}
            </Box>
          ))}
        </SimpleGrid>
        {winsCustomer && (
          <Alert color="teal" variant="light" py={6}>
            <Text size="sm">
              Saving as closed won turns {account.name} from{' '}
              {label(stageLabels, account.relationshipStage).toLowerCase()} into a customer.
            </Text>
          </Alert>
        )}
        {gate && <GateNotice gate={gate} onRetry={submit} retrying={save.isPending} />}
        {save.error && !gate && !isConflict(save.error) && Object.keys(errors).length === 0 && (
          <ErrorNote error={save.error} />
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" size="xs" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" size="xs" loading={save.isPending}>
            {opportunity ? 'Save' : 'Add opportunity'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

const shown = (field: FieldSpec, value: Draft[string]) =>
  field.options?.find((option) => option.value === value)?.label ?? (String(value) || '(empty)');
