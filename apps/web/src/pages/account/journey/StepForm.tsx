import type { StepFormField } from '@liaison/contracts';
import { Anchor, Button, Group, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { fieldText, fieldValue } from '../../../journey-format.ts';

/**
 * A step's form (the handoff's general account review and technical handoff): each field
 * starts from the meta-record's suggestion; the user confirms it as it is or corrects it.
 * Lists are one item per line. Saving sends `data`; marking the step done sends it too.
 */
export function StepForm({
  fields,
  draft,
  onChange,
  onSave,
  saving,
}: {
  fields: StepFormField[];
  draft: Record<string, string>;
  onChange: (id: string, text: string) => void;
  onSave: () => void;
  saving: boolean;
}) {
  return (
    <Stack gap="xs" data-testid="step-form" role="group" aria-label="Step form">
      <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs">
        {fields.map((field) => {
          const text = draft[field.id] ?? '';
          const suggested = fieldText(field.suggested);
          const confirmed = field.value !== null;
          const differs = suggested !== '' && fieldText(fieldValue(field.kind, text)) !== suggested;
          return (
            <Stack key={field.id} gap={2}>
              <Textarea
                label={field.label}
                required={field.required}
                autosize
                minRows={1}
                maxRows={6}
                size="xs"
                value={text}
                placeholder={field.kind === 'list' ? 'One per line' : undefined}
                onChange={(event) => onChange(field.id, event.currentTarget.value)}
              />
              <Text size="xs" c="dimmed" data-testid={`field-note-${field.id}`}>
                {suggested === '' ? (
                  field.prefill ? (
                    'Nothing in the record to suggest'
                  ) : confirmed ? (
                    'Saved'
                  ) : (
                    'Not in the record: fill in'
                  )
                ) : differs ? (
                  <>
                    Corrected from the record’s “{suggested.replaceAll('\n', ', ')}” ·{' '}
                    <Anchor
                      component="button"
                      type="button"
                      size="xs"
                      onClick={() => onChange(field.id, suggested)}
                    >
                      use the suggestion
                    </Anchor>
                  </>
                ) : confirmed ? (
                  'Confirmed from the record'
                ) : (
                  'Suggested from the record: confirm or correct'
                )}
              </Text>
            </Stack>
          );
        })}
      </SimpleGrid>
      <Group>
        <Button size="xs" variant="light" onClick={onSave} loading={saving}>
          Save answers
        </Button>
      </Group>
    </Stack>
  );
}
