import type { Account } from '@liaison/contracts';
import { Button, Card, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../api.ts';
import { CardTitle } from '../../components/PageHeader.tsx';
import { ErrorNote } from '../../components/PageState.tsx';
import { activityLabels, dateTime, label } from '../../format.ts';
import { useAccountMutation } from '../../mutations.ts';
import {
  ACTIVITY_FIELDS,
  type ActivityDraft,
  ActivityFields,
  activityBody,
  emptyActivity,
  withoutBlankRows,
} from './ActivityForm.tsx';
import { errorsOf } from './draft.ts';

export function LogActivity({
  account,
  onLogged,
  initial,
}: {
  account: Account;
  onLogged: () => () => void;
  /** A prefilled draft (the worklist's "Log" for an obligation); default: a cadence call. */
  initial?: ActivityDraft;
}) {
  const [draft, setDraft] = useState(() => initial ?? emptyActivity());
  const log = useAccountMutation(
    account.id,
    (values: ActivityDraft) => {
      const { kind, summary, ...rest } = activityBody(values);
      // An empty "When" means now, as the server defaults it.
      const occurredAt = values.occurredAt ? rest.occurredAt : undefined;
      return api.activities.create(account.id, { ...rest, kind: kind!, summary: summary!, occurredAt });
    },
    { success: (activity) => `${label(activityLabels, activity.kind)} logged.` },
  );
  const errors = errorsOf(log.error, ACTIVITY_FIELDS);

  return (
    <Card>
      <CardTitle>Log activity</CardTitle>
      <form
        aria-label="Log activity"
        onSubmit={(event) => {
          event.preventDefault();
          const values = withoutBlankRows(draft);
          setDraft(values);
          const logged = onLogged();
          log.mutate(values, {
            onSuccess: () => {
              logged();
              // The next entry is often of the same kind (a run of calls): keep it.
              setDraft({ ...emptyActivity(), kind: values.kind });
            },
          });
        }}
      >
        <Stack gap="sm">
          <ActivityFields
            account={account}
            draft={draft}
            update={(patch) => setDraft((current) => ({ ...current, ...patch }))}
            at={errors.at}
          />
          {errors.general && <ErrorNote error={log.error} />}
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              Obligations and health update as soon as it is saved.
            </Text>
            <Button type="submit" loading={log.isPending}>
              Log activity
            </Button>
          </Group>
          <Text size="xs" c="dimmed">
            Last change to this account: {dateTime(account.updatedAt)}
          </Text>
        </Stack>
      </form>
    </Card>
  );
}
