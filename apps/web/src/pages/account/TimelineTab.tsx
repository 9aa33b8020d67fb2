import type { Activity } from '@liaison/contracts';
import { Box, Button, Card, Grid, Modal, Stack, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, api } from '../../api.ts';
import { CardTitle } from '../../components/PageHeader.tsx';
import { Empty } from '../../components/PageState.tsx';
import { activityLabels, date, label } from '../../format.ts';
import { queries } from '../../queries.ts';
import type { AccountContext } from './AccountPage.tsx';
import { ActivityEditor } from './ActivityEditor.tsx';
import { ActivityItem } from './ActivityItem.tsx';
import { ConfirmDelete } from './ConfirmDelete.tsx';
import { LogActivity } from './LogActivity.tsx';
import { ObligationShift, useObligationShift } from './ObligationShift.tsx';

export function TimelineTab({ account, assessment, canEdit }: AccountContext) {
  const activities = useInfiniteQuery(queries.activities(account.id));
  const items = activities.data?.pages.flatMap((page) => page.items) ?? [];
  const contacts = new Map(account.contacts.map((contact) => [contact.id, contact.name]));
  const shift = useObligationShift(assessment);
  // By id, so that a refetch (after a write or a reload) hands the latest version to the editor.
  const [editingId, setEditingId] = useState<string | null>(null);
  const [deletingId, setDeletingId] = useState<string | null>(null);
  const editing = items.find((activity) => activity.id === editingId) ?? null;
  const deleting = items.find((activity) => activity.id === deletingId) ?? null;

  return (
    <Grid gap="lg">
      <Grid.Col span={canEdit ? 7 : 12}>
        <Card>
          <CardTitle
            right={
              <Text size="xs" c="dimmed">
                newest first
              </Text>
            }
          >
            Timeline
          </CardTitle>
          {activities.isPending ? (
            <Text size="sm" c="dimmed">
              Loading…
            </Text>
          ) : items.length === 0 ? (
            <Empty>Nothing logged yet.</Empty>
          ) : (
            <Stack gap={0} data-testid="timeline">
              {items.map((activity) => (
                <ActivityItem
                  key={activity.id}
                  activity={activity}
                  contacts={contacts}
                  selected={activity.id === editingId}
                  {...(canEdit && {
                    onEdit: () => setEditingId(activity.id),
                    onDelete: () => setDeletingId(activity.id),
                  })}
                />
              ))}
            </Stack>
          )}
          {activities.hasNextPage && (
            <Button
              variant="default"
              size="xs"
              mt="sm"
              onClick={() => activities.fetchNextPage()}
              loading={activities.isFetchingNextPage}
            >
              Show older
            </Button>
          )}
        </Card>
      </Grid.Col>
      {canEdit && (
        <Grid.Col span={5}>
          <Stack gap="sm" style={{ position: 'sticky', top: 16 }}>
            <ObligationShift assessment={assessment} shift={shift} />
            {editing && (
              <ActivityEditor
                key={editing.id}
                account={account}
                activity={editing}
                onSaved={() => shift.track('Saved')}
                onClose={() => setEditingId(null)}
              />
            )}
            {/* Hidden rather than unmounted while editing, so a half-written log entry survives. */}
            <Box display={editing ? 'none' : undefined}>
              <LogActivity account={account} onLogged={() => shift.track('Logged')} />
            </Box>
          </Stack>
        </Grid.Col>
      )}
      <Modal
        opened={deleting !== null}
        onClose={() => setDeletingId(null)}
        title="Delete this activity?"
        centered
      >
        {deleting && (
          <DeleteActivity
            activity={deleting}
            onDeleted={() => shift.track('Deleted')}
            onDone={() => {
              if (deleting.id === editingId) setEditingId(null);
              setDeletingId(null);
            }}
          />
        )}
      </Modal>
    </Grid>
  );
}

/** Deleting is for entries logged by mistake; the history keeps what was deleted and by whom. */
function DeleteActivity({
  activity,
  onDeleted,
  onDone,
}: {
  activity: Activity;
  onDeleted: () => () => void;
  onDone: () => void;
}) {
  return (
    <ConfirmDelete
      accountId={activity.accountId}
      action={async () => {
        const deleted = onDeleted();
        try {
          await api.activities.delete(activity.id, activity.version);
        } catch (error) {
          // Someone else deleted it first: what the user asked for is done.
          if (!(error instanceof ApiError && error.status === 404)) throw error;
        }
        deleted();
      }}
      listKey={queries.activities(activity.accountId).queryKey}
      success="Activity deleted."
      confirmLabel="Delete activity"
      onDone={onDone}
    >
      <Text size="sm">
        <b>{activity.summary}</b> — {label(activityLabels, activity.kind)}, {date(activity.occurredAt)}.
      </Text>
      <Text size="xs" c="dimmed">
        Obligations it met are worked out again without it. The account history keeps what was deleted.
      </Text>
    </ConfirmDelete>
  );
}
