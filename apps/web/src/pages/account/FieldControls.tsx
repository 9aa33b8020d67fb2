import { Badge, Group, List, MultiSelect, Select, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { date, dateTime, moneyFull } from '../../format.ts';
import type { FieldSpec } from './profile-fields.ts';

/** How a field reads when not editing: text, a list, badges, money, a date, a contact's name. */
export function displayField(field: FieldSpec, value: unknown, contacts: Map<string, string>) {
  if (field.kind === 'switch') return <Text size="sm">{value ? 'Yes' : 'No'}</Text>;
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0))
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  if (field.kind === 'list')
    return (
      <List size="sm" spacing={2}>
        {(value as string[]).map((item) => (
          <List.Item key={item}>{item}</List.Item>
        ))}
      </List>
    );
  if (field.kind === 'multi')
    return (
      <Group gap={4}>
        {(value as string[]).map((item) => (
          <Badge key={item} size="sm" variant="default">
            {field.options?.find((option) => option.value === item)?.label ?? item}
          </Badge>
        ))}
      </Group>
    );
  if (field.kind === 'money') return <Text size="sm">{moneyFull(value as number)}</Text>;
  if (field.kind === 'number') return <Text size="sm">{(value as number).toLocaleString('en-US')}</Text>;
  if (field.kind === 'date') return <Text size="sm">{date(value as string)}</Text>;
  if (field.kind === 'instant') return <Text size="sm">{dateTime(value as string)}</Text>;
  if (field.kind === 'select') {
    const text =
      contacts.get(value as string) ?? field.options?.find((option) => option.value === value)?.label;
    return <Text size="sm">{text ?? String(value)}</Text>;
  }
  return (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
      {String(value)}
    </Text>
  );
}

/** The form control of a field, by its kind. */
export function FieldInput({
  field,
  value,
  error,
  onChange,
}: {
  field: FieldSpec;
  value: string | boolean | string[];
  error: string | undefined;
  onChange: (value: string | boolean | string[]) => void;
}) {
  const common = { label: field.label, error, description: field.help, size: 'xs' as const };
  switch (field.kind) {
    case 'switch':
      return (
        <Switch
          {...common}
          mt={18}
          checked={Boolean(value)}
          onChange={(event) => onChange(event.currentTarget.checked)}
        />
      );
    case 'longtext':
      return (
        <Textarea
          {...common}
          autosize
          minRows={2}
          maxRows={8}
          value={String(value)}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      );
    case 'list':
      return (
        <Textarea
          {...common}
          description={field.help ?? 'One per line'}
          autosize
          minRows={2}
          maxRows={8}
          value={String(value)}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      );
    case 'select':
      return (
        <Select
          {...common}
          data={field.options ?? []}
          value={String(value) || null}
          onChange={(next) => onChange(next ?? '')}
          clearable
          allowDeselect
        />
      );
    case 'multi':
      return (
        <MultiSelect
          {...common}
          data={field.options ?? []}
          value={value as string[]}
          onChange={onChange}
          searchable
        />
      );
    case 'date':
    case 'instant':
      return (
        <TextInput
          {...common}
          type="date"
          value={String(value)}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      );
    case 'number':
    case 'money':
      return (
        <TextInput
          {...common}
          inputMode="decimal"
          leftSection={field.kind === 'money' ? '$' : undefined}
          value={String(value)}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      );
    default:
      return (
        <TextInput
          {...common}
          value={String(value)}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      );
  }
}
