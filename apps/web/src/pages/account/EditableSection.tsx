import type { Account } from '@liaison/contracts';
import { Box, Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { fieldErrors, isConflict } from '../../api.ts';
import { ConflictNotice } from '../../components/ConflictNotice.tsx';
import { CardTitle } from '../../components/PageHeader.tsx';
import { ErrorNote } from '../../components/PageState.tsx';
import { useAccountMutation } from '../../mutations.ts';
import { queries } from '../../queries.ts';
import { displayField, FieldInput } from './FieldControls.tsx';
import {
  type Draft,
  type FieldSpec,
  fromDraftValue,
  nest,
  read,
  same,
  toDraftValue,
} from './profile-fields.ts';

/**
 * A record section shown as facts, edited in place. Saves only the changed fields with the
 * version it read; a 400 puts each message under its field; a 409 keeps the draft and offers
 * a reload of the latest version (then shows what the other person saved under each field).
 */
export function EditableSection({
  title,
  testId,
  fields,
  source,
  version,
  canEdit,
  save,
  accountId,
  contacts = new Map(),
  columns = 2,
  versionOf,
  sourceOf,
}: {
  title: string;
  testId: string;
  fields: FieldSpec[];
  source: unknown;
  version: number;
  canEdit: boolean;
  save: (payload: Record<string, unknown>) => Promise<unknown>;
  accountId: string;
  contacts?: Map<string, string>;
  columns?: number;
  /** The section's version in a freshly loaded account (after a conflict). */
  versionOf: (account: Account) => number;
  /** The section's record in a freshly loaded account. */
  sourceOf: (account: Account) => unknown;
}) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [original, setOriginal] = useState<Draft>({});
  const [baseVersion, setBaseVersion] = useState(version);
  const [reloaded, setReloaded] = useState(false);
  const [reloading, setReloading] = useState(false);
  const mutation = useAccountMutation(accountId, save, { success: `${title} saved.` });
  const errors = fieldErrors(mutation.error);
  const editing = draft !== null;

  const start = () => {
    const values = Object.fromEntries(
      fields.map((field) => [field.key, toDraftValue(field, read(source, field.key))]),
    );
    setDraft(values);
    setOriginal(values);
    setBaseVersion(version);
    setReloaded(false);
    mutation.reset();
  };
  const submit = () => {
    if (!draft) return;
    const changed: Record<string, unknown> = {};
    // Only what the user edited: after a reload, fields someone else changed stay theirs.
    for (const field of fields) {
      if (!same(draft[field.key], original[field.key]))
        changed[field.key] = fromDraftValue(field, draft[field.key]!);
    }
    if (Object.keys(changed).length === 0) {
      setDraft(null);
      return;
    }
    mutation.mutate({ ...nest(changed), version: baseVersion } as never, { onSuccess: () => setDraft(null) });
  };
  const reload = async () => {
    setReloading(true);
    const fresh = await queryClient.fetchQuery({ ...queries.account(accountId), staleTime: 0 });
    await queryClient.invalidateQueries({ queryKey: ['assessment', accountId], exact: true });
    setBaseVersion(versionOf(fresh));
    // Fields the user did not touch take the latest values; edited ones keep the user's text.
    const latest = Object.fromEntries(
      fields.map((field) => [field.key, toDraftValue(field, read(sourceOf(fresh), field.key))]),
    );
    if (draft) {
      const merged: Draft = { ...draft };
      const base: Draft = { ...original };
      for (const field of fields) {
        if (same(draft[field.key], original[field.key])) {
          merged[field.key] = latest[field.key]!;
          base[field.key] = latest[field.key]!;
        }
      }
      setDraft(merged);
      setOriginal(base);
    }
    setReloaded(true);
    setReloading(false);
    mutation.reset();
  };

  return (
    <Card data-testid={testId}>
      <CardTitle
        right={
          canEdit &&
          !editing && (
            <Button
              size="xs"
              variant="subtle"
              leftSection={<IconPencil size={14} />}
              onClick={start}
              aria-label={`Edit ${title.toLowerCase()}`}
            >
              Edit
            </Button>
          )
        }
      >
        {title}
      </CardTitle>
      {!editing ? (
        <SimpleGrid cols={columns} spacing="md" verticalSpacing="sm">
          {fields.map((field) => (
            <Box key={field.key} style={field.wide ? { gridColumn: '1 / -1' } : undefined}>
              <Text size="xs" c="dimmed" mb={2}>
                {field.label}
              </Text>
              {displayField(field, read(source, field.key), contacts)}
            </Box>
          ))}
        </SimpleGrid>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
          aria-label={`Edit ${title.toLowerCase()}`}
        >
          <Stack gap="sm">
            {isConflict(mutation.error) && <ConflictNotice onReload={reload} reloading={reloading} />}
            {reloaded && (
              <Text size="xs" c="orange.8">
                Reloaded the latest version. Where it differs from your text it is shown under the field;
                saving applies only the fields you edited.
              </Text>
            )}
            <SimpleGrid cols={columns} spacing="md" verticalSpacing="sm">
              {fields.map((field) => {
                const serverValue = toDraftValue(field, read(source, field.key));
                const differs = reloaded && !same(serverValue, draft[field.key]);
                return (
                  <Box key={field.key} style={field.wide ? { gridColumn: '1 / -1' } : undefined}>
                    <FieldInput
                      field={field}
                      value={draft[field.key]!}
                      error={
                        errors[
                          Object.keys(errors).find(
                            (path) => path === field.key || path.startsWith(`${field.key}.`),
                          ) ?? ''
                        ]
                      }
                      onChange={(value) => setDraft({ ...draft, [field.key]: value })}
                    />
                    {differs && (
                      <Text size="xs" c="orange.8" mt={2}>
                        Latest saved:{' '}
                        {Array.isArray(serverValue)
                          ? serverValue.join(', ')
                          : String(serverValue) || '(empty)'}
                      </Text>
                    )}
                  </Box>
                );
              })}
            </SimpleGrid>
            {mutation.error && !isConflict(mutation.error) && Object.keys(errors).length === 0 && (
              <ErrorNote error={mutation.error} />
            )}
            {Object.keys(errors).length > 0 && (
              <Text size="xs" c="red.7" role="alert">
                Some fields need attention: {Object.keys(errors).join(', ')}.
              </Text>
            )}
            <Group justify="flex-end" gap="xs">
              <Button variant="default" size="xs" onClick={() => setDraft(null)}>
                Cancel
              </Button>
              <Button type="submit" size="xs" loading={mutation.isPending}>
                Save
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Card>
  );
}
