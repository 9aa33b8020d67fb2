import type { UpdateAccountRequest } from '@liaison/contracts';
import { Badge, Button, Card, Group, SegmentedControl, Stack, Switch, Text, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, fieldErrors, isConflict } from '../../api.ts';
import { Dot, healthColors, RequiresTriageBadge } from '../../components/Badges.tsx';
import { ConflictNotice } from '../../components/ConflictNotice.tsx';
import { CardTitle } from '../../components/PageHeader.tsx';
import { ErrorNote } from '../../components/PageState.tsx';
import { date, healthLabels, label, relativeDay } from '../../format.ts';
import { usePlaybook } from '../../hooks.ts';
import { useAccountMutation } from '../../mutations.ts';
import { sentimentShare } from '../../playbook-text.ts';
import { queries } from '../../queries.ts';
import type { AccountContext } from './AccountPage.tsx';

/**
 * The TAM's sentiment, the heaviest input of health: setting it recomputes health, priority and
 * obligations in the same write, so the card says so and asks why it changed. The risk update
 * carries "Requires triage" too (Yellow + Requires Triage: the TAM needs help), in the same PATCH.
 */
export function SentimentCard({ account, assessment, canEdit }: AccountContext) {
  const queryClient = useQueryClient();
  const playbook = usePlaybook();
  const [colour, setColour] = useState<string>(account.sentiment ?? 'green');
  const [reason, setReason] = useState('');
  const [triage, setTriage] = useState(account.requiresTriage);
  const [reloading, setReloading] = useState(false);
  const update = useAccountMutation(
    account.id,
    (input: UpdateAccountRequest & { version: number }) => api.accounts.update(account.id, input),
    { success: 'Sentiment updated: health, priority and obligations recomputed.' },
  );
  // What the playbook in force makes of the flag (docs/playbook.md, At risk).
  const triageCounts = playbook.priority.atRisk.yellowWithTriage;
  const triageHint = triageCounts
    ? 'With yellow health, the account counts as at risk (Yellow + Requires Triage).'
    : 'Recorded for the account team; this playbook does not count it as at risk.';
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
            {sentimentShare(playbook)}% of health
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
      {!canEdit && (
        <Group gap={8} data-testid="requires-triage-state">
          <Text size="sm" c="dimmed">
            Requires triage
          </Text>
          {account.requiresTriage ? (
            <RequiresTriageBadge size="xs" />
          ) : (
            <Badge size="xs" color="gray" variant="light">
              No
            </Badge>
          )}
        </Group>
      )}
      {canEdit && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            const sentiment = colour as 'green' | 'yellow' | 'red';
            const why = reason.trim();
            // One PATCH: the sentiment, its reason (kept when neither it nor the colour changed)
            // and "Requires triage".
            update.mutate(
              {
                sentiment,
                ...(why || sentiment !== account.sentiment ? { sentimentReason: why || null } : {}),
                requiresTriage: triage,
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
            <Switch
              label="Requires triage (I need help)"
              description={triageHint}
              size="sm"
              checked={triage}
              onChange={(event) => setTriage(event.currentTarget.checked)}
              error={errors.requiresTriage}
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
