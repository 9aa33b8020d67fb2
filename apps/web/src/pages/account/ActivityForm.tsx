import type { Account, Activity, UpdateActivityRequest } from '@liaison/contracts';
import {
  ActionIcon,
  Box,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { activityLabels, options, purposeLabels } from '../../format.ts';
import { useUserNames } from '../../hooks.ts';
import { instantOf, localInput } from './draft.ts';

/** An action item as the form holds it: the owner as `u:<user>` or `c:<contact>` in one picker. */
export interface ActionDraft {
  /** Kept when editing, so the item keeps its task (docs/tasks.md). */
  id?: string | undefined;
  text: string;
  owner: string | null;
  dueDate: string;
  done: boolean;
}

/** An activity as the form holds it: attendees as `u:<user>` / `c:<contact>` in one picker. */
export interface ActivityDraft {
  kind: string;
  occurredAt: string;
  summary: string;
  notes: string;
  attendees: string[];
  actionItems: ActionDraft[];
  purposes: string[];
}

export const ACTIVITY_FIELDS = [
  'kind',
  'occurredAt',
  'summary',
  'notes',
  'attendees',
  'actionItems',
  'purposes',
] as const;

export const emptyActivity = (): ActivityDraft => ({
  kind: 'cadence_call',
  occurredAt: localInput(),
  summary: '',
  notes: '',
  attendees: [],
  actionItems: [],
  purposes: [],
});

export const draftOf = (activity: Activity): ActivityDraft => ({
  kind: activity.kind,
  occurredAt: localInput(activity.occurredAt),
  summary: activity.summary,
  notes: activity.notes ?? '',
  attendees: [
    ...activity.attendees.userIds.map((id) => `u:${id}`),
    ...activity.attendees.contactIds.map((id) => `c:${id}`),
  ],
  actionItems: activity.actionItems.map((item) => ({
    id: item.id,
    text: item.text,
    owner: item.ownerUserId
      ? `u:${item.ownerUserId}`
      : item.ownerContactId
        ? `c:${item.ownerContactId}`
        : null,
    dueDate: item.dueDate ?? '',
    done: item.done,
  })),
  purposes: activity.purposes,
});

/**
 * Blank action-item rows are dropped before saving, and from the draft too, so that the
 * server's `actionItems.<n>` errors point at the rows the user sees.
 */
export const withoutBlankRows = (draft: ActivityDraft): ActivityDraft => ({
  ...draft,
  actionItems: draft.actionItems.filter((item) => item.text.trim()),
});

/** The request fields for the given draft fields (all of them when logging, the changed ones when editing). */
export function activityBody(
  draft: ActivityDraft,
  fields: readonly (keyof ActivityDraft)[] = ACTIVITY_FIELDS,
) {
  const body: UpdateActivityRequest = {};
  for (const field of fields) {
    if (field === 'kind') body.kind = draft.kind as Activity['kind'];
    if (field === 'occurredAt') body.occurredAt = instantOf(draft.occurredAt);
    if (field === 'summary') body.summary = draft.summary;
    if (field === 'notes') body.notes = draft.notes.trim() || null;
    if (field === 'purposes') body.purposes = draft.purposes as Activity['purposes'];
    if (field === 'attendees')
      body.attendees = {
        userIds: draft.attendees.filter((id) => id.startsWith('u:')).map((id) => id.slice(2)),
        contactIds: draft.attendees.filter((id) => id.startsWith('c:')).map((id) => id.slice(2)),
      };
    if (field === 'actionItems')
      body.actionItems = draft.actionItems.map((item) => ({
        ...(item.id ? { id: item.id } : {}),
        text: item.text.trim(),
        ownerUserId: item.owner?.startsWith('u:') ? item.owner.slice(2) : null,
        ownerContactId: item.owner?.startsWith('c:') ? item.owner.slice(2) : null,
        dueDate: item.dueDate || null,
        done: item.done,
      }));
  }
  return body;
}

/** The fields of the log and edit forms; `at` gives the server's message for a field. */
export function ActivityFields({
  account,
  draft,
  update,
  at,
  editing = false,
}: {
  account: Account;
  draft: ActivityDraft;
  update: (patch: Partial<ActivityDraft>) => void;
  at: (field: string) => string | undefined;
  editing?: boolean;
}) {
  const userName = useUserNames();
  const known = new Set([
    ...account.team.map((member) => `u:${member.userId}`),
    ...account.contacts.map((contact) => `c:${contact.id}`),
  ]);
  // People who attended but have since left the team or the record still need a name (and a way out).
  const others = draft.attendees
    .filter((id) => !known.has(id))
    .map((id) => ({ value: id, label: id.startsWith('u:') ? userName(id.slice(2)) : 'Former contact' }));
  const people = [
    {
      group: 'Account team',
      items: account.team.map((member) => ({ value: `u:${member.userId}`, label: member.userName })),
    },
    {
      group: 'Customer',
      items: account.contacts.map((contact) => ({ value: `c:${contact.id}`, label: contact.name })),
    },
    ...(others.length ? [{ group: 'No longer on the account', items: others }] : []),
  ];
  // Staff or one of the customer's people: a contact owns the customer's own actions.
  const staffOwners = account.team.map((member) => ({ value: `u:${member.userId}`, label: member.userName }));
  for (const item of draft.actionItems)
    if (item.owner?.startsWith('u:') && !staffOwners.some((owner) => owner.value === item.owner))
      staffOwners.push({ value: item.owner, label: userName(item.owner.slice(2)) });
  const owners = [
    { group: 'Account team', items: staffOwners },
    {
      group: 'Customer',
      items: account.contacts.map((contact) => ({ value: `c:${contact.id}`, label: contact.name })),
    },
  ];
  const setItem = (index: number, patch: Partial<ActionDraft>) =>
    update({
      actionItems: draft.actionItems.map((item, other) => (other === index ? { ...item, ...patch } : item)),
    });

  return (
    <>
      <Group grow gap="xs" align="flex-start">
        <Select
          label="Kind"
          data={options(activityLabels)}
          value={draft.kind}
          onChange={(value) => update({ kind: value ?? 'cadence_call' })}
          allowDeselect={false}
          error={at('kind')}
        />
        <TextInput
          label="When"
          type="datetime-local"
          value={draft.occurredAt}
          onChange={(event) => update({ occurredAt: event.currentTarget.value })}
          error={at('occurredAt')}
        />
      </Group>
      <TextInput
        label="Summary"
        placeholder="e.g. Monthly cadence: CI migration and renewal timeline"
        required
        value={draft.summary}
        onChange={(event) => update({ summary: event.currentTarget.value })}
        error={at('summary')}
      />
      <Textarea
        label="Notes"
        autosize
        minRows={3}
        maxRows={10}
        value={draft.notes}
        onChange={(event) => update({ notes: event.currentTarget.value })}
        error={at('notes')}
      />
      <MultiSelect
        label="Attendees"
        data={people}
        value={draft.attendees}
        onChange={(attendees) => update({ attendees })}
        searchable
        placeholder={draft.attendees.length ? undefined : 'Who was there'}
        error={at('attendees')}
      />
      <Box>
        <Group justify="space-between" mb={4}>
          <Text size="sm" fw={500}>
            Action items
          </Text>
          <Button
            size="compact-xs"
            variant="subtle"
            leftSection={<IconPlus size={12} />}
            onClick={() =>
              update({
                actionItems: [...draft.actionItems, { text: '', owner: null, dueDate: '', done: false }],
              })
            }
          >
            Add action item
          </Button>
        </Group>
        <Stack gap="xs">
          {draft.actionItems.map((item, index) => (
            // Two lines per item: in the side column the text needs the full width to be read.
            // biome-ignore lint/suspicious/noArrayIndexKey: rows of a draft list
            <Stack key={index} gap={4}>
              <Group gap={6} wrap="nowrap" align="flex-start">
                {editing && (
                  <Checkbox
                    aria-label={`Action item ${index + 1} done`}
                    checked={item.done}
                    onChange={(event) => setItem(index, { done: event.currentTarget.checked })}
                    mt={6}
                  />
                )}
                <TextInput
                  aria-label={`Action item ${index + 1}`}
                  placeholder="What needs doing"
                  size="xs"
                  style={{ flex: 1 }}
                  value={item.text}
                  error={at(`actionItems.${index}.text`)}
                  onChange={(event) => setItem(index, { text: event.currentTarget.value })}
                />
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={`Remove action item ${index + 1}`}
                  onClick={() =>
                    update({ actionItems: draft.actionItems.filter((_, other) => other !== index) })
                  }
                  mt={2}
                >
                  <IconTrash size={14} />
                </ActionIcon>
              </Group>
              <Group gap={6} wrap="nowrap" align="flex-start" pl={editing ? 26 : 0} pr={34}>
                <Select
                  aria-label={`Owner of action item ${index + 1}`}
                  placeholder="Owner"
                  size="xs"
                  style={{ flex: 1 }}
                  data={owners}
                  value={item.owner}
                  clearable
                  allowDeselect
                  error={at(`actionItems.${index}.ownerUserId`) ?? at(`actionItems.${index}.ownerContactId`)}
                  onChange={(value) => setItem(index, { owner: value })}
                />
                <TextInput
                  aria-label={`Due date of action item ${index + 1}`}
                  type="date"
                  size="xs"
                  style={{ flex: 1 }}
                  value={item.dueDate}
                  error={at(`actionItems.${index}.dueDate`)}
                  onChange={(event) => setItem(index, { dueDate: event.currentTarget.value })}
                />
              </Group>
            </Stack>
          ))}
        </Stack>
        {at('actionItems') && !draft.actionItems.some((_, index) => at(`actionItems.${index}`)) && (
          <Text size="xs" c="red.7" mt={4}>
            {at('actionItems')}
          </Text>
        )}
      </Box>
      <Checkbox.Group
        label="Renewal playbook"
        value={draft.purposes}
        onChange={(purposes) => update({ purposes })}
        error={at('purposes')}
      >
        <Group gap="md" mt={4}>
          {Object.entries(purposeLabels).map(([value, text]) => (
            <Checkbox key={value} value={value} label={text} size="xs" />
          ))}
        </Group>
      </Checkbox.Group>
    </>
  );
}
