import type { Account, Activity } from '@liaison/contracts';
import { Button, Card, Group, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, isConflict } from '../../api.ts';
import { ConflictNotice } from '../../components/ConflictNotice.tsx';
import { CardTitle } from '../../components/PageHeader.tsx';
import { ErrorNote } from '../../components/PageState.tsx';
import { dateTime } from '../../format.ts';
import { useUserNames } from '../../hooks.ts';
import { useAccountMutation } from '../../mutations.ts';
import { queries } from '../../queries.ts';
import {
  ACTIVITY_FIELDS,
  type ActivityDraft,
  ActivityFields,
  activityBody,
  draftOf,
  withoutBlankRows,
} from './ActivityForm.tsx';
import { errorsOf, same, useDraft } from './draft.ts';

/**
 * Fixes a logged activity in the log form's place. Saves only the fields the user changed,
 * with the version it read; a 409 keeps the user's text and offers the latest version.
 */
export function ActivityEditor({
  account,
  activity,
  onSaved,
  onClose,
}: {
  account: Account;
  activity: Activity;
  /** Called before the write; what it returns is called once it is saved. */
  onSaved: () => () => void;
  onClose: () => void;
}) {
  const userName = useUserNames();
  const queryClient = useQueryClient();
  const form = useDraft(draftOf(activity), activity.version);
  const [reloading, setReloading] = useState(false);
  const [reloaded, setReloaded] = useState(false);
  const [reloadError, setReloadError] = useState<unknown>(null);
  const save = useAccountMutation(
    account.id,
    ({
      values,
      fields,
      version,
    }: {
      values: ActivityDraft;
      fields: (keyof ActivityDraft)[];
      version: number;
    }) => api.activities.update(activity.id, { ...activityBody(values, fields), version }),
    { success: 'Activity saved.' },
  );
  const errors = errorsOf(save.error, ACTIVITY_FIELDS);

  const submit = () => {
    const values = withoutBlankRows(form.draft);
    form.update(values);
    const fields = ACTIVITY_FIELDS.filter((field) => !same(values[field], form.original[field]));
    if (fields.length === 0) return onClose();
    const saved = onSaved();
    save.mutate(
      { values, fields, version: form.version },
      {
        onSuccess: () => {
          saved();
          onClose();
        },
      },
    );
  };
  const reload = async () => {
    setReloading(true);
    setReloadError(null);
    try {
      const latest = await api.activities.get(activity.id);
      form.rebase(draftOf(latest), latest.version);
      setReloaded(true);
      save.reset();
      await queryClient.invalidateQueries({ queryKey: queries.activities(account.id).queryKey });
    } catch (error) {
      // Most likely deleted meanwhile: say so rather than keep offering a reload.
      setReloadError(error);
    } finally {
      setReloading(false);
    }
  };

  return (
    <Card data-testid="activity-editor">
      <CardTitle
        right={
          <Text size="xs" c="dimmed">
            {activity.createdByUserId ? `logged by ${userName(activity.createdByUserId)}` : null}
          </Text>
        }
      >
        Edit activity
      </CardTitle>
      <form
        aria-label="Edit activity"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          {isConflict(save.error) && <ConflictNotice onReload={reload} reloading={reloading} />}
          {reloadError ? <ErrorNote error={reloadError} /> : null}
          {reloaded && (
            <Text size="xs" c="orange.8">
              Reloaded the latest version; the fields you had edited keep your text, and saving applies only
              those.
            </Text>
          )}
          <ActivityFields account={account} draft={form.draft} update={form.update} at={errors.at} editing />
          {errors.general && <ErrorNote error={save.error} />}
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              Last saved {dateTime(activity.updatedAt)}
            </Text>
            <Group gap="xs">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit" loading={save.isPending}>
                Save changes
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
