import { Alert, Button, Group, Text } from '@mantine/core';
import { IconGitMerge } from '@tabler/icons-react';

/** A stale edit (409): someone else saved first. Reloading keeps what the user typed. */
export function ConflictNotice({ onReload, reloading }: { onReload: () => void; reloading?: boolean }) {
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconGitMerge size={18} />}
      title="Someone else changed this record"
      role="alert"
    >
      <Group justify="space-between" wrap="nowrap" gap="md">
        <Text size="sm">
          It was saved by someone else after you opened it, so your change was not applied. Reload their
          version — your text stays in the form — then save again.
        </Text>
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
