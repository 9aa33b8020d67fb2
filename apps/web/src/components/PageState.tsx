import { Alert, Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ErrorComponentProps } from '@tanstack/react-router';
import { errorMessage } from '../api.ts';

export function PageLoader() {
  return (
    <Center h={240}>
      <Loader size="sm" type="dots" aria-label="Loading" />
    </Center>
  );
}

export function PageError({ error, reset }: Partial<ErrorComponentProps> & { error: unknown }) {
  return (
    <Center p="xl">
      <Alert
        color="red"
        variant="light"
        icon={<IconAlertTriangle size={18} />}
        title="This page could not load"
        maw={560}
      >
        <Stack gap="xs">
          <Text size="sm">{errorMessage(error)}</Text>
          {reset && (
            <Group>
              <Button size="xs" variant="light" color="red" onClick={reset}>
                Try again
              </Button>
            </Group>
          )}
        </Stack>
      </Alert>
    </Center>
  );
}

/** An inline error for one card or form. */
export function ErrorNote({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <Alert color="red" variant="light" py={6} icon={<IconAlertTriangle size={16} />}>
      <Text size="sm">{errorMessage(error)}</Text>
    </Alert>
  );
}

export function Empty({ children }: { children: React.ReactNode }) {
  return (
    <Text size="sm" c="dimmed" py="sm">
      {children}
    </Text>
  );
}
