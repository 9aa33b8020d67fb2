import { Button, Card, Group, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, fieldErrors, isConflict } from '../../api.ts';
import { Dot, healthColors } from '../../components/Badges.tsx';
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
 * obligations in the same write, so the card says so and asks why it changed.
 */
export function SentimentCard({ account, assessment, canEdit }: AccountContext) {
  const queryClient = useQueryClient();
  const playbook = usePlaybook();
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
