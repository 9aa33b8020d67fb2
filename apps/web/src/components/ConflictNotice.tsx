import { Alert, Button, Group, Text } from '@mantine/core';
import { IconGitMerge } from '@tabler/icons-react';

const STALE_EDIT =
  'It was saved by someone else after you opened it, so your change was not applied. Reload their version — your text stays in the form — then save again.';

/**
 * A stale write (409): someone else saved first. For an edit, reloading keeps what the user
 * typed (the default message); a delete says its own.
 */
export function ConflictNotice({
  onReload,
  reloading,
  message = STALE_EDIT,
}: {
  onReload: () => void;
  reloading?: boolean;
  message?: string;
}) {
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconGitMerge size={18} />}
      title="Someone else changed this record"
      role="alert"
    >
      <Group justify="space-between" wrap="nowrap" gap="md">
        <Text size="sm">{message}</Text>
        <Button
          size="xs"
          color="orange"
          variant="filled"
          onClick={onReload}
          loading={reloading}
          style={{ flex: 'none' }}
        >
          Reload latest
        </Button>
      </Group>
    </Alert>
  );
}
